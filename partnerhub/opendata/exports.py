"""The exports under ``/data/`` (site root, the same in every language).

For each record type of the registry: ``<folder>.json`` (the records as
:func:`partnerhub.opendata.records.public_data` gives them: language-keyed text as in
the YAML, references as ids and page addresses) and ``<folder>.csv`` (one row per record,
one column per language for text, nested values flattened to ``field_part`` columns,
lists of ids joined by ``; ``, lists of entries as JSON; UTF-8 without BOM, RFC 4180 by
the csv module, a cell that a spreadsheet would read as a formula prefixed with ``'``);
``<folder>.geojson`` for the types whose catalogue has a map (partners, meetings); the
whole hub in ``hub.json`` with its vocabularies; the JSON Schemas of the records in
``schemas/``. Only the build's visible records (``rel``) are read.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from partnerhub.hubconfig import licence_link
from partnerhub.hubdata import HubData
from partnerhub.opendata import links
from partnerhub.opendata.records import public_data
from partnerhub.registry import RECORD_TYPES, RecordType
from partnerhub.schema import all_schemas, render as render_schema

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json",
               "schema.json": "application/schema+json"}


def dumps(value) -> str:
    """JSON text as every export writes it: UTF-8 characters, stable key order as built,
    compact (Python's C encoder; an indented file took three times as long to write and
    any JSON viewer indents it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def records_data(record_type: RecordType, hub, rel, site_url: str) -> list[dict]:
    """The public data of every visible record of a type, in the build's order (worked out
    once per build: the JSON, CSV, GeoJSON and whole-hub exports and the data package all
    read it; callers do not change it)."""
    key = ("exports.records", record_type.folder, site_url)
    if key not in rel.derived:
        rel.derived[key] = [public_data(record, record_type.folder, rel, hub.config, site_url)
                            for record in rel.records[record_type.folder].values()]
    return rel.derived[key]


def type_table(record_type: RecordType, hub, rel, site_url: str) -> "Table":
    """The CSV table of a record type (once per build: the CSV file and the data package's
    column types)."""
    key = ("exports.table", record_type.folder, site_url)
    if key not in rel.derived:
        rel.derived[key] = table(record_type, records_data(record_type, hub, rel, site_url), hub.config.languages)
    return rel.derived[key]


# --- CSV ----------------------------------------------------------------------------------
def _is_text_by_language(value, languages) -> bool:
    return (isinstance(value, dict) and bool(value) and set(value) <= set(languages)
            and all(isinstance(text, str) for text in value.values()))


def _flatten(value, prefix: str, languages, out: dict) -> None:
    if _is_text_by_language(value, languages):
        for lang in languages:
            out[f"{prefix}_{lang}"] = value.get(lang, "")
    elif isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}_{key}", languages, out)
    elif isinstance(value, list):
        if all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
            out[prefix] = LIST_SEPARATOR.join(str(item) for item in value)
        else:
            out[prefix] = json.dumps(value, ensure_ascii=False)
    else:
        out[prefix] = value


def flat_row(data: dict, languages) -> dict:
    """One record's data as ``column -> value`` (id first, ``references`` left out)."""
    out: dict = {"id": data["id"]}
    for key, value in data.items():
        if key not in ("id", "references"):
            _flatten(value, key, languages, out)
    return out


def safe_cell(value) -> str | int | float:
    """A value as a spreadsheet cannot run it: text that starts like a formula gets a ``'``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass
class Table:
    """A record type's CSV: its columns (with their Table Schema types) and rows."""

    record_type: RecordType
    columns: list[str]
    types: dict[str, str]
    rows: list[dict]

    def text(self) -> str:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=self.columns, lineterminator="\r\n", extrasaction="raise")
        writer.writeheader()
        for row in self.rows:
            writer.writerow({column: safe_cell(row.get(column)) for column in self.columns})
        return buffer.getvalue()


def _column_type(values: list) -> str:
    present = [v for v in values if v is not None and v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def table(record_type: RecordType, records: list[dict], languages) -> Table:
    rows = [flat_row(data, languages) for data in records]
    fields = list(record_type.model.model_fields)
    order = {name: index for index, name in enumerate(fields)}
    seen: dict[str, int] = {"id": 0}
    for row in rows:
        for column in row:
            seen.setdefault(column, len(seen))

    def position(column: str) -> tuple:
        top = next((name for name in sorted(order, key=len, reverse=True)
                    if column == name or column.startswith(name + "_")), None)
        return (column != "id", order.get(top, len(order)), seen[column])

    columns = sorted(seen, key=position)
    types = {column: _column_type([row.get(column) for row in rows]) for column in columns}
    return Table(record_type, columns, types, rows)


# --- GeoJSON ------------------------------------------------------------------------------
def _point(record, record_type: RecordType, rel) -> list[float] | None:
    for place in record_type.places(record, rel):
        coordinates = getattr(place, "coordinates", None)
        if coordinates is not None:
            return [coordinates.lon, coordinates.lat]
    return None


def geojson(record_type: RecordType, hub, rel, records: list[dict]) -> dict:
    """The records of a type that have a place on the map, as points with their short facts
    (name, dates, kind, format, status…: the top-level values that are not long text)."""
    features = []
    for record, data in zip(rel.records[record_type.folder].values(), records):
        point = _point(record, record_type, rel)
        if point is None:
            continue
        name_field = type(record).NAME_FIELD
        properties = {key: value for key, value in data.items()
                      if key == name_field or key == "urls" or isinstance(value, (str, int, float, bool))
                      or (isinstance(value, list) and value and all(isinstance(item, str) for item in value))}
        features.append({"type": "Feature", "id": record.id, "geometry": {"type": "Point", "coordinates": point},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def has_map(record_type: RecordType) -> bool:
    return record_type.catalogue.map_title is not None


# --- the whole hub ------------------------------------------------------------------------
def hub_data(hub, rel, site_url: str, by_type: dict[str, list[dict]]) -> dict:
    config = hub.config
    return {
        "name": config.name,
        "languages": config.languages,
        "default_language": config.default_language,
        "licence": licence_link(config.licence),
        "url": links.site_root(site_url),
        "vocabularies": {name: {term: entry.label for term, entry in vocabulary.root.items()}
                         for name, vocabulary in sorted(hub.vocabularies.items())},
        **by_type,
    }


def schemas(hub) -> dict[str, dict]:
    """The JSON Schemas of the records, from the models (never read from ``data/``)."""
    default = hub.config.default_language
    terms = {name: {term: entry.label.get(default, term) for term, entry in vocabulary.root.items()}
             for name, vocabulary in hub.vocabularies.items()}
    return all_schemas(HubData(root=hub.root, config=hub.config, terms=terms))


# --- the files ----------------------------------------------------------------------------
def files(hub, rel, site_url: str) -> dict[str, str]:
    """Every export, as ``path under data/ -> text``."""
    out: dict[str, str] = {}
    by_type = {}
    for record_type in RECORD_TYPES:
        records = records_data(record_type, hub, rel, site_url)
        by_type[record_type.folder] = records
        out[f"{record_type.folder}.json"] = dumps(records)
        out[f"{record_type.folder}.csv"] = type_table(record_type, hub, rel, site_url).text()
        if has_map(record_type):
            out[f"{record_type.folder}.geojson"] = dumps(geojson(record_type, hub, rel, records))
    out["hub.json"] = dumps(hub_data(hub, rel, site_url, by_type))
    for name, schema in schemas(hub).items():
        out[f"schemas/{name}.schema.json"] = render_schema(schema)
    return out


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def write(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Write the exports into ``site_dir/data/``; no pages."""
    for name, text in files(hub, rel, site_url).items():
        write_text(site_dir / links.DATA_FOLDER / name, text)
    return []
