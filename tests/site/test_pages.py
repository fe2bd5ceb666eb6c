"""End-to-end: the demo hub builds, and its pages say the right thing in each language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.site import SITE_URL

SERRES_MEETING = "meetings/breaking-isolation-04-serres/"
LANGS = {"en": "", "el": "el/", "fr": "fr/"}


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html") if "pagefind" not in p.parts]


def test_every_record_has_a_page_in_every_language(site):
    from partnerhub.hub import load_hub
    from tests.support.site import ROOT

    hub = load_hub(ROOT)
    for kind, entries in hub.records.items():
        for record_id, entry in entries.items():
            if not entry.record.is_public:
                continue
            for prefix in LANGS.values():
                assert (site / prefix / kind / record_id / "index.html").is_file(), f"{prefix}{kind}/{record_id}"


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_html_lang_is_right_on_every_page(site, lang, prefix):
    others = {p for other in LANGS.values() if other and other != prefix for p in html_pages(site / other)}
    pages = [p for p in html_pages(site / prefix) if p not in others]
    assert len(pages) > 40
    for path in pages:
        head = path.read_text(encoding="utf-8")[:300]
        assert f'<html lang="{lang}"' in head, path


@pytest.mark.parametrize("prefix, dates, host, kind", [
    ("", "April 17\u2009–\u200918, 2024", "Serres", "Transnational meeting"),  # CLDR: thin spaces
    ("el/", "17–18 Απριλίου 2024", "Σέρρες", "Διακρατική συνάντηση"),
    ("fr/", "17–18 avril 2024", "Serres", "Réunion transnationale"),
])
def test_serres_meeting_reads_in_each_language(page, prefix, dates, host, kind):
    doc = page(prefix + SERRES_MEETING)
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True) for dt, dd in zip(doc.select(".ph-facts dt"), doc.select(".ph-facts dd"))}
    assert dates in facts.values()
    assert host in facts.values()
    assert kind in facts.values()


def test_greek_meeting_report_is_greek(page):
    doc = page("el/" + SERRES_MEETING)
    report = doc.find(id="report")
    assert report is not None and report.get_text(strip=True) == "Αναφορά"
    text = report.find_next("p").get_text()
    assert re.search(r"[α-ω]{4,}", text), text
    assert not report.find_parent(class_="ph-fallback")


@pytest.mark.parametrize("prefix, country", [("", "Portugal"), ("el/", "Πορτογαλία"), ("fr/", "Portugal")])
def test_partner_country_is_localised(page, prefix, country):
    doc = page(prefix + "partners/pombal/")
    assert country in doc.select_one(".ph-facts").get_text()


@pytest.mark.parametrize("prefix, heading", [("", "Partners"), ("el/", "Εταίροι"), ("fr/", "Partenaires")])
def test_network_page_lists_partners_and_timeline(page, prefix, heading):
    doc = page(prefix + "networks/breaking-isolation/")
    assert doc.find(id="partners").get_text(strip=True) == heading
    rows = doc.select("table.ph-table tbody tr")
    assert len(rows) == 10
    timeline = [li.find("time")["datetime"] for li in doc.select(".ph-timeline li")]
    assert timeline == sorted(timeline) and len(timeline) >= 6


@pytest.mark.parametrize("prefix", LANGS.values())
def test_practice_page_has_sections(page, prefix):
    doc = page(prefix + "practices/markopoulo-social-grocery-fabricrepublic/")
    assert doc.find("h1").get_text(strip=True)
    assert len(doc.select("article h2")) >= 3
    assert "65" in doc.get_text()


def test_language_switcher_leads_to_the_same_record(page):
    doc = page("el/" + SERRES_MEETING)
    links = {a["hreflang"]: a["href"] for a in doc.select(".md-select__link")}
    assert set(links) == {"en", "el", "fr"}
    base = "https://x.test/el/" + SERRES_MEETING
    assert urljoin(base, links["en"]) == "https://x.test/" + SERRES_MEETING
    assert urljoin(base, links["fr"]) == "https://x.test/fr/" + SERRES_MEETING
    assert urljoin(base, links["el"]) == base
    # no absolute alternates in <head>: Material's script would fetch their sitemaps from the
    # production host; the hreflang pairs are in sitemap.xml (test below)
    assert not doc.select('head link[rel="alternate"][hreflang]')


def test_fallback_text_is_marked_with_its_language(page):
    doc = page("fr/" + SERRES_MEETING)  # the report has no French text
    block = doc.select_one(".ph-fallback")
    assert block is not None
    notices = doc.select(".ph-fallback__notice")  # one notice for the page, in French
    assert len(notices) == 1 and "anglais" in notices[0].get_text() and "français" not in notices[0].get_text().lower()
    assert block["data-ph-language"] == "anglais"
    inner = block.find(attrs={"lang": "en"})
    assert inner is not None and inner.get_text(strip=True)
    assert block.get("data-pagefind-ignore") == "all"


def test_sitemap_lists_every_page_with_alternates(site):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    expected = set()
    for path in html_pages(site):  # every page but 404.html, which is no index.html
        folder = path.parent.relative_to(site).as_posix()
        expected.add(SITE_URL + ("" if folder == "." else folder + "/"))
    assert len(locs) == len(set(locs))
    assert set(locs) == expected
    assert f'hreflang="el" href="{SITE_URL}el/{SERRES_MEETING}"' in xml
    assert not (site / "el" / "sitemap.xml").exists()


def test_external_links_are_noopener(site):
    for path in html_pages(site):
        for match in re.finditer(r'<a [^>]*href="https?://[^"]*"[^>]*>', path.read_text(encoding="utf-8")):
            tag = match.group(0)
            if "hub.example.org" in tag:
                continue
            assert "noopener" in tag, (path, tag)


def test_no_third_party_assets_in_html(site):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            if url.startswith(SITE_URL):
                continue
            # only plain links (<a>) may point elsewhere: no scripts, styles, fonts, images
            assert re.search(r'<a [^>]*href="' + re.escape(url), text), (path, url)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_every_relative_link_leads_to_a_file_of_the_site(site):
    """Links, scripts, styles and images of every page (srcset candidates and the theme's
    base too) resolve from the page's own folder to a file the build wrote, without
    climbing above the site's root (which only a site served at a domain's root forgives)."""
    url_attribute = re.compile(r'(?:href|src)="([^"#?]*)|srcset="([^"]*)"|"base": "([^"]*)"')
    broken = set()
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        folder = path.parent.relative_to(site)
        for match in url_attribute.finditer(path.read_text(encoding="utf-8")):
            urls = [match.group(1) or match.group(3) or ""]
            if match.group(2):
                urls = [candidate.split()[0] for candidate in match.group(2).split(", ")]
            for url in urls:
                if not url or re.match(r"[a-z][a-z0-9+.-]*:|/", url):
                    continue
                climbs = len(re.match(r"(?:\.\./|\.\.$)*", url).group(0).split("/")) - 1 if url.startswith("..") else 0
                target = (site / folder / url).resolve()
                if climbs > len(folder.parts) or not (target.is_file() or (target / "index.html").is_file()):
                    broken.add((str(folder), url))
    assert not broken, sorted(broken)[:20]
