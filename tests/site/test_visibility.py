"""Nothing of a draft or partners-only record reaches the public build: not its pages, ids,
names, counts, attributes, search index, sitemap, files, exports, calendars or feeds; nor
does a personal detail nobody consented to publish. Marker strings put in every such
record are searched for in every byte of the build, the search index decompressed."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.media import makers
from tests.support.site import ROOT, SITE_URL, copy_hub

pytestmark = pytest.mark.slow

DRAFT, PARTNERS = "zzdraftmarker", "zzpartnersmarker"
CONSENT = "zzconsentmarker"  # details of public records that their people did not allow to publish
# the open data the build writes (partnerhub/opendata/): each must be searched too
OPEN_DATA = ("data/meetings.csv", "data/people.json", "data/hub.json", "data/partners.geojson",
             "data/datapackage.json", "calendars/hub.ics", "el/calendars/networks/breaking-isolation.ics",
             "feeds/hub.xml", "fr/feeds/networks/breaking-isolation.xml")
NAMES = "{{en: {m} name, el: {m} όνομα, fr: {m} nom}}"


def _write(hub: Path, rel: str, text: str) -> None:
    path = hub / "data" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _records(hub: Path) -> None:
    for marker, state in ((DRAFT, "publication: draft"), (PARTNERS, "visibility: partners")):
        names = NAMES.format(m=marker)
        _write(hub, f"networks/{marker}-network.yml",
               f"id: {marker}-network\nname: {names}\nacronym: {marker.upper()}\nprogramme: urbact-iv\n"
               f"themes: [social-isolation]\nperiod: {{start: 2024-01-01}}\n"
               f"partners:\n  - {{partner: serres, role: lead}}\n  - {{partner: {marker}-partner}}\n"
               f"summary: {names}\n{state}\n")
        _write(hub, f"people/{marker}-person.yml",
               f"id: {marker}-person\nname: {names}\npublish: all\nroles:\n  - {{role: lead-expert, network: "
               f"breaking-isolation}}\nemail: {marker}@example.org\n{state}\n")
        _write(hub, f"partners/{marker}-partner.yml",
               f"id: {marker}-partner\nname: {names}\nkind: municipality\ncountry: MT\n"
               f"coordinates: {{lat: 35.9, lon: 14.5}}\ndescription: {names}\n{state}\n")
        _write(hub, f"meetings/{marker}-meeting.yml",
               f"id: {marker}-meeting\nnetwork: breaking-isolation\nkind: transnational\ntitle: {names}\n"
               f"host: serres\nstart: 2030-01-10\nstatus: planned\nsummary: {names}\n"
               f"photos:\n  - file: media/{marker}-photo.png\n    alt: {names}\n"
               f"documents:\n  - title: {names}\n    file: media/{marker}-agenda.pdf\n{state}\n")
        _write(hub, f"practices/{marker}-practice.yml",
               f"id: {marker}-practice\ntitle: {names}\nowners: [serres]\nnetwork: {marker}-network\n"
               f"themes: [social-isolation]\nstatus: ongoing\nsummary: {names}\n{state}\n")
        (hub / "data" / "media" / f"{marker}-photo.png").write_bytes(makers.png(text=True))
        (hub / "data" / "media" / f"{marker}-agenda.pdf").write_bytes(
            makers.pdf(f"1 0 obj\n<< /Title ({marker}) >>\nendobj\n".encode()))
    # a published person whose record does not allow the name to be shown: nowhere either
    _write(hub, f"people/{DRAFT}-no-consent.yml",
           f"id: {DRAFT}-no-consent\nname: {NAMES.format(m=DRAFT)}\nroles:\n  - {{role: coordinator, network: "
           f"breaking-isolation}}\n")
    # a public practice in the draft network, by a public partner: it is shown, the network is not
    _write(hub, "practices/public-practice-in-draft-network.yml",
           "id: public-practice-in-draft-network\ntitle: {en: Public practice, el: Δημόσια πρακτική, fr: Pratique}\n"
           f"owners: [serres]\nnetwork: {DRAFT}-network\nthemes: [social-isolation]\nstatus: ongoing\n"
           "summary: {en: Shown., el: Φαίνεται., fr: Affichée.}\n")
    # a published person who allows name and roles only, and a contact without consent
    _write(hub, "people/consent-name-only.yml",
           f"id: consent-name-only\nname: {{en: Anna Example}}\npublish: [name, roles]\nroles:\n  - {{role: coordinator, "
           f"network: breaking-isolation}}\nemail: {CONSENT}@example.org\nphone: '+30 {CONSENT}'\n"
           f"biography: {{en: {CONSENT} biography}}\n")
    serres = hub / "data" / "partners" / "serres.yml"
    assert "contacts:" not in serres.read_text(encoding="utf-8")
    serres.write_text(serres.read_text(encoding="utf-8") + f"contacts:\n  - {{name: Social services, email: "
                      f"{CONSENT}@serres.gr, phone: '+30 {CONSENT} 1'}}\n", encoding="utf-8")
    # a public meeting's photo, taken by a phone that recorded where
    (hub / "data" / "media" / "visit.jpg").write_bytes(makers.jpeg_with_gps())
    (hub / "data" / "media" / "unused.jpg").write_bytes(makers.jpeg_with_gps())
    meeting = hub / "data" / "meetings" / "breaking-isolation-03-pombal.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "photos:\n  - file: media/visit.jpg\n"
                       "    alt: {en: The partners in Pombal, el: Οι εταίροι στην Πομπάλ, fr: Les partenaires}\n",
                       encoding="utf-8")


def _build(hub: Path, site: Path, audience: str) -> None:
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "PARTNERHUB_AUDIENCE": audience}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(hub / "mkdocs.yml"),
                             "-d", str(site)], cwd=hub, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    hub = copy_hub(tmp_path_factory.mktemp("visibility") / "hub")
    _records(hub)
    sites = {}
    for audience in ("public", "partners"):
        sites[audience] = hub.parent / f"site-{audience}"
        _build(hub, sites[audience], audience)
    return sites


def _every_byte(site: Path):
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":  # Pagefind's index and fragments are gzip
                data = gzip.decompress(data)
            yield path, data.lower()


def _containing(site: Path, marker: str) -> list[str]:
    needle = marker.encode()
    return [str(path.relative_to(site)) for path, data in _every_byte(site) if needle in data or needle in
            str(path).lower().encode()]


def test_public_build_holds_no_hidden_record(builds):
    site = builds["public"]
    assert (site / "practices" / "public-practice-in-draft-network" / "index.html").is_file()
    assert all((site / path).is_file() for path in OPEN_DATA)
    assert _containing(site, DRAFT) == []
    assert _containing(site, PARTNERS) == []
    assert _containing(site, CONSENT) == []
    people = (site / "data" / "people.json").read_text(encoding="utf-8")
    assert "consent-name-only" in people and "Anna Example" in people  # what was allowed is there


def test_partners_build_holds_partners_records_but_no_draft(builds):
    site = builds["partners"]
    assert _containing(site, DRAFT) == []
    assert _containing(site, CONSENT) == []
    found = _containing(site, PARTNERS)
    # the open data is the build's: the partners' records are in the partners' exports and calendars
    assert {"data/meetings.csv", "data/hub.json", "calendars/hub.ics", "el/calendars/hub.ics"} <= set(found)
    page = site / "practices" / f"{PARTNERS}-practice" / "index.html"
    assert str(page.relative_to(site)) in found
    html = page.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "Partners only: this page is not on the public site" in html
    assert any(path.startswith("media/") and path.endswith(".pdf") for path in found)


def test_counts_are_of_visible_records(builds):
    html = (builds["public"] / "index.html").read_text(encoding="utf-8")
    demo = len(list((ROOT / "data" / "networks").glob("*.yml")))
    assert f"<strong>{demo}</strong> networks" in html  # the demo's, not the hidden ones
    network = (builds["public"] / "networks" / "breaking-isolation" / "index.html").read_text(encoding="utf-8")
    assert network.count("<tr><td>") == 10


def test_only_used_media_published_without_metadata(builds):
    media = builds["public"] / "media"
    published = sorted(p.name for p in media.iterdir() if not p.name.startswith("hub-logo-"))  # hub.yml's logo
    assert published and all(name.startswith("visit-") and name.endswith(".jpg") for name in published)
    for path in media.iterdir():
        with Image.open(path) as image:
            assert not image.getexif(), path  # no EXIF, no GPS
            assert "xmp" not in image.info and "comment" not in image.info, path
    page = (builds["public"] / "meetings" / "breaking-isolation-03-pombal" / "index.html").read_text(encoding="utf-8")
    assert 'srcset="../../media/visit-' in page and 'width="' in page and 'loading="lazy"' in page
    el_page = (builds["public"] / "el" / "meetings" / "breaking-isolation-03-pombal" / "index.html").read_text("utf-8")
    assert 'src="../../../media/visit-' in el_page  # one copy of the media for every language
