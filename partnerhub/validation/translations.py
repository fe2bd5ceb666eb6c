"""Missing translations: warnings, one per record and language, naming the fields."""

from __future__ import annotations

from babel import Locale

from partnerhub.model.fields import Translatable
from partnerhub.model.walk import walk
from partnerhub.validation.problems import format_path
from partnerhub.yamlsource import Mark


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
                    shown = ", ".join(fields[:6]) + (", …" if len(fields) > 6 else "")
                    report.add(entry.file, entry.positions.of(("id",)) if entry.positions.values else Mark(1, 1),
                               "translation_missing", {
                                   "language": Locale("en").languages.get(lang, lang) + f" ({lang})",
                                   "fields": shown,
                                   "default": Locale("en").languages.get(config.default_language, config.default_language),
                               }, "", severity="warning")
