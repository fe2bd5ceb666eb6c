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


COMPONENTS = """() => {
  const style = (selector, property) => { const e = document.querySelector(selector); return e && getComputedStyle(e)[property]; };
  return {counts: style("ul.ph-counts", "display"), cards: style("ul.ph-cards", "display"),
          inline: style("ul.ph-inline-list", "display"), th: style("table.ph-table th", "borderBottomWidth"),
          row: style("table.ph-table tbody tr", "display"),
          label: (document.querySelector("table.ph-table td") || {dataset: {}}).dataset.label || null};
}"""


@pytest.mark.parametrize("lang", ["en", "el"])
def test_the_hubs_grids_and_tables_survive_materials_css(browser, server, lang):
    """Material's ".md-typeset ul:not([hidden])" beat the hub's grid classes, and it styles
    only "table:not([class])": the hub's counts, cards and lists are grids and rows, its tables
    have rules, and on a phone each table row is a block with its column names."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + LANGS[lang])
    home = page.evaluate(COMPONENTS)
    assert home["counts"] == "grid" and home["cards"] == "grid", home
    page.goto(server + LANGS[lang] + "networks/breaking-isolation/")
    record = page.evaluate(COMPONENTS)
    assert record["th"] == "2px" and record["row"] == "table-row", record
    page.goto(server + LANGS[lang] + "meetings/breaking-isolation-04-serres/")
    assert page.evaluate(COMPONENTS)["inline"] == "flex"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + LANGS[lang] + "networks/breaking-isolation/")
    stacked = page.evaluate(COMPONENTS)
    assert stacked["row"] == "block" and stacked["label"], stacked
    context.close()
