"""Where each page lives, and links between pages (always relative, so the site works
under any base path, e.g. a GitHub Pages project site)."""

from __future__ import annotations

import posixpath

from partnerhub.registry import FOLDERS

CATALOGUES = FOLDERS + ("themes",)


def record_url(kind: str, record_id: str) -> str:
    """``("meetings", "x")`` -> ``meetings/x/`` (relative to a language's root)."""
    return f"{kind}/{record_id}/"


def source_path(url: str) -> str:
    """The Markdown file name a generator uses for ``url``: ``meetings/x/`` -> ``meetings/x.md``."""
    if url in ("", "/"):
        return "index.md"
    url = url.strip("/")
    return f"{url}/index.md" if url in CATALOGUES else f"{url}.md"


def language_root(lang: str, default_lang: str) -> str:
    """The folder of a language under the site root: ``""`` for the default, ``el/``…"""
    return "" if lang == default_lang else f"{lang}/"


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for absolute paths without ``.``/``..`` segments
    (every URL the site makes), without its normalisation: it runs for every link."""
    if "/." in path or "/." in start:
        return posixpath.relpath(path, start)
    target = [part for part in path.split("/") if part]
    base = [part for part in start.split("/") if part]
    common, most = 0, min(len(target), len(base))
    while common < most and target[common] == base[common]:
        common += 1
    parts = [".."] * (len(base) - common) + target[common:]
    return "/".join(parts) if parts else "."


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both relative to one root)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = _relpath("/" + to_url, "/" + base) if to_url else _relpath("/", "/" + base)
    if target == ".":
        return "./"
    if (not to_url or to_url.endswith("/")) and not target.endswith("/"):
        target += "/"
    return target
