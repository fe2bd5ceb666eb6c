"""The theme's files (scripts, styles, icons) once for the whole site, and only those used.

Each language's pass of a generator copies the theme's files into its own folder
(``el/assets/``, ``fr/assets/``…): the same bytes three times. Instead, the pages of the
other languages point one folder up, at the default language's ``assets/`` (the site's
root), and their own copies are removed: :func:`shared` rewrites a page's links to the
theme's files, :func:`drop_copy` removes a language's copy once its pages are written.

:func:`prune` removes the files of Material for MkDocs that no page uses: its search
(the Lunr scripts and languages, the search worker: this site searches with Pagefind),
the source maps (read only by a browser's developer tools), the colour palette's styles
(no palette) and the PNG icon (the SVG one is linked).

:func:`narrow_alternates` keeps Material's script from asking for a ``sitemap.xml`` beside
each feed: for its own language and version selectors, the script fetches ``sitemap.xml``
in the folder of every ``<link rel="alternate">`` on each page load. This site's only such
links are its Atom feeds (its language switcher is its own), so each page asked for
``feeds/sitemap.xml``, a 404. The script's selector is narrowed to the language alternates
it is meant for (``[hreflang]``); the feed links stay as feed readers expect them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

FOLDER = "assets"
# Material's files that no page of this site loads (relative to assets/; globs)
UNUSED = ("javascripts/lunr", "javascripts/workers", "stylesheets/palette.*.css", "images/favicon.png", "**/*.map")
# Material's selector of the links whose folders it fetches sitemap.xml from, and ours
MATERIAL_ALTERNATES = '"link[rel=alternate]"'
LANGUAGE_ALTERNATES = '"link[rel=alternate][hreflang]"'
_RELATIVE = re.compile(r'(\s(?:src|href)=")((?:\.\./)*)' + FOLDER + "/")


def shared(html: str, lang: str, base_path: str = "/") -> str:
    """``html`` of a page of the language folder ``lang``, its links to the theme's files
    pointing at the site root's ``assets/`` (relative links one folder up; absolute ones,
    as on a 404 page, without the language's folder)."""
    html = _RELATIVE.sub(lambda m: f"{m.group(1)}{m.group(2)}../{FOLDER}/", html)
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return html.replace(f'="{base_path}{lang}/{FOLDER}/', f'="{base_path}{FOLDER}/')


def drop_copy(language_dir: Path) -> None:
    """Remove a language folder's own copy of the theme's files."""
    shutil.rmtree(Path(language_dir) / FOLDER, ignore_errors=True)


def prune(site_dir: Path) -> list[Path]:
    """Remove the theme's unused files from ``site_dir/assets``; returns what went."""
    assets = Path(site_dir) / FOLDER
    removed = []
    for pattern in UNUSED:
        for path in sorted(assets.glob(pattern)):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def narrow_alternates(site_dir: Path) -> int:
    """Narrow the selector in Material's script (``assets/javascripts/bundle.*.min.js``) to
    language alternates; returns how many selectors were narrowed (0: nothing to do, e.g.
    a Material version without it: the browser test of requests says whether one is needed)."""
    narrowed = 0
    for bundle in sorted((Path(site_dir) / FOLDER / "javascripts").glob("bundle.*.min.js")):
        script = bundle.read_text(encoding="utf-8")
        found = script.count(MATERIAL_ALTERNATES)
        if found:
            bundle.write_text(script.replace(MATERIAL_ALTERNATES, LANGUAGE_ALTERNATES), encoding="utf-8")
            narrowed += found
    return narrowed
