"""The "Open data" page in every language, the subscribe links on network, partner and
catalogue pages, and a network's feed in its page's <head>."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from partnerhub.registry import BY_FOLDER
from partnerhub.render.pages import SiteBuilder
from partnerhub.render.site import navigation
from tests.opendata.support import SITE_URL, hostile_root, load


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return load(hostile_root(tmp_path_factory.mktemp("pages")))


def _builder(hub, lang, site_url=SITE_URL):
    return SiteBuilder(hub[0], lang, hub[1], site_url=site_url)


def test_open_data_page_in_every_language(hub):
    for lang, up in (("en", "../"), ("el", "../../"), ("fr", "../../")):
        page = _builder(hub, lang).open_data()
        assert page.url == "open-data/"
        soup = BeautifulSoup(page.html, "html.parser")
        hrefs = [a["href"] for a in soup.select("table a")]
        assert up + "data/practices.csv" in hrefs and up + "data/meetings.geojson" in hrefs
        assert up + "data/datapackage.json" in hrefs and up + "data/catalog.jsonld" in hrefs
        assert soup.select_one('a[rel~="license"]')["href"] == "https://creativecommons.org/licenses/by/4.0/"
        assert soup.find(id="cite")
    greek = BeautifulSoup(_builder(hub, "el").open_data().html, "html.parser")
    assert greek.h1.get_text() == "Ανοικτά δεδομένα"
    assert "https://hub.example.org/data/practices.csv" in greek.blockquote.get_text()
    assert {"Ανοικτά δεδομένα": "open-data.md"} in navigation("el", [])


def test_subscribe_links(hub):
    builder = _builder(hub, "el")
    network = builder.record_page(BY_FOLDER["networks"], hub[1].records["networks"]["breaking-isolation"])
    links = [a["href"] for a in BeautifulSoup(network.html, "html.parser").select(".ph-subscribe a")]
    assert links == ["webcal://hub.example.org/el/calendars/networks/breaking-isolation.ics",
                     "../../calendars/networks/breaking-isolation.ics",
                     "../../feeds/networks/breaking-isolation.xml"]
    partner = builder.record_page(BY_FOLDER["partners"], hub[1].records["partners"]["serres"])
    links = [a["href"] for a in BeautifulSoup(partner.html, "html.parser").select(".ph-subscribe a")]
    assert links == ["webcal://hub.example.org/el/calendars/partners/serres.ics", "../../calendars/partners/serres.ics"]
    meetings = BeautifulSoup(builder.catalogue("meetings").html, "html.parser")
    assert [a["href"] for a in meetings.select(".ph-subscribe a")] == [
        "webcal://hub.example.org/el/calendars/hub.ics", "../calendars/hub.ics", "../feeds/hub.xml"]
    assert not BeautifulSoup(builder.catalogue("partners").html, "html.parser").select(".ph-subscribe")
    # without the site's address: no webcal: link (it must be absolute)
    local = _builder(hub, "en", site_url="").catalogue("meetings")
    assert [a["href"] for a in BeautifulSoup(local.html, "html.parser").select(".ph-subscribe a")] == [
        "../calendars/hub.ics", "../feeds/hub.xml"]


def test_network_page_head_has_its_feed(hub):
    page = _builder(hub, "fr").record_page(BY_FOLDER["networks"], hub[1].records["networks"]["breaking-isolation"])
    link = BeautifulSoup(str(page.head), "html.parser").find("link")
    assert link["rel"] == ["alternate"] and link["type"] == "application/atom+xml"
    assert link["href"] == "../../feeds/networks/breaking-isolation.xml"
    assert link["title"] == "Rompre l'isolement : comptes rendus de réunions et bonnes pratiques"
    partner = _builder(hub, "fr").record_page(BY_FOLDER["partners"], hub[1].records["partners"]["serres"])
    assert str(partner.head) == ""
