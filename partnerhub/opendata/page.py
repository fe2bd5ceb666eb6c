"""The open data as pages show it: the "Open data" page of every language (the files,
their licence, how to cite them, the calendars and feeds) and the subscribe links of the
pages that have a calendar or a feed (a network, a partner, the meetings' catalogue).

Generator-independent like ``partnerhub.render.pages``, whose ``SiteBuilder`` renders the
page with ``open_data.html`` and gives templates a :class:`Syndication`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from partnerhub.hubconfig import licence_link
from partnerhub.i18n import N_
from partnerhub.opendata import links
from partnerhub.opendata.links import PAGE_URL
from partnerhub.opendata.catalogue import CATALOGUE, PACKAGE
from partnerhub.opendata.exports import has_map
from partnerhub.registry import BY_FOLDER, RECORD_TYPES
from partnerhub.schema import NAMES as SCHEMAS
from partnerhub.render.urls import relative

TITLE = N_("Open data")
SUBSCRIBE = N_("Subscribe to the calendar")
CALENDAR_FILE = N_("Calendar file (iCalendar)")
FEED = N_("News feed (Atom)")


@dataclass(frozen=True)
class Link:
    label: str  # a msgid: the template translates it
    href: str  # relative to the page, or an absolute webcal: address


class Syndication:
    """The calendars and feeds that the pages of one language link to."""

    def __init__(self, lang: str, default_lang: str, site_url: str = "") -> None:
        self.lang, self.default_lang, self.site_url = lang, default_lang, site_url

    def _links(self, page_url: str, calendar: str | None, feed: str | None) -> list[Link]:
        out = []
        if calendar is not None:
            if self.site_url:  # webcal: needs the site's address: a calendar program subscribes to it
                address = links.absolute(self.site_url, links.in_language(self.lang, self.default_lang, calendar))
                out.append(Link(SUBSCRIBE, "webcal://" + address.split("://", 1)[1]))
            out.append(Link(CALENDAR_FILE, relative(page_url, calendar)))
        if feed is not None:
            out.append(Link(FEED, relative(page_url, feed)))
        return out

    def record(self, page_url: str, folder: str, record_id: str) -> list[Link]:
        """A record's own calendar and feed (``RecordType.syndication``), if it has them."""
        calendar = links.calendar_path(folder, record_id) if folder in links.own("calendar") else None
        feed = links.feed_path(folder, record_id) if folder in links.own("feed") else None
        return self._links(page_url, calendar, feed)

    def catalogue(self, page_url: str, folder: str) -> list[Link]:
        """The hub's calendar and feed on the catalogue of a type whose records are in them."""
        record_type = BY_FOLDER.get(folder)
        if record_type is None:
            return []
        return self._links(page_url, links.calendar_path() if record_type.in_calendars else None,
                           links.feed_path() if record_type.in_feeds else None)

    def data_files(self, page_url: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """The "Open data" page's list: (title msgid, [(format, link)]) per record type, then
        the whole hub, the schemas and the descriptions for programs."""
        data = links.DATA_FOLDER + "/"

        def to(path: str) -> str:  # the exports sit at the site root, above the languages
            up = "" if self.lang == self.default_lang else "../"
            return up + relative(page_url, data + path)

        rows = []
        for record_type in RECORD_TYPES:
            formats = [("CSV", to(f"{record_type.folder}.csv")), ("JSON", to(f"{record_type.folder}.json"))]
            if has_map(record_type):
                formats.append(("GeoJSON", to(f"{record_type.folder}.geojson")))
            rows.append((record_type.title, formats))
        rows.append((N_("The whole hub"), [("JSON", to("hub.json"))]))
        rows.append((N_("JSON Schemas of the records"), [(name, to(f"schemas/{name}.schema.json")) for name in SCHEMAS]))
        rows.append((N_("Descriptions for programs and open-data portals"),
                     [("Data Package", to(PACKAGE)), ("DCAT-AP", to(CATALOGUE))]))
        return rows

    def hub(self, page_url: str) -> list[Link]:
        """The hub's calendar and feed."""
        return self._links(page_url, links.calendar_path(), links.feed_path())


def page_context(hub, site_url: str) -> dict:
    """What ``open_data.html`` needs besides the builder's globals: the licence, as data and
    as a safe link, and the site's address (for the citation)."""
    licence = licence_link(hub.config.licence)
    anchor = Markup('<a href="{}" rel="license noopener noreferrer">{}</a>').format(licence["url"], licence["name"])
    return {"licence": licence, "licence_anchor": anchor, "site_address": links.site_root(site_url)}


def feed_head(syndication: Syndication, page_url: str, folder: str, record, title: str) -> Markup:
    """The ``<link rel="alternate">`` of a record's own feed for its page's ``<head>``
    (the language's feed is in every page's head through the theme); empty if it has none."""
    if folder not in links.own("feed"):
        return Markup("")
    href = relative(page_url, links.feed_path(folder, record.id))
    return Markup('<link rel="alternate" type="application/atom+xml" href="{}" title="{}">').format(href, title)
