"""Print: a practice or meeting page on paper shows its content with the hub's name, the
licence, the page's URL and the date of this version; no header, menus, search or skip link."""

from __future__ import annotations

import re

import pytest

from tests.a11y.conftest import LANGS, PAGE_TYPES
from tests.support.site import SITE_URL

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("lang", ["en", "el"])
@pytest.mark.parametrize("kind", ["practice", "meeting"])
def test_record_page_prints_cleanly_with_url_date_and_licence(desktop, server, lang, kind):
    path = LANGS[lang] + PAGE_TYPES[kind]
    desktop.goto(server + path)
    line = desktop.locator(".ph-print-only")
    assert not line.is_visible()  # on screen: not shown
    desktop.emulate_media(media="print")
    try:
        for hidden in (".ph-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".ph-search", ".ph-skip",
                       ".ph-footer__nav"):
            assert not desktop.locator(hidden).first.is_visible(), hidden
        assert desktop.locator("main h1").is_visible()
        assert line.is_visible()
        printed = line.inner_text()
        assert SITE_URL + path in printed  # the canonical URL
        assert re.search(r"\d{4}-\d{2}-\d{2}", printed)  # the date of this version
        licence = desktop.locator(".ph-footer__licence")
        assert licence.is_visible() and "CC BY 4.0" in licence.inner_text()
        # the content uses the page's width: no sidebars beside it
        width = desktop.evaluate("document.querySelector('main').getBoundingClientRect().width")
        assert width > 0.8 * desktop.viewport_size["width"]
    finally:
        desktop.emulate_media(media="screen")
