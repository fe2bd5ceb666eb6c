"""What still lacks a translation, computed once for the validator's warnings and the dashboard.

:func:`missing_pieces` lists, for every language of the hub but the default, each piece
with no text in it: a record's fields (one piece per record), a hand-written page of
``docs/<default>/`` with no ``docs/<lang>/`` twin, a vocabulary term's label, and the
interface strings (one piece per language whose catalog,
``partnerhub/locale/<lang>/LC_MESSAGES/messages.po``, lacks strings or is missing). The
validator turns each piece into one warning (:func:`check`); the translations dashboard
(``partnerhub/render/translations_page.py``) lists the same pieces, so its counts are the
validator's. Adding a language to ``data/hub.yml`` thus yields a warning for every missing
piece instead of a silently English interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partnerhub.i18n import LOCALE_DIR, SOURCE_LANGUAGE
from partnerhub.messages import LanguageName
from partnerhub.model.fields import Translatable
from partnerhub.model.walk import walk
from partnerhub.problems import format_path
from partnerhub.yamlsource import Mark

_MAX_FIELDS = 6
CATEGORIES = ("record", "page", "vocabulary", "interface")  # in the dashboard's order


@dataclass(frozen=True)
class Missing:
    """One piece without a translation in ``lang``, where to add it, and its warning."""

    category: str  # one of CATEGORIES
    lang: str
    path: Path  # the file to edit (for a page: the default language's text, to translate)
    line: int
    kind: str  # a record type's folder, a vocabulary's name, "docs", "interface"
    item: str  # a record id, a page's file under docs/<lang>/, a term, the catalog's file
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    # (field path, line) of a record's fields, or (msgid, line in the catalog) of interface strings
    details: tuple[tuple[str, int], ...] = ()


def missing_translations(entry, languages) -> dict[str, list[str]]:
    """Language -> the field paths of ``entry``'s record with no text in it."""
    return {lang: [name for name, _line in fields] for lang, fields in _missing_fields(entry, languages).items()}


def _missing_fields(entry, languages) -> dict[str, list[tuple[str, int]]]:
    missing: dict[str, list[tuple[str, int]]] = {lang: [] for lang in languages}
    for path, marker, value in walk(entry.record):
        if isinstance(marker, Translatable):
            for lang in languages:
                if not (value.get(lang) or "").strip():
                    missing[lang].append((format_path(path), _line_of(entry, tuple(path))))
    return missing


def _line_of(entry, path: tuple) -> int:
    origin = (entry.prose or {}).get(tuple(path[:2]))
    if origin is not None:
        return entry.positions.of(("id",)).line if entry.positions.values else 1
    try:
        return entry.positions.of(path).line
    except (KeyError, IndexError, AttributeError):
        return 1


def _names(lang: str, default: str) -> dict:
    return {"language": LanguageName(lang), "lang": lang, "default": LanguageName(default)}


def _record_pieces(hub, languages, default) -> list[Missing]:
    out = []
    for entries in hub.records.values():
        for entry in entries.values():
            missing = {lang: fields for lang, fields in _missing_fields(entry, languages).items() if fields}
            if not missing:  # its positions are not read (they may still be packed: yamlsource.Positions)
                continue
            line = entry.positions.of(("id",)).line if entry.positions.values else 1
            for lang, fields in missing.items():
                names = [name for name, _ in fields]
                shown = ", ".join(names[:_MAX_FIELDS]) + (", …" if len(names) > _MAX_FIELDS else "")
                out.append(Missing("record", lang, entry.file, line, entry.kind, entry.id, "translation_missing",
                                   {**_names(lang, default), "fields": shown}, tuple(fields)))
    return out


def _page_pieces(hub, languages, default) -> list[Missing]:
    docs = hub.root / "docs"
    source = docs / default
    if not source.is_dir():
        return []
    out = []
    for page in sorted(source.rglob("*.md")):
        src = page.relative_to(source).as_posix()
        for lang in languages:
            if not (docs / lang / src).is_file():
                target = f"docs/{lang}/{src}"
                out.append(Missing("page", lang, page, 1, "docs", target, "page_translation_missing",
                                   {**_names(lang, default), "path": target}))
    return out


def _term_lines(path: Path) -> dict[str, int]:
    """Term id -> its line in a vocabulary file (terms are the file's unindented keys)."""
    lines = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return lines
    for number, line in enumerate(text.splitlines(), 1):
        if line[:1] not in ("", " ", "#", "\t", "-") and ":" in line:
            lines.setdefault(line.split(":", 1)[0].strip().strip("'\""), number)
    return lines


def _vocabulary_pieces(hub, languages, default) -> list[Missing]:
    out = []
    for name, vocabulary in sorted(hub.vocabularies.items()):
        path = hub.data_dir / "vocabularies" / f"{name}.yml"
        lines = _term_lines(path)
        for term, entry in vocabulary.root.items():
            for lang in languages:
                if not (entry.label.get(lang) or "").strip():
                    out.append(Missing("vocabulary", lang, path, lines.get(term, 1), name, term,
                                       "vocabulary_translation_missing", {**_names(lang, default), "term": term}))
    return out


@lru_cache(maxsize=None)
def untranslated_strings(lang: str, locale_dir: Path = LOCALE_DIR) -> tuple[tuple[str, int], ...]:
    """(msgid, line in the catalog) of the interface strings with no ``lang`` translation
    (all of them, at line 0, when there is no catalog); none for the source language."""
    from babel.messages.pofile import read_po

    if lang == SOURCE_LANGUAGE:
        return ()
    with (locale_dir / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    wanted = [message for message in template if message.id]
    po = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return tuple((_msgid(message), 0) for message in wanted)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=None)
    out = []
    for message in wanted:
        found = catalog.get(message.id)
        strings = found.string if found is not None else ""
        strings = strings if isinstance(strings, (tuple, list)) else (strings,)
        if found is None or found.fuzzy or not all(strings):
            out.append((_msgid(message), found.lineno if found is not None else 0))
    return tuple(out)


def _msgid(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def catalog_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def _interface_pieces(hub, languages, default) -> list[Missing]:
    out = []
    hub_file = hub.data_dir / "hub.yml"
    line = next((n for n, text in enumerate(_read_lines(hub_file), 1) if text.startswith("languages")), 1)
    for lang in languages:
        missing = untranslated_strings(lang)
        if missing:
            out.append(Missing("interface", lang, hub_file, line, "interface", f"partnerhub/locale/{lang}/LC_MESSAGES/messages.po",
                               "interface_translation_missing",
                               {**_names(lang, default), "count": len(missing),
                                "path": f"partnerhub/locale/{lang}/LC_MESSAGES/messages.po"}, missing))
    return out


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return []


def missing_pieces(hub) -> list[Missing]:
    """Every piece of the hub that lacks a translation in one of its languages."""
    config = hub.config
    if config is None:
        return []
    languages, default = config.other_languages, config.default_language
    return [*_record_pieces(hub, languages, default), *_page_pieces(hub, languages, default),
            *_vocabulary_pieces(hub, languages, default), *_interface_pieces(hub, languages, default)]


def check(hub, report) -> None:
    for piece in missing_pieces(hub):
        report.add(piece.path, Mark(piece.line, 1), piece.code, piece.params, "", severity="warning")
