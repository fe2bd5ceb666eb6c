"""Build every page of one site language: home, catalogues, records and themes.

``site_pages(hub, lang)`` returns :class:`Page` objects with their URL (relative to the
language's root), title and HTML body. Templates are in ``render/templates``; interface
strings go through gettext (``partnerhub/locale``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from partnerhub.i18n import translations
from partnerhub.model.practice import SECTIONS
from partnerhub.render.fallback import fallback_block
from partnerhub.labels import MEETING_STATUS, PRACTICE_STATUS, ROLE
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import inline, markdown_to_html, plain_words
from partnerhub.render.relations import Relations, build_relations
from partnerhub.render.urls import record_url, relative
from partnerhub.render.map import partner_map
from partnerhub.search.page_meta import search_meta
from partnerhub.text import fold


@dataclass
class Page:
    url: str  # relative to the language root: "", "meetings/", "meetings/x/"
    title: str
    html: str
    kind: str  # home, catalogue, network, partner, meeting, practice, theme
    description: str = ""
    record_id: str | None = None
    title_lang: str | None = None  # set when the title is a fallback in another language
    extra: dict = field(default_factory=dict)


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
    return env


def gettext_callables(lang: str) -> dict:
    """``_``, ``gettext`` and ``ngettext`` for templates, new-style (``%(num)d`` filled in)."""
    catalog = translations(lang)

    def gettext(message: str, **variables) -> str:
        text = catalog.gettext(message)
        return text % variables if variables else text

    def ngettext(singular: str, plural: str, num: int, **variables) -> str:
        return catalog.ngettext(singular, plural, num) % {"num": num, **variables}

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


class PageContext:
    """Helpers the templates call, bound to one page (its language and URL)."""

    def __init__(self, hub, rel: Relations, loc: Localizer, url: str, today: dt.date) -> None:
        self.hub, self.rel, self.loc, self.url, self.today = hub, rel, loc, url, today
        self.lang = loc.lang

    # links
    def href(self, target_url: str) -> str:
        return relative(self.url, target_url)

    def link(self, kind: str, record_id: str | None) -> Markup:
        """A link to a public record with its name; nothing if the record is not public."""
        record = self.rel.public(kind, record_id)
        if record is None:
            return Markup("")
        return Markup('<a href="{}">{}</a>').format(self.href(record_url(kind, record_id)), self.name(record))

    @staticmethod
    def _marked(picked, html) -> Markup:
        """``html`` as is, or in a ``lang`` span when it stands in for a missing translation."""
        return Markup('<span lang="{}">{}</span>').format(picked.lang, html) if picked.fallback else escape(html)

    def name(self, record) -> Markup:
        picked = self.loc.pick(getattr(record, "name", None) or getattr(record, "title", None))
        return self._marked(picked, picked.text)

    def plain(self, text) -> str:
        return self.loc.plain(text)

    def label(self, vocabulary: str, term: str) -> Markup:
        picked = self.loc.pick(self.hub.label(vocabulary, term))
        return self._marked(picked, picked.text)

    # text blocks
    def block(self, text, markdown: bool = True) -> Markup:
        """A record's text in the page language, or the default language's text marked
        as such (visible notice, ``lang`` attribute, kept out of this language's search)."""
        picked = self.loc.pick(text)
        if not picked:
            return Markup("")
        body = Markup(markdown_to_html(picked.text)) if markdown else Markup("<p>{}</p>").format(picked.text)
        return fallback_block(body, self.lang, picked.lang) if picked.fallback else body

    def excerpt(self, text, limit: int = 220) -> Markup:
        """The start of a text as plain words (for cards and lists): no Markdown to convert,
        so long lists stay cheap to build and light to download."""
        picked = self.loc.pick(text)
        if not picked:
            return Markup("")
        words = plain_words(picked.text)
        if len(words) > limit:
            words = words[:limit].rsplit(" ", 1)[0] + "…"
        attrs = Markup(' lang="{}" data-pagefind-ignore').format(picked.lang) if picked.fallback else Markup("")
        return Markup('<p class="ph-excerpt"{}>{}</p>').format(attrs, words)

    def inline(self, text) -> Markup:
        picked = self.loc.pick(text)
        return self._marked(picked, Markup(inline(picked.text)))

    def join(self, ids, kind: str) -> Markup:
        return Markup(", ").join(link for link in (self.link(kind, i) for i in ids) if link)

    def join_terms(self, vocabulary: str, terms) -> Markup:
        return Markup(", ").join(self.label(vocabulary, term) for term in terms)

    def external(self, url: str) -> Markup:
        shown = url.split("://", 1)[-1].rstrip("/")
        return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, shown)

    def asset(self, path: str) -> str:
        """A link to a file of data/ (photos, documents), published once at the site root."""
        prefix = "" if self.lang == self.hub.config.default_language else "../"
        return prefix + relative(self.url, "media/" + path.removeprefix("media/"))

    # lists for the home page and catalogues
    def upcoming_meetings(self, count: int) -> list:
        future = [m for m in self.rel.meetings.values() if m.last_day >= self.today and m.status != "cancelled"]
        return sorted(future, key=lambda m: m.start)[:count]

    def latest_meetings(self, count: int) -> list:
        past = [m for m in self.rel.meetings.values() if m.last_day < self.today and m.status == "held"]
        return sorted(past, key=lambda m: m.start, reverse=True)[:count]

    def featured_practices(self, count: int) -> list:
        return [pr for pr in self.rel.practices.values() if pr.featured][:count]

    def sorted_by_name(self, records) -> list:
        return sorted(records, key=lambda r: fold(self.loc.plain(getattr(r, "name", None) or r.title)))

    def options(self, vocabulary: str, records, attribute: str) -> list[tuple[str, str]]:
        used = set()
        for record in records:
            value = getattr(record, attribute)
            used.update(value if isinstance(value, list) else [value] if value else [])
        labels = [(term, self.loc.plain(self.hub.label(vocabulary, term))) for term in used]
        return sorted(labels, key=lambda item: fold(item[1]))

    def network_options(self) -> list[tuple[str, str]]:
        return sorted(((n.id, self.loc.plain(n.name)) for n in self.rel.networks.values()), key=lambda i: fold(i[1]))

    def country_options(self, partners) -> list[tuple[str, str]]:
        codes = {p.country for p in partners if p is not None}
        return sorted(((c, self.loc.country(c)) for c in codes), key=lambda i: fold(i[1]))

    def meeting_host_partners(self) -> list:
        return [self.rel.partners.get(m.host) for m in self.rel.meetings.values() if m.host]

    def practice_owner_partners(self) -> list:
        return [self.rel.partners.get(o) for pr in self.rel.practices.values() for o in pr.owners]

    def practice_countries(self, practice) -> list[str]:
        return sorted({self.rel.partners[o].country for o in practice.owners if o in self.rel.partners})

    def year_options(self) -> list[tuple[str, str]]:
        years = sorted({m.start.year for m in self.rel.meetings.values()}, reverse=True)
        return [(str(y), self.loc.year(dt.date(y, 1, 1))) for y in years]

    def practice_status_options(self) -> list[tuple[str, str]]:
        used = {pr.status for pr in self.rel.practices.values()}
        return [(key, self.practice_status(key)) for key in PRACTICE_STATUS if key in used]

    # fixed values of the model (partnerhub/render/labels.py)
    def practice_status(self, status: str) -> str:
        return translations(self.lang).gettext(PRACTICE_STATUS[status])

    def meeting_status(self, status: str) -> str:
        return translations(self.lang).gettext(MEETING_STATUS[status])

    def role(self, role: str) -> str:
        return translations(self.lang).gettext(ROLE[role])

    # extension points: search metadata and maps (partnerhub/search, partnerhub/render/map.py)
    def search_meta(self, kind: str, record) -> Markup:
        return search_meta(self, kind, record)

    def map(self, which: str) -> Markup:
        return partner_map(self, which)

    def dates(self, meeting) -> str:
        return self.loc.date_range(meeting.start, meeting.end, meeting.date_precision)

    def is_past(self, meeting) -> bool:
        return meeting.last_day < self.today


class SiteBuilder:
    """Renders all pages of one language."""

    def __init__(self, hub, lang: str, rel: Relations | None = None, today: dt.date | None = None) -> None:
        self.hub = hub
        self.lang = lang
        self.rel = rel or build_relations(hub)
        self.loc = Localizer(lang, hub.config.default_language)
        self.today = today or dt.date.today()
        self.env = environment()
        self.gettext = gettext_callables(lang)
        self._templates = {}

    def _render(self, template: str, url: str, **context) -> str:
        tpl = self._templates.get(template) or self._templates.setdefault(template, self.env.get_template(template))
        page = PageContext(self.hub, self.rel, self.loc, url, self.today)
        return tpl.render(p=page, t=self.loc, lang=self.lang, hub=self.hub, rel=self.rel,
                          sections=SECTIONS, **self.gettext, **context)

    def _record_page(self, kind: str, template: str, record, **context) -> Page:
        url = record_url(kind, record.id)
        text = getattr(record, "name", None) or getattr(record, "title", None)
        picked = self.loc.pick(text)
        summary = getattr(record, "summary", None) or getattr(record, "description", None)
        html = self._render(template, url, record=record, **context)
        return Page(url, picked.text, html, kind.rstrip("s"), self.loc.plain(summary)[:300] if summary else "",
                    record.id, picked.lang if picked.fallback else None)

    def pages(self) -> list[Page]:
        rel, gettext = self.rel, translations(self.lang).gettext
        pages = [Page("", self.loc.plain(self.hub.config.name), self._render("home.html", ""), "home")]
        catalogue_titles = {
            "networks": gettext("Networks"), "partners": gettext("Partners"),
            "meetings": gettext("Meetings"), "practices": gettext("Good practices"), "themes": gettext("Themes"),
        }
        for kind, title in catalogue_titles.items():
            url = f"{kind}/"
            pages.append(Page(url, title, self._render(f"catalogue_{kind}.html", url, title=title), "catalogue"))
        for network in rel.networks.values():
            pages.append(self._record_page("networks", "network.html", network))
        for partner in rel.partners.values():
            pages.append(self._record_page("partners", "partner.html", partner))
        for meeting in rel.meetings.values():
            pages.append(self._record_page("meetings", "meeting.html", meeting))
        for practice in rel.practices.values():
            pages.append(self._record_page("practices", "practice.html", practice))
        for term in self.hub.vocabularies["themes"].root:
            url = f"themes/{term}/"
            title = self.loc.plain(self.hub.label("themes", term))
            pages.append(Page(url, title, self._render("theme.html", url, term=term, title=title), "theme", record_id=term))
        return pages


def site_pages(hub, lang: str, rel: Relations | None = None, today: dt.date | None = None) -> list[Page]:
    """Every generated page of ``lang``."""
    return SiteBuilder(hub, lang, rel, today).pages()
