"""The map of partners (and of meetings by host): an inline SVG, no third-party request.

Country outlines come from ``partnerhub/geo`` (Natural Earth, public domain, projected and
simplified at generation time); points are placed with the same projection from the
records' coordinates. The view is fitted to the points (wherever they are); points closer
than their size are set in a ring around a badge with their number; places are labelled
where a label has room; the facets a record type names (``Catalogue.map_legend``: a meeting's
format and status) style the points, explained by a legend. Each point is a link to its
record with an accessible name; under the map, the same links are listed by country, a
plain list in a closed ``<details>`` (the catalogue's table below lists the records too; a
link before the map opens and skips to that list). Points and list items carry the same
``data-*`` facets as the catalogue's rows, so the catalogue filters hide them too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from partnerhub.geo import europe, project
from partnerhub.render.catalogue import data_attributes
from partnerhub.render.urls import record_url
from partnerhub.i18n import N_, gettext
from partnerhub.text import fold

PADDING_KM = 300.0
MIN_WIDTH_KM = 1400.0
ASPECT = 4 / 3  # width / height of the map


@dataclass
class Point:
    record_id: str
    href: str
    label: str  # accessible name: what the link leads to, and where
    text: Markup  # the link's text in the list (may carry a lang attribute)
    country: str  # ISO code
    x: float
    y: float
    facets: dict = field(default_factory=dict)
    detail: str = ""  # shown after the link in the list (meeting dates)
    place: str = ""  # the place's name, for the label on the map


def _coordinates(rel, place):
    """A place's coordinates: a partner's own, or those of the partner it is part of; a
    place that is not a partner (``partnerhub.model.places.Place``) has its own or none."""
    seen = set()
    while place is not None and id(place) not in seen:
        if place.coordinates is not None:
            return place.coordinates
        seen.add(id(place))
        place = rel.visible("partners", place.part_of) if place.part_of else None
    return None


def _points(cat) -> tuple[list[Point], dict[str, list[Point]]]:
    """Points of the catalogue's records at their first place with coordinates, and the
    records with no such place, by the reason the registry gives (online, no coordinates)."""
    points, unplaced, loc, rel = [], defaultdict(list), cat.texts.loc, cat.rel
    status = cat.type.facet("status")
    for entry in cat.entries:
        record = entry.record
        places = cat.type.places(record, rel)
        place = next((p for p in places if _coordinates(rel, p) is not None), None)
        href = cat.links.href(record_url(cat.type.folder, record.id))
        name = loc.plain(record.display_name)
        detail = cat.cell(record, "dates") if "dates" in cat.type.catalogue.columns else Markup("")
        if status is not None and getattr(record, "took_place", True) is False:  # cancelled, postponed
            said = Markup(", ").join(status.facet.label_of(v, cat.labels) for v in status.of(record, rel))
            detail = Markup("{} · {}").format(detail, said) if detail else said
        if place is None:
            unplaced[cat.unplaced_group(record)].append(
                Point(record.id, href, name, cat.texts.name(record), "", 0, 0, entry.values, detail))
            continue
        where = _coordinates(rel, place)
        x, y = project(where.lat, where.lon)
        label = ", ".join(part for part in (name, str(Markup(detail).striptags()),
                                            "" if place is record else loc.plain(place.display_name)) if part)
        points.append(Point(record.id, href, f"{label} ({loc.country(place.country)})", cat.texts.name(record),
                            place.country, x, y, entry.values, detail, loc.plain(place.display_name)))
    return points, unplaced


def _view_box(points: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p.x for p in points], [p.y for p in points]
    x0, x1, y0, y1 = min(xs) - PADDING_KM, max(xs) + PADDING_KM, min(ys) - PADDING_KM, max(ys) + PADDING_KM
    width, height = max(x1 - x0, MIN_WIDTH_KM), y1 - y0
    width, height = max(width, height * ASPECT), max(height, width / ASPECT)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return cx - width / 2, cy - height / 2, width, height


def _spread(points: list[Point], radius: float) -> list[tuple[float, float, list[Point]]]:
    """Points closer than a point's size are set around their common centre, so that
    each stays visible and clickable (two meetings at the same host, a city and its agency);
    returns the groups as (centre x, centre y, points)."""
    clusters: list[list[Point]] = []
    for point in points:
        for cluster in clusters:
            if math.hypot(cluster[0].x - point.x, cluster[0].y - point.y) < 2 * radius:
                cluster.append(point)
                break
        else:
            clusters.append([point])
    groups = []
    for cluster in clusters:
        cx = sum(p.x for p in cluster) / len(cluster)
        cy = sum(p.y for p in cluster) / len(cluster)
        groups.append((cx, cy, cluster))
        if len(cluster) < 2:
            continue
        ring = radius * max(1.9, 1.15 * len(cluster) / math.pi)
        for i, point in enumerate(cluster):
            angle = 2 * math.pi * i / len(cluster) - math.pi / 2
            point.x, point.y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
    return groups


LABEL_CHARS = 22


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _labels(groups, radius: float, view: tuple[float, float, float, float]) -> list[Markup]:
    """A label beside each group that has room (the biggest groups first), with the place's
    name, or the names' common place, and no label over another; on the left of its point
    where the right has no room."""
    x0, _y0, view_width, _h = view
    size = radius * 1.5
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for cx, cy, cluster in sorted(groups, key=lambda g: -len(g[2])):
        names = list(dict.fromkeys(p.place for p in cluster if p.place))
        if len(names) != 1:
            continue
        text = _short(names[0])
        width = len(text) * size * 0.55
        ring = radius * (max(1.9, 1.15 * len(cluster) / math.pi) + 1.4 if len(cluster) > 1 else 1.6)
        x, y, anchor = cx + ring, cy + size * 0.35, "start"
        if x + width > x0 + view_width:
            x, anchor = cx - ring, "end"
        box = (x - (width if anchor == "end" else 0), y - size, x + (0 if anchor == "end" else width), y + size * 0.3)
        if any(not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in placed):
            continue
        placed.append(box)
        out.append(Markup('<text class="ph-map__label" x="{:.0f}" y="{:.0f}" font-size="{:.0f}" text-anchor="{}">{}'
                          '</text>').format(x, y, size, anchor, text))
    return out


def _point_classes(point: Point, legend: tuple[str, ...]) -> str:
    classes = ["ph-map__point"]
    for key in legend:
        classes += [f"ph-map__point--{key}-{value}" for value in point.facets.get(key, [])]
    return " ".join(classes)


def _svg(which: str, points: list[Point], title: str, title_id: str, legend: tuple[str, ...] = ()) -> Markup:
    x0, y0, width, height = _view_box(points)
    radius = width / 85
    groups = _spread(points, radius)
    active = {p.country for p in points}
    shapes = []
    for country in europe()["countries"]:
        bx0, by0, bx1, by1 = country["bbox"]
        if bx1 < x0 or bx0 > x0 + width or by1 < y0 or by0 > y0 + height:
            continue
        css = "ph-map__country ph-map__country--active" if country["iso"] in active else "ph-map__country"
        shapes.append(Markup('<path class="{}" d="{}"/>').format(css, country["d"]))
    badges = [Markup('<g class="ph-map__group-badge"><circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.1f}"/>'
                     '<text x="{x:.0f}" y="{ty:.0f}" font-size="{fs:.0f}" text-anchor="middle">{n}</text></g>').format(
                         x=cx, y=cy, r=radius * 1.25, ty=cy + radius * 0.5, fs=radius * 1.4, n=len(cluster))
              for cx, cy, cluster in groups if len(cluster) > 1]
    dots = []
    for p in sorted(points, key=lambda p: (p.y, p.x)):  # southern points drawn last, on top
        dots.append(Markup(
            '<a class="{css}" href="{href}" aria-label="{label}" data-ph-map-item{data}>'
            '<title>{label}</title><circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.1f}"/></a>'
        ).format(css=_point_classes(p, legend), href=p.href, label=p.label, data=data_attributes(p.facets),
                 x=p.x, y=p.y, r=radius))
    return Markup(
        '<svg class="ph-map__svg ph-map__svg--{which}" viewBox="{x:.0f} {y:.0f} {w:.0f} {h:.0f}" '
        'role="group" aria-labelledby="{title_id}" xmlns="http://www.w3.org/2000/svg">'
        '<g class="ph-map__land" aria-hidden="true">{shapes}</g>'
        '<g class="ph-map__labels" aria-hidden="true">{badges}{labels}</g>'
        '<g class="ph-map__points">{dots}</g></svg>'
    ).format(which=which, x=x0, y=y0, w=width, h=height, title_id=title_id,
             shapes=Markup("").join(shapes), badges=Markup("").join(badges),
             labels=Markup("").join(_labels(groups, radius, (x0, y0, width, height))), dots=Markup("").join(dots))


def _legend(cat, points: list[Point]) -> Markup:
    """What the points' styles mean: a list per facet of ``Catalogue.map_legend``, with the
    values the points have, each beside a swatch drawn with the same classes."""
    blocks = []
    for key in cat.type.catalogue.map_legend:
        use = cat.type.facet(key)
        present = {value for p in points for value in p.facets.get(key, [])}
        values = [value for value, _label in getattr(use.facet, "choices", ())] or sorted(present)
        items = Markup("").join(
            Markup('<li><svg class="ph-map__swatch" viewBox="0 0 20 20" aria-hidden="true"><g class="ph-map__point '
                   'ph-map__point--{key}-{value}"><circle cx="10" cy="10" r="6"/></g></svg>{label}</li>').format(
                key=key, value=value, label=use.facet.label_of(value, cat.labels))
            for value in values if value in present)
        if items:
            blocks.append(Markup('<div class="ph-map__legend-part"><p class="ph-map__legend-title">{}</p>'
                                 '<ul class="ph-map__legend-items">{}</ul></div>').format(
                cat.texts.translate(use.facet.label), items))
    if not blocks:
        return Markup("")
    return Markup('<div class="ph-map__legend">{}</div>').format(Markup("").join(blocks))


def _list(loc, points: list[Point], heading: str, list_id: str, extra: list[tuple[str, list[Point]]] = ()) -> Markup:
    by_country: dict[str, list[Point]] = defaultdict(list)
    for point in points:
        by_country[point.country].append(point)
    groups = sorted(((loc.country(code), items) for code, items in by_country.items()), key=lambda g: fold(g[0]))
    blocks = []
    for name, items in [*groups, *extra]:
        if not items:
            continue
        links = Markup("").join(
            Markup('<li data-ph-map-item{data}><a href="{href}">{text}</a>{detail}</li>').format(
                data=data_attributes(p.facets), href=p.href, text=p.text,
                detail=Markup(' <span class="ph-muted">· {}</span>').format(p.detail) if p.detail else "")
            for p in items)
        blocks.append(Markup('<li data-ph-map-group><span class="ph-map__group">{name}</span> '
                             '<span class="ph-muted">(<span data-ph-map-count>{count}</span>)</span><ul>{links}</ul></li>').format(
            name=name, count=loc.number(len(items)), links=links))
    return Markup(
        '<details class="ph-map__list" id="{id}"><summary><h2 id="{id}-title" class="ph-map__list-title">{heading}</h2>'
        '</summary><ul class="ph-map__groups">{blocks}</ul></details>'
    ).format(id=list_id, heading=heading, blocks=Markup("").join(blocks))


def record_map(cat) -> Markup:
    """The map of a catalogue's records (``partnerhub.render.catalogue.Catalogue``), with
    the same links listed by country beside it."""
    points, unplaced = _points(cat)
    if not points and not unplaced:
        return Markup("")
    lang, loc, which = cat.texts.lang, cat.texts.loc, cat.type.folder
    title, heading = gettext(lang, cat.type.catalogue.map_title), gettext(lang, cat.type.catalogue.map_list_title)
    title_id, list_id = f"ph-map-{which}-title", f"ph-map-{which}-list"
    summary = gettext(lang, N_("Map: {count} places. The same links are listed by country below.")).format(
        count=loc.number(len(points)))
    figure = Markup("")
    if points:
        figure = Markup(
            '<figure class="ph-map__figure">'
            '<a class="ph-map__skip md-button" href="#{list_id}">{skip}</a>'
            '{svg}{legend}'
            '<figcaption><span id="{title_id}">{title}</span>'
            ' <span class="ph-visually-hidden">{summary}</span>'
            ' <small class="ph-muted">{credit}</small></figcaption></figure>'
        ).format(list_id=list_id, skip=heading, svg=_svg(which, points, title, title_id, cat.type.catalogue.map_legend),
                 legend=_legend(cat, points), title_id=title_id,
                 title=title, summary=summary, credit=gettext(lang, N_("Country outlines: Natural Earth (public domain).")))
    extra = sorted(unplaced.items(), key=lambda group: fold(group[0]))
    return Markup('<div class="ph-map ph-map--{which}" data-ph-map>{figure}{listing}</div>').format(
        which=which, figure=figure, listing=_list(loc, points, heading, list_id, extra))
