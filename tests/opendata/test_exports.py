"""The exports under /data/: JSON, CSV, GeoJSON and schemas of the visible records only,
with nothing a spreadsheet would run and no detail nobody consented to publish."""

from __future__ import annotations

import csv
import io
import json

import pytest

from partnerhub.opendata import exports
from partnerhub.registry import RECORD_TYPES
from tests.opendata.support import FORMULA, HIDDEN, SITE_URL, hostile_root, load


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return load(hostile_root(tmp_path_factory.mktemp("exports")))


@pytest.fixture(scope="module")
def written(hub, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    exports.write(*hub, site, SITE_URL)
    return site / "data"


def _rows(path):
    text = path.read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_json_csv_per_record_type_and_the_hub(written):
    for record_type in RECORD_TYPES:
        assert (written / f"{record_type.folder}.json").is_file()
        assert (written / f"{record_type.folder}.csv").is_file()
    assert sorted(p.name for p in written.glob("*.geojson")) == ["meetings.geojson", "partners.geojson"]
    assert {p.name for p in (written / "schemas").iterdir()} >= {f"{t.name}.schema.json" for t in RECORD_TYPES}
    whole = json.loads((written / "hub.json").read_text("utf-8"))
    assert whole["licence"]["id"] == "CC-BY-4.0"
    assert [m["id"] for m in whole["meetings"]] == [m["id"] for m in json.loads(
        (written / "meetings.json").read_text("utf-8"))]
    assert "themes" in whole["vocabularies"]


def test_json_keeps_text_by_language_and_links_references(written):
    meetings = {m["id"]: m for m in json.loads((written / "meetings.json").read_text("utf-8"))}
    meeting = meetings["bi-02-serres"]
    assert meeting["title"]["el"] == "Συνάντηση στις Σέρρες & «Q&A» <2>"
    assert meeting["title"]["en"] == FORMULA  # JSON is data: as written
    assert meeting["urls"] == {"en": SITE_URL + "meetings/bi-02-serres/", "el": SITE_URL + "el/meetings/bi-02-serres/",
                               "fr": SITE_URL + "fr/meetings/bi-02-serres/"}
    assert {"type": "partners", "id": "serres", "url": SITE_URL + "partners/serres/"} in meeting["references"]
    assert meeting["network"] == ["breaking-isolation"]


def test_csv_one_row_per_record_one_column_per_language(written):
    raw = (written / "meetings.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = {row["id"]: row for row in _rows(written / "meetings.csv")}
    assert set(rows) == {"breaking-isolation-01-agen", "bi-02-serres", "bi-03-skofja-loka", "bi-04-agen"}
    row = rows["bi-02-serres"]
    assert row["title_el"] == "Συνάντηση στις Σέρρες & «Q&A» <2>" and row["title_fr"] == "Réunion à Serres"
    assert rows["bi-03-skofja-loka"]["title_el"] == ""  # no translation: an empty cell, not English
    assert row["status"] == "cancelled" and row["start"] == "2024-03-12"


def test_csv_cells_that_look_like_formulas_are_neutralised(written):
    row = {r["id"]: r for r in _rows(written / "meetings.csv")}["bi-02-serres"]
    assert row["title_en"] == "'" + FORMULA
    assert row["summary_en"] == "'-1 summary & more"
    partner = {r["id"]: r for r in _rows(written / "partners.csv")}["serres"]
    contacts = json.loads(partner["contacts"])  # entries as JSON: the cell starts with [
    assert contacts[1] == {"name": "@Mayor office", "phone": "+30 23210 00000", "publish": True}
    assert contacts[0] == {"name": "Social services", "publish": False}  # no e-mail, no unconsented phone
    for path in written.glob("*.csv"):
        for row in _rows(path):
            for value in row.values():
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (path.name, value)


def test_safe_cell():
    assert exports.safe_cell("=1+1") == "'=1+1"
    assert exports.safe_cell("+30 2321") == "'+30 2321"
    assert exports.safe_cell("\tx") == "'\tx"
    assert exports.safe_cell(-8.6) == -8.6  # numbers stay numbers
    assert exports.safe_cell(True) == "true"


def test_geojson_points_with_format_and_status(written):
    meetings = json.loads((written / "meetings.geojson").read_text("utf-8"))
    assert meetings["type"] == "FeatureCollection"
    feature = next(f for f in meetings["features"] if f["id"] == "bi-02-serres")
    assert feature["geometry"]["type"] == "Point" and len(feature["geometry"]["coordinates"]) == 2
    assert feature["properties"]["status"] == "cancelled" and feature["properties"]["format"] == "in-person"
    partners = json.loads((written / "partners.geojson").read_text("utf-8"))
    assert {f["id"] for f in partners["features"]} >= {"serres"}


def test_no_hidden_record_and_no_unconsented_detail(written):
    for path in written.rglob("*"):
        if path.is_file():
            assert HIDDEN not in path.read_text("utf-8"), path.name
    people = {p["id"]: p for p in json.loads((written / "people.json").read_text("utf-8"))}
    assert "email" not in people["maria-papadopoulou"] and "phone" not in people["maria-papadopoulou"]
    network = json.loads((written / "networks.json").read_text("utf-8"))[0]
    assert all(m["partner"] != f"{HIDDEN}-partner" for m in network["partners"])  # the membership goes


def test_only_the_build_s_records(hub, tmp_path):
    root_hub, _ = hub
    from partnerhub.render.relations import build_relations

    partners = build_relations(root_hub, "partners")
    files = exports.files(root_hub, partners, SITE_URL)
    assert HIDDEN + "-partner" in files["partners.json"]  # the partners' build: its records
    assert HIDDEN + "-meeting" not in files["meetings.json"]  # drafts never
