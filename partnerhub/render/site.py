"""The site as a whole: its languages, navigation, alternates and sitemap.

Generator-independent: the MkDocs adapter asks this module what to build in each
language and where each page's translations are.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from partnerhub.i18n import N_, translations
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.localize import autonym
from partnerhub.opendata.links import PAGE_URL as OPEN_DATA_URL
from partnerhub.opendata.page import TITLE as OPEN_DATA_TITLE
from partnerhub.render.urls import language_root, relative, source_path

# The catalogues in the menu: one per record type (the registry's order), then the themes.
CATALOGUE_ORDER = tuple(t.folder for t in RECORD_TYPES) + ("themes",)
CATALOGUE_TITLES = {**{t.folder: t.title for t in RECORD_TYPES}, "themes": N_("Themes")}


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's name in itself
    link: str  # relative to the page it is shown on
    absolute: str  # from the site URL, for <link rel="alternate"> and sitemaps
    current: bool


def alternates(config, page_url: str, lang: str, site_url: str) -> list[Alternate]:
    """The same page in every language, as seen from ``page_url`` in ``lang``."""
    here = language_root(lang, config.default_language) + page_url
    out = []
    for other in config.languages:
        target = language_root(other, config.default_language) + page_url
        out.append(Alternate(other, autonym(other),
                             relative(here, target), site_url.rstrip("/") + "/" + target if site_url else target,
                             other == lang))
    return out


def navigation(lang: str, hand_written: list[str]) -> list:
    """The sidebar: home, the catalogues, then the hand-written pages (record pages stay out)."""
    gettext = translations(lang).gettext
    nav: list = [{gettext("Home"): "index.md"}]
    nav += [{gettext(CATALOGUE_TITLES[kind]): f"{kind}/index.md"} for kind in CATALOGUE_ORDER]
    nav.append({gettext(OPEN_DATA_TITLE): source_path(OPEN_DATA_URL)})
    sections: dict[str, list[str]] = {}
    for path in sorted(hand_written, key=lambda p: (p.count("/"), not p.endswith("index.md"), p)):
        if "/" in path:
            sections.setdefault(path.split("/", 1)[0], []).append(path)
        else:
            nav.append(path)
    section_titles = {"contribute": gettext("Contribute")}
    for section, paths in sections.items():
        nav.append({section_titles.get(section, section.capitalize()): paths})
    return nav


def sitemap(config, urls: list[str], site_url: str, lastmod: str | dict | None = None) -> str:
    """A sitemap listing every page in every language with its hreflang alternates;
    ``lastmod``: one date for every page, or a date per page URL (the others have none)."""
    base = site_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url in urls:
        for lang in config.languages:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(base + language_root(lang, config.default_language) + url)}</loc>")
            day = lastmod.get(url) if isinstance(lastmod, dict) else lastmod
            if day:
                lines.append(f"    <lastmod>{escape(day)}</lastmod>")
            for other in config.languages:
                href = base + language_root(other, config.default_language) + url
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(href)}/>')
            default_href = base + url
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(default_href)}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def build_date(loc, today) -> dict[str, str]:
    """The day the site was built, for the footer: ``{"iso": "2026-12-02", "text": "2 December
    2026"}`` in the page's language (``loc``: a :class:`partnerhub.render.localize.Localizer`)."""
    return {"iso": today.isoformat(), "text": loc.date(today)}
