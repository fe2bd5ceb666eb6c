"""Fixtures for every test: the demo site built once per session, served on 127.0.0.1,
and one Debian Chromium driven by Playwright.

A test that uses the demo site is marked ``slow`` and one that uses Chromium ``browser``
(and ``slow``) here, by its fixtures, so that the inner loop
``pytest -m "not slow and not browser"`` never builds a site.

Each test process keeps the hub's caches (validation, media, share cards) in a folder of
its own, removed at its end: the tests validate and build hundreds of hubs in temporary
folders, and their caches must not pile up in the user's ``~/.cache/partnerhub``.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.site import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, serve

SLOW_FIXTURES = {"site", "page", "server"}
_CACHE: list[str] = []


def pytest_configure(config) -> None:
    _CACHE.append(tempfile.mkdtemp(prefix="partnerhub-test-cache-"))
    os.environ["PARTNERHUB_CACHE"] = _CACHE[-1]  # builds in subprocesses inherit it


def pytest_unconfigure(config) -> None:
    for folder in _CACHE:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif fixtures & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The demo hub, built from the repository's data/ with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def page(site):
    """Read a built page as BeautifulSoup: page("el/meetings/x/")."""
    from bs4 import BeautifulSoup

    @functools.lru_cache(maxsize=None)
    def read(url: str):
        path = site / url / "index.html" if not url.endswith(".html") else site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    return read


@pytest.fixture(scope="session")
def server(site):
    """The built site on a free port of 127.0.0.1; yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (./scripts/hub test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
