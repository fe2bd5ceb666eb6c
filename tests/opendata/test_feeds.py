"""The Atom feeds, parsed with feedparser (well-formed: no bozo): entries newest first,
stable tag: ids, text in the feed's language with a fallback marked by xml:lang."""

from __future__ import annotations

import feedparser
import pytest

from partnerhub.opendata import feeds
from tests.opendata.support import HIDDEN, SITE_URL, hostile_root, load


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    hub, rel = load(hostile_root(tmp_path_factory.mktemp("feeds")))
    out = tmp_path_factory.mktemp("out")
    feeds.write(hub, rel, out, SITE_URL)
    return out


def _parse(path):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_a_feed_per_language_and_network(out):
    for root in (out, out / "el", out / "fr"):
        assert (root / "feeds" / "hub.xml").is_file()
        assert (root / "feeds" / "networks" / "breaking-isolation.xml").is_file()
    assert not any(HIDDEN.encode() in p.read_bytes() for p in out.rglob("*.xml"))


def test_entries_newest_first_with_stable_ids(out):
    parsed = _parse(out / "el" / "feeds" / "hub.xml")
    assert parsed.version == "atom10"
    assert parsed.feed.language == "el"
    ids = [entry.id for entry in parsed.entries]
    # a held meeting with a summary and a dated practice; not the planned or cancelled meetings
    assert ids == ["tag:hub.example.org,2026:el/practices/agen-lunches",
                   "tag:hub.example.org,2026:el/meetings/breaking-isolation-01-agen"]
    dates = [entry.updated_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert [e.id for e in _parse(out / "el" / "feeds" / "hub.xml").entries] == ids  # the same every build
    assert parsed.entries[0].link == SITE_URL + "el/practices/agen-lunches/"


def test_text_in_the_feed_language_fallback_marked(out):
    parsed = _parse(out / "el" / "feeds" / "hub.xml")
    practice = parsed.entries[0]
    assert practice.title == "Κοινά γεύματα"
    assert practice.summary_detail.language == "en"  # no Greek summary: the English one, marked
    assert practice.summary == "Older people & students over lunch."
    meeting = parsed.entries[1]
    assert meeting.summary_detail.language == "el"
    english = _parse(out / "feeds" / "hub.xml").entries[0]
    assert english.title == "Shared lunches & talks <Agen>"  # escaped in the XML, the same text back


def test_network_feed(out):
    parsed = _parse(out / "feeds" / "networks" / "breaking-isolation.xml")
    assert {e.id.rsplit("/", 1)[1] for e in parsed.entries} == {"agen-lunches", "breaking-isolation-01-agen"}
    assert parsed.feed.title.startswith("Breaking Isolation")
