"""A large hub's search indexes (light and full) are built from the record pages' bodies
written during the build (partnerhub/search/light.py), not from every page of the site, and
hold the same as ones built from the site's pages; which hub gets a light index is decided
from its records."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from partnerhub import publish
from partnerhub.search import light
from partnerhub.search.pagefind import LIGHT_BUNDLE, build_index
from tests.support.site import build_site, copy_hub


def _fragments(bundle: Path) -> dict:
    """Every page of a Pagefind bundle as Pagefind stored it: url, content, meta, filters, anchors."""
    pages = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        page = json.loads(raw[len(b"pagefind_dcd"):])
        pages[page["url"]] = page
    return pages


def test_the_rule_is_the_number_of_record_pages(monkeypatch):
    monkeypatch.delenv("PARTNERHUB_SEARCH_LIGHT", raising=False)
    assert not light.wanted(light.LIGHT_MIN_PAGES - 1) and light.wanted(light.LIGHT_MIN_PAGES)
    assert light.wanted(1, "always") and not light.wanted(10 ** 6, "never")
    small = SimpleNamespace(records={"practices": dict.fromkeys(range(10)), "partners": dict.fromkeys(range(5))})
    big = SimpleNamespace(records={"practices": dict.fromkeys(range(light.LIGHT_MIN_PAGES))})
    assert publish.light_dir(Path("/s"), Path("/s/el"), small) is None
    assert publish.light_dir(Path("/s"), Path("/s/el"), big) == Path("/s") / light.SOURCE_DIR / "el"
    monkeypatch.setenv("PARTNERHUB_SEARCH_LIGHT", "always")
    assert publish.light_dir(Path("/s"), Path("/s"), small) == Path("/s") / light.SOURCE_DIR


@pytest.mark.slow  # builds the demo site and runs Pagefind twice
def test_light_index_from_the_records_equals_the_one_from_the_pages(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    site = tmp_path / "site"
    result = build_site(hub, site, PARTNERHUB_CACHE=str(tmp_path / "cache"), PARTNERHUB_SEARCH_LIGHT="always")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / light.SOURCE_DIR).exists()  # the bodies are not published
    assert not [p for p in tmp_path.iterdir() if light.SOURCE_DIR in p.name]  # nor left beside the site
    from_records = _fragments(site / LIGHT_BUNDLE)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    report = build_index(copy, ["en", "el", "fr"], light="always")  # no bodies: from every page
    assert report.light
    from_pages = _fragments(copy / LIGHT_BUNDLE)
    assert len(from_records) > 100
    assert from_records == from_pages
    assert _fragments(site / "pagefind") == _fragments(copy / "pagefind")  # the full index too
    serres = from_records["/el/partners/serres/"]
    assert serres["meta"]["title"] and serres["filters"]


@pytest.mark.slow  # builds the demo site
@pytest.mark.parametrize("mode", ["never"])
def test_no_light_index_leaves_no_bodies(tmp_path, mode):
    hub = copy_hub(tmp_path / "hub")
    site = tmp_path / "site"
    result = build_site(hub, site, PARTNERHUB_CACHE=str(tmp_path / "cache"), PARTNERHUB_SEARCH_LIGHT=mode)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / LIGHT_BUNDLE).exists() and not (site / light.SOURCE_DIR).exists()
