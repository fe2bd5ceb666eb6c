#!/usr/bin/env python3
"""Measure the search: what a browser downloads for its first query, and the index build time.

    python scripts/measure_search.py                 # the demo hub and a synthetic hub of 5,000 practices
    python scripts/measure_search.py --practices 0   # the demo hub only
    python scripts/measure_search.py --practices 1000 5000 --query "κοινωνικη απομονωση"

For each hub it builds the site (`mkdocs build`, all languages), then times Pagefind alone
on the built site (``partnerhub.search.pagefind.build_index``), serves the site on
127.0.0.1 and, in Debian's Chromium (Playwright), loads the Greek home page, opens the
search dialog, types the query and waits for the results. It sums the responses under
/pagefind/, split into:

* core: pagefind.js, its worker, pagefind-entry.json, the language's .pf_meta, the wasm,
  the index chunks, filter chunks and result fragments (what Pagefind itself needs);
* ui: partnerhub.json (the dialog's settings and folding tables; the dialog's own script is
  a theme asset, not counted). Where the index has search keys (Greek), a query is searched
  as typed and as its key (in the light index as its key alone when the query has no Latin
  letters or digits): every search's chunks are counted.

The synthetic hubs come from ``scripts/synthetic_hub.py:make_hub``. Its text draws every word
from a list of about twenty per language, so each word is on every page dozens of times: a
worst case for an index (a query's words have postings on all pages). By default the text is
made of the demo records' own sentences picked at random (``--text sentences``): real words
in real company. ``--text words`` draws the demo's words one by one with their frequencies
(every frequent word on every page), ``--text uniform`` keeps the generator's own words.

It reports the bytes as sent by this plain local server (Pagefind's index files are
already gzip-compressed; its JS and CSS are not) and with gzip for the JS and CSS, as any
static host would serve them. The target is at most 300 KB for the first query at 5,000
practices.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from tests.support.site import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium settings)

TARGET_BYTES = 300 * 1024

import synthetic_hub  # noqa: E402

_UNIFORM_TEXT = synthetic_hub._text


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build(project: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://hub.example.org/"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def kind_of(name: str) -> str:
    if name.startswith("pagefind-ui.") or name == "partnerhub.json":
        return "ui"
    if name.endswith(".pf_fragment"):
        return "fragments"
    if name.endswith(".pf_index"):
        return "index chunks"
    if name.endswith(".pf_filter"):
        return "filter chunks"
    if name.startswith("wasm."):
        return "wasm"
    if name.endswith(".pf_meta") or name.startswith("pagefind-entry"):
        return "entry + meta"
    return "pagefind.js + worker"


def first_queries(site: Path, lang_prefix: str, queries: list[str]) -> list[dict]:
    measured = [first_query(site, lang_prefix, q) for q in queries]
    if (site / "pagefind-light").is_dir():  # a large hub: the dialog starts light; the full text on request
        measured += [first_query(site, lang_prefix, q, full_text=True) for q in queries]
    return measured


def first_query(site: Path, lang_prefix: str, query: str, full_text: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    sizes: dict[str, list[tuple[str, int, int]]] = {}
    other_hosts: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()

            def on_response(response) -> None:
                url = response.url
                if not url.startswith(base):
                    other_hosts.append(url)
                    return
                path = url[len(base):].split("?")[0]
                if not path.startswith(("pagefind/", "pagefind-light/")):
                    return
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - a response without body (redirect)
                    return
                name = path.rsplit("/", 1)[-1]
                compressible = name.endswith((".js", ".css", ".json"))
                sent_gzip = len(gzip.compress(body, 6)) if compressible else len(body)
                sizes.setdefault(kind_of(name), []).append((name, len(body), sent_gzip))

            page.on("response", on_response)
            page.goto(base + lang_prefix)
            page.wait_for_load_state("networkidle")
            started = time.perf_counter()
            page.locator("[data-ph-search-open]").click()
            page.locator("[data-ph-search-input]").wait_for()
            if full_text:
                page.locator("[data-ph-search-full]").check()
                page.wait_for_timeout(200)
                page.locator("[data-ph-search-input]").wait_for()
            page.locator("[data-ph-search-input]").click()
            page.keyboard.type(query)
            page.wait_for_function("q => document.querySelector('[data-ph-search-status]').dataset.query === q",
                                   arg=query, timeout=30000)
            page.locator(".ph-search__result").first.wait_for(timeout=30000)
            page.wait_for_load_state("networkidle")
            seconds = time.perf_counter() - started
            results = page.locator("[data-ph-search-status]").inner_text()
            browser.close()
    finally:
        server.shutdown()
    mode = "full text" if full_text else ("light index" if (site / "pagefind-light").is_dir() else "full index")
    return {"query": query, "mode": mode, "sizes": sizes, "seconds": seconds, "message": results, "other_hosts": other_hosts}


def report(label: str, site: Path, build_s: float | None, index: dict, measured_all: list[dict]) -> None:
    print(f"\n== {label}")
    if build_s is not None:
        print(f"site build (all languages, index included): {build_s:.1f} s")
    if index is None:
        for measured in measured_all:
            report_query(measured)
        return
    print(f"index build (Pagefind alone, all languages): {index['seconds']:.2f} s; pages per language: "
          f"{index['languages']}; words: {index['words']}; bundle on disk: {index['bundle_bytes'] / 1024:,.0f} KB")
    print("index chunks per language, full: " + ", ".join(f"{k} {v / 1024:,.0f} KB" for k, v in sorted(index["index_bytes"].items()))
          + ("; light: " + ", ".join(f"{k} {v / 1024:,.0f} KB" for k, v in sorted(index["light"].items()))
             if index["light"] else "; no light index (small hub)"))
    for measured in measured_all:
        report_query(measured)


def report_query(measured: dict) -> None:
    sizes = measured["sizes"]
    print(f"first query {measured['query']!r} ({measured['mode']}): {measured['message']!r} "
          f"in {measured['seconds']:.2f} s")
    print(f"  {'part':24} {'files':>5} {'as served here':>15} {'gzip JS/CSS':>12}")
    totals = {"core": [0, 0], "ui": [0, 0]}
    for kind in sorted(sizes):
        files = sizes[kind]
        raw, packed = sum(f[1] for f in files), sum(f[2] for f in files)
        print(f"  {kind:24} {len(files):5} {raw / 1024:13,.1f} KB {packed / 1024:9,.1f} KB")
        bucket = totals["ui" if kind == "ui" else "core"]
        bucket[0] += raw
        bucket[1] += packed
    core, ui = totals["core"], totals["ui"]
    filters = [sum(f[1] for f in sizes.get("filter chunks", [])), sum(f[2] for f in sizes.get("filter chunks", []))]
    print(f"  {'core without filters':24} {'':5} {(core[0] - filters[0]) / 1024:13,.1f} KB "
          f"{(core[1] - filters[1]) / 1024:9,.1f} KB  (pagefind.js, entry, wasm, index chunks, fragments)")
    print(f"  {'core (Pagefind)':24} {'':5} {core[0] / 1024:13,.1f} KB {core[1] / 1024:9,.1f} KB")
    print(f"  {'core + UI':24} {'':5} {(core[0] + ui[0]) / 1024:13,.1f} KB {(core[1] + ui[1]) / 1024:9,.1f} KB")
    verdict = "within" if core[1] + ui[1] <= TARGET_BYTES else ("core within" if core[1] <= TARGET_BYTES else "over")
    print(f"  target {TARGET_BYTES // 1024} KB: {verdict}")
    if measured["other_hosts"]:
        print(f"  requests to other hosts: {sorted(set(measured['other_hosts']))}")


@functools.lru_cache(maxsize=None)
def demo_texts() -> dict[str, list[str]]:
    """Per language: every text of the demo records (the model's language-keyed fields)."""
    from partnerhub.hub import load_hub
    from partnerhub.model.fields import Translatable
    from partnerhub.model.walk import walk

    out: dict[str, list[str]] = {}
    for entries in load_hub(ROOT).records.values():
        for entry in entries.values():
            for _path, marker, value in walk(entry.record):
                if isinstance(marker, Translatable):
                    for lang, text in value.items():
                        out.setdefault(lang, []).append(text)
    return out


@functools.lru_cache(maxsize=None)
def demo_vocabulary() -> dict[str, tuple[list[str], list[int]]]:
    """Per language: the words of the demo records' text and how often each occurs."""
    import re
    from collections import Counter

    counters = {lang: Counter(w.lower() for text in texts for w in re.findall(r"[^\W\d_]{2,}", text))
                for lang, texts in demo_texts().items()}
    return {lang: (list(c), list(c.values())) for lang, c in counters.items() if c}


def use_demo_text() -> None:
    """Make synthetic_hub draw its words from the demo's vocabulary, with real frequencies."""
    import synthetic_hub

    vocabulary = demo_vocabulary()

    def text(rng, lang: str, words: int) -> str:
        chosen = rng.choices(*vocabulary[lang], k=words)
        return " ".join(chosen).capitalize() + "."

    synthetic_hub._text = text


@functools.lru_cache(maxsize=None)
def demo_sentences() -> dict[str, list[str]]:
    """Per language: the sentences of the demo records' text."""
    import re

    out: dict[str, list[str]] = {}
    for lang, texts in demo_texts().items():
        for text in texts:
            plain = re.sub(r"[#*_>`\[\]()]", " ", text)
            out.setdefault(lang, []).extend(
                s.strip() for s in re.split(r"(?<=[.;·!?])\s+|\n+", plain) if len(s.split()) >= 4)
    return {lang: sentences for lang, sentences in out.items() if sentences}


def use_demo_sentences() -> None:
    """Make synthetic_hub write the demo's own sentences, picked at random: real words in
    real proportions and real company (a page about social groceries says "παντοπωλείο"
    several times, most pages never do)."""
    import synthetic_hub

    import re

    sentences = demo_sentences()

    def text(rng, lang: str, words: int) -> str:
        chosen, count = [], 0
        while count < words:
            sentence = rng.choice(sentences[lang])
            chosen.append(sentence)
            count += len(sentence.split())
        # the generator writes plain YAML scalars: keep out what YAML would read as syntax
        return re.sub(r"\s+", " ", re.sub(r"[:#\"'\[\]{}|>&*!%@`,-]", " ", " ".join(chosen))).strip()

    synthetic_hub._text = text


def measure(label: str, project: Path | None, site: Path, queries: list[str], lang_prefix: str) -> None:
    from partnerhub.search.pagefind import build_index, indexed_words

    build_s = build(project, site) if project is not None else None
    result = build_index(site)  # again, alone, to time it
    bundle_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    index = {"seconds": result.seconds, "languages": result.languages, "words": indexed_words(result.output),
             "bundle_bytes": bundle_bytes, "index_bytes": result.index_bytes, "light": result.light}
    report(label, site, build_s, index, first_queries(site, lang_prefix, queries))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, nargs="*", default=[5000],
                        help="sizes of synthetic hubs to measure (0 or none: the demo only)")
    parser.add_argument("--query", nargs="*", default=["κοινωνικη απομονωση", "εθελοντες", "παντοπωλειο"],
                        help="the queries typed (each from a cold cache)")
    parser.add_argument("--site", help="measure this already built site only (no build)")
    parser.add_argument("--no-reindex", action="store_true", help="with --site: keep its search index as it is")
    parser.add_argument("--lang", default="el", help="the language whose home page searches")
    parser.add_argument("--keep", help="keep the built sites under this folder")
    parser.add_argument("--text", choices=["sentences", "words", "uniform"], nargs="*", default=["sentences"],
                        help="synthetic text: the demo's sentences picked at random (default), the demo's words "
                             "picked at random with their frequencies, or the generator's own twenty words")
    args = parser.parse_args(argv)
    prefix = "" if args.lang == "en" else f"{args.lang}/"
    if args.site:
        if args.no_reindex:
            report(f"site {args.site} (index as built)", Path(args.site), None, None,
                   first_queries(Path(args.site), prefix, args.query))
        else:
            measure(f"site {args.site}", None, Path(args.site), args.query, prefix)
        return 0
    with tempfile.TemporaryDirectory(prefix="measure-search-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        measure("demo hub (data/)", ROOT, work / "demo-site", args.query, prefix)
        for count in [n for n in args.practices if n > 0]:
            for text in args.text:
                import synthetic_hub

                if text == "sentences":
                    use_demo_sentences()
                elif text == "words":
                    use_demo_text()
                else:
                    synthetic_hub._text = _UNIFORM_TEXT
                project = work / f"hub-{count}-{text}"
                counts = synthetic_hub.make_hub(project, count)
                measure(f"synthetic hub, {text} text: {counts}", project, project / "site", args.query, prefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
