"""Atom feeds (RFC 4287) of meeting reports and good practices, one set per language.

``feeds/hub.xml`` holds the entries of the whole hub, and each network (the record types
whose ``syndication`` lists "feed") has ``feeds/<folder>/<id>.xml`` with the entries that
refer to it. An entry is a record its type's ``in_feeds`` accepts (a held meeting with a
report or a summary, a practice), dated by :func:`partnerhub.opendata.dates.updated` (the record files' history)
(a record with no date yet is left out), newest first. Ids are ``tag:`` URIs from the
site's host and the record's folder and id, so they never change; title and summary are
in the feed's language, a missing translation in the default language marked with its
``xml:lang``. The XML is written by ElementTree, which escapes every value.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from partnerhub.i18n import N_, gettext
from partnerhub.opendata import links
from partnerhub.opendata.dates import updated
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG_DATE = "2026"  # the date in every tag: id (a constant, so ids never change)
TITLE = N_("{name}: meeting reports and good practices")
ENTRY_TYPES = tuple(t for t in RECORD_TYPES if t.in_feeds is not None)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

ET.register_namespace("", ATOM)


def feed_title(config, lang: str) -> str:
    """The title of a language's feed of the whole hub (also its ``<link>`` title)."""
    return gettext(lang, TITLE).format(name=Localizer(lang, config.default_language).plain(config.name))


def head_link(config, lang: str) -> dict[str, str]:
    """What a page's ``<link rel="alternate">`` to the language's feed needs: the feed's
    path from the language's root and its title (plain text: the template escapes it)."""
    return {"path": links.feed_path(), "title": feed_title(config, lang)}


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Writer(links.LanguageWriter):
    """The feeds of one language."""

    def _tag(self, path: str) -> str:
        return f"tag:{self.host},{TAG_DATE}:{self.lang}/{path}"

    def _text(self, parent, name: str, text: dict | None, plain: bool = False) -> None:
        picked = self.loc.pick(text)
        if not picked:
            return
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", {"type": "text"})
        element.text = plain_words(picked.text) if plain else picked.text
        if picked.fallback:
            element.set(XML_LANG, picked.lang)

    def entries(self, records) -> list[tuple[dt.datetime, object, object]]:
        """(date, record type, record) of the records that are entries, newest first."""
        dated = [(updated(self.hub, record), record_type, record) for record_type, record in records
                 if record_type.in_feeds(record)]
        return sorted(((day, t, r) for day, t, r in dated if day is not None),
                      key=lambda item: (item[0], item[2].id), reverse=True)

    def feed(self, path: str, title: str, records) -> bytes:
        entries = self.entries(records)
        feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: self.lang})
        ET.SubElement(feed, f"{{{ATOM}}}id").text = self._tag(path)
        ET.SubElement(feed, f"{{{ATOM}}}title", {"type": "text"}).text = title
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(entries[0][0] if entries else EPOCH)
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = self.loc.plain(self.config.name)
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": links.absolute(
            self.site_url, links.in_language(self.lang, self.config.default_language, path))})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": links.absolute(
            self.site_url, links.in_language(self.lang, self.config.default_language, ""))})
        for day, record_type, record in entries:
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}id").text = self._tag(f"{record_type.folder}/{record.id}")
            self._text(entry, "title", record.display_name)
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day)
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": links.page(
                self.site_url, self.config, self.lang, record_type.folder, record.id)})
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": record_type.name,
                                                         "label": gettext(self.lang, record_type.singular_title)})
            self._text(entry, "summary", record.summary_text, plain=True)
        return ET.tostring(feed, encoding="utf-8", xml_declaration=True)

    def files(self) -> dict[str, bytes]:
        """``path from the language's root -> feed``."""
        everything = [(t, r) for t in ENTRY_TYPES for r in self.rel.records[t.folder].values()]
        out = {links.feed_path(): self.feed(links.feed_path(), feed_title(self.config, self.lang), everything)}
        for folder in links.own("feed"):
            for record in self.rel.records[folder].values():
                path = links.feed_path(folder, record.id)
                title = gettext(self.lang, TITLE).format(name=self.loc.plain(record.display_name))
                refer = [(t, r) for t in ENTRY_TYPES for r in self.rel.referrers(folder, record.id, t.folder)]
                out[path] = self.feed(path, title, refer)
        return out


def write(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Write every language's feeds; no pages."""
    return links.write_languages(hub, rel, site_dir, site_url, Writer)
