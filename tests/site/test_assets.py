"""The theme's files are in the site once (the root's assets/, used by every language) and
only those a page uses (partnerhub/render/assets.py): every local script, style and icon a
page links to exists, and none of Material's unused files (Lunr, search worker, source
maps, palette) is published."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from partnerhub.render.assets import shared

LINK = re.compile(r'\s(?:src|href)="([^"#?]+)')


def test_one_copy_of_the_theme_files(site):
    assert (site / "assets" / "javascripts").is_dir()
    assert not (site / "el" / "assets").exists() and not (site / "fr" / "assets").exists()
    published = {p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file()}
    assert not [name for name in published if "/lunr/" in name or "/workers/" in name or name.endswith(".map")
                or "palette" in name or name.endswith("favicon.png")]


def test_every_linked_theme_file_exists(site):
    checked = 0
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        url = "/" + path.relative_to(site).as_posix()
        for target in LINK.findall(path.read_text(encoding="utf-8")):
            if urlsplit(target).scheme or "assets/" not in target:
                continue
            resolved = urlsplit(urljoin(url, target)).path.lstrip("/")
            assert (site / resolved).is_file(), f"{url} links to {target}"
            checked += 1
    assert checked > 1000


def test_shared_rewrites_only_theme_links():
    page = ('<link rel="icon" href="../../assets/favicon.svg"><script src="assets/x.js"></script>'
            '<a href="../../media/assets/x.jpg">x</a><code>src="assets/y"</code>'
            '<link href="/hub/el/assets/a.css"><link href="/hub/el/about/">')
    assert shared(page, "el", "/hub/") == (
        '<link rel="icon" href="../../../assets/favicon.svg"><script src="../assets/x.js"></script>'
        '<a href="../../media/assets/x.jpg">x</a><code>src="assets/y"</code>'
        '<link href="/hub/assets/a.css"><link href="/hub/el/about/">')
