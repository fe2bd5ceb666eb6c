"""What's new: the records most recently added and changed (``partnerhub.history``), as a
page per language (``whats-new/``, linked from the home page) and an Atom feed beside it
(``whats-new/feed.xml``). Only the build's visible, public records take part."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from partnerhub.history import of_hub as history_of
from partnerhub.i18n import N_, translations
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words
from partnerhub.render.urls import language_root, record_url

URL = "whats-new/"
FEED = "feed.xml"
COUNT = 20  # entries in each list and in the feed
TITLE = N_("What's new")


@dataclass(frozen=True)
class Change:
    record_type: object
    record: object
    added: dt.datetime
    updated: dt.datetime

    @property
    def url(self) -> str:
        return record_url(self.record_type.folder, self.record.id)


def changes(hub, rel) -> list[Change]:
    """Every visible public record with its dates, latest change first."""
    history = history_of(hub)
    out = []
    for record_type in RECORD_TYPES:
        for record in rel.records[record_type.folder].values():
            if record.visibility != "public" or not record.is_public:
                continue
            dates = history.added(record), history.updated(record)
            if None not in dates:
                out.append(Change(record_type, record, *dates))
    return sorted(out, key=lambda c: (c.updated, c.record_type.folder, c.record.id), reverse=True)


def latest(hub, rel, count: int = COUNT) -> tuple[list[Change], list[Change]]:
    """(the records added last, the records changed last that were added earlier)."""
    every = changes(hub, rel)
    added = sorted(every, key=lambda c: (c.added, c.record_type.folder, c.record.id), reverse=True)[:count]
    updated = [c for c in every if c.updated > c.added][:count]
    return added, updated


def whats_new_page(builder):
    """The page of ``builder``'s language (a :class:`partnerhub.render.pages.Page`)."""
    added, updated = latest(builder.hub, builder.rel)
    title = builder.texts.translate(TITLE)
    page = builder.generated_page(URL, title, "whats_new.html", "whats-new", added=added, updated=updated, feed=FEED)
    page.head = Markup('<link rel="alternate" type="application/atom+xml" href="{}" title="{}">').format(FEED, title)
    return page


def _time(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def feed(hub, rel, lang: str, site_url: str) -> str:
    """The Atom feed of ``lang``: the records changed last, newest first."""
    loc = Localizer(lang, hub.config.default_language)
    gettext = translations(lang).gettext
    root = language_root(lang, hub.config.default_language)
    base = site_url.rstrip("/") + "/" + root if site_url else ""

    def link(url: str) -> str:  # absolute if the site's URL is known, else from the feed's folder
        return base + url if base else "../" + url

    def ident(url: str) -> str:
        return base + url if base else f"urn:partnerhub:{lang}:{url.strip('/').replace('/', ':')}"

    entries = changes(hub, rel)[:COUNT]
    hub_name = plain_words(loc.plain(hub.config.name))
    title = f"{gettext(TITLE)} · {hub_name}"
    newest = entries[0].updated if entries else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
             f"  <title>{escape(title)}</title>",
             f"  <id>{escape(ident(URL))}</id>",
             f"  <updated>{_time(newest)}</updated>",
             f"  <author><name>{escape(hub_name)}</name></author>",
             f'  <link rel="alternate" type="text/html" href={quoteattr(link(URL))}/>']
    if base:
        lines.append(f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + URL + FEED)}/>')
    for change in entries:
        name = loc.pick(change.record.display_name)
        summary = loc.pick(change.record.summary_text)
        lines += ["  <entry>",
                  f"    <title xml:lang={quoteattr(name.lang)}>{escape(plain_words(name.text))}</title>",
                  f"    <id>{escape(ident(change.url))}</id>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(link(change.url))}/>',
                  f"    <published>{_time(change.added)}</published>",
                  f"    <updated>{_time(change.updated)}</updated>",
                  f"    <category term={quoteattr(change.record_type.name)} "
                  f"label={quoteattr(gettext(change.record_type.singular_title))}/>"]
        if summary:
            lines.append(f"    <summary xml:lang={quoteattr(summary.lang)}>{escape(plain_words(summary.text))}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def write_feeds(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """``whats-new/feed.xml`` in every language's folder (the pages are record pages)."""
    for lang in hub.config.languages:
        path = site_dir / language_root(lang, hub.config.default_language) / URL / FEED
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(feed(hub, rel, lang, site_url), encoding="utf-8")
    return []
