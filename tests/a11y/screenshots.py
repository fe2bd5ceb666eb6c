#!/usr/bin/env python3
"""Screenshots of a built site at 1280 px and 390 px, for looking at the design by eye.

    .venv/bin/python -m tests.a11y.screenshots SITE_DIR [OUT_DIR] [PATH ...]

Defaults: OUT_DIR tests/a11y/screenshots (ignored by git); paths: home, a catalogue and
record pages in English and Greek. Per path and width: the whole page (NAME-WIDTH.png) and
the first screen (NAME-WIDTH-top.png); on the phone also the open menu and the search
dialog with a Greek query (menu-phone-top.png, search-phone-top.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support.site import CHROMIUM, CHROMIUM_ARGS, serve

DEFAULT_PATHS = ["", "practices/", "meetings/breaking-isolation-04-serres/", "networks/breaking-isolation/",
                 "el/", "el/practices/", "el/meetings/breaking-isolation-04-serres/", "el/networks/breaking-isolation/"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main(argv: list[str]) -> int:
    site = argv[0]
    out = Path(argv[1] if len(argv) > 1 else Path(__file__).parent / "screenshots")
    paths = argv[2:] or DEFAULT_PATHS
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for path in paths:
                page.goto(base + path.lstrip("/"))
                name = f"{(path.strip('/').replace('/', '_') or 'home')}-{label}.png"
                page.screenshot(path=str(out / name), full_page=True)
                page.screenshot(path=str(out / name.replace(".png", "-top.png")))
                print(out / name)
            if label == "phone":
                page.goto(base + "el/practices/")
                page.locator("[data-ph-menu]").click()
                page.wait_for_timeout(500)
                page.screenshot(path=str(out / "menu-phone-top.png"))
                page.goto(base + "el/practices/")
                page.locator("[data-ph-search-open]").click()
                page.locator("[data-ph-search-input]").fill("κοινωνικο παντοπωλειο")
                page.locator(".ph-search__result").first.wait_for()
                page.wait_for_timeout(500)
                page.screenshot(path=str(out / "search-phone-top.png"))
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
