"""A record page's own ``<head>`` extras (``Page.head``): its schema.org JSON-LD with a
BreadcrumbList, and OpenGraph and Twitter card tags pointing to its share image.

Hostile text stays data: the JSON-LD is ``json.dumps`` output with ``<``, ``>`` and ``&``
written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (no ``</script>`` can close the block), the
tags' values are escaped by markupsafe. A record that is not public (a partners-only
record in the partners' build) gets none of it.
"""

from __future__ import annotations

import json
from functools import lru_cache

from babel.core import get_global
from markupsafe import Markup, escape

from partnerhub.i18n import translations
from partnerhub.linked import share
from partnerhub.linked.context import LinkContext
from partnerhub.render.urls import record_url

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_ESCAPES.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


def jsonld_script(data: dict) -> Markup:
    return Markup('<script type="application/ld+json">') + Markup(script_json(data)) + Markup("</script>")


@lru_cache(maxsize=None)
def og_locale(lang: str) -> str:
    """``el`` -> ``el_GR``: OpenGraph's language_TERRITORY, from CLDR's likely subtags."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper()), None)
    return f"{lang}_{territory}" if territory else lang


def breadcrumbs(ctx: LinkContext, record_type, record) -> dict:
    gettext = translations(ctx.lang).gettext
    items = [(ctx.text(ctx.hub.config.name), ctx.url("")),
             (gettext(record_type.title), ctx.url(record_type.folder + "/")),
             (ctx.text(record.display_name), ctx.record(record_type.folder, record.id))]
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": position, "name": name, "item": url}
        for position, (name, url) in enumerate(items, start=1)]}


def linked_data(ctx: LinkContext, record_type, record, image: str) -> dict:
    """The page's JSON-LD: the record, its breadcrumbs and its share image (``image``)."""
    described = record_type.linked_data(record, ctx)
    described["image"] = image
    return {"@context": "https://schema.org", "@graph": [described, breadcrumbs(ctx, record_type, record)]}


def _meta(attribute: str, name: str, content: str) -> Markup:
    return Markup(f'<meta {attribute}="{escape(name)}" content="{escape(content)}">')


def share_tags(ctx: LinkContext, record_type, record, description: str, card: share.ShareCard) -> Markup:
    """OpenGraph and Twitter card tags, the share image being ``card``."""
    title = ctx.text(record.display_name)
    image = ctx.url(card.path, in_language=False)
    tags = [("property", "og:type", "article"), ("property", "og:title", title),
            ("property", "og:description", description),
            ("property", "og:url", ctx.record(record_type.folder, record.id)),
            ("property", "og:site_name", ctx.text(ctx.hub.config.name)),
            ("property", "og:locale", og_locale(ctx.lang)),
            *(("property", "og:locale:alternate", og_locale(other)) for other in ctx.hub.config.languages
              if other != ctx.lang),
            ("property", "og:image", image), ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(share.WIDTH)), ("property", "og:image:height", str(share.HEIGHT)),
            ("property", "og:image:alt", f"{card.kind}: {title}"),
            ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", title),
            ("name", "twitter:description", description), ("name", "twitter:image", image)]
    return Markup("").join(_meta(*tag) for tag in tags if tag[2])


def record_head(hub, rel, loc, record_type, record, description: str, site_url: str = "") -> Markup:
    """The ``<head>`` extras of a record's page; nothing for a record that is not public."""
    if not share.shows_card(rel, record):
        return Markup("")
    ctx = LinkContext(hub, rel, loc, record_url(record_type.folder, record.id), site_url)
    card = share.card(hub, loc, record_type, record)
    image = ctx.url(card.path, in_language=False)
    return (jsonld_script(linked_data(ctx, record_type, record, image))
            + share_tags(ctx, record_type, record, description, card))
