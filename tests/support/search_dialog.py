"""Driving the hub's search dialog (hooks/theme/assets/ph-search.js) in the browser tests."""

from __future__ import annotations

import re

STATUS = "[data-ph-search-status]"


def narrow_by_filter(page, total: int, group: str, option: str) -> None:
    """Open the dialog's filters, pick ``option`` in ``group`` and wait until the count of
    results announced drops below ``total``."""
    page.locator("[data-ph-search-filters] > summary").click()
    page.locator(".ph-search__filter > summary").filter(has_text=re.compile(f"^{re.escape(group)}$")).click()
    page.locator(".ph-search__option label", has_text=option).first.click()
    page.wait_for_function(
        "t => { const m = document.querySelector('" + STATUS + "'); const n = m && m.textContent.match(/\\d+/);"
        " return n && +n[0] < t; }", arg=total)
