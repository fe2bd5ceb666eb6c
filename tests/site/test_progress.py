"""A build says how far it is on stderr (records, pages per language, search index), and
nothing with -q (partnerhub/progress.py)."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from partnerhub import progress
from partnerhub.progress import Progress

ROOT = Path(__file__).resolve().parents[2]


def test_progress_lines(monkeypatch):
    lines: list[str] = []
    clock = itertools.count(0.0, 3.0)  # each reading of the clock is 3 s later
    monkeypatch.setattr(progress.time, "perf_counter", lambda: next(clock))
    steps = Progress(lines.append)
    steps.records(1)
    assert list(steps.pages("el", ["a", "b", "c"])) == ["a", "b", "c"]
    steps.search()
    assert lines == ["partnerhub: 1 record loaded and checked (3.0 s)",
                     "partnerhub: el: 2 record pages so far (18.0 s)",  # at most one line per 5 s
                     "partnerhub: el: 3 record pages so far (27.0 s)",
                     "partnerhub: el: 3 record pages written (30.0 s)",
                     "partnerhub: building the search index (33.0 s)"]


@pytest.mark.slow
def test_a_build_prints_progress_unless_quiet(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from synthetic_hub import make_hub
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    make_hub(tmp_path / "hub", 10)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PARTNERHUB_CACHE": str(tmp_path / "cache")}
    runs = {}
    for quiet in (False, True):
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / f"site-{quiet}")]
        result = subprocess.run(command + (["-q"] if quiet else []), cwd=tmp_path / "hub", env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        runs[quiet] = result
    loud = runs[False].stderr
    for expected in (r"\d+ records loaded and checked", *(rf"{lang}: \d+ record pages written" for lang in ("en", "el", "fr")),
                     "building the search index", "search index written"):
        assert re.search(r"partnerhub: " + expected + r" \(\d+\.\d s\)", loud), loud
    assert "partnerhub:" not in runs[True].stderr and runs[True].stdout == ""
