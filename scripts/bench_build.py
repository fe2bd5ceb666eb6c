#!/usr/bin/env python3
"""Benchmark the site build against a plain Material build of as many Markdown pages.

    python scripts/bench_build.py            # N = 100, 1000, 5000
    python scripts/bench_build.py 100 1000   # chosen sizes

For each N it generates a synthetic hub (scripts/synthetic_hub.py: N practices, N/10
partners, N/5 meetings, N/100 networks, text in en/el/fr), builds it with `mkdocs build`
(all languages, search index included) and once more without the search index, then
builds a plain Material project with the same number of hand-written Markdown pages of
similar length (no hooks, not in the nav, no search). It prints, per N: build seconds,
pages per second, peak RSS, site size, and the ratios between the builds and across N.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_hub import WORDS, make_hub  # noqa: E402

PLAIN_CONFIG = """site_name: Plain
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins: []
nav:
  - index.md
{nav}
not_in_nav: |
  /pages/**
validation:
  nav:
    omitted_files: ignore
"""


def run_build(project: Path, site: Path, extra_env: dict | None = None) -> tuple[float, float]:
    """Run `mkdocs build` in ``project``; returns (seconds, peak RSS in MB)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def site_stats(site: Path) -> tuple[int, float]:
    pages = sum(1 for p in site.rglob("*.html") if p.name == "index.html")
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size / 1e6


def make_plain(root: Path, pages: int) -> None:
    """A Material project of ``pages`` Markdown pages, each like a practice page in length."""
    import random

    rng = random.Random(2)
    (root / "docs" / "pages").mkdir(parents=True)
    # a sidebar as large as the hub's (home, five catalogues, a few hand-written pages)
    nav_pages = [f"section-{i}.md" for i in range(9)]
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG.format(nav="\n".join(f"  - {p}" for p in nav_pages)), encoding="utf-8")
    for name in nav_pages:
        (root / "docs" / name).write_text(f"# {name}\n\nA section.\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Plain\n\nA plain site.\n", encoding="utf-8")
    langs = list(WORDS)
    for i in range(pages - 1 - len(nav_pages)):
        words = WORDS[langs[i % len(langs)]]

        def para(n):
            return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

        body = [f"# Page {i}", "", para(40), ""]
        for section in ("Problem", "Actions", "Results"):
            body += [f"## {section}", "", para(50), "", para(50), "", para(50), ""]
        (root / "docs" / "pages" / f"page-{i:05d}.md").write_text("\n".join(body), encoding="utf-8")


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]
    rows = []
    with tempfile.TemporaryDirectory(prefix="partnerhub-bench-") as tmp:
        for n in sizes:
            hub = Path(tmp) / f"hub-{n}"
            counts = make_hub(hub, n)
            hub_s, hub_rss = run_build(hub, hub / "site")
            pages, size = site_stats(hub / "site")
            nosearch_s, _ = run_build(hub, hub / "site-nosearch", {"PARTNERHUB_SEARCH_INDEX": "0"})
            plain = Path(tmp) / f"plain-{n}"
            make_plain(plain, pages)
            plain_s, plain_rss = run_build(plain, plain / "site")
            plain_pages, _ = site_stats(plain / "site")
            rows.append((n, counts, pages, hub_s, hub_rss, size, nosearch_s, plain_pages, plain_s, plain_rss))
            print(f"N={n}: {pages} pages, {hub_s:.1f} s", file=sys.stderr, flush=True)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s); languages en, el, fr\n")
    print("| practices | records | pages | build s | pages/s | peak RSS MB | site MB | build without search s | plain Material s (same pages) | hooks overhead | search index s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, counts, pages, hub_s, rss, size, nosearch_s, plain_pages, plain_s, _ in rows:
        records = sum(counts.values())
        print(f"| {n:,} | {records:,} | {pages:,} | {hub_s:.1f} | {pages / hub_s:.0f} | {rss:.0f} | {size:.1f} | "
              f"{nosearch_s:.1f} | {plain_s:.1f} ({plain_pages:,} pages) | {(nosearch_s / plain_s - 1) * 100:+.0f}% | "
              f"{hub_s - nosearch_s:.1f} |")
    if len(rows) > 1:
        print()
        for a, b in zip(rows, rows[1:]):
            print(f"N {a[0]:,} -> {b[0]:,} (x{b[0] / a[0]:.0f}): build time x{b[3] / a[3]:.2f}, "
                  f"pages x{b[2] / a[2]:.2f}, time per page x{(b[3] / b[2]) / (a[3] / a[2]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
