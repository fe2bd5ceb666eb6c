"""Missing translations: warnings, one per record and language, naming the fields."""

from __future__ import annotations

from partnerhub.messages import LanguageName
from partnerhub.model.fields import Translatable
from partnerhub.model.walk import walk
from partnerhub.problems import format_path
from partnerhub.yamlsource import Mark

_MAX_FIELDS = 6


def missing_translations(entry, languages) -> dict[str, list[str]]:
    """Language -> the field paths of ``entry``'s record with no text in it."""
    missing: dict[str, list[str]] = {lang: [] for lang in languages}
    for path, marker, value in walk(entry.record):
        if isinstance(marker, Translatable):
            for lang in languages:
                if not (value.get(lang) or "").strip():
                    missing[lang].append(format_path(path))
    return missing


def check(hub, report) -> None:
    config = hub.config
    for entries in hub.records.values():
        for entry in entries.values():
            for lang, fields in missing_translations(entry, config.other_languages).items():
                if fields:
                    shown = ", ".join(fields[:_MAX_FIELDS]) + (", …" if len(fields) > _MAX_FIELDS else "")
                    report.add(entry.file, entry.positions.of(("id",)) if entry.positions.values else Mark(1, 1),
                               "translation_missing", {
                                   "language": LanguageName(lang), "lang": lang, "fields": shown,
                                   "default": LanguageName(config.default_language),
                               }, "", severity="warning")
