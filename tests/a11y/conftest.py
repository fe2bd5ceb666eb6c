"""Fixtures and helpers for the accessibility tests: the demo site built once per session,
served on 127.0.0.1 and driven in Debian's Chromium (the site tests' fixtures), the page
types to check in every language, and the test tools from npm (tests/node_modules, installed
by ./scripts/hub test from tests/package-lock.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.site import ROOT  # the fixtures site, page, server, browser: tests/conftest.py

NODE_MODULES = ROOT / "tests" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

LANGS = {"en": "", "el": "el/", "fr": "fr/"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# One page of each type (paths from a language's root). Records are demo records that
# exist in every language; hand-written pages exist in docs/en (others may fall back).
PAGE_TYPES = {
    "home": "",
    "networks": "networks/",
    "partners": "partners/",
    "meetings": "meetings/",
    "practices": "practices/",
    "themes": "themes/",
    "outputs": "outputs/",
    "open-data": "open-data/",
    "network": "networks/breaking-isolation/",
    "partner": "partners/serres/",
    "meeting": "meetings/breaking-isolation-04-serres/",
    "practice": "practices/serres-volunteer-platform/",
    "theme": "themes/social-isolation/",
    "output": "outputs/digi-inclusion-declaration-digital-rights/",
    "about": "about/",
    "accessibility": "accessibility/",
    "contribute": "contribute/",
    "translations": "translations/",
    "404": "404.html",
    "whats-new": "whats-new/",
}


def fallback_page(lang: str = "fr") -> str | None:
    """A hand-written page that ``lang`` shows in the default language (not translated)."""
    english = {p.relative_to(ROOT / "docs" / "en") for p in (ROOT / "docs" / "en").rglob("*.md")}
    translated = {p.relative_to(ROOT / "docs" / lang) for p in (ROOT / "docs" / lang).rglob("*.md")}
    for path in sorted(english - translated, key=lambda p: (len(p.parts), str(p))):
        url = path.with_suffix("").as_posix()
        url = url[: -len("index")] if url.endswith("index") else url + "/"
        return url
    return None


def every_page() -> list:
    """(id, language, path) for every page type in every language, and the French fallback."""
    out = [pytest.param(lang, LANGS[lang] + path, id=f"{lang}-{kind}")
           for lang in LANGS for kind, path in PAGE_TYPES.items()]
    fallback = fallback_page("fr")
    if fallback is not None:
        out.append(pytest.param("fr", "fr/" + fallback, id="fr-fallback"))
    return out


def page_types(lang: str = "en") -> list:
    """(language, path) for every page type in one language."""
    return [pytest.param(lang, LANGS[lang] + path, id=f"{lang}-{kind}") for kind, path in PAGE_TYPES.items()]


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --prefix tests --ignore-scripts` (./scripts/hub test does)")
    return AXE.read_text(encoding="utf-8")


# The contexts bypass the pages' Content-Security-Policy so that the tests can inject axe-core
# and their focus probe as inline scripts; tests/site/test_escaping.py checks the policy itself.
@pytest.fixture(scope="module")
def desktop_context(browser):
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture(scope="module")
def phone_context(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture()
def desktop(desktop_context):
    """A fresh tab at 1280 × 900 (one browser context per test module: shared cache)."""
    page = desktop_context.new_page()
    yield page
    page.close()


@pytest.fixture()
def phone(phone_context):
    """A fresh tab on a 390 px touch screen."""
    page = phone_context.new_page()
    yield page
    page.close()
