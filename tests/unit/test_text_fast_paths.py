"""The text checks' shortcuts for ordinary text (``mixed_script_words``,
``format_characters``, ``find_excess``, ``find_unsafe_markup``, the control-character
checks) give exactly what the full checks give: compared on random texts that mix
scripts, invisible characters, markup and characters outside the tabulated ranges."""

from __future__ import annotations

import html
import random

import pytest
from pydantic_core import PydanticCustomError

from partnerhub import markdown_guard as guard
from partnerhub import text as T
from partnerhub.model import fields as F

PIECES = [*"aeopcyxAEKMHOT ѕаеорсухіαεικοςΑΒΕάέ\u1f00ёЖж\u0301\u200b\u00ad\u202e\u2066\x07\x85\u2028\r1234567890.)-*_+[](<>`\"'=:&;#\n\t ",
          "\n    ", "\n1. ", "1) ", " 2. ", "javascript:", "jav&#x61;script:", "data:text/html,", "<a onclick=x>",
          "<script>", "&colon;", "ſ", "K", "\U0001F600", "世", "\U0001DF00", "ⅰ", "ﬀ", "Ａ", "\u0370", "<!--", "-->",
          "> ", "- ", '" onmouseover=', "data&colon;,", "\u2c00", "\u2126", "e\u0301", "\xa0", "> > > > > > > > > > "]


def _texts(seed: int, count: int = 400):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.choice([1, 3, 8, 20, 60, 200])))


def _mixed_words_in_full(text: str):
    """Every word looked at, letter by letter (the check before its shortcuts)."""
    found = []
    for match in T._WORD.finditer(text):
        word = match.group(0)
        counts: dict[str, int] = {}
        for char in word:
            script = T.script_of(char)
            if script in ("LATIN", "GREEK", "CYRILLIC"):
                counts[script] = counts.get(script, 0) + 1
        if len(counts) < 2:
            continue
        main = max(counts, key=lambda s: (counts[s], s == "LATIN"))
        strangers = tuple(dict.fromkeys(c for c in word if T.script_of(c) in counts and T.script_of(c) != main))
        found.append(T.MixedWord(word, main, strangers))
    return found


def _unsafe_in_full(value: str):
    """Every rule run over every text (the check before its shortcuts)."""
    for rule in F.UNSAFE_MARKUP:
        found = rule.regex.search(value)
        if found:
            return F._markup_label(rule, found), found.group(rule.point)
    probe = F._URL_IGNORED.sub("", html.unescape(value))
    for rule in F._LINK_RULES:
        found = rule.regex.search(probe)
        if found:
            return F._markup_label(rule, found), ""
    return None


def _excess_in_full(text: str):
    """The scan run over every text (find_excess without its first look)."""
    scan = guard._scan(text)
    if scan.deep:
        return guard.Excess("nesting", *min(scan.deep))
    if len(scan.unclosed) > guard.MAX_UNCLOSED:
        at, char = min(scan.unclosed)
        return guard.Excess("unclosed", at, char, len(scan.unclosed))
    if scan.backtick_cost > guard.BACKTICK_BUDGET:
        return guard.Excess("unclosed", scan.first_backtick, "`", scan.backticks)
    return None


def _outcome(check, text):
    try:
        return check(text)
    except PydanticCustomError as error:
        return error.type, error.context


@pytest.mark.parametrize("seed", range(10))
def test_shortcuts_agree_with_the_full_checks(seed):
    for text in _texts(seed):
        assert T.mixed_script_words(text) == _mixed_words_in_full(text), text
        assert T.format_characters(text) == [c for c in text if T.unicodedata.category(c) == "Cf"], text
        assert guard.find_excess(text) == _excess_in_full(text), text
        assert F.find_unsafe_markup(text) == _unsafe_in_full(text), text
        printable = F._printable(text)
        assert not printable or not (F._CONTROL.search(text) or F._BIDI_CONTROL.search(text)
                                     or T.format_characters(text)), text


def test_ordinary_text_takes_the_shortcuts():
    greek = "Κοινωνικό παντοπωλείο της πόλης, με εθελοντές."
    assert not T.mixed_script_words(greek) and T._one_script(greek)
    assert not T._one_script("ѕerres") and T.mixed_script_words("ѕerres")[0].strangers == ("ѕ",)
    assert not T._one_script("世界 serres")  # a character outside the tabulated ranges: the full check
    assert F._printable("Line one.\nLine two: «quoted»") and not F._printable("soft\u00adhyphen")
