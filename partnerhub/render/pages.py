"""Build the pages of one site language: home, catalogues, records and themes.

:class:`SiteBuilder` renders :class:`Page` objects, each with its URL (relative to the
language's root), plain-text title and description (an adapter escapes them where it
prints them), safe HTML body and table of contents. Record pages come from the record
types of ``partnerhub.registry`` and their templates in ``render/templates``; they are
yielded one by one, so that a large hub is written as it is rendered, never held whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from partnerhub.history import of_hub as history_of
from partnerhub.i18n import N_, translations
from partnerhub.linked.head import record_head
from partnerhub.linked.whats_new import whats_new_page
from partnerhub.labels import MEETING_FORMAT, MEETING_STATUS, NAME_KIND, PRACTICE_STATUS
from partnerhub.opendata import page as open_data
from partnerhub.opendata.feeds import TITLE as FEED_TITLE
from partnerhub.registry import BY_FOLDER, RECORD_TYPES, RecordType
from partnerhub.render.catalogue import Catalogue, data_attributes
from partnerhub.render.fallback import with_page_notice
from partnerhub.render.context import Links, Texts
from partnerhub.render.localize import Localizer
from partnerhub.render.map import record_map
from partnerhub.render.markup import plain_words
from partnerhub.render.relations import Relations, build_relations
from partnerhub.render.search_meta import search_meta, theme_meta
from partnerhub.render.edit_links import edit_links, edit_links_html, page_address
from partnerhub.render.urls import language_root, record_url, relative
from partnerhub.render.site import CATALOGUE_ORDER, CATALOGUE_TITLES
from partnerhub.search import policy

_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]*>")


@dataclass
class Page:
    url: str  # relative to the language root: "", "meetings/", "meetings/x/"
    title: str  # plain text
    html: Markup  # the page's body
    kind: str  # home, catalogue, theme, or a record type's name
    description: str = ""  # plain text
    record_id: str | None = None
    title_lang: str | None = None  # set when the title is a fallback in another language
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, plain text) of the h2
    noindex: bool = False  # a partners-only record in the partners' build
    head: Markup = Markup("")  # safe HTML for the page's <head> (links, metadata), built by the package


@lru_cache(maxsize=None)
def environment() -> Environment:
    """One Jinja2 environment for all languages (templates compile once); the gettext
    functions of the page's language are passed with each render."""
    env = Environment(
        loader=PackageLoader("partnerhub.render", "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_null_translations(newstyle=True)
    env.filters["groupby_year"] = by_year
    return env


def compile_templates() -> None:
    """Compile every page template now: processes forked afterwards (the other languages'
    passes) inherit them instead of compiling them each."""
    env = environment()
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def by_year(meetings) -> list[tuple]:
    """Meetings grouped by the year they start in, in the order given: (year or None, [meetings])."""
    groups: list[tuple] = []
    for meeting in meetings:
        year = meeting.start.year
        if groups and groups[-1][0] == year:
            groups[-1][1].append(meeting)
        else:
            groups.append((year, [meeting]))
    return groups


def gettext_callables(lang: str) -> dict:
    """``_``, ``gettext`` and ``ngettext`` for templates, new-style (``%(num)d`` filled in)."""
    catalog = translations(lang)

    def gettext(message: str, **variables) -> str:
        text = catalog.gettext(message)
        return text % variables if variables else text

    def ngettext(singular: str, plural: str, num: int, **variables) -> str:
        return catalog.ngettext(singular, plural, num) % {"num": num, **variables}

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


def table_of_contents(html: str) -> list[tuple[str, str]]:
    """The page's ``<h2 id>`` headings, as (anchor, plain text)."""
    return [(anchor, " ".join(unescape(_TAG.sub("", text)).split())) for anchor, text in _HEADING.findall(html)]


class SiteBuilder:
    """Renders the pages of one language for one audience."""

    def __init__(self, hub, lang: str, rel: Relations | None = None, today: dt.date | None = None,
                 site_url: str = "") -> None:
        self.hub = hub
        self.lang = lang
        self.site_url = site_url  # absolute addresses: webcal: links, metadata, links that leave the site (edit, correct)
        self.rel = rel or build_relations(hub)
        self.loc = Localizer(lang, hub.config.default_language)
        self.texts = Texts(hub, self.loc)
        self.today = today or dt.date.today()
        self.env = environment()
        self.globals = {
            "t": self.loc, "text": self.texts, "rel": self.rel, "hub": self.hub, "lang": lang, "today": self.today,
            "search": policy, "record_types": RECORD_TYPES, "data_attributes": data_attributes,
            "practice_status": PRACTICE_STATUS, "meeting_status": MEETING_STATUS, "meeting_format": MEETING_FORMAT,
            "name_kind": NAME_KIND, **gettext_callables(lang),
            "syndication": open_data.Syndication(lang, hub.config.default_language, site_url),
        }
        # published files of data/media sit at the site root, above the languages' folders
        self.media_prefix = "" if lang == hub.config.default_language else "../"

    def links(self, url: str) -> Links:
        return Links(self.rel, self.texts, url, self.media_prefix)

    def _render(self, template: str, url: str, **context) -> Markup:
        html = self.env.get_template(template).render(links=self.links(url), **self.globals, **context)
        return Markup(html)

    def generated_page(self, url: str, title: str, template: str, kind: str, **context) -> Page:
        """A page of the package's own (not a record's): ``template`` rendered, its fallback notice added."""
        html = self._render(template, url, title=title, **context)
        return Page(url, title, with_page_notice(html, self.lang), kind, toc=table_of_contents(html))

    # --- pages in the navigation ---------------------------------------------------
    def home(self) -> Page:
        title = self.loc.plain(self.hub.config.name)
        return self.generated_page("", title, "home.html", "home")

    def catalogue_title(self, folder: str) -> str:
        return self.texts.translate(CATALOGUE_TITLES[folder])

    def catalogue(self, folder: str) -> Page:
        url, title = f"{folder}/", self.catalogue_title(folder)
        if folder == "themes":
            return self.generated_page(url, title, "catalogue_themes.html", "catalogue")
        record_type = BY_FOLDER[folder]
        cat = Catalogue(record_type, self.rel, self.texts, self.links(url))
        return self.generated_page(url, title, "catalogue.html", "catalogue", cat=cat,
                          map=record_map(cat) if record_type.catalogue.map_title else Markup(""))

    def open_data(self) -> Page:
        """The "Open data" page: the exports, their licence, calendars and feeds."""
        title = self.texts.translate(open_data.TITLE)
        return self.generated_page(open_data.PAGE_URL, title, "open_data.html", "open-data",
                          **open_data.page_context(self.hub, self.site_url))

    def nav_pages(self) -> list[Page]:
        return [self.home(), *(self.catalogue(folder) for folder in CATALOGUE_ORDER), self.open_data()]

    # --- records and themes -------------------------------------------------------
    def record_page(self, record_type: RecordType, record) -> Page:
        url = record_url(record_type.folder, record.id)
        picked = self.loc.pick(record.display_name)
        html = self._render(record_type.template, url, record=record, record_type=record_type,
                            search_meta=search_meta(self.rel, self.texts, record_type, record))
        summary = self.loc.pick(record.summary_text)
        if summary.text.strip() and not summary.fallback:
            description = _description(summary.text)
        else:  # no summary in this language: say what the page is, in this language
            description = self.texts.translate(N_("{name} ({kind}), on {hub}")).format(
                name=self.loc.plain(record.display_name), kind=self.texts.translate(record_type.singular_title),
                hub=self.loc.plain(self.hub.config.name))
        toc = table_of_contents(html)
        updated = history_of(self.hub).updated(record)
        if updated is not None:
            html += self._render("_last_updated.html", url, updated=updated)
        html = with_page_notice(html, self.lang)
        if record.visibility != "public":  # only in the partners' build: say so on the page
            html = Markup('<p class="ph-notice ph-notice--partners" role="note">{}</p>').format(
                self.texts.translate(N_("Partners only: this page is not on the public site. Do not share it."))) + html
        html += self.edit_links(record_type, record.id, url)
        feed = open_data.feed_head(self.globals["syndication"], url, record_type.folder, record,
                                   self.texts.translate(FEED_TITLE).format(name=picked.text))
        return Page(url, picked.text, html, record_type.name, description,
                    record.id, picked.lang if picked.fallback else None, toc, noindex=record.visibility != "public",
                    head=feed + record_head(self.hub, self.rel, self.loc, record_type, record, description,
                                            self.site_url))

    def edit_links(self, record_type: RecordType, record_id: str, url: str) -> Markup:
        """'Edit this page' (the record's file) and 'Suggest a correction' (render/edit_links.py)."""
        entry = self.hub.records[record_type.folder].get(record_id)
        if entry is None:
            return Markup("")
        config = self.hub.config
        file = entry.file.relative_to(self.hub.root).as_posix()
        address = page_address(self.site_url, language_root(self.lang, config.default_language), url)
        return edit_links_html(edit_links(config, file, address, self.lang, record_id), self.lang)

    def theme_page(self, term: str) -> Page:
        url = f"themes/{term}/"
        title = self.loc.plain(self.hub.label("themes", term))
        page = self.generated_page(url, title, "theme.html", "theme", term=term, search_meta=theme_meta(self.texts, term))
        page.record_id = term
        config = self.hub.config  # its label and description are in the vocabulary's file
        address = page_address(self.site_url, language_root(self.lang, config.default_language), url)
        page.html += edit_links_html(edit_links(config, "data/vocabularies/themes.yml", address, self.lang, term),
                                     self.lang)
        return page

    def record_pages(self) -> Iterator[Page]:
        for record_type in RECORD_TYPES:
            for record in self.rel.records[record_type.folder].values():
                yield self.record_page(record_type, record)
        for term in self.hub.vocabularies["themes"].root:
            yield self.theme_page(term)
        yield whats_new_page(self)
        yield self.translations_page()

    def translations_page(self) -> Page:
        """The translations dashboard (render/translations_page.py), kept out of search engines."""
        from partnerhub.render import translations_page as T

        config = self.hub.config
        here = language_root(self.lang, config.default_language) + T.URL
        others = {code: relative(here, language_root(code, config.default_language) + T.URL)
                  for code in config.languages}
        page = self.generated_page(T.URL, self.texts.translate(N_("Translations")), "translations.html", "translations",
                          board=T.dashboard(self.hub, self.rel, self.lang), others=others)
        page.noindex = True
        return page

    def pages(self) -> Iterator[Page]:
        yield from self.nav_pages()
        yield from self.record_pages()


def _description(text: str, limit: int = 300) -> str:
    """A page description (``<meta name="description">``): plain words, one line, cut."""
    words = plain_words(text or "")
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + "…"


def site_pages(hub, lang: str, rel: Relations | None = None, today: dt.date | None = None) -> Iterator[Page]:
    """Every generated page of ``lang``."""
    return SiteBuilder(hub, lang, rel, today).pages()
