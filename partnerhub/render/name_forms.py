"""Name forms for the search metadata: the spellings of a record's names that a reader of
a page does not see already, plus their ASCII forms (``partnerhub.text.to_ascii``)."""

from __future__ import annotations

from partnerhub.text import to_ascii


def name_forms(names, visible=(), ascii_words: int = 4) -> list[str]:
    """Spellings of ``names`` that a reader of the page does not see already (``visible``),
    plus the ASCII forms of the short ones (names of places and organisations, not long
    titles); distinct regardless of case, in a stable order."""
    seen = {v.strip().casefold() for v in visible if v}
    out: list[str] = []

    def add(form: str) -> None:
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)

    for name in [*visible, *names]:
        name = (name or "").strip()
        if not name:
            continue
        if name in names:
            add(name)
        if len(name.split()) <= ascii_words:
            add(to_ascii(name))
    return out
