#!/usr/bin/env python3
"""Screenshot pages of a built site with Debian's Chromium (for checking the site by eye).

    python scripts/screenshot.py site out/ / el/meetings/breaking-isolation-04-serres/

Serves ``site`` on a free local port and writes one PNG per path into ``out/``.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.site import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium settings)


def main() -> int:
    site, out, *paths = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in paths or ["/"]:
            page.goto(base + path.lstrip("/"))
            name = (path.strip("/").replace("/", "_") or "home") + ".png"
            page.screenshot(path=str(Path(out) / name), full_page=True)
            print(Path(out) / name)
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
