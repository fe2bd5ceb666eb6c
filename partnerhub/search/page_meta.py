"""Search metadata placed at the top of each record page (Pagefind filters, names).

Pagefind builds one index per ``<html lang>``: a Greek page is searched in Greek only. Two
things are added to every record page, inside its ``data-pagefind-body`` but invisible to
sighted users and screen readers (``hidden``):

* the record's names in every language of the hub and in ASCII (``Σέρρες Serres serres``,
  ``Tønder tonder``), weighted up, so that a name is found however it is typed: in another
  script, or without letters such as ø, ș, ń, š;
* the Pagefind filters, named and valued in the page's language: type, network, country,
  theme, target group, status (of practices) and year (of meetings); and the type as
  metadata, shown in results.

Large hubs also get a light index of exactly this plus titles, facts and headings (see
``partnerhub.search.pagefind``).
"""

from __future__ import annotations

from markupsafe import Markup

from partnerhub.labels import PRACTICE_STATUS
from partnerhub.i18n import N_, gettext
from partnerhub.search.translit import name_forms

# Filters shown in the search's filter panel, in this order (msgids of the hub's catalogs).
TYPE, NETWORK, COUNTRY, THEME, TARGET_GROUP, STATUS, YEAR = (
    N_("Type"), N_("Network"), N_("Country"), N_("Theme"), N_("Target group"), N_("Status"), N_("Year"))
FILTER_ORDER = (TYPE, NETWORK, COUNTRY, THEME, TARGET_GROUP, STATUS, YEAR)
_TYPE_NAMES = {"network": N_("Network"), "partner": N_("Partner"), "meeting": N_("Meeting"),
               "practice": N_("Good practice"), "theme": N_("Theme"), "page": N_("Page")}


def _all_languages(text) -> list[str]:
    return [value for value in (text or {}).values() if value]


def record_names(page, kind: str, record) -> tuple[list[str], list[str]]:
    """Names that should find ``record`` in any language's search, and those of them that
    the page shows already (in its language)."""
    rel, hub, loc = page.rel, page.hub, page.loc
    names: list[str] = []
    if kind == "theme":
        label = hub.label("themes", record)
        return _all_languages(label), [loc.plain(label)]
    own = getattr(record, "name", None) or getattr(record, "title", None)
    visible = [loc.plain(own)]
    names += _all_languages(own)
    if kind == "network" and record.acronym:
        names.append(record.acronym)
    if kind == "partner":
        names += _all_languages(record.city)
    related: list[str] = []
    if kind == "meeting" and record.host:
        related.append(record.host)
    if kind == "practice":
        related += list(record.owners)
    for partner_id in related:
        partner = rel.public("partners", partner_id)
        if partner is not None:
            names += _all_languages(partner.name) + _all_languages(partner.city)
            visible.append(loc.plain(partner.name))
    return names, visible


def filters(page, kind: str, record) -> list[tuple[str, str]]:
    """(filter msgid, value in the page's language) pairs for ``record``."""
    rel, hub, loc = page.rel, page.hub, page.loc
    out: list[tuple[str, str]] = [(TYPE, gettext(page.lang, _TYPE_NAMES[kind]))]

    def network(network_id):
        network_record = rel.public("networks", network_id)
        if network_record is not None:
            out.append((NETWORK, loc.plain(network_record.name)))

    def countries(partner_ids):
        for code in sorted({p.country for p in (rel.public("partners", i) for i in partner_ids) if p}):
            out.append((COUNTRY, loc.country(code)))

    def terms(key, vocabulary, ids):
        for term in ids:
            out.append((key, loc.plain(hub.label(vocabulary, term))))

    if kind == "network":
        network(record.id)
        countries(m.partner for m in record.partners)
        terms(THEME, "themes", record.themes)
    elif kind == "partner":
        for network_record, _role in rel.partner_networks.get(record.id, []):
            network(network_record.id)
        out.append((COUNTRY, loc.country(record.country)))
    elif kind == "meeting":
        network(record.network)
        countries([record.host] if record.host else [])
        out.append((YEAR, loc.year(record.start)))
    elif kind == "practice":
        if record.network:
            network(record.network)
        countries(record.owners)
        terms(THEME, "themes", record.themes)
        terms(TARGET_GROUP, "target-groups", record.target_groups)
        out.append((STATUS, gettext(page.lang, PRACTICE_STATUS[record.status])))
    elif kind == "theme":
        terms(THEME, "themes", [record])
    seen, unique = set(), []
    for pair in out:
        if pair[1] and pair not in seen:
            seen.add(pair)
            unique.append(pair)
    return unique


def filter_tags(lang: str, pairs) -> Markup:
    """``<span data-pagefind-filter>`` elements (the value in an attribute: no parsing of
    commas or colons in names)."""
    return Markup("").join(
        Markup('<span data-pagefind-filter="{}[data-value]" data-value="{}"></span>').format(
            gettext(lang, key), value)
        for key, value in pairs)


def search_meta(page, kind: str, record) -> Markup:
    """HTML (hidden from view) that tells Pagefind about ``record`` on ``page``."""
    names, visible = record_names(page, kind, record)
    return Markup(
        '<div class="ph-search-meta" hidden>'
        '<span data-pagefind-meta="{type_key}[data-value]" data-value="{type}"></span>'
        '{filters}'
        '<p data-pagefind-weight="4">{names}</p>'
        '</div>'
    ).format(
        type_key=gettext(page.lang, TYPE), type=gettext(page.lang, _TYPE_NAMES[kind]),
        filters=filter_tags(page.lang, filters(page, kind, record)),
        names=" · ".join(name_forms(names, visible)),
    )
