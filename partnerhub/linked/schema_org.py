"""schema.org descriptions of the records (JSON-LD), one function per record type, named
in the registry (``RecordType.linked_data``): ``(record, ctx) -> dict``.

Only visible records are described or referred to (``ctx.rel``); a person's e-mail and
phone never appear (their copy holds only what they allowed, and contacts stay out).
Texts are plain words in the page's language; dates as precise as they are known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the registry imports this module: no import of the renderer here
    from partnerhub.linked.context import LinkContext

# meeting status and format -> schema.org enumerations
EVENT_STATUS = {"planned": "EventScheduled", "held": "EventScheduled", "postponed": "EventPostponed",
                "cancelled": "EventCancelled"}
ATTENDANCE = {"in-person": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybrid": "MixedEventAttendanceMode"}
# organisation kinds (data/vocabularies/organisation-kinds.yml) -> schema.org types; others: Organization
ORGANISATION_TYPE = {"municipality": "GovernmentOrganization", "municipal-department": "GovernmentOrganization",
                     "regional-authority": "GovernmentOrganization", "national-authority": "GovernmentOrganization",
                     "ngo": "NGO", "company": "Corporation", "university": "CollegeOrUniversity",
                     "research-centre": "ResearchOrganization"}
SCHEMA = "https://schema.org/"


def _clean(data: dict) -> dict:
    """``data`` without empty values (None, "", [], {})."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _date(when) -> str | None:
    return when.isoformat() if when is not None and getattr(when, "known", False) else None


def _ref(ctx: LinkContext, folder: str, record_id: str, kind: str) -> dict | None:
    """A short reference to another visible record: its type, name and page."""
    record = ctx.rel.visible(folder, record_id)
    if record is None:
        return None
    return {"@type": kind, "@id": ctx.record(folder, record_id) + "#" + folder.rstrip("s"),
            "name": ctx.text(record.display_name), "url": ctx.record(folder, record_id)}


def _refs(ctx: LinkContext, folder: str, ids, kind: str) -> list[dict]:
    return [ref for ref in (_ref(ctx, folder, i, kind) for i in ids) if ref is not None]


def _partner_ref(ctx: LinkContext, partner_id: str) -> dict | None:
    partner = ctx.rel.visible("partners", partner_id)
    return _ref(ctx, "partners", partner_id, ORGANISATION_TYPE.get(partner.kind, "Organization")) if partner else None


def _geo(coordinates) -> dict | None:
    if coordinates is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": coordinates.lat, "longitude": coordinates.lon}


def _address(ctx: LinkContext, country: str, locality: dict | None) -> dict:
    return _clean({"@type": "PostalAddress", "addressCountry": country, "addressLocality": ctx.text(locality)})


def _base(ctx: LinkContext, record, kind: str, folder: str) -> dict:
    url = ctx.record(folder, record.id)
    return _clean({"@type": kind, "@id": url + "#" + folder.rstrip("s"), "url": url,
                   "name": ctx.text(record.display_name), "description": ctx.text(record.summary_text),
                   "inLanguage": ctx.lang})


def _terms(ctx: LinkContext, vocabulary: str, terms) -> list[str]:
    return [ctx.text(ctx.hub.label(vocabulary, term)) for term in terms]


def network(record, ctx: LinkContext) -> dict:
    data = _base(ctx, record, "Organization", "networks")
    return _clean({**data, "alternateName": record.acronym,
                   "foundingDate": _date(record.period.start), "dissolutionDate": _date(record.period.end),
                   "sameAs": record.website, "keywords": ", ".join(_terms(ctx, "themes", record.themes)),
                   "member": [r for r in (_partner_ref(ctx, m.partner) for m in record.partners) if r]})


def partner(record, ctx: LinkContext) -> dict:
    data = _base(ctx, record, ORGANISATION_TYPE.get(record.kind, "Organization"), "partners")
    parent = _partner_ref(ctx, record.part_of) if record.part_of else None
    networks = [_ref(ctx, "networks", n.id, "Organization") for n, _role in ctx.rel.partner_networks(record.id)]
    return _clean({**data, "alternateName": [n.name for n in record.other_names if n.kind != "misspelling"],
                   "address": _address(ctx, record.country, record.city), "geo": _geo(record.coordinates),
                   "sameAs": record.website, "parentOrganization": parent, "memberOf": networks})


def _place(ctx: LinkContext, place) -> dict:
    """A partner (its page, country and point) or a named place, as a schema.org Place."""
    if hasattr(place, "kind"):  # a partner record
        return _clean({"@type": "Place", "name": ctx.text(place.name), "url": ctx.record("partners", place.id),
                       "address": _address(ctx, place.country, place.city or place.name),
                       "geo": _geo(place.coordinates)})
    return _clean({"@type": "Place", "name": ctx.text(place.name), "address": _address(ctx, place.country, place.name),
                   "geo": _geo(place.coordinates)})


def meeting(record, ctx: LinkContext) -> dict:
    data = _base(ctx, record, "Event", "meetings")
    places = [p for p in (ctx.rel.visible("partners", h) for h in record.host) if p is not None]
    if record.place is not None:
        places.append(record.place)
    locations = [_place(ctx, p) for p in places] if record.format != "online" else []
    if record.format != "in-person":
        locations.append({"@type": "VirtualLocation", "url": ctx.record("meetings", record.id)})
    return _clean({**data, "startDate": _date(record.start), "endDate": _date(record.end),
                   "eventStatus": SCHEMA + EVENT_STATUS[record.status],
                   "eventAttendanceMode": SCHEMA + ATTENDANCE[record.format],
                   "location": locations[0] if len(locations) == 1 else locations,
                   "organizer": _refs(ctx, "networks", record.networks, "Organization")})


def practice(record, ctx: LinkContext) -> dict:
    data = _base(ctx, record, "CreativeWork", "practices")
    origin = _ref(ctx, "practices", record.adapted_from, "CreativeWork") if record.adapted_from else None
    return _clean({**data, "genre": "good practice",
                   "creator": [r for r in (_partner_ref(ctx, o) for o in record.owners) if r],
                   "about": [{"@type": "DefinedTerm", "name": name} for name in _terms(ctx, "themes", record.themes)],
                   "audience": [{"@type": "Audience", "audienceType": name}
                                for name in _terms(ctx, "target-groups", record.target_groups)],
                   "isBasedOn": origin,
                   "isPartOf": _refs(ctx, "networks", record.networks, "Organization"),
                   "temporalCoverage": _period(record.period)})


def _period(period) -> str | None:
    if period is None or not period.start.known:
        return None
    end = _date(period.end) if period.end is not None else None
    return f"{period.start.isoformat()}/{end or '..'}"


def output(record, ctx: LinkContext) -> dict:
    data = _base(ctx, record, "CreativeWork", "outputs")
    return _clean({**data, "genre": ctx.text(ctx.hub.label("output-kinds", record.kind)),
                   "datePublished": _date(record.date),
                   "author": [r for r in (_partner_ref(ctx, p) for p in record.partners) if r]
                   + _refs(ctx, "people", record.people, "Person"),
                   "publisher": _refs(ctx, "networks", record.networks, "Organization"),
                   "inLanguage": list(record.languages) or ctx.lang,
                   "sameAs": record.url})


def person(record, ctx: LinkContext) -> dict:
    """A person whose record allows the name (only such people are visible); roles and
    affiliations only if allowed (the visible copy holds nothing else); never e-mail or phone."""
    data = _base(ctx, record, "Person", "people")
    data.pop("inLanguage", None)
    organisations = [r for r in (_partner_ref(ctx, a.partner) for a in record.affiliations if a.partner) if r]
    networks = _refs(ctx, "networks", sorted({r.network for r in record.roles if r.network}), "Organization")
    return _clean({**data, "sameAs": record.website, "affiliation": organisations, "memberOf": networks})
