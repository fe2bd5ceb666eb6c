"""What the end-to-end tests share: the paths, a copy of the base hub and edits of its files,
building a hub's site, serving a folder on 127.0.0.1, and the Chromium settings (the scripts
that drive Chromium use them too)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE_HUB = ROOT / "tests" / "fixtures" / "base-hub"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SITE_URL = "https://hub.example.org/"


def base_hub_in(folder: Path) -> Path:
    """The base hub (tests/fixtures/base-hub) copied into ``folder``; returns ``folder``."""
    shutil.copytree(BASE_HUB, folder, dirs_exist_ok=True)
    return folder


def replace_in(root: Path, path: str, old: str, new: str) -> None:
    """Replace the first ``old`` in the hub's file ``path`` (which must hold it) by ``new``."""
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_site(root: Path, site_dir: Path, **env) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the hub in ``root`` into ``site_dir``."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_hub(destination: Path) -> Path:
    """A copy of the hub (data, docs, hooks, mkdocs.yml) to break on purpose."""
    for name in ("data", "docs", "hooks"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """``directory`` on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()


def build_hostile(hub: Path, payload: str, **env: str) -> Path:
    """``hub``'s site built with ``payload`` put into every text field after validation
    (``tests/support/hostile_build.py``), into ``hub``'s sibling ``site/``."""
    import subprocess
    import sys

    site = hub.parent / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "support" / "hostile_build.py"), str(hub), str(site), payload],
        cwd=hub, capture_output=True, text=True, timeout=600,
        env={"SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **env})
    assert result.returncode == 0, result.stdout + result.stderr
    return site
