"""The translations dashboard (``translations/`` in every language): what lacks a translation.

It lists the pieces of :func:`partnerhub.validation.translations.missing_pieces`, the
function the validator's translation warnings come from, so that its counts are the
validator's: for the page's language, each record with the fields that have no text in it
(only the records this build shows; the others are one count), each hand-written page,
vocabulary term and interface string, with a link to the file (at its line) in the
repository; and a table of the counts in every language, per record type and kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.registry import BY_FOLDER, RECORD_TYPES
from partnerhub.render.edit_links import file_links
from partnerhub.validation.translations import CATEGORIES, Missing, missing_pieces

URL = "translations/"
MAX_STRINGS = 500  # interface strings listed on the page (all are counted)


@dataclass
class Row:
    """One listed piece: its name, the file to change (and links to it), its details."""

    piece: Missing
    file: str
    links: dict | None
    details: list[tuple[str, int, dict | None]] = field(default_factory=list)  # (text, line, links)


@dataclass
class Dashboard:
    lang: str
    languages: list[str]  # the languages that need translations (all but the default)
    counts: dict[str, Counter]  # lang -> Counter of (category) and ("record", folder)
    rows: dict[str, list[Row]]  # category -> rows, for ``lang``
    hidden: int = 0  # pieces of records this build does not show (counted, not listed)

    def total(self, lang: str) -> int:
        return sum(count for key, count in self.counts[lang].items() if isinstance(key, str))


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def count_pieces(pieces: list[Missing]) -> dict[str, Counter]:
    """lang -> counts by category and, for records, by (``"record"``, folder)."""
    counts: dict[str, Counter] = {}
    for piece in pieces:
        counter = counts.setdefault(piece.lang, Counter())
        counter[piece.category] += 1
        if piece.category == "record":
            counter[("record", piece.kind)] += 1
    return counts


def dashboard(hub, rel, lang: str) -> Dashboard:
    config = hub.config
    pieces = missing_pieces(hub)
    counts = count_pieces(pieces)
    languages = config.other_languages
    for other in languages:
        counts.setdefault(other, Counter())
    rows: dict[str, list[Row]] = {category: [] for category in CATEGORIES}
    hidden = 0
    from partnerhub.i18n import LOCALE_DIR

    for piece in (p for p in pieces if p.lang == lang):
        if piece.category == "record" and rel.visible(piece.kind, piece.item) is None:
            hidden += 1
            continue
        file = piece.item if piece.category == "interface" else _relative(piece.path, hub.root)
        if piece.category == "interface":
            po = _relative(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", hub.root)
            file = po or piece.item
            links = file_links(config, po) if po else None
            details = [(text, line, file_links(config, po, line) if po and line else None)
                       for text, line in piece.details[:MAX_STRINGS]]
        else:
            links = file_links(config, file, piece.line) if file else None
            details = [(text, line, file_links(config, file, line) if file else None) for text, line in piece.details]
        rows[piece.category].append(Row(piece, file or piece.item, links, details))
    return Dashboard(lang, languages, counts, rows, hidden)


def record_types():
    """The record types, in the registry's order, for the counts' rows."""
    return RECORD_TYPES


def type_of(folder: str):
    return BY_FOLDER[folder]
