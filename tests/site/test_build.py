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


def test_one_core_builds_the_same_site_as_two(tmp_path):
    """On two cores the other languages' passes run beside the default one's; on one core
    (and under serve) one after the other: the same files either way, calendars and feeds
    of every language included."""
    import os
    import subprocess
    import sys

    from tests.support.site import SITE_URL

    hub = copy_hub(tmp_path / "hub")
    env = {"PARTNERHUB_CACHE": str(tmp_path / "cache"), "PARTNERHUB_SEARCH_INDEX": "0"}
    two = build_site(hub, tmp_path / "two", **env)
    assert two.returncode == 0, two.stdout + two.stderr
    one_core = ("import os, sys; os.cpu_count = lambda: 1; from mkdocs.__main__ import cli; "
                "sys.argv = ['mkdocs', 'build', '--strict', '-d', sys.argv[1]]; cli()")
    one = subprocess.run([sys.executable, "-c", one_core, str(tmp_path / "one")], cwd=hub, capture_output=True,
                         text=True, timeout=600,
                         env={**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **env})
    assert one.returncode == 0, one.stdout + one.stderr
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert (tmp_path / "one" / "el" / "calendars" / "hub.ics").is_file()
    for page in (tmp_path / "two").rglob("*.html"):
        relative = page.relative_to(tmp_path / "two")
        assert (tmp_path / "one" / relative).read_text("utf-8") == page.read_text("utf-8"), relative
