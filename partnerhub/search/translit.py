"""ASCII forms of names, so that people can type them without the letters they lack.

``Σέρρες`` -> ``serres``, ``Tønder`` -> ``tonder``, ``Škofja Loka`` -> ``skofja loka``,
``Iași`` -> ``iasi``, ``Бијело Поље`` -> ``bijelo polje``. Greek follows ELOT 743 (the Greek
standard also used on passports) in a simplified form; Cyrillic follows the Serbian/Montenegrin
Latin alphabet, itself folded to ASCII.
"""

from __future__ import annotations

import re

from partnerhub.search_text import fold

# Greek, applied after fold() (lower case, no accents, final sigma as σ).
_GREEK_PAIRS = [("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"), ("μπ", "mp"), ("ντ", "nt"),
                ("γκ", "gk"), ("γγ", "ng"), ("γχ", "nch"), ("γξ", "nx"), ("θ", "th"), ("χ", "ch"), ("ψ", "ps")]
_GREEK = str.maketrans({
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "υ": "y", "φ": "f",
    "ω": "o",
})
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ё": "e", "ж": "z", "з": "z",
    "и": "i", "й": "j", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
    "џ": "dz", "ш": "s", "щ": "sht", "ъ": "a", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ѓ": "g", "ќ": "k", "ѕ": "dz", "і": "i", "ї": "i", "є": "ye", "ґ": "g",
})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def to_ascii(text: str) -> str:
    """Lower-case ASCII words of ``text``, separated by single spaces (may be empty)."""
    folded = fold(text)
    for pair, latin in _GREEK_PAIRS:
        folded = folded.replace(pair, latin)
    folded = folded.translate(_GREEK).translate(_CYRILLIC)
    return _NOT_WORD.sub(" ", folded).strip()


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
