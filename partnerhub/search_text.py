"""Text folding for sorting and search: case, accents and letters such as ø, ł, đ."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
                          "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "ð": "d", "ı": "i", "ς": "σ"})


def fold(text: str) -> str:
    """``Škofja Loka`` -> ``skofja loka``; ``Σέρρες`` -> ``σερρεσ``; ``Tønder`` -> ``tonder``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_SPECIAL)
