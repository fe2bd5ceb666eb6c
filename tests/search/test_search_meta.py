"""Search metadata, name forms and the index build, without a browser."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from partnerhub.search import policy
from partnerhub.search.pagefind import SearchIndexError, build_index
from partnerhub.render.name_forms import name_forms
from partnerhub.text import to_ascii
from tests.support.site import ROOT


@pytest.mark.parametrize("name, ascii_form", [
    ("Σέρρες", "serres"), ("Tønder", "tonder"), ("Škofja Loka", "skofja loka"), ("Iași", "iasi"),
    ("Gdańsk", "gdansk"), ("Mollet del Vallès", "mollet del valles"), ("Бијело Поље", "bijelo polje"),
    ("Αλεξανδρούπολη", "alexandroupoli"), ("Fót", "fot"),
])
def test_ascii_forms(name, ascii_form):
    assert to_ascii(name) == ascii_form


def test_name_forms_leave_out_what_the_page_shows():
    assert name_forms(["Serres", "Σέρρες"], visible=["Σέρρες"]) == ["serres"]
    assert name_forms(["Tønder", "Τέντερ"], visible=["Tønder"]) == ["tonder", "Τέντερ", "tenter"]
    long_title = "4th transnational meeting in Serres and a visit"
    assert name_forms([long_title], visible=[]) == [long_title]  # no ASCII copy of long titles


@lru_cache(maxsize=None)
def _pages(lang: str) -> dict:
    from partnerhub.hub import load_hub
    from partnerhub.render.pages import site_pages

    hub = load_hub(ROOT)
    return {page.url: page for page in site_pages(hub, lang)}


def _meta(html: str) -> str:
    return re.search(r'<div class="ph-search-meta" hidden>.*?</div>', html, re.S).group()


def test_record_pages_carry_hidden_names_and_filters():
    meta = _meta(_pages("el")["partners/serres/"].html)
    assert "serres" in meta  # the Latin form of Σέρρες, for people who type it so
    assert 'data-pagefind-filter="Χώρα[data-value]" data-value="Ελλάδα"' in meta
    assert 'data-pagefind-filter="Τύπος[data-value]" data-value="Εταίρος"' in meta
    assert 'data-pagefind-meta="Τύπος[data-value]"' in meta
    english = _meta(_pages("en")["partners/tonder/"].html)
    assert "tonder" in english and "Τέντερ" in english
    assert 'data-value="Denmark"' in english


def test_every_record_page_has_search_meta_inside_its_body():
    for lang in ("en", "el", "fr"):
        for url, page in _pages(lang).items():
            if page.kind in ("network", "partner", "meeting", "practice", "theme"):
                body = page.html.split("data-pagefind-body", 1)
                assert len(body) == 2 and "ph-search-meta" in body[1], (lang, url)


def test_practice_filters():
    pages = _pages("en")
    practice = next(p for p in pages.values() if p.kind == "practice")
    meta = _meta(practice.html)
    for key in ("Type", "Theme", "Country", "Status"):
        assert f'data-pagefind-filter="{key}[data-value]"' in meta, key


def test_meeting_filters_have_a_year():
    pages = _pages("fr")
    meeting = next(p for p in pages.values() if p.kind == "meeting")
    assert re.search(r'data-pagefind-filter="Année\[data-value\]" data-value="\d{4}"', _meta(meeting.html))


def test_index_failure_is_an_error_with_a_message(tmp_path):
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        build_index(tmp_path / "missing")
    (tmp_path / "index.html").write_text('<html lang="en"><body><main data-pagefind-body>Hello</main></body></html>')
    with pytest.raises(SearchIndexError, match="no page in el"):
        build_index(tmp_path, ["en", "el"])
    report = build_index(tmp_path, ["en"])
    assert report.languages == {"en": 1}
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["version"] == "1.5.2"


def test_light_index_is_smaller(tmp_path):
    body = " ".join(f"word{i} common text about services" for i in range(400))
    (tmp_path / "index.html").write_text(
        '<html lang="en"><body><article class="ph-record" data-pagefind-body><h1>Title</h1>'
        '<div class="ph-search-meta" hidden><p>Name</p></div>'
        f'<div class="{policy.TEXT_CLASS}"><p>{body}</p></div></article></body></html>')
    report = build_index(tmp_path, ["en"], light="always")
    assert report.light["en"] < report.index_bytes["en"]
    config = json.loads((tmp_path / "pagefind" / "partnerhub.json").read_text())
    assert config["light"] == "../pagefind-light/"
    assert not (tmp_path / "pagefind-light" / "pagefind-ui.js").exists()
    again = build_index(tmp_path, ["en"], light="never")
    assert again.light is None and not (tmp_path / "pagefind-light").exists()


def test_each_language_is_indexed_from_its_own_pages_whatever_the_folder_names(tmp_path):
    """The default language's pages are found by a glob of the root's folders, whose names
    (a hand-written page's) may hold the glob's own syntax; nothing is moved meanwhile."""
    pages = {"index.html": "en", "about/index.html": "en", "we{i}rd,dir/index.html": "en",
             "sp é(x)!:y/index.html": "en", "el/index.html": "el", "el/about/index.html": "el"}
    for path, lang in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f'<html lang="{lang}"><body><main data-pagefind-body>Page {path}</main></body></html>')
    report = build_index(tmp_path, ["en", "el"])
    assert report.languages == {"en": 4, "el": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["index.html", "about", "we{i}rd,dir", "sp é(x)!:y", "el", "pagefind"])
