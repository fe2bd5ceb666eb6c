"""Search metadata placed at the top of each record page (Pagefind filters, names).

Pagefind builds one index per ``<html lang>``: a Greek page is searched in Greek only. Two
things are added to every record page, inside its ``data-pagefind-body`` but invisible to
sighted users and screen readers (``hidden``):

* the record's names in every language of the hub and in ASCII (``Σέρρες Serres serres``,
  ``Tønder tonder``), weighted up, so that a name is found however it is typed: in another
  script, or without letters such as ø, ș, ń, š;
* the Pagefind filters, named and valued in the page's language, from the record type's
  facets (``partnerhub.registry``) in one order for every language; and the type as
  metadata, shown in results.

What the search indexes and ignores is said in ``partnerhub.search.policy``.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from partnerhub.facets import SEARCH_ORDER, THEME
from partnerhub.i18n import N_, gettext
from partnerhub.render.context import FacetLabels
from partnerhub.render.name_forms import name_forms
from partnerhub.search import policy

TYPE = N_("Type")


def _all_languages(text) -> list[str]:
    if isinstance(text, str):
        return [text]
    return [value for value in (text or {}).values() if value]


def record_names(rel, texts, record_type, record) -> tuple[list[str], list[str]]:
    """Names that should find ``record`` in any language's search, and those of them that
    the page shows already (in its language)."""
    names = _all_languages(record.display_name)
    visible = [texts.plain(record.display_name)]
    for other in record_type.other_names(record):
        names += _all_languages(other)
    if record_type.place_names_in_search:
        for place in record_type.places(record, rel):
            names += _all_languages(place.display_name) + _all_languages(getattr(place, "city", None))
            names += [name.name for name in getattr(place, "other_names", [])]
            visible.append(texts.plain(place.display_name))
    return names, visible


def filters(rel, texts, record_type, record) -> list[tuple[str, str]]:
    """(filter msgid, value in the page's language) pairs for ``record``, in SEARCH_ORDER."""
    labels = FacetLabels(rel, texts)
    pairs = [(TYPE, texts.translate(record_type.singular_title))]
    uses = sorted((u for u in record_type.facets if u.search), key=lambda u: SEARCH_ORDER.index(u.facet.key))
    for use in uses:
        for value in use.of(record, rel):
            pairs.append((use.facet.label, use.facet.label_of(value, labels)))
    seen, unique = set(), []
    for pair in pairs:
        if pair[1] and pair not in seen:
            seen.add(pair)
            unique.append(pair)
    return unique


def filter_order(lang: str) -> list[str]:
    """The names of the search filters in ``lang``, in the one order every language shows
    them (the type first, then SEARCH_ORDER over every record type's search facets)."""
    from partnerhub.registry import RECORD_TYPES

    uses = [use for record_type in RECORD_TYPES for use in record_type.facets if use.search]
    labels = [TYPE, *(use.facet.label for use in sorted(uses, key=lambda u: SEARCH_ORDER.index(u.facet.key)))]
    labels.append(THEME.label)  # theme pages
    return list(dict.fromkeys(gettext(lang, label) for label in labels))


def filter_tags(lang: str, pairs) -> Markup:
    """``<span data-pagefind-filter>`` elements (the value in an attribute: no parsing of
    commas or colons in names)."""
    return Markup("").join(
        Markup(f'<span data-pagefind-filter="{escape(gettext(lang, key))}[data-value]" data-value="{escape(value)}">'
               '</span>')
        for key, value in pairs)


def _meta(lang: str, type_name: str, pairs, names: list[str]) -> Markup:
    return Markup(
        '<div class="{css}" hidden>'
        '<span data-pagefind-meta="{type_key}[data-value]" data-value="{type}"></span>'
        '{filters}'
        '<p data-pagefind-weight="4">{names}</p>'
        '</div>'
    ).format(css=policy.META_CLASS, type_key=gettext(lang, TYPE), type=type_name,
             filters=filter_tags(lang, pairs), names=" · ".join(names))


def search_meta(rel, texts, record_type, record) -> Markup:
    """HTML (hidden from view) that tells Pagefind about ``record``."""
    names, visible = record_names(rel, texts, record_type, record)
    return _meta(texts.lang, texts.translate(record_type.singular_title), filters(rel, texts, record_type, record),
                 name_forms(names, visible))


def theme_meta(texts, term: str) -> Markup:
    """The same for a theme's page."""
    label = texts.hub.label("themes", term)
    shown = texts.plain(label)
    return _meta(texts.lang, texts.translate(N_("Theme")), [(TYPE, texts.translate(N_("Theme"))), (THEME.label, shown)],
                 name_forms(_all_languages(label), [shown]))
