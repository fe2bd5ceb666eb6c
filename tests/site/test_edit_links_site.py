"""The demo site's 'Edit this page' and 'Suggest a correction' links land on the right file
and form, in every language; the footer shows the build date (partnerhub/render/edit_links.py)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from partnerhub.hub import load_hub
from partnerhub.render.urls import language_root
from tests.support.site import ROOT, SITE_URL

HUB = load_hub(ROOT)
CONFIG = HUB.config
LANGS = CONFIG.languages


def _links(page, url):
    soup = page(url)
    edit = soup.select("a.ph-edit-links__edit")
    correct = soup.select("a.ph-edit-links__correct")
    assert len(edit) == 1 and len(correct) == 1, url
    return edit[0]["href"], parse_qs(urlsplit(correct[0]["href"]).query)


def test_record_pages(page):
    for folder, entries in HUB.records.items():
        entry = next(iter(entries.values()))
        for lang in LANGS:
            url = language_root(lang, CONFIG.default_language) + f"{folder}/{entry.id}/"
            edit, query = _links(page, url)
            assert edit == f"{CONFIG.repository}/edit/{CONFIG.branch}/{entry.file.relative_to(ROOT).as_posix()}"
            assert query["record"] == [entry.id] and query["language"] == [lang]
            assert query["page"] == [SITE_URL + url] and query["template"] == ["correction.yml"]


def test_hand_written_pages_link_the_file_they_show(page):
    for source in sorted((ROOT / "docs" / CONFIG.default_language).rglob("*.md")):
        src = source.relative_to(ROOT / "docs" / CONFIG.default_language).as_posix()
        url = src[:-len("index.md")] if src.endswith("index.md") else src[:-len(".md")] + "/"
        for lang in LANGS:
            own = ROOT / "docs" / lang / src
            shown = own if own.is_file() else source  # a missing translation shows the default's text
            edit, _query = _links(page, language_root(lang, CONFIG.default_language) + url)
            assert edit.endswith("/" + shown.relative_to(ROOT).as_posix())


def test_no_links_on_generated_lists(page):
    assert not page("").select(".ph-edit-links")


def test_build_date_in_the_footer(page):
    import datetime as dt

    for lang in LANGS:
        (time,) = page(language_root(lang, CONFIG.default_language) + "about/").select(".ph-footer__built time")
        assert dt.date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True)


def test_translations_dashboard_in_every_language(page):
    from partnerhub.validation.translations import missing_pieces

    pieces = missing_pieces(HUB)
    for lang in LANGS:
        soup = page(language_root(lang, CONFIG.default_language) + "translations/")
        assert soup.select_one('meta[name="robots"][content="noindex"]') is not None
        for other in CONFIG.other_languages:
            cell = soup.select_one(f'[data-ph-total="{other}"]')
            assert cell.get_text(strip=True) == str(sum(1 for p in pieces if p.lang == other)) or \
                cell.get_text(strip=True).replace("\u202f", "").replace(".", "").replace(",", "") == \
                str(sum(1 for p in pieces if p.lang == other))
