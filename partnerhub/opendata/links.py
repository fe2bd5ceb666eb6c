"""Where the open-data files live and how pages and files point to each other.

Exports are language-independent, at the site root under ``data/``; calendars and feeds
speak a language, so each language has its own under its root (``calendars/…`` for the
default language, ``el/calendars/…``), next to the pages that link to them. Paths here are
relative to a language's root, like page URLs (``partnerhub.render.urls``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from partnerhub.registry import RECORD_TYPES
from partnerhub.render.localize import Localizer
from partnerhub.render.urls import language_root, record_url

DATA_FOLDER = "data"  # the exports, at the site root
PAGE_URL = "open-data/"  # the page that lists them, in every language (not data/: that is the files)
CALENDAR_FOLDER = "calendars"
FEED_FOLDER = "feeds"
HUB = "hub"  # the file name of the whole hub's calendar and feed


def calendar_path(folder: str | None = None, record_id: str | None = None) -> str:
    """``calendars/hub.ics``, ``calendars/networks/<id>.ics`` (from a language's root)."""
    return f"{CALENDAR_FOLDER}/{folder}/{record_id}.ics" if folder else f"{CALENDAR_FOLDER}/{HUB}.ics"


def feed_path(folder: str | None = None, record_id: str | None = None) -> str:
    """``feeds/hub.xml``, ``feeds/networks/<id>.xml`` (from a language's root)."""
    return f"{FEED_FOLDER}/{folder}/{record_id}.xml" if folder else f"{FEED_FOLDER}/{HUB}.xml"


def own(kind: str) -> tuple[str, ...]:
    """The folders of the record types whose records have a ``kind`` ("calendar", "feed")
    of their own (``RecordType.syndication``)."""
    return tuple(t.folder for t in RECORD_TYPES if kind in t.syndication)


def site_root(site_url: str) -> str:
    """The site's address with one trailing slash, or ``/`` when the build has none."""
    return site_url.rstrip("/") + "/" if site_url else "/"


def absolute(site_url: str, path: str) -> str:
    """``path`` (from the site root) as an address: absolute when the site URL is known."""
    return site_root(site_url) + path


def in_language(lang: str, default_lang: str, path: str) -> str:
    """A path from a language's root as a path from the site root."""
    return language_root(lang, default_lang) + path


def page(site_url: str, config, lang: str, folder: str, record_id: str) -> str:
    """The address of a record's page in ``lang``."""
    return absolute(site_url, in_language(lang, config.default_language, record_url(folder, record_id)))


def page_urls(site_url: str, config, folder: str, record_id: str) -> dict[str, str]:
    """A record's page in every language, by language."""
    return {lang: page(site_url, config, lang, folder, record_id) for lang in config.languages}


def host(site_url: str) -> str:
    """The site's host name, for identifiers (``id@host``, ``tag:host,…``): the site URL's,
    or ``partnerhub.invalid`` when the build has no site URL."""
    return (urlsplit(site_url).hostname or "").lower() or "partnerhub.invalid"


class LanguageWriter:
    """The files of one language (its calendars, its feeds): what they are written from."""

    def __init__(self, hub, rel, lang: str, site_url: str) -> None:
        self.hub, self.rel, self.lang, self.site_url = hub, rel, lang, site_url
        self.config = hub.config
        self.loc = Localizer(lang, self.config.default_language)
        self.host = host(site_url)

    def files(self) -> dict[str, bytes]:  # pragma: no cover - each kind of file says
        raise NotImplementedError


def write_languages(hub, rel, site_dir: Path, site_url: str, writer) -> list[str]:
    """Write ``writer(hub, rel, lang, site_url).files()`` (path from a language's root ->
    bytes) for every language into its folder of ``site_dir``; no pages for the sitemap."""
    for lang in hub.config.languages:
        for path, data in writer(hub, rel, lang, site_url).files().items():
            target = site_dir / in_language(lang, hub.config.default_language, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return []
