"""The demo site's linked data: every record page of every language carries one JSON-LD
block that parses, with its share image published; the sitemap's lastmod and the pages'
"Last updated" come from git; What's new is linked from every home page, with its feed;
and hostile text in every field cannot leave the JSON-LD block."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from partnerhub.history import of_hub
from partnerhub.hub import load_hub
from partnerhub.registry import RECORD_TYPES
from tests.support.site import ROOT, SITE_URL, build_hostile, copy_hub

LANGS = ("", "el/", "fr/")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _record_pages(site: Path):
    for root in LANGS:
        for record_type in RECORD_TYPES:
            for path in sorted((site / root / record_type.folder).glob("*/index.html")):
                yield record_type, path


def _json_ld(soup) -> list[dict]:
    return [json.loads(tag.get_text()) for tag in soup.find_all("script", type="application/ld+json")]


def test_every_record_page_has_json_ld_and_a_share_image(site):
    count = 0
    for record_type, path in _record_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        blocks = _json_ld(soup)
        assert len(blocks) == 1, path
        described, crumbs = blocks[0]["@graph"]
        assert described["name"] and described["url"].startswith(SITE_URL), path
        assert crumbs["@type"] == "BreadcrumbList"
        image = soup.find("meta", property="og:image")["content"]
        assert image == described["image"] and image.startswith(SITE_URL + "assets/share/")
        assert (site / image.removeprefix(SITE_URL)).is_file(), image
        assert soup.find("meta", property="og:url")["content"] == described["url"]
        assert soup.find("p", class_="ph-updated").find("time")["datetime"]
        count += 1
    assert count > 100


def test_sitemap_lastmod_comes_from_git(site):
    hub = load_hub(ROOT)
    history = of_hub(hub)
    assert history.commits, "the demo data should be in git"
    urls = {url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod")
            for url in ET.parse(site / "sitemap.xml").getroot()}
    for record_type in RECORD_TYPES:
        for record_id, entry in hub.records[record_type.folder].items():
            if not entry.record.is_public:
                continue
            lastmod = urls[f"{SITE_URL}el/{record_type.folder}/{record_id}/"]
            assert lastmod is not None and lastmod.text == history.updated(entry.record).date().isoformat()


def test_whats_new_in_every_language(site):
    for root in LANGS:
        home = BeautifulSoup((site / root / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert home.select_one(".ph-whats-new-link a")["href"] == "whats-new/"
        page = BeautifulSoup((site / root / "whats-new" / "index.html").read_text(encoding="utf-8"), "html.parser")
        feeds = [link["href"] for link in page.find_all("link", rel="alternate", type="application/atom+xml")]
        assert "feed.xml" in feeds  # its own, beside the hub's
        assert len(page.select("ul.ph-whats-new li")) >= 5
        feed = ET.parse(site / root / "whats-new" / "feed.xml").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == (root.strip("/") or "en")
        assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) >= 5
    assert f"<loc>{SITE_URL}el/whats-new/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


PAYLOAD = '</script><script>alert("ld")</script><!-- <script> &lt;/script&gt; \u2028 "'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile(copy_hub(tmp_path_factory.mktemp("hostile-ld") / "hub"), PAYLOAD, PARTNERHUB_SEARCH_INDEX="0")


@pytest.mark.slow
def test_hostile_titles_do_not_break_out_of_json_ld(hostile_site):
    count = 0
    for _record_type, path in _record_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        start = head.index('<script type="application/ld+json">')
        end = head.index("</script>", start)
        block = head[start + len('<script type="application/ld+json">'):end]
        assert "<" not in block, path  # nothing in it can open or close a tag
        described = json.loads(block)["@graph"][0]
        assert 'alert("ld")' in described["name"], path  # the payload is there, as data
        soup = BeautifulSoup(head, "html.parser")
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()
                    and s.get("type") != "application/ld+json"], path
        count += 1
    assert count > 100


def test_json_ld_is_processed_by_a_json_ld_library(site):
    """Every record page's JSON-LD expands to RDF with pyld (a real JSON-LD processor): the
    schema.org context is served offline as its vocabulary, any other fetch fails the test."""
    from pyld import jsonld

    fetched = []

    def offline(url, options=None):
        fetched.append(url)
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": "https://schema.org/"}}}

    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    for record_type, path in _record_pages(site):
        for block in _json_ld(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            quads = jsonld.to_rdf(block, {"documentLoader": offline, "format": "application/n-quads"})
            described = block["@graph"][0]
            kinds = described["@type"] if isinstance(described["@type"], list) else [described["@type"]]
            for kind in kinds:
                assert f"{rdf_type} <https://schema.org/{kind}> ." in quads, (path, kind)
            assert f"{rdf_type} <https://schema.org/BreadcrumbList> ." in quads, path
            assert f"<https://schema.org/url> <{described['url']}> ." in quads or described["url"] in quads, path
    assert fetched, "the pages name the schema.org context"
