"""The Nu HTML checker (vnu.jar from npm, run with Java) over every HTML file of the built
site, in one run: zero errors; warnings are printed but allowed."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.a11y.conftest import VNU

pytestmark = [pytest.mark.slow]


def check(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless (./scripts/hub test does)")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci --prefix tests --ignore-scripts` (./scripts/hub test does)")
    result = subprocess.run([java, "-Xss8m", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=600)
    try:
        return json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}")


def test_no_html_errors(site, capsys):
    messages = check(site)
    base = "file:" + str(site)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    with capsys.disabled():
        if warnings:
            print(f"\nNu HTML checker: {len(warnings)} warning(s):")
            for text, n in Counter(m["message"] for m in warnings).most_common():
                print(f"  {n} x {text}")
    by_message = Counter(m["message"] for m in errors)
    lines = [f"{len(errors)} Nu HTML checker error(s) in {len({m.get('url') for m in errors})} file(s):"]
    for text, n in by_message.most_common(40):
        first = next(m for m in errors if m["message"] == text)
        where = (first.get("url") or "").replace(base, "")
        lines.append(f"- {n} x {text}\n    first in {where}:{first.get('lastLine', '?')}: {first.get('extract', '').strip()[:160]!r}")
    assert not errors, "\n".join(lines)
