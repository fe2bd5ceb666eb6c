"""The plain-prose fast path renders exactly what Markdown + the sanitiser would."""

from __future__ import annotations

import pytest

from partnerhub.hub import load_hub
from partnerhub.model.fields import Translatable
from partnerhub.model.walk import walk
from partnerhub.render import markup
from tests.support.site import ROOT

EDGE_CASES = [
    "Hello\nworld", "A  \nB", "1. one\n2. two", "- a\n- b", "text\n\n\nmore", "x = y", "Quote \"this\" and 'that'",
    "    code", "Title\n=====", "Title\n---", "a\n\n  indented", "Ελληνικά «εισαγωγικά» – παύλα…", "trailing space ",
    "http://example.org plain url", "a)b", "(parenthesis) ok", "100% sure!", "tab\there", "line\n \nblank with space",
    "2024. A year", "a\n\n\n\nb\n", " lead", "x\r\ny", "* star", "+ plus", "<b>x</b>", "a & b", "> quote",
]


def _full(text: str) -> str:
    return markup.sanitise(markup._markdown().reset().convert(text))


def _demo_texts() -> list[str]:
    texts = set(EDGE_CASES)
    for entries in load_hub(ROOT).records.values():
        for entry in entries.values():
            for _path, marker, value in walk(entry.record):
                if isinstance(marker, Translatable):
                    texts.update(value.values())
    return sorted(texts)


def test_fast_path_equals_markdown():
    texts = _demo_texts()
    taken = 0
    for text in texts:
        plain = markup._plain_paragraphs(text)
        if plain is not None:
            taken += 1
            assert plain == _full(text), text
    assert taken > len(texts) // 3  # it is used: most prose is plain


@pytest.mark.parametrize("text", ["<script>x</script>", "a & b", "[x](javascript:y)", "<i onclick=x>y</i>"])
def test_fast_path_never_takes_markup(text):
    assert markup._plain_paragraphs(text) is None
