"""Missing translations: warnings, one per record and language, naming the fields."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from partnerhub.i18n import current_language
from partnerhub.model.fields import Translatable
from partnerhub.model.walk import walk
from partnerhub.yamlsource import Mark
from partnerhub.validation.problems import format_path

_MAX_FIELDS = 6


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale("en")


def language_name(code: str) -> str:
    """``el`` -> ``Greek`` (``grec`` under ``--lang fr``), named in the language of the messages."""
    return _locale(current_language()).languages.get(code) or code


def check(hub, report) -> None:
    config = hub.config
    for entries in hub.records.values():
        for entry in entries.values():
            missing: dict[str, list[str]] = {lang: [] for lang in config.other_languages}
            for path, marker, value in walk(entry.record):
                if isinstance(marker, Translatable):
                    for lang in config.other_languages:
                        if not (value.get(lang) or "").strip():
                            missing[lang].append(format_path(path))
            for lang, fields in missing.items():
                if fields:
                    shown = ", ".join(fields[:_MAX_FIELDS]) + (", …" if len(fields) > _MAX_FIELDS else "")
                    report.add(entry.file, entry.positions.of(("id",)) if entry.positions.values else Mark(1, 1),
                               "translation_missing", {
                                   "language": f"{language_name(lang)} ({lang})",
                                   "lang": lang,
                                   "fields": shown,
                                   "default": language_name(config.default_language),
                               }, "", severity="warning")
