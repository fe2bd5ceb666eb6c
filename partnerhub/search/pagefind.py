"""Run Pagefind over the built site (after all languages are built; one index per language).

Pagefind (``pagefind[bin]`` from PyPI, an offline binary) reads every HTML file of the site
once all languages are built, one run per language (:func:`index_bundle`), and writes
``<site>/pagefind/``: one index per ``<html lang>``
(Greek stemming and diacritic folding for ``el``) and pagefind.js, which the hub's search
dialog (``hooks/theme/assets/ph-search.js``) queries. Before it runs, pages in Greek (any
non-Latin script) get hidden search keys, so that Greeklish and vowel slips find them
(``partnerhub.search.folded``). Pages
are indexed from their ``data-pagefind-body`` element only: record pages, theme pages and
hand-written pages (see ``hooks/theme/partials/content.html``); home and catalogue pages,
which only repeat the records, are not, nor are the summaries repeated on cards.

A large hub also gets a **light index** in ``<site>/pagefind-light/``: titles, names (in
every script), facts (kind, country, host, themes…), headings and filters, without the
texts (summaries, practice sections, meeting reports, descriptions). A query downloads the index chunks that
hold its words, and in the full index of a hub of thousands of practices a common word's
chunk alone weighs hundreds of kilobytes; in the light one, tens. The search dialog then
starts light and offers the full text on request. ``pagefind/partnerhub.json`` tells it
which bundles there are, which languages have search keys and the tables to key a query
with (``partnerhub.text.folding_table``), and the order of the filters per language. The
light index is built from the record pages' bodies written aside during the build
(``partnerhub.search.light``: which hub gets one, and how), not from a second pass over
every page; a site built without them (a copy, a test) gets it from its pages
(``PARTNERHUB_SEARCH_LIGHT=always|never|auto``; benchmarks and tests use it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from partnerhub.search import light as light_source
from partnerhub.search.folded import fold_site
from partnerhub.search.policy import EXCLUDE_SELECTORS, LIGHT_ONLY_EXCLUDES
from partnerhub.text import folding_table

BUNDLE = "pagefind"
LIGHT_BUNDLE = "pagefind-light"
CONFIG_FILE = "partnerhub.json"
LIGHT_OUTPUT = "\n[partnerhub: the light index]\n"  # in a report's output, before the light pass's
# Pagefind's ready-made interfaces: the site uses its own (hooks/theme/assets/ph-search.js).
UNUSED_FILES = ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js",
                "pagefind-modular-ui.css", "pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message says why and what to do."""


@dataclass
class IndexReport:
    languages: dict  # language -> number of pages indexed
    seconds: float
    output: str
    index_bytes: dict = field(default_factory=dict)  # language -> bytes of its index chunks
    light: dict | None = None  # language -> bytes of its light index chunks, if built


def executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - an install problem
        raise SearchIndexError(
            "partnerhub: the search index needs Pagefind; install it with `pip install 'pagefind[bin]==1.5.2'`"
        ) from exc
    return get_executable()


def run_pagefind(root: Path, out: Path, excludes: list[str], glob: str | None = None) -> str:
    """One Pagefind run over ``root`` (its files matching ``glob``) into ``out``; its output."""
    command = [str(executable()), "--site", str(root), "--output-path", str(out.resolve())]
    if glob:
        command += ["--glob", glob]
    for selector in excludes:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"partnerhub: could not run Pagefind ({exc}); the site has no search index") from exc
    output = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0:
        raise SearchIndexError(
            f"partnerhub: Pagefind failed (exit code {result.returncode}) while indexing {root}; "
            f"the site has no search index. Pagefind said:\n{_tail(output)}")
    if not (out / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"partnerhub: Pagefind wrote no {out / 'pagefind-entry.json'}; the site has no "
                               f"search index:\n{_tail(output)}")
    return output


def _globs(root: Path, languages: list[str] | None) -> dict[str | None, str | None]:
    """The files of each language's run: a language folder (``<lang>/``) by its own glob,
    the default language's pages, at the root, by a glob of the root's other entries.
    ``{None: None}`` (one run over everything) when the site has no language folder."""
    folders = [lang for lang in (languages or []) if (root / lang).is_dir()]
    if not folders:
        return {None: None}
    others = sorted(_as_glob(entry.name, folders) for entry in root.iterdir()
                    if entry.is_dir() and entry.name not in folders and not entry.name.startswith("."))
    default = ",".join(["*.html", *(f"{name}/**/*.html" for name in others)])
    return {**{lang: f"{lang}/**/*.{{html}}" for lang in folders}, "": "{" + default + "}"}


# the characters with a meaning in Pagefind's globs (its ``wax`` crate), which has no escape
# for all of them: a folder name (a hand-written page's, from docs/) holding one is matched
# with ``?`` (any one character) in its place
_GLOB_SYNTAX = re.compile(r"[*?\[\]{}()<>!,:\\]")


def _as_glob(name: str, languages: list[str]) -> str:
    pattern = _GLOB_SYNTAX.sub("?", name)
    if pattern != name and any(re.fullmatch(re.escape(pattern).replace(r"\?", "."), lang) for lang in languages):
        raise SearchIndexError(f"partnerhub: the site's folder {name!r} cannot be told apart from the language "
                               "folders in the search index; rename it (in docs/) without * ? [ ] { } ( ) < > ! , : \\")
    return pattern


def index_bundle(root: Path, out: Path, excludes: list[str], languages: list[str] | None = None) -> tuple[dict, str]:
    """Run Pagefind over the pages under ``root`` into the bundle folder ``out`` (replaced);
    returns (pages per language, output).

    Each language is one run, the bundles merged (each language's files are its own, the
    scripts are the same): Pagefind holds one language's pages at a time. Measured at 5,000
    practices: the Greek run alone took 1.1 GB, one run over all three 1.9 GB (the build's
    peak went from 1.8 to 1.3 GB); its fragments are the same. Each run reads its files by a
    glob (:func:`_globs`): nothing under ``root`` is moved, so a site being served can be
    indexed too (``partnerhub serve``)."""
    root, out = Path(root), Path(out)
    if out.exists():  # Pagefind adds new hashed files next to old ones: start clean
        shutil.rmtree(out)
    globs = _globs(root, languages)
    if list(globs) == [None]:
        output = run_pagefind(root, out, excludes)
        return _page_counts(out), output
    parts, output = [], ""
    try:
        for lang, glob in globs.items():
            parts.append(out.parent / f".{out.name}-{lang or 'default'}")
            output += run_pagefind(root, parts[-1], excludes, glob=glob)
        _merge(parts, out)
    finally:
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
    return _page_counts(out), output


def _merge(parts: list[Path], out: Path) -> None:
    """One bundle of the per-language bundles ``parts``: their files together (the
    scripts are the same in each), their languages in one ``pagefind-entry.json``."""
    entry: dict = {}
    for part in parts:
        found = json.loads((part / "pagefind-entry.json").read_text("utf-8"))
        languages = {**entry.get("languages", {}), **found["languages"]}
        entry = {**found, **entry, "languages": languages}
        for path in sorted(part.rglob("*")):
            target = out / path.relative_to(part)
            if path.is_dir() or path.name == "pagefind-entry.json" or target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
    (out / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                             encoding="utf-8")


def _page_counts(out: Path) -> dict:
    languages = json.loads((out / "pagefind-entry.json").read_text("utf-8"))["languages"]
    return {lang: info.get("page_count", 0) for lang, info in languages.items()}


def _index_bytes(bundle_dir: Path) -> dict:
    sizes: dict[str, int] = {}
    for chunk in (bundle_dir / "index").glob("*.pf_index"):
        lang = chunk.name.split("_", 1)[0]
        sizes[lang] = sizes.get(lang, 0) + chunk.stat().st_size
    return sizes


def build_index(site_dir: Path, languages: list[str] | None = None, light: str | None = None,
                filter_order: dict | None = None) -> IndexReport:
    """Index ``site_dir`` into ``site_dir/pagefind`` (and ``pagefind-light`` for a large hub).

    ``light``: "auto" (default, or ``$PARTNERHUB_SEARCH_LIGHT``), "always" or "never".
    ``filter_order``: language -> filter names in the order the dialog shows them.
    Raises :class:`SearchIndexError` if Pagefind fails, or if one of ``languages`` (the
    hub's languages, when given) ends up with no page in the index.
    """
    site_dir = Path(site_dir)
    light = light or light_source.mode()
    if light not in ("auto", "always", "never"):
        raise SearchIndexError(f"partnerhub: PARTNERHUB_SEARCH_LIGHT is {light!r}: use auto, always or never")
    started = time.perf_counter()
    source = light_source.take_source(site_dir)  # the record bodies written during the build, if any
    try:
        return _build(site_dir, languages, light, source, started, filter_order)
    finally:
        if source is not None:
            shutil.rmtree(source, ignore_errors=True)


def _build(site_dir: Path, languages: list[str] | None, light: str, source: Path | None, started: float,
           filter_order: dict | None) -> IndexReport:
    if source is not None:  # the record bodies, folded when written; the other pages get their keys here
        fold_site(site_dir, written=source)  # search keys for Greeklish and vowel slips (search/folded.py)
        light_source.complete(source, site_dir)  # the site's other indexed pages, as they are
        folded = fold_site(source)  # only reads: every document has its keys already
    else:
        folded = fold_site(site_dir)
    # the build decided from its records (it wrote the bodies); a site without them, by its pages
    light_wanted = light != "never" and (source is not None or light == "always")
    root = source or site_dir
    index_light = partial(index_bundle, root, site_dir / LIGHT_BUNDLE, EXCLUDE_SELECTORS + LIGHT_ONLY_EXCLUDES,
                          languages)
    with ThreadPoolExecutor(max_workers=2 if light_wanted and (os.cpu_count() or 1) >= 2 else 1) as runs:
        # the light index beside the full one (two cores): it holds a third of the full
        # one's memory (the Greek runs at 5,000 practices: 0.3 GB against 0.9 GB)
        light_run = runs.submit(index_light) if light_wanted else None
        counts, output = index_bundle(root, site_dir / BUNDLE, EXCLUDE_SELECTORS, languages)
        if light_run is None and light != "never" and light_source.wanted(max(counts.values(), default=0), light):
            light_run = runs.submit(index_light)
        light_output = light_run.result()[1] if light_run is not None else None
    missing = [lang for lang in (languages or []) if not counts.get(lang)]
    if missing:
        raise SearchIndexError(
            "partnerhub: the search index has no page in " + ", ".join(missing)
            + f" (indexed: {counts or 'nothing'}). Check that those pages have <html lang> set and a "
              "data-pagefind-body element.")
    sizes = _index_bytes(site_dir / BUNDLE)
    light_sizes = None
    if light_output is None:
        shutil.rmtree(site_dir / LIGHT_BUNDLE, ignore_errors=True)  # a previous build's
    else:
        output += LIGHT_OUTPUT + light_output
        light_sizes = _index_bytes(site_dir / LIGHT_BUNDLE)
    for bundle in (BUNDLE, LIGHT_BUNDLE):  # the dialog is the hub's own (hooks/theme/assets/ph-search.js)
        for unused in UNUSED_FILES:
            (site_dir / bundle / unused).unlink(missing_ok=True)
    config = {"light": f"../{LIGHT_BUNDLE}/" if light_sizes else None,
              "index_bytes": sizes, "light_index_bytes": light_sizes,
              "folded": folded, "folding": folding_table(), "filter_order": filter_order or {}}
    # compact, letters as UTF-8: the dialog downloads it with its first query
    (site_dir / BUNDLE / CONFIG_FILE).write_text(json.dumps(config, ensure_ascii=False, separators=(",", ":")) + "\n",
                                                 encoding="utf-8")
    return IndexReport(counts, time.perf_counter() - started, output, sizes, light_sizes)


def _tail(text: str, lines: int = 30) -> str:
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[-lines:]) or "(no output)"


def indexed_words(output: str) -> int | None:
    """The number of words Pagefind reports having indexed in the full index (all its
    languages' runs, not the light pass), from its output."""
    found = re.findall(r"Indexed (\d+) words", output.split(LIGHT_OUTPUT, 1)[0])
    return sum(int(count) for count in found) if found else None
