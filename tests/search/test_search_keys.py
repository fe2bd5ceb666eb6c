"""Search keys: the spellings of one Greek word meet (text.search_key), pages get hidden key
blocks that the excerpts can trim (search/folded.py), and the browser gets the same tables."""

from __future__ import annotations

import json
import re

import pytest

from partnerhub.search.folded import FOLD_CLASS, fold_page
from partnerhub.search.policy import TEXT_CLASS
from partnerhub.text import SEARCH_KEY_STEPS, folding_table, search_key


@pytest.mark.parametrize("typed", [
    "Κοινωνικό Παντοπωλείο", "ΚΟΙΝΩΝΙΚΟ ΠΑΝΤΟΠΩΛΕΙΟ", "koinoniko pantopoleio", "koinwniko pantopwleio",
    "kinoniko pantopolio", "κοινονικο παντοπολιο", "κινωνικό παντοπωλίο",
])
def test_spellings_of_one_phrase_share_a_key(typed):
    assert search_key(typed) == search_key("Κοινωνικό Παντοπωλείο")


@pytest.mark.parametrize("greek,latin", [
    ("Κέντρο Κοινότητας", "kentro koinotitas"), ("Θεσσαλονίκη", "thessaloniki"), ("Θεσσαλονίκη", "8essaloniki"),
    ("ψυχολογική υποστήριξη", "psyxologiki ypostiriksi"), ("ψυχολογική υποστήριξη", "psychologiki ipostirixi"),
    ("Εθελοντισμός", "ethelontismos"), ("ευρωπαϊκό", "evropaiko"), ("ευρωπαϊκό", "europaiko"),
    ("μπαλκόνι", "balkoni"), ("Σέρρες", "Seres"),
    # η written "h" after τ: "th" is read both ways (θ and τη have one key)
    ("Κέντρο Κοινότητας", "kentro koinothtas"), ("Αθήνα", "a8hna"), ("Αθήνα", "athhna"), ("στήριξη", "sthrixh"),
])
def test_greeklish_habits(greek, latin):
    assert search_key(greek) == search_key(latin)


def test_folding_table_is_json_with_the_key_steps_in_order():
    table = json.loads(json.dumps(folding_table()))
    assert [tuple(step) for step in table["key_steps"]] == SEARCH_KEY_STEPS
    assert table["greek"]["ω"] == "o" and table["special"]["ς"] == "σ"


PAGE = ('<html lang="el"><body><main><div data-pagefind-body><h1>Κοινωνικό Παντοπωλείο</h1>'
        '<div class="ph-search-meta" hidden><p data-pagefind-weight="4">Σέρρες · Serres · serres</p></div>'
        '<p>Στις Σέρρες, με Serres.</p><div class="ph-text"><p>Βοήθεια & στήριξη</p></div>'
        '<div data-pagefind-ignore="all">Αγνοείται</div></div></main></body></html>')


def test_a_greek_page_gets_hidden_key_blocks_at_the_end_of_its_body():
    html, keyed = fold_page(PAGE)
    assert keyed
    blocks = re.findall(rf'<div class="{FOLD_CLASS}[^"]*" hidden[^>]*>.*?</div>', html)
    assert len(blocks) == 2 and TEXT_CLASS in blocks[1]
    assert html.index(blocks[0]) > html.index("ph-text")  # after the content, inside the body
    assert html.endswith("</div></main></body></html>")
    facts = re.sub(r"<[^>]+>", "", blocks[0]).split()
    assert facts == ["kinoniko", "padopolio", "stis", "seres", "me"]  # Latin words are found as typed
    assert "ph_trim:5,5" in blocks[0]  # five hidden names words before, five key words after
    assert re.sub(r"<[^>]+>", "", blocks[1]).split() == ["vitia", "stirixi"]  # θ and τη: one key
    assert "ph_trim_text:2" in blocks[1]
    assert "agnoite" not in html  # ignored text has no key


def test_a_latin_page_gets_only_the_trim_of_its_hidden_names():
    page = PAGE.replace('lang="el"', 'lang="en"').replace("Κοινωνικό Παντοπωλείο", "Social grocery")
    page = re.sub(r"<p>Στις.*?</div>", "<p>In Serres.</p></div>", page).replace("Αγνοείται", "x")
    html, keyed = fold_page(page)
    assert not keyed and "ph_trim:5,0" in html


def test_key_blocks_are_added_once(tmp_path):
    from partnerhub.search.folded import fold_site

    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    assert fold_site(tmp_path) == ["el"]
    once = (tmp_path / "index.html").read_text(encoding="utf-8")
    fold_site(tmp_path)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == once


TRICKY = [
    PAGE,
    PAGE.replace("<h1>", "<!-- <b>Σχόλιο</b> --><h1>").replace("<p>Στις", '<svg><path d="M0 0"/></svg><p>Στις'),
    PAGE.replace("<p>Στις", "<script>if (a < b && c > d) {}</script><style>p>b{}</style><p>Στις"),
    PAGE.replace("<p>Στις", '<a href="x" title="a > b" data-x=\'1\'>Σ&amp;Σ &#931;</a><br><img alt="Ε"><p>Στις'),
    PAGE.replace("<p>Στις", '<p CLASS="ph-search-meta">ΚΕΦΑΛΑΙΑ λέξη</p><span class="ph-search-fold">Όχι</span><p>Στις'),
    "<!doctype html>" + PAGE.replace("</div></main>", "</div></div></section></main>"),
    PAGE.replace("<p>Στις", "<p>a < b Στις"),  # a bare "<": the parser reads it
    PAGE.replace("data-pagefind-body", ""),  # no body: nothing to add
]


@pytest.mark.parametrize("page", TRICKY)
def test_the_fast_reader_finds_what_the_parser_finds(page):
    from partnerhub.search import folded

    fast = folded._scan(page)
    parser = folded._BodyText()
    parser.feed(page)
    parser.close()
    if fast is None:  # HTML it does not expect: fold_page falls back on the parser
        assert "a < b" in page
        return
    assert (fast.facts, fast.texts, fast.meta_words) == (parser.facts, parser.texts, parser.meta_words)
    expected_end = None if parser.body_end is None else folded._offset(page, parser.body_end)
    assert fast.body_end == expected_end
