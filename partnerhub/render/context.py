"""What the page templates call, by concern, bound to one page (its language and URL).

* :class:`Links`: links between pages and to files, always relative, only to records the
  build shows;
* :class:`Texts`: a record's text in the page's language, a missing translation shown in
  the default language and marked (``lang``, a notice, out of the page language's search);
* :class:`FacetLabels`: how a facet's value reads in the page's language.

Everything that comes from ``data/`` leaves these helpers escaped (``Markup`` built with
``format``) or sanitised (Markdown through ``render.markup``).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from partnerhub.i18n import Np_, translations
from partnerhub.labels import ROLE
from partnerhub.media import DOCUMENT, PHOTO, document_path, photo_variants
from partnerhub.render.fallback import FALLBACK_TEXT_CLASS, fallback_block
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import inline, markdown_to_html, plain_words
from partnerhub.render.relations import Relations
from partnerhub.render.urls import record_url, relative
from partnerhub.search import policy

OTHER_SOURCES = Np_("other source", "other sources")


PREFERRED_WIDTH = 960  # the variant a browser without srcset gets


class Links:
    def __init__(self, rel: Relations, texts: "Texts", url: str, media_prefix: str) -> None:
        self.rel, self.texts, self.url, self.media_prefix = rel, texts, url, media_prefix

    def href(self, target_url: str) -> str:
        return relative(self.url, target_url)

    def record(self, folder: str, record_id: str | None) -> Markup:
        """A link to a visible record with its name; nothing if the build does not show it."""
        record = self.rel.visible(folder, record_id)
        if record is None:
            return Markup("")
        return Markup(f'<a href="{escape(self.href(record_url(folder, record_id)))}">{escape(self.texts.name(record))}</a>')

    def records(self, folder: str, ids, separator: str = ", ") -> Markup:
        return Markup(separator).join(link for link in (self.record(folder, i) for i in ids) if link)

    @staticmethod
    def external(url: str) -> Markup:
        shown = url.split("://", 1)[-1].rstrip("/")
        return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, shown)

    def download(self, path: str, label: str) -> Markup:
        """A link to a published file of data/media, with ``label`` as its text."""
        return Markup('<a href="{}">{}</a>').format(self.media(path), label)

    def media(self, path: str) -> str:
        """A link to a published file (``media/…`` at the site's root), from this page."""
        return self.media_prefix + relative(self.url, path)

    def photo(self, path: str) -> dict | None:
        """``src``, ``srcset``, ``width``, ``height`` of a checked photo's published sizes."""
        found = self.rel.media.get(path) if self.rel.media else None
        if found is None or found.kind != PHOTO:
            return None
        variants = photo_variants(found)
        shown = min(variants, key=lambda v: abs(v.width - PREFERRED_WIDTH))
        return {"src": self.media(shown.path), "width": shown.width, "height": shown.height,
                "srcset": ", ".join(f"{self.media(v.path)} {v.width}w" for v in variants)}

    def document(self, path: str) -> str | None:
        found = self.rel.media.get(path) if self.rel.media else None
        return self.media(document_path(found)) if found is not None and found.kind == DOCUMENT else None


class Texts:
    def __init__(self, hub, loc: Localizer) -> None:
        self.hub, self.loc, self.lang = hub, loc, loc.lang

    @staticmethod
    def _marked(picked, html) -> Markup:
        """``html`` as is, or in a ``lang`` span when it stands in for a missing translation."""
        if not picked.fallback:
            return escape(html)
        return Markup(f'<span class="{escape(FALLBACK_TEXT_CLASS)}" lang="{escape(picked.lang)}">{escape(html)}</span>')

    def name(self, record) -> Markup:
        picked = self.loc.pick(record.display_name)
        return self._marked(picked, picked.text)

    def plain(self, text) -> str:
        return self.loc.plain(text)

    def label(self, vocabulary: str, term: str) -> Markup:
        picked = self.loc.pick(self.hub.label(vocabulary, term))
        return self._marked(picked, picked.text)

    def terms(self, vocabulary: str, terms) -> Markup:
        return Markup(", ").join(self.label(vocabulary, term) for term in terms)

    def block(self, text) -> Markup:
        """A record's Markdown text in the page language, or the default language's text
        marked as such (visible notice, ``lang`` attribute, kept out of this language's search)."""
        picked = self.loc.pick(text)
        if not picked:
            return Markup("")
        body = Markup(markdown_to_html(picked.text))
        if picked.fallback:
            body = fallback_block(body, self.lang, picked.lang)
        return Markup(f'<div class="{escape(policy.TEXT_CLASS)}">{escape(body)}</div>')

    def excerpt(self, text, limit: int = 220) -> Markup:
        """The start of a text as plain words (for cards and lists)."""
        picked = self.loc.pick(text)
        if not picked:
            return Markup("")
        words = plain_words(picked.text)
        if len(words) > limit:
            words = words[:limit].rsplit(" ", 1)[0] + "…"
        attrs = Markup(f' lang="{escape(picked.lang)}" data-pagefind-ignore') if picked.fallback else Markup("")
        return Markup(f'<p class="ph-excerpt"{attrs}>{escape(words)}</p>')

    def inline(self, text) -> Markup:
        picked = self.loc.pick(text)
        return self._marked(picked, Markup(inline(picked.text)))

    def translate(self, msgid: str) -> str:
        return translations(self.lang).gettext(msgid)

    @staticmethod
    def fill(template: str, **values) -> Markup:
        """A translated sentence with links in it: the sentence escaped, the values as
        they are (``Markup`` stays, text is escaped)."""
        return Markup(escape(template)).format(**values)

    def term_years(self, vocabulary: str, items) -> Markup:
        """``URBACT Good Practice (2017)``: terms of ``vocabulary`` with their year (items
        with ``label`` and ``year``, a practice's labels)."""
        return Markup(", ").join(
            Markup("{} ({})").format(self.label(vocabulary, item.label), self.loc.year_number(item.year))
            if item.year else self.label(vocabulary, item.label) for item in items)

    def alternatives(self, record, field: str) -> Markup:
        """What other sources give for ``field`` of ``record``, as a short note beside its value:
        ``(other source: “1”, URBACT)``."""
        found = [a for a in getattr(record, "alternatives", ())  # the field, one inside it, or the one it is in
                 if a.field == field or a.field.startswith(field + ".") or field.startswith(a.field + ".")]
        if not found:
            return Markup("")
        parts = []
        for alternative in found:
            source = alternative.source.publisher or alternative.source.title or alternative.source.url.split("/")[2]
            note = Markup(", {}").format(self.inline(alternative.note)) if alternative.note else Markup("")
            parts.append(Markup('“{}” (<a href="{}" rel="noopener noreferrer">{}</a>{})').format(
                alternative.value, alternative.source.url, source, note))
        label = translations(self.lang).ngettext(*OTHER_SOURCES, len(found))
        return Markup(' <span class="ph-alt">({}: {})</span>').format(label, Markup("; ").join(parts))

    def role(self, role: str) -> str:
        return self.translate(ROLE[role])

    def count(self, record_type, number: int) -> Markup:
        """``<strong>10</strong> partners`` in the page's language (the registry's plural forms)."""
        forms = translations(self.lang).ngettext(*record_type.count, number)
        before, _, after = forms.partition("{count}")
        return Markup("{}<strong>{}</strong>{}").format(before, self.loc.number(number), after)


class FacetLabels:
    """A facet value in the page's language (``partnerhub.facets.Labels``)."""

    def __init__(self, rel: Relations, texts: Texts) -> None:
        self.rel, self.texts, self.loc = rel, texts, texts.loc

    def record_name(self, folder: str, record_id: str) -> str:
        record = self.rel.visible(folder, record_id)
        return self.loc.plain(record.display_name) if record is not None else ""

    def term(self, vocabulary: str, term: str) -> str:
        return self.loc.plain(self.texts.hub.label(vocabulary, term))

    def country(self, code: str) -> str:
        return self.loc.country(code)

    def year(self, year: int) -> str:
        return self.loc.year_number(year)

    def translate(self, msgid: str) -> str:
        return self.texts.translate(msgid)
