"""The linked site-wide outputs, written from a hub in memory: share cards (1200×630 PNG,
cached by content, none for hidden records), redirects from former ids in every language,
the "What's new" feed (Atom, escaped, hidden records left out) and the sitemap's lastmod."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from partnerhub.history import of_hub
from partnerhub.linked import share, whats_new
from partnerhub.linked.lastmod import lastmod_by_url
from partnerhub.linked.redirects import write_redirects
from partnerhub.registry import BY_FOLDER
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words
from partnerhub.render.site import sitemap
from tests.linked.support import DRAFT, PARTNERS, SITE_URL, linked_hub

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def hub_rel(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:  # the environment as it was afterwards
        patch.setenv("PARTNERHUB_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield linked_hub(tmp_path_factory.mktemp("outputs"))


def test_share_images_for_public_records_only(hub_rel, tmp_path):
    hub, rel = hub_rel
    share.write_share_images(hub, rel, tmp_path, SITE_URL)
    partners = BY_FOLDER["partners"]
    for lang in hub.config.languages:
        card = share.card(hub, Localizer(lang, "en"), partners, rel.records["partners"]["serres"])
        path = tmp_path / card.path
        assert path.is_file()
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
    for hidden in (DRAFT, PARTNERS):
        record = hub.records["partners"][hidden].record
        card = share.card(hub, Localizer("en", "en"), partners, record)
        assert not (tmp_path / card.path).exists()
    names = {p.name for p in (tmp_path / share.FOLDER).iterdir()}
    assert len(names) == len(list((hub.cache_dir / "share").glob("*.png")))  # each drawn once, then cached


def test_card_name_follows_its_content(hub_rel):
    hub, rel = hub_rel
    serres = rel.records["partners"]["serres"]
    en = share.card(hub, Localizer("en", "en"), BY_FOLDER["partners"], serres)
    assert en == share.card(hub, Localizer("en", "en"), BY_FOLDER["partners"], serres)
    el = share.card(hub, Localizer("el", "en"), BY_FOLDER["partners"], serres)
    assert el.title != en.title and el.digest != en.digest


def test_redirects_from_former_ids_in_every_language(hub_rel, tmp_path):
    hub, rel = hub_rel
    write_redirects(hub, rel, tmp_path, SITE_URL)
    for root in ("", "el/", "fr/"):
        page = tmp_path / root / "partners" / "old-town" / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("link", rel="canonical")["href"] == f"{SITE_URL}{root}partners/renamed-town/"
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../renamed-town/"
        assert soup.find("a")["href"] == "../renamed-town/"
        assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert soup.html["lang"] == (root.strip("/") or "en")
    written = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.html")]
    assert len(written) == 3
    assert not [p for p in written if DRAFT in p or PARTNERS in p]


def test_whats_new_feed(hub_rel):
    hub, rel = hub_rel
    text = whats_new.feed(hub, rel, "el", SITE_URL)
    root = ET.fromstring(text)
    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}id").text == SITE_URL + "el/whats-new/"
    assert entries and len(entries) <= whats_new.COUNT
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{ATOM}updated").text == updated[0]
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(SITE_URL + "el/") for i in ids)
    assert DRAFT not in text and PARTNERS not in text
    assert "Σέρρες" in text


def test_whats_new_feed_escapes_hostile_titles(hub_rel):
    hub, rel = hub_rel
    serres = rel.records["partners"]["serres"]
    hostile = serres.model_copy(update={"name": {"en": "A & B ]]> <x>"}, "description": {"en": "</summary> &"}})
    rel.records["partners"]["serres"] = hostile
    try:
        root = ET.fromstring(whats_new.feed(hub, rel, "en", ""))
    finally:
        rel.records["partners"]["serres"] = serres
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert plain_words("A & B ]]> <x>") in titles
    assert root.find(f"{ATOM}id").text.startswith("urn:partnerhub:")


def test_sitemap_lastmod_from_history_not_build_time(hub_rel):
    hub, rel = hub_rel
    dates = lastmod_by_url(hub, rel)
    serres = rel.records["partners"]["serres"]
    assert dates["partners/serres/"] == of_hub(hub).updated(serres).date().isoformat()
    assert f"partners/{DRAFT}/" not in dates
    xml = sitemap(hub.config, ["", "partners/serres/"], SITE_URL, dates)
    assert xml.count(f"<lastmod>{dates['partners/serres/']}</lastmod>") == 3  # one per language
    assert xml.count("<lastmod>") == 3  # the home page has no record date


def test_history_falls_back_to_file_times_outside_git(hub_rel):
    hub, _rel = hub_rel  # a copy in a temporary folder: no git there
    assert of_hub(hub).commits is None
    serres = hub.records["partners"]["serres"]
    mtime = dt.datetime.fromtimestamp(Path(serres.file).stat().st_mtime, dt.timezone.utc)
    assert of_hub(hub).updated(serres.record) == mtime
