"""Catalogues on a phone: the filters wait in a closed <details> (the list comes first) and
open when the URL sets one; the count stays outside, in a live region; table rows stack
with each cell labelled (data-label); the filters' controls are at least 44 px tall."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import LANGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("lang", ["en", "el"])
def test_filters_closed_on_a_phone_open_on_a_desktop(phone, desktop, server, lang):
    url = server + LANGS[lang] + "partners/"
    phone.goto(url)
    box = phone.locator("[data-ph-filters-box]")
    assert box.is_visible() and not box.evaluate("d => d.open")
    count = phone.locator("[data-ph-count]")
    assert count.is_visible() and count.get_attribute("role") == "status" and count.inner_text().strip()
    phone.locator("[data-ph-filters-box] > summary").click()
    selects = phone.locator("select[data-ph-filter]")
    assert selects.first.is_visible()
    heights = selects.evaluate_all("ss => ss.map(s => s.getBoundingClientRect().height)")
    assert min(heights) >= 44, heights
    summary_height = phone.locator("[data-ph-filters-box] > summary").evaluate("s => s.getBoundingClientRect().height")
    assert summary_height >= 44
    # a filter in the URL: open, so that the reader sees why the list is short
    phone.goto(url + "?country=GR")
    assert phone.locator("[data-ph-filters-box]").evaluate("d => d.open")
    desktop.goto(url)
    assert desktop.locator("[data-ph-filters-box]").evaluate("d => d.open")


def test_table_rows_stack_with_labelled_cells(phone, server):
    phone.goto(server + "el/meetings/")
    row = phone.locator("table.ph-table tbody tr").first
    cells = row.locator("td")
    assert cells.count() >= 3
    for i in range(1, cells.count()):
        cell = cells.nth(i)
        label = cell.get_attribute("data-label")
        assert label and label.strip()
        shown = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label in shown, (label, shown)
    # stacked: the cells sit one above the other
    tops = cells.evaluate_all("tds => tds.map(td => td.getBoundingClientRect().top)")
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
