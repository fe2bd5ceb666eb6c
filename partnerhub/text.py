"""Text as people type and read it: folding, transliteration, ids, look-alike letters.

One home for every rule that turns text into another form, so that ids, search and sorting
agree (``Σέρρες`` is ``serres`` everywhere):

* :func:`fold` for comparing and sorting (case, accents and letters such as ø, ł, đ);
* :func:`to_ascii` for the Latin, ASCII form of a name in any script (Greek after ELOT 743
  as on Greek passports, Cyrillic after the Serbian/Montenegrin Latin alphabet with ASCII
  digraphs), used for search and ids;
* :func:`search_key` for the key that search compares, which forgives the ways people type
  Greek in Latin letters (Greeklish: ``koinoniko``, ``koinwniko``, ``kentro koinothtas``)
  and the vowels they mix up (ο/ω, ει/ι/η/υ/οι, αι/ε); :func:`folding_table` hands the same
  tables to the search dialog's JavaScript, so that a query is keyed as the index was;
* :func:`suggest_id` for the id a contributor probably meant, computed from the text a
  reader sees (invisible format characters dropped, look-alike letters read as the letters
  they imitate);
* :func:`format_characters` and :func:`mixed_script_words` for the checks that refuse
  invisible characters and point out a Cyrillic ``ѕ`` hiding in a Latin name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and an accent.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
                          "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "ð": "d", "ı": "i", "ς": "σ"})


def fold(text: str) -> str:
    """``Škofja Loka`` -> ``skofja loka``; ``Σέρρες`` -> ``σερρεσ``; ``Tønder`` -> ``tonder``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_SPECIAL)


# Greek, applied after fold() (lower case, no accents, final sigma as σ): pairs first.
_GREEK_PAIRS = [("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"), ("μπ", "mp"), ("ντ", "nt"),
                ("γκ", "gk"), ("γγ", "ng"), ("γχ", "nch"), ("γξ", "nx"), ("θ", "th"), ("χ", "ch"), ("ψ", "ps")]
_GREEK = str.maketrans({
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "υ": "y", "φ": "f",
    "ω": "o",
})
# Cyrillic: the Serbian/Montenegrin Latin alphabet folded to ASCII, with digraphs where the
# Latin letter has a caron (ž, č, š: zh, ch, sh), so that a reader can tell them apart.
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "j", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch",
    "џ": "dz", "ш": "sh", "щ": "sht", "ъ": "a", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
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


# Search keys: after to_ascii(), steps applied in order to each word, so that the spellings
# people use for one Greek word meet: ELOT 743 (what to_ascii writes), Greeklish habits
# (w for ω, 8 for θ, h for η, x or kh for χ, ks for ξ, b for μπ, d for ντ, u for ου,
# au/eu for αυ/ευ) and vowel slips (ι, η, υ, ει, οι all "i"; αι and ε "e"; ο and ω "o").
# θ ("th", "8") and τη are one key, "ti": where η is written "h", "koinothtas" (κοινότητας)
# cannot tell θ from τ+η, so both readings must meet (a few words of each meet too, as with
# the vowel slips).
SEARCH_KEY_STEPS = [
    ("8", "th"), ("ph", "f"), ("ch", "x"), ("kh", "x"), ("ks", "x"), ("dh", "d"), ("gh", "g"),
    ("w", "o"), ("h", "i"), ("au", "av"), ("eu", "ev"), ("af", "av"), ("ef", "ev"), ("ou", "u"),
    ("ei", "i"), ("oi", "i"), ("yi", "i"), ("y", "i"), ("ai", "e"), ("mp", "b"), ("nt", "d"),
    ("gk", "g"), ("gg", "g"), ("ng", "g"),
]
_DOUBLE = re.compile(r"([a-z])\1+")
# A query's key words lose their final vowels and a final s or n after them (words of six
# letters or more: shorter stems find too many other words as a prefix), so that a key matches every inflection as a prefix: "kinoniki" (κοινωνική)
# finds kinoniko, kinoniku, kinonikis; "etielodes" (εθελοντές) finds etielodis, etielodon.
QUERY_ENDING = "[aeiou]+[sn]?$"
QUERY_ENDING_MIN_LENGTH = 6


def search_key(text: str) -> str:
    """The search key of ``text``: ``Κοινωνικό Παντοπωλείο``, ``koinoniko pantopoleio``,
    ``koinwniko pantopwleio`` and ``κινονικο παντοπολιο`` all give ``kinoniko padopolio``."""
    words = []
    for word in to_ascii(text).split():
        for old, new in SEARCH_KEY_STEPS:
            word = word.replace(old, new)
        words.append(_DOUBLE.sub(r"\1", word))
    return " ".join(words)


def folding_table() -> dict:
    """The tables of :func:`fold`, :func:`to_ascii` and :func:`search_key`, as JSON data for
    the search dialog (``hooks/theme/assets/ph-search.js`` applies them in the same order)."""
    def pairs(table: dict) -> dict:
        return {chr(k): v for k, v in table.items()}
    return {"special": pairs(_SPECIAL), "greek_pairs": _GREEK_PAIRS, "greek": pairs(_GREEK),
            "cyrillic": pairs(_CYRILLIC), "key_steps": SEARCH_KEY_STEPS,
            "query_ending": QUERY_ENDING, "query_ending_min_length": QUERY_ENDING_MIN_LENGTH}


# --- invisible and look-alike characters ---------------------------------------------

def format_characters(text: str) -> list[str]:
    """The invisible format characters (Unicode category Cf: bidi controls and isolates,
    zero-width spaces and joiners, the byte-order mark, soft hyphens…) in ``text``."""
    if text.isascii() or not any(unicodedata.category(c) == "Cf" for c in set(text)):
        return []  # the common case, without a loop over every character (ASCII holds no Cf)
    return [c for c in text if unicodedata.category(c) == "Cf"]


def without_format_characters(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def describe_character(char: str) -> str:
    """``U+0455 CYRILLIC SMALL LETTER DZE``"""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


# Cyrillic and Greek letters that look like Latin ones (a small, common subset of
# Unicode's confusables: enough for the letters of European place names).
LOOK_ALIKES = {
    **dict(zip("аеорсухіјѕԁһӏԛԝ", "aeopcyxijsdhlqw")),
    **dict(zip("АВЕКМНОРСТХІЈЅУ", "ABEKMHOPCTXIJSY")),
    **dict(zip("οινρκυαετ", "oivpkuaet")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),
}


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """``LATIN``, ``GREEK``, ``CYRILLIC``… for a letter; None for anything else."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


@dataclass(frozen=True)
class MixedWord:
    """A word written in two scripts, and the letters that stand out."""

    word: str
    script: str  # the script of most of its letters
    strangers: tuple[str, ...]  # letters of another script

    def latin_reading(self) -> str | None:
        """The word with its strangers read as the Latin letters they look like, if all do."""
        if self.script != "LATIN" or not all(c in LOOK_ALIKES for c in self.strangers):
            return None
        return "".join(LOOK_ALIKES.get(c, c) if c in self.strangers else c for c in self.word)


_WORD = re.compile(r"\w+")
_THREE = ("LATIN", "GREEK", "CYRILLIC")
# Where the letters of the three scripts are looked up once (a few thousand code points,
# when first needed): Latin, IPA, Greek, Cyrillic and their extensions, punctuation and
# symbols, fullwidth forms, emoji. A text with a character outside them takes the slow path.
_TABULATED = ((0x0000, 0x05FF), (0x1C80, 0x1CBF), (0x1D00, 0x2BFF), (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF),
              (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFB00, 0xFB4F), (0xFE00, 0xFE6F),
              (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF))


def _char_class(ranges) -> str:
    return "".join(f"\\U{lo:08X}-\\U{hi:08X}" for lo, hi in ranges)


def _ranges(code_points: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for cp in code_points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


@lru_cache(maxsize=1)
def _script_searches() -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """A search for the first letter of the three scripts (or untabulated character), and
    for each script, a search for a letter of the other two (or an untabulated character)."""
    letters: dict[str, list[int]] = {script: [] for script in _THREE}
    for lo, hi in _TABULATED:
        for cp in range(lo, hi + 1):
            char = chr(cp)
            if char.isalpha():
                script = unicodedata.name(char, "").split(" ", 1)[0]
                if script in letters:
                    letters[script].append(cp)
    outside, start = [], 0
    for lo, hi in _TABULATED:
        if lo > start:
            outside.append((start, lo - 1))
        start = hi + 1
    outside.append((start, 0x10FFFF))
    untabulated = _char_class(outside)
    first = re.compile("[" + "".join(_char_class(_ranges(cps)) for cps in letters.values()) + untabulated + "]")
    others = {script: re.compile("[" + "".join(_char_class(_ranges(letters[other])) for other in _THREE
                                               if other != script) + untabulated + "]")
              for script in _THREE}
    return first, others


def _one_script(text: str) -> bool:
    """True if ``text`` surely holds letters of at most one of the three scripts (two
    searches over the text, in C); False if it may hold more."""
    first, others = _script_searches()
    found = first.search(text)
    if found is None:
        return True
    script = script_of(found.group())
    return script in others and others[script].search(text) is None


def mixed_script_words(text: str) -> list[MixedWord]:
    """Words of ``text`` that mix letters of Latin, Greek or Cyrillic (``ѕerres``).

    Most texts are in one script: two searches over the text tell so, without a loop over
    its characters; then only a word that holds letters of two scripts is looked at."""
    if text.isascii() or _one_script(text):
        return []  # ASCII letters are all Latin
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word.isascii() or len({script_of(c) for c in set(word)}.intersection(_THREE)) < 2:
            continue
        counts: dict[str, int] = {}
        for char in word:
            script = script_of(char)
            if script in ("LATIN", "GREEK", "CYRILLIC"):
                counts[script] = counts.get(script, 0) + 1
        if len(counts) < 2:
            continue
        main = max(counts, key=lambda s: (counts[s], s == "LATIN"))
        strangers = tuple(dict.fromkeys(c for c in word if script_of(c) in counts and script_of(c) != main))
        found.append(MixedWord(word, main, strangers))
    return found


def visible_text(text: str) -> str:
    """What a reader sees: format characters dropped, a look-alike letter hiding in a Latin
    word read as the Latin letter it imitates."""
    text = without_format_characters(text)
    for mixed in mixed_script_words(text):
        reading = mixed.latin_reading()
        if reading:
            text = text.replace(mixed.word, reading)
    return text


def suggest_id(text: str) -> str:
    """An ASCII kebab-case id made from ``text`` (``Škofja Loka`` -> ``skofja-loka``)."""
    return to_ascii(visible_text(text)).replace(" ", "-") or "record"
