"""The Data Package validates with the frictionless library; the DCAT-AP record names
every file with its media type and the hub's licence."""

from __future__ import annotations

import json

import pytest

from partnerhub.opendata import catalogue, exports
from tests.opendata.support import SITE_URL, hostile_root, load


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    hub, rel = load(hostile_root(tmp_path_factory.mktemp("catalogue")))
    site = tmp_path_factory.mktemp("site")
    exports.write(hub, rel, site, SITE_URL)
    catalogue.write(hub, rel, site, SITE_URL)
    return site / "data"


def test_data_package_is_valid(data):
    from frictionless import validate

    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "CC BY 4.0"}]
    paths = {r["path"] for r in package["resources"]}
    assert {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()} - paths == {
        "datapackage.json", "catalog.jsonld"}
    meetings = next(r for r in package["resources"] if r["path"] == "meetings.csv")
    fields = {f["name"]: f["type"] for f in meetings["schema"]["fields"]}
    assert fields["title_en"] == fields["title_el"] == "string"
    partners = next(r for r in package["resources"] if r["path"] == "partners.csv")
    assert {f["name"]: f["type"] for f in partners["schema"]["fields"]}["coordinates_lat"] == "number"


def test_dcat_catalogue(data):
    record = json.loads((data / "catalog.jsonld").read_text("utf-8"))
    assert record["@type"] == "dcat:Catalog"
    dataset = record["dcat:dataset"][0]
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert {"@value": "Test hub", "@language": "en"} in record["dct:publisher"]["foaf:name"]
    by_url = {d["dcat:downloadURL"]["@id"]: d for d in dataset["dcat:distribution"]}
    csv = by_url[SITE_URL + "data/practices.csv"]
    assert csv["dcat:mediaType"] == {"@id": "http://www.iana.org/assignments/media-types/text/csv"}
    assert csv["dct:license"] == dataset["dct:license"]
    assert {"@value": "Καλές πρακτικές (CSV)", "@language": "el"} in csv["dct:title"]
    assert SITE_URL + "data/meetings.geojson" in by_url


def test_dcat_record_is_json_ld(data):
    """Expanded with the context, every term is a DCAT, Dublin Core or FOAF IRI."""
    record = json.loads((data / "catalog.jsonld").read_text("utf-8"))
    context = record["@context"]

    def keys(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from keys(item)
        elif isinstance(value, list):
            for item in value:
                yield from keys(item)

    prefixes = {key.split(":", 1)[0] for key in keys({k: v for k, v in record.items() if k != "@context"})
                if not key.startswith("@")}
    assert prefixes <= set(context)
