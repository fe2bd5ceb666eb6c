"""What validate accepts, the build builds: without crashing on a language the theme does
not know, without writing outside its output folder, and publishing nothing half-done."""

from __future__ import annotations

import pytest

from tests.support.site import build_site, copy_hub

pytestmark = pytest.mark.slow


def _files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_a_language_the_theme_lacks_builds_and_writes_only_the_site(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    (hub / "data" / "hub.yml").write_text(
        "name: {en: Partner networks hub}\nlanguages: [en, el, fr, mt]\ndefault_language: en\nlicence: CC-BY-4.0\n",
        encoding="utf-8")
    before = _files(hub)
    result = build_site(hub, tmp_path / "site", PARTNERHUB_CACHE=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _files(hub) == before  # no docs/mt/, no cache, nothing in the working tree
    maltese = (tmp_path / "site" / "mt" / "practices" / "serres-volunteer-platform" / "index.html").read_text("utf-8")
    assert maltese.startswith("\n<!doctype html>\n<html lang=\"mt\"") or '<html lang="mt"' in maltese[:200]
    about = (tmp_path / "site" / "mt" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'class="ph-fallback' in about and 'lang="en"' in about  # the English page, marked
    assert "Partner networks hub" in maltese  # the name in the default language
    assert not any(name.startswith(".site") for name in _files(tmp_path))  # no staging left


def test_a_failed_build_keeps_the_previous_site(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    # the theme breaks in the middle of the build (after validation): nothing is published
    (hub / "hooks" / "theme" / "partials" / "content.html").write_text("{{ page.no_such_thing.broken }}\n")
    result = build_site(hub, site, PARTNERHUB_CACHE=str(tmp_path / "cache"))
    assert result.returncode != 0
    assert _files(site) == {"index.html"}
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]  # the staging folder is gone
