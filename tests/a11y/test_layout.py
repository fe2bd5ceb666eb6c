"""Phones first: no horizontal scrolling at 320 px on any page type, and tap targets of at
least 44 px for the header's controls, buttons, selects and the menu's links on a phone."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import LANGS, every_page, page_types

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TAP = 44

WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && e.checkVisibility())
  .slice(0, 8).map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") || ""}"> right=${Math.round(e.getBoundingClientRect().right)}`)"""

SMALL_TARGETS = """(minimum) => {
  const drawerOpen = document.querySelector("[data-ph-menu][aria-expanded='true']");
  const selector = "header a, header button, main button, main select, main summary, footer a"
    + (drawerOpen ? ", [data-md-type='navigation'] a, [data-md-type='navigation'] label[tabindex]" : "");
  return [...document.querySelectorAll(selector)]
    .filter(e => e.checkVisibility({visibilityProperty: true}) && !e.closest("p, li > p, td, dd, [data-pagefind-body] li"))
    .map(e => ({e, r: e.getBoundingClientRect()}))
    .filter(({r}) => r.width > 0 && (r.height < minimum - 0.5 || r.width < minimum - 0.5))
    .map(({e, r}) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") || ""}"> "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
}"""


@pytest.fixture(scope="module")
def narrow_context(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.mark.parametrize("lang,path", every_page())
def test_no_horizontal_scrolling_at_320_px(narrow_context, server, lang, path):
    page = narrow_context.new_page()
    page.goto(server + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    widest = page.evaluate(WIDEST) if width > 320 else []
    page.close()
    assert width <= 320, f"{path} is {width} px wide at 320 px: {widest}"


@pytest.mark.parametrize("lang,path", page_types("en") + [pytest.param("el", "el/", id="el-home")])
def test_tap_targets_on_a_phone(phone, server, lang, path):
    phone.goto(server + path)
    small = phone.evaluate(SMALL_TARGETS, TAP)
    assert not small, f"{len(small)} tap target(s) under {TAP} px on {path}: {small[:15]}"


@pytest.mark.parametrize("lang", LANGS)
def test_tap_targets_in_the_open_menu(phone, server, lang):
    phone.goto(server + LANGS[lang] + "practices/")
    phone.locator("[data-ph-menu]").click()
    phone.wait_for_timeout(400)
    small = phone.evaluate(SMALL_TARGETS, TAP)
    assert not small, f"{len(small)} tap target(s) under {TAP} px in the open menu: {small[:15]}"
