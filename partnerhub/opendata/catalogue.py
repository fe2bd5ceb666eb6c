"""How the exports describe themselves to programs: ``data/datapackage.json`` (a
Frictionless Data Package: every file, the columns and types of each CSV, the licence of
``data/hub.yml``) and ``data/catalog.jsonld`` (a DCAT-AP catalogue record, JSON-LD, that
European open-data portals harvest: the catalogue, one dataset, a distribution per file
with its media type and licence, the hub as publisher). It describes the files that
``exports`` wrote just before it (its line in ``OUTPUTS`` comes after that one).
"""

from __future__ import annotations

import re
from pathlib import Path

from partnerhub.hubconfig import licence_link
from partnerhub.i18n import N_, gettext
from partnerhub.opendata import exports, links
from partnerhub.registry import RECORD_TYPES

PACKAGE = "datapackage.json"
CATALOGUE = "catalog.jsonld"
DESCRIPTION = N_("The networks, partners, meetings, good practices, outputs and people of the hub, as open data: "
                 "JSON, CSV and GeoJSON files, with their schemas.")
FORMATS = {"csv": ("text/csv", "CSV"), "json": ("application/json", "JSON"),
           "geojson": ("application/geo+json", "GEOJSON"), "jsonld": ("application/ld+json", "JSON_LD")}
_EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_IANA = "http://www.iana.org/assignments/media-types/"


def extension(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def file_title(path: str, lang: str) -> str:
    """What a file holds, in ``lang``: the record type's title, the hub, or a schema."""
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    by_folder = {t.folder: t.title for t in RECORD_TYPES}
    if path.startswith("schemas/"):
        return gettext(lang, N_("JSON Schema: {name}")).format(name=stem)
    title = gettext(lang, by_folder[stem]) if stem in by_folder else gettext(lang, N_("The whole hub"))
    return f"{title} ({FORMATS[extension(path)][1].replace('_', '-')})"


def _name(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def data_package(hub, rel, site_url: str, sizes: dict[str, int]) -> dict:
    config = hub.config
    default = config.default_language
    licence = licence_link(config.licence)
    tables = {f"{t.folder}.csv": exports.type_table(t, hub, rel, site_url) for t in RECORD_TYPES}
    resources = []
    for path, size in sizes.items():
        resource = {"name": _name(path), "path": path, "title": file_title(path, default),
                    "format": extension(path), "mediatype": FORMATS.get(extension(path), ("application/json",))[0],
                    "encoding": "utf-8", "bytes": size}
        if path.startswith("schemas/"):
            resource["mediatype"] = "application/schema+json"
        table = tables.get(path)
        if table is None:
            resource["type"] = "json"  # read as a whole, not as rows (a schema is no Table Schema)
        else:
            resource["profile"] = "tabular-data-resource"
            resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True}
            resource["schema"] = {"fields": [{"name": column, "type": table.types[column]} for column in table.columns],
                                  "primaryKey": ["id"]}
        resources.append(resource)
    return {
        "profile": "data-package",
        "name": _name(links.host(site_url)) or "partnerhub",
        "title": config.name.get(default, ""),
        "description": gettext(default, DESCRIPTION),
        "homepage": links.site_root(site_url),
        "licenses": [{"name": licence["id"], "path": licence["url"], "title": licence["name"]}],
        "resources": resources,
    }


def _texts(config, message: str) -> list[dict]:
    return [{"@value": gettext(lang, message), "@language": lang} for lang in config.languages]


def _iri(url: str) -> dict:
    return {"@id": url}


def dcat_catalogue(hub, site_url: str, sizes: dict[str, int]) -> dict:
    config = hub.config
    licence = _iri(licence_link(config.licence)["url"])
    data = links.absolute(site_url, links.DATA_FOLDER + "/")
    page = links.absolute(site_url, links.PAGE_URL)
    publisher = {"@type": "foaf:Agent",
                 "foaf:name": [{"@value": name, "@language": lang} for lang, name in config.name.items()]}
    titles = [{"@value": name, "@language": lang} for lang, name in config.name.items()]
    languages = [_iri(f"http://id.loc.gov/vocabulary/iso639-1/{lang}") for lang in config.languages]
    distributions = []
    for path, size in sizes.items():
        media_type, file_type = FORMATS.get(extension(path), FORMATS["json"])
        url = data + path
        distributions.append({
            "@id": url, "@type": "dcat:Distribution",
            "dct:title": [{"@value": file_title(path, lang), "@language": lang} for lang in config.languages],
            "dcat:accessURL": _iri(page), "dcat:downloadURL": _iri(url),
            "dcat:mediaType": _iri(_IANA + ("application/schema+json" if path.startswith("schemas/") else media_type)),
            "dct:format": _iri(_EU_FILE_TYPE + file_type),
            "dct:license": licence,
            "dcat:byteSize": {"@value": str(size), "@type": "xsd:nonNegativeInteger"},
        })
    dataset = {"@id": data + "#dataset", "@type": "dcat:Dataset", "dct:title": titles,
               "dct:description": _texts(config, DESCRIPTION), "dct:publisher": publisher, "dct:license": licence,
               "dct:language": languages, "dcat:landingPage": _iri(page), "dcat:distribution": distributions}
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "@id": data + CATALOGUE, "@type": "dcat:Catalog", "dct:title": titles,
        "dct:description": _texts(config, DESCRIPTION), "dct:publisher": publisher, "dct:license": licence,
        "dct:language": languages, "foaf:homepage": _iri(links.site_root(site_url)), "dcat:dataset": [dataset],
    }


def write(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Write ``data/datapackage.json`` and ``data/catalog.jsonld`` describing the files
    under ``data/`` (the exports); no pages."""
    folder = site_dir / links.DATA_FOLDER
    sizes = {path.relative_to(folder).as_posix(): path.stat().st_size
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name not in (PACKAGE, CATALOGUE)}
    exports.write_text(folder / PACKAGE, exports.dumps(data_package(hub, rel, site_url, sizes)))
    exports.write_text(folder / CATALOGUE, exports.dumps(dcat_catalogue(hub, site_url, sizes)))
    return []
