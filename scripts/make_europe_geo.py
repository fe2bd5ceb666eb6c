#!/usr/bin/env python3
"""Make partnerhub/geo/europe.json: simplified, projected country outlines of Europe.

Source: Natural Earth 1:110m "Admin 0 - Countries" (public domain), as shipped in the
geopandas 0.14 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``; later geopandas
releases no longer ship it). Get it without installing anything:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python scripts/make_europe_geo.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The script reads the shapefile itself (no GIS library), keeps the countries around Europe,
clips them to a box, projects them with the Lambert azimuthal equal-area projection centred
on Europe (the projection of EPSG:3035, on a sphere: ``partnerhub.geo.project``), simplifies
them (Douglas-Peucker, in kilometres) and writes SVG path data with integer kilometres.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from partnerhub.geo import PROJECTION, project  # noqa: E402

OUT = ROOT / "partnerhub" / "geo" / "europe.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
BOX = (-27.0, 26.0, 50.0, 72.0)  # lon min, lat min, lon max, lat max: Europe, its neighbours, Macaronesia
TOLERANCE_KM = 4.0
MIN_AREA_KM2 = 150.0  # smaller islands are dropped (a point on the map is larger)

# ISO 3166-1 alpha-3 -> alpha-2 for the countries in BOX (records use alpha-2).
A3_TO_A2 = {
    "ALB": "AL", "AUT": "AT", "BEL": "BE", "BGR": "BG", "BIH": "BA", "BLR": "BY", "CHE": "CH", "CYP": "CY",
    "CZE": "CZ", "DEU": "DE", "DNK": "DK", "ESP": "ES", "EST": "EE", "FIN": "FI", "FRA": "FR", "GBR": "GB",
    "GRC": "GR", "HRV": "HR", "HUN": "HU", "IRL": "IE", "ISL": "IS", "ITA": "IT", "KOS": "XK", "LTU": "LT",
    "LUX": "LU", "LVA": "LV", "MDA": "MD", "MKD": "MK", "MNE": "ME", "NLD": "NL", "NOR": "NO", "POL": "PL",
    "PRT": "PT", "ROU": "RO", "RUS": "RU", "SRB": "RS", "SVK": "SK", "SVN": "SI", "SWE": "SE", "UKR": "UA",
    "TUR": "TR", "GEO": "GE", "ARM": "AM", "AZE": "AZ", "KAZ": "KZ", "MAR": "MA", "DZA": "DZ", "TUN": "TN",
    "LBY": "LY", "EGY": "EG", "ISR": "IL", "PSE": "PS", "LBN": "LB", "SYR": "SY", "JOR": "JO", "IRQ": "IQ",
    "IRN": "IR", "SAU": "SA", "GRL": "GL", "CYN": "CY-N", "ESH": "EH", "MRT": "MR", "MLI": "ML", "NER": "NE",
    "TCD": "TD", "SDN": "SD", "TKM": "TM", "UZB": "UZ",
}

# Countries whose alpha-3 code Natural Earth leaves as -99.
NAME_TO_A2 = {"Kosovo": "XK", "Kuwait": "KW"}


def read_source(path: Path) -> tuple[bytes, bytes]:
    if path.suffix == ".whl" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            return wheel.read(MEMBER + ".shp"), wheel.read(MEMBER + ".dbf")
    base = path.with_suffix("")
    return base.with_suffix(".shp").read_bytes(), base.with_suffix(".dbf").read_bytes()


def read_dbf(data: bytes) -> list[dict]:
    count, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        start = header_len + i * record_len + 1
        row, offset = {}, start
        for name, length in fields:
            row[name] = data[offset:offset + length].decode("utf-8", "replace").strip()
            offset += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Polygons as lists of rings of (lon, lat)."""
    shapes, pos = [], 100
    stream = io.BytesIO(data)
    while pos < len(data):
        stream.seek(pos)
        _number, length = struct.unpack(">ii", stream.read(8))
        content = data[pos + 8:pos + 8 + length * 2]
        pos += 8 + length * 2
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            shapes.append([])
            continue
        assert shape_type == 5, f"not a polygon: type {shape_type}"
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44:44 + 4 * num_parts]))
        offset = 44 + 4 * num_parts
        points = [struct.unpack("<dd", content[offset + 16 * i:offset + 16 * i + 16]) for i in range(num_points)]
        parts.append(num_points)
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(num_parts)])
    return shapes


def clip(ring, box):
    """Sutherland-Hodgman: ``ring`` clipped to the rectangle ``box`` (lon/lat)."""
    x0, y0, x1, y1 = box
    edges = [(lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
             (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
             (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
             (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1))]
    out = list(ring)
    for inside, cut in edges:
        if not out:
            break
        points, out = out, []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out


def _cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points, tolerance):
    """Douglas-Peucker on a closed ring (kept closed, at least 4 points or dropped)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if dist > best:
                best, index = dist, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def path(rings) -> tuple[str, list[int]]:
    parts, xs, ys = [], [], []
    for ring in rings:
        q = [(round(x), round(y)) for x, y in ring]
        dedup = [q[0]] + [p for prev, p in zip(q, q[1:]) if p != prev]
        if dedup[-1] == dedup[0]:
            dedup.pop()
        if len(dedup) < 3:
            continue
        d = [f"M{dedup[0][0]} {dedup[0][1]}"]
        for (px, py), (x, y) in zip(dedup, dedup[1:]):
            d.append(f"{x - px} {y - py}")
        parts.append(d[0] + "l" + " ".join(d[1:]).replace(" -", "-") + "z")
        xs += [p[0] for p in dedup]
        ys += [p[1] for p in dedup]
    return "".join(parts), ([min(xs), min(ys), max(xs), max(ys)] if xs else [])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    shp, dbf = read_source(Path(argv[0]))
    rows, shapes = read_dbf(dbf), read_shp(shp)
    countries = []
    for row, rings in zip(rows, shapes):
        code = A3_TO_A2.get(row.get("iso_a3")) or NAME_TO_A2.get(row.get("name"))
        if code is None:
            continue
        kept = []
        for ring in rings:
            clipped = clip(ring, BOX)
            if len(clipped) < 3:
                continue
            projected = [project(lat, lon) for lon, lat in clipped]
            if area(projected) < MIN_AREA_KM2:
                continue
            simple = simplify(projected + [projected[0]], TOLERANCE_KM)[:-1]
            if len(simple) >= 3:
                kept.append(simple)
        d, bbox = path(kept)
        if d:
            countries.append({"iso": code, "name": row.get("name", ""), "bbox": bbox, "d": d})
    countries.sort(key=lambda c: c["iso"])
    data = {
        "source": "Natural Earth 1:110m Admin 0 - Countries, via geopandas 0.14.4 (naturalearth_lowres)",
        "licence": "Public domain (Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/)",
        "generated_by": "scripts/make_europe_geo.py",
        "projection": PROJECTION,
        "box_lon_lat": BOX,
        "tolerance_km": TOLERANCE_KM,
        "countries": countries,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
