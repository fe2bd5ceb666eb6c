"""Every request a page makes on load succeeds: no 404 for a file the theme looks for.

Material's script fetched ``sitemap.xml`` in the folder of every ``<link rel="alternate">``
(the Atom feed links: ``feeds/sitemap.xml``, a 404 on every page load);
``partnerhub/render/assets.py`` narrows its selector to language alternates. The feed links
stay as feed readers look for them."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import LANGS, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("lang", ["en", "el"])
def test_no_request_fails(desktop, server, lang):
    failed, requested = [], []
    desktop.on("response", lambda r: (requested.append(r.url), r.status >= 400 and failed.append((r.status, r.url))))
    desktop.on("requestfailed", lambda r: failed.append((r.failure, r.url)))
    for kind in ("home", "practice", "practices", "meeting", "contribute", "404"):
        desktop.goto(server + LANGS[lang] + PAGE_TYPES[kind])
        desktop.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(server) for url in requested)
    assert not failed, failed


@pytest.mark.parametrize("lang", ["en", "el"])
def test_feeds_stay_discoverable(page, lang):
    doc = page(LANGS[lang] or ".")
    feeds = doc.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert len(feeds) == 1 and feeds[0]["href"].endswith("feeds/hub.xml") and feeds[0].get("title")


def test_materials_script_looks_only_at_language_alternates(site):
    from partnerhub.render.assets import LANGUAGE_ALTERNATES, MATERIAL_ALTERNATES

    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    script = bundles[0].read_text(encoding="utf-8")
    assert LANGUAGE_ALTERNATES in script and MATERIAL_ALTERNATES not in script
