"""Run Pagefind over the built site (all languages at once, one index per language).

Pagefind (``pagefind[bin]`` from PyPI, an offline binary) reads every HTML file of the site
once all languages are built, and writes ``<site>/pagefind/``: one index per ``<html lang>``
(Greek stemming and diacritic folding for ``el``), the search UI's scripts and styles. Pages
are indexed from their ``data-pagefind-body`` element only: record pages, theme pages and
hand-written pages (see ``hooks/theme/partials/content.html``); home and catalogue pages,
which only repeat the records, are not.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
# Left out of the index even though they carry a data-pagefind-body: the home page repeats
# the records' summaries, so it would come first for too many queries.
EXCLUDE_SELECTORS = [".ph-home", ".ph-card > p", ".ph-card > div"]


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message says why and what to do."""


@dataclass
class IndexReport:
    languages: dict  # language -> number of pages indexed
    seconds: float
    output: str


def executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - an install problem
        raise SearchIndexError(
            "partnerhub: the search index needs Pagefind; install it with `pip install 'pagefind[bin]==1.5.2'`"
        ) from exc
    return get_executable()


def build_index(site_dir: Path, languages: list[str] | None = None) -> IndexReport:
    """Index ``site_dir`` into ``site_dir/pagefind``.

    Raises :class:`SearchIndexError` if Pagefind fails, or if one of ``languages`` (the
    hub's languages, when given) ends up with no page in the index.
    """
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"partnerhub: could not run Pagefind ({exc}); the site has no search index") from exc
    seconds = time.perf_counter() - started
    output = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0:
        raise SearchIndexError(
            f"partnerhub: Pagefind failed (exit code {result.returncode}) while indexing {site_dir}; "
            f"the site has no search index. Pagefind said:\n{_tail(output)}")
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        raise SearchIndexError(f"partnerhub: Pagefind wrote no {entry}; the site has no search index:\n{_tail(output)}")
    counts = {lang: info.get("page_count", 0) for lang, info in json.loads(entry.read_text("utf-8"))["languages"].items()}
    missing = [lang for lang in (languages or []) if not counts.get(lang)]
    if missing:
        raise SearchIndexError(
            "partnerhub: the search index has no page in " + ", ".join(missing)
            + f" (indexed: {counts or 'nothing'}). Check that those pages have <html lang> set and a "
              "data-pagefind-body element.")
    return IndexReport(counts, seconds, output)


def _tail(text: str, lines: int = 30) -> str:
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[-lines:]) or "(no output)"


def indexed_words(output: str) -> int | None:
    """The number of words Pagefind reports having indexed, from its output."""
    found = re.search(r"Indexed (\d+) words", output)
    return int(found.group(1)) if found else None
