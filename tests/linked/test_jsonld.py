"""schema.org JSON-LD and share tags on record pages: every record page of every language
carries one JSON-LD block that parses, with the types and properties each record type
needs; hostile text stays inside the JSON; records that are not public get none."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from partnerhub.linked.head import og_locale, record_head, script_json
from partnerhub.registry import BY_FOLDER, RECORD_TYPES
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words
from partnerhub.render.pages import SiteBuilder
from partnerhub.render.relations import build_relations
from tests.linked.support import DRAFT, PARTNERS, SCRIPT, SITE_URL, linked_hub

# what each described type must carry (besides @type, @id, url and name)
REQUIRED = {
    "Event": {"startDate", "eventStatus", "eventAttendanceMode", "location", "organizer", "image"},
    "GovernmentOrganization": {"address", "image"},
    "Organization": {"image"},
    "CreativeWork": {"image"},
    "Person": {"image"},
}


@pytest.fixture(scope="module")
def hub_rel(tmp_path_factory):
    return linked_hub(tmp_path_factory.mktemp("jsonld"))


def _graph(head: str) -> list[dict]:
    blocks = SCRIPT.findall(head)
    assert len(blocks) == 1, head
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def test_script_json_cannot_close_its_script():
    text = script_json({"name": "</script><script>alert(1)</script> & <!-- \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!-- \u2028"


@pytest.mark.parametrize("lang", ["en", "el", "fr"])
def test_every_record_page_has_valid_json_ld(hub_rel, lang):
    hub, rel = hub_rel
    builder = SiteBuilder(hub, lang, rel, site_url=SITE_URL)
    seen = set()
    for page in builder.record_pages():
        if page.kind not in {t.name for t in RECORD_TYPES}:
            continue
        record, crumbs = _graph(str(page.head))
        seen.add(record["@type"])
        assert {"@id", "url", "name"} <= set(record), record
        assert record["url"].startswith(SITE_URL) and record["url"].endswith(page.url)
        missing = REQUIRED.get(record["@type"], {"image"}) - set(record)
        assert not missing, (page.url, missing)
        assert record["image"].startswith(SITE_URL + "assets/share/")
        if page.kind == "partner" and rel.records["partners"][page.record_id].coordinates is not None:
            assert record["geo"]["@type"] == "GeoCoordinates" and -90 <= record["geo"]["latitude"] <= 90
        assert crumbs["@type"] == "BreadcrumbList"
        assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]
        assert crumbs["itemListElement"][2]["item"] == record["url"]
        assert f'<meta property="og:url" content="{record["url"]}">' in str(page.head)
        assert f'<meta property="og:locale" content="{og_locale(lang)}">' in str(page.head)
        assert '<meta name="twitter:card" content="summary_large_image">' in str(page.head)
    assert {"Event", "Organization", "GovernmentOrganization", "CreativeWork", "Person"} <= seen


def test_meeting_event_status_and_attendance(hub_rel):
    hub, rel = hub_rel
    meeting = next(iter(rel.records["meetings"].values()))
    loc = Localizer("el", "en")
    for status, fmt, expected_status, mode in [
            ("cancelled", "online", "EventCancelled", "OnlineEventAttendanceMode"),
            ("postponed", "hybrid", "EventPostponed", "MixedEventAttendanceMode"),
            ("planned", "in-person", "EventScheduled", "OfflineEventAttendanceMode")]:
        changed = meeting.model_copy(update={"status": status, "format": fmt})
        event = _graph(str(record_head(hub, rel, loc, BY_FOLDER["meetings"], changed, "", SITE_URL)))[0]
        assert event["eventStatus"] == "https://schema.org/" + expected_status
        assert event["eventAttendanceMode"] == "https://schema.org/" + mode
        kinds = {place["@type"] for place in (event["location"] if isinstance(event["location"], list)
                                              else [event["location"]])}
        assert kinds == {"in-person": {"Place"}, "online": {"VirtualLocation"},
                         "hybrid": {"Place", "VirtualLocation"}}[fmt]
    place = _graph(str(record_head(hub, rel, loc, BY_FOLDER["meetings"], meeting, "", SITE_URL)))[0]["location"]
    assert place["geo"]["@type"] == "GeoCoordinates" and place["address"]["addressCountry"]
    assert place["name"] == "Αζέν"  # in the page's language


def test_hostile_title_stays_inside_the_json(hub_rel):
    hub, rel = hub_rel
    payload = '</script><script>alert(1)</script><!-- "quoted" & <b> `</script>` &lt;/script&gt;'
    partner = rel.records["partners"]["serres"].model_copy(update={"name": {"en": payload}})
    head = str(record_head(hub, rel, Localizer("en", "en"), BY_FOLDER["partners"], partner, payload, SITE_URL))
    assert head.count("<script") == 1 and head.count("</script>") == 1
    assert "<b>" not in head and "alert(1)</script><" not in head
    assert _graph(head)[0]["name"] == plain_words(payload)  # plain words, as in the page's title
    soup = BeautifulSoup(head, "html.parser")
    assert [m.name for m in soup.find_all(True)].count("script") == 1
    assert soup.find("meta", property="og:title")["content"] == plain_words(payload)


def test_people_only_as_far_as_they_allow(hub_rel):
    hub, rel = hub_rel
    for person in rel.records["people"].values():
        record = _graph(str(record_head(hub, rel, Localizer("en", "en"), BY_FOLDER["people"], person, "", SITE_URL)))[0]
        assert "email" not in record and "telephone" not in record
        if "roles" not in person.publish:
            assert "memberOf" not in record


def test_no_metadata_for_hidden_records(hub_rel):
    hub, _rel = hub_rel
    partners_rel = build_relations(hub, "partners")
    builder = SiteBuilder(hub, "en", partners_rel, site_url=SITE_URL)
    page = builder.record_page(BY_FOLDER["partners"], partners_rel.records["partners"][PARTNERS])
    assert str(page.head) == ""  # a partners-only page in the partners' build: no JSON-LD, no card
    assert DRAFT not in partners_rel.records["partners"]
    public = SiteBuilder(hub, "en", build_relations(hub), site_url=SITE_URL)
    heads = "".join(str(p.head) for p in public.record_pages())
    assert DRAFT not in heads and PARTNERS not in heads
