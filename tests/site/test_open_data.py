"""The demo build's open data: the Data Package validates, every page links to its
language's feed, feeds and calendars parse, the Greek CSV reads back intact."""

from __future__ import annotations

import csv
import io

import feedparser
from icalendar import Calendar


def test_demo_data_package_validates(site):
    from frictionless import validate

    report = validate(str(site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])


def test_practices_csv_keeps_greek(site):
    rows = list(csv.DictReader(io.StringIO((site / "data" / "practices.csv").read_bytes().decode("utf-8"), newline="")))
    serres = next(row for row in rows if row["id"] == "serres-volunteer-platform")
    assert any("\u0370" <= ch <= "\u03ff" for ch in serres["title_el"])


def test_every_page_links_to_its_language_feed(site):
    pages = [p for p in site.rglob("*.html") if "media" not in p.parts]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page
        assert '<link rel="alternate" type="application/atom+xml"' in html, path.relative_to(site)
    greek = (site / "el" / "practices" / "serres-volunteer-platform" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" href="../../feeds/hub.xml"' in greek


def test_feeds_and_calendars_parse(site):
    for path in site.rglob("feeds/**/*.xml"):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    greek = feedparser.parse((site / "el" / "feeds" / "hub.xml").read_bytes())
    assert greek.feed.language == "el" and greek.entries
    calendars = list(site.rglob("calendars/**/*.ics"))
    assert calendars
    for path in calendars:
        Calendar.from_ical(path.read_bytes())
    hub = Calendar.from_ical((site / "calendars" / "hub.ics").read_bytes())
    assert "CANCELLED" in {str(event["STATUS"]) for event in hub.walk("VEVENT")}
