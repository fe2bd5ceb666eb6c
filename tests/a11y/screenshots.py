#!/usr/bin/env python3
"""The screenshot set of a built site, for looking at the design by eye (headless Chromium).

    .venv/bin/python -m tests.a11y.screenshots SITE_DIR [OUT_DIR] [PATH ...]

Defaults: OUT_DIR tests/a11y/screenshots (ignored by git); paths: every page type of
tests/a11y/conftest.py (PAGE_TYPES) in English and Greek. Per path and width (desktop
1280 px, phone 390 px): the first screen (NAME-WIDTH-top.png) and the whole page
(NAME-WIDTH.png). Then, at both widths: the search dialog with a Greek and a Greeklish query
(search-greek-WIDTH.png, search-greeklish-WIDTH.png), the maps of partners and meetings
(map-partners-WIDTH.png, map-meetings-WIDTH.png), and on the phone the open menu
(menu-phone-top.png) and a meeting page as printed (print-meeting.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.a11y.conftest import PAGE_TYPES
from tests.support.site import CHROMIUM, CHROMIUM_ARGS, serve

DEFAULT_PATHS = [prefix + path for prefix in ("", "el/") for path in PAGE_TYPES.values()]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
QUERIES = {"greek": "κοινωνικό παντοπωλείο", "greeklish": "koinoniko pantopoleio"}


def _name(path: str) -> str:
    return path.strip("/").replace("/", "_").replace(".html", "") or "home"


def _search(page, base: str, query: str, path: str) -> None:
    page.goto(base + "el/")
    page.locator("[data-ph-search-open]").click()
    page.locator("[data-ph-search-input]").fill(query)
    page.wait_for_function("q => document.querySelector('[data-ph-search-status]').dataset.query === q", arg=query)
    page.locator(".ph-search__result").first.wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=path)


def main(argv: list[str]) -> int:
    site = argv[0]
    out = Path(argv[1] if len(argv) > 1 else Path(__file__).parent / "screenshots")
    paths = argv[2:] or DEFAULT_PATHS
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1,
                                    is_mobile=label == "phone", has_touch=label == "phone")
            for path in paths:
                page.goto(base + path.lstrip("/"))
                name = f"{_name(path)}-{label}"
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                page.screenshot(path=str(out / f"{name}-top.png"))
                print(out / f"{name}.png")
            for which, query in QUERIES.items():
                _search(page, base, query, str(out / f"search-{which}-{label}.png"))
            for which in ("partners", "meetings"):
                page.goto(base + which + "/")
                page.locator(".ph-map__figure").screenshot(path=str(out / f"map-{which}-{label}.png"))
            if label == "phone":
                page.goto(base + "el/practices/")
                page.locator("[data-ph-menu]").click()
                page.wait_for_timeout(500)
                page.screenshot(path=str(out / "menu-phone-top.png"))
                page.goto(base + "meetings/breaking-isolation-04-serres/")
                page.emulate_media(media="print")
                page.screenshot(path=str(out / "print-meeting.png"), full_page=True)
                page.emulate_media(media="screen")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
