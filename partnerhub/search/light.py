"""The search indexes' source: the records' own page bodies (and the light index's rule).

A large hub gets a light index (``pagefind-light/``: titles, names, facts, headings and
filters, no long texts; see ``partnerhub.search.pagefind``). Pagefind indexes a page from its
``data-pagefind-body`` element only, and a record page's body is the article the package
renders (``Page.html``). So, while the record pages are written, each one's article is also
written as a small document (``<html lang>`` and the article, no theme around it) into
:data:`SOURCE_DIR` inside the staging folder; the light pass then reads those documents
(and the few hand-written pages) instead of every page of the site a second time. The
index it makes is the same as from the full pages: the same pages, texts, filters and
metadata. When they are there, the full index is built from them too (the record pages'
bodies plus the site's other indexed pages, copied as they are): Pagefind then parses a
sixth of the HTML (a record page is mostly its theme), and its index holds the same
fragments. A hub too small for a light index writes no bodies: at 1,000 practices writing
and removing them cost as much as they saved Pagefind.

Whether a hub gets the light index is decided from the records, before anything is built:
when one language has at least :data:`LIGHT_MIN_PAGES` record pages. Measured: a full
index takes 475-760 bytes per page and language (synthetic hub, demo), so this is where
one language's full index passes about 1 MB, the size from which a common word's chunk
alone weighs hundreds of kilobytes; the synthetic hub of 1,000 practices (1,357 pages per
language) stays below it, that of 5,000 above. ``PARTNERHUB_SEARCH_LIGHT=always|never|auto``
overrides it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from partnerhub.search.policy import BODY

SOURCE_DIR = ".partnerhub-search-light"  # inside the staging folder, moved out before indexing
LIGHT_MIN_PAGES = 2000
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def mode() -> str:
    return os.environ.get("PARTNERHUB_SEARCH_LIGHT", "auto")


def wanted(pages_per_language: int, light: str | None = None) -> bool:
    """The rule: a light index when one language has this many indexed pages or more."""
    light = light or mode()
    return light == "always" or (light == "auto" and pages_per_language >= LIGHT_MIN_PAGES)


def source_dir(site_root: Path) -> Path:
    return Path(site_root) / SOURCE_DIR


def html_tag(page_html: str) -> str:
    """The ``<html …>`` opening tag of a page (its ``lang`` and ``dir``)."""
    found = _HTML_TAG.search(page_html)
    return found.group(0) if found else "<html>"


def write_document(folder: Path, url: str, opening: str, body: str) -> None:
    """The light index's document of the page at ``url`` of a language's ``folder``."""
    path = folder / url / "index.html" if url else folder / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html>{opening}<head><meta charset="utf-8"></head><body>{body}</body></html>',
                    encoding="utf-8")


def take_source(site_dir: Path) -> Path | None:
    """Move the documents written during the build out of the site (so that the full pass
    does not see them); returns where they are now, or None if there are none."""
    source = source_dir(site_dir)
    if not source.is_dir():
        return None
    outside = site_dir.parent / f".{site_dir.name}{SOURCE_DIR}-{os.getpid()}"
    if outside.exists():
        shutil.rmtree(outside)
    source.rename(outside)
    return outside


def complete(mirror: Path, site_dir: Path) -> None:
    """Add to ``mirror`` the site's other indexed pages (hand-written pages: a few per
    language), as they are; record pages are there already."""
    for folder, dirs, files in os.walk(site_dir):
        here = Path(folder)
        for name in files:
            if not name.endswith(".html"):
                continue
            relative = (here / name).relative_to(site_dir)
            target = mirror / relative
            if target.exists():
                continue
            text = (here / name).read_text(encoding="utf-8", errors="replace")
            if BODY in text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
