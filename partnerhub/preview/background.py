"""What the preview refreshes after an edit without making the page wait: the site-wide
files (``partnerhub/outputs.py``: exports, feeds, calendars, share cards…), the published
media and the search index.

They run in a process of their own, at a lower priority (``nice``), so that they neither
hold the preview's interpreter nor slow the next edit's pages: ``python -m
partnerhub.preview.background ROOT SITE_DIR SITE_URL MANIFEST``. It loads the hub as it is
on disk (with errors, it does nothing), writes the site-wide files aside and renames each
into place, removes those the previous run wrote that are gone (a record turned draft
loses its calendar; ``MANIFEST`` lists them), then runs Pagefind into a folder of its own
and swaps it in whole, so the server never sends a half-written file. :class:`Refresher`
runs it in a thread, one run at a time, merging the requests made meanwhile. The light
search index of a large hub (``pagefind-light/``) is refreshed by the next full build only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

NICENESS = 10
ENV_AUDIENCE = "PARTNERHUB_AUDIENCE"


def refresh_search(site_dir: Path, languages: list[str]) -> None:
    """Run Pagefind over the site into a new folder and swap it for ``pagefind/``,
    keeping the dialog's settings (``partnerhub.json``) of the full build. The pages
    written by the preview already hold their search keys (``publish.write_page``)."""
    from partnerhub.search import pagefind
    from partnerhub.search.policy import EXCLUDE_SELECTORS

    site_dir = Path(site_dir)
    bundle = site_dir / pagefind.BUNDLE
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=".partnerhub-search-") as tmp:
        out = Path(tmp) / pagefind.BUNDLE
        pagefind.index_bundle(site_dir, out, EXCLUDE_SELECTORS, languages)  # as the build: a run per language
        for unused in pagefind.UNUSED_FILES:
            (out / unused).unlink(missing_ok=True)
        settings = bundle / pagefind.CONFIG_FILE
        if settings.is_file():
            shutil.copy2(settings, out / pagefind.CONFIG_FILE)
        if bundle.exists():
            bundle.rename(Path(tmp) / "old")
        out.rename(bundle)


def refresh_outputs(hub, rel, site_dir: Path, site_url: str, manifest: Path) -> list[str]:
    """Write the site-wide files aside, rename each into place, and remove those listed in
    ``manifest`` (the previous run's) that were not written again; returns the files
    (relative to the site) and lists them in ``manifest``."""
    from partnerhub.outputs import write_outputs

    site_dir = Path(site_dir)
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=".partnerhub-outputs-") as tmp:
        write_outputs(hub, rel, Path(tmp), site_url)
        written = sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*") if p.is_file())
        for name in written:
            target = site_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(tmp) / name, target)
    previous = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else []
    for name in sorted(set(previous) - set(written)):
        (site_dir / name).unlink(missing_ok=True)
    manifest.write_text(json.dumps(written), encoding="utf-8")
    return written


def main(argv: list[str]) -> int:
    """The background run: ROOT SITE_DIR SITE_URL MANIFEST [--outputs-only]."""
    from partnerhub import publish
    from partnerhub.hub import load_hub
    from partnerhub.render.relations import build_relations

    if hasattr(os, "nice"):
        os.nice(NICENESS)  # after the preview's own work (Pagefind inherits it)
    root, site_dir, site_url, manifest = Path(argv[0]), Path(argv[1]), argv[2], Path(argv[3])
    hub = load_hub(root)
    if hub.config is None or hub.errors:
        return 3  # the preview shows the errors; the next good edit runs this again
    rel = build_relations(hub, os.environ.get(ENV_AUDIENCE, "public"))
    refresh_outputs(hub, rel, site_dir, site_url, manifest)
    if "--outputs-only" in argv:
        return 0
    publish.media(hub, rel, site_dir)
    if os.environ.get("PARTNERHUB_SEARCH_INDEX", "1") != "0":  # 0: no search index (as in publish.search_index)
        refresh_search(site_dir, hub.config.languages)
    return 0


class Refresher:
    """Runs the background refresh in a process, one at a time, from a thread."""

    def __init__(self, root: Path, site_dir: Path, site_url: str, manifest: Path, on_done=None) -> None:
        self.root, self.site_dir, self.site_url, self.manifest = Path(root), Path(site_dir), site_url, Path(manifest)
        self.on_done = on_done  # called with (exit code, its error output)
        self._wanted: list[str] | None = None
        self._busy = False
        self._process: subprocess.Popen | None = None
        self._closed = False
        self._lock = threading.Condition()
        threading.Thread(target=self._run, name="partnerhub-preview-refresh", daemon=True).start()

    def request(self, outputs_only: bool = False) -> None:
        """Refresh after the current run (a full refresh wins over an outputs-only one)."""
        with self._lock:
            full = not outputs_only or (self._wanted is not None and "--outputs-only" not in self._wanted)
            self._wanted = [] if full else ["--outputs-only"]
            self._lock.notify_all()

    def busy(self) -> bool:
        """Whether a run is going on or due."""
        with self._lock:
            return self._busy or self._wanted is not None

    def idle(self, timeout: float | None = None) -> bool:
        """Wait until nothing is pending or running; True if so (for tests and benchmarks)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._wanted is None and not self._busy, timeout)

    def close(self) -> None:
        """Stop the run in progress, if any; no more runs."""
        with self._lock:
            self._closed = True
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)  # it writes into the site: gone before the site is
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted is not None)
                extra, self._wanted, self._busy = self._wanted, None, True
            try:
                with self._lock:
                    if self._closed:
                        return
                    self._process = subprocess.Popen(
                        [sys.executable, "-m", "partnerhub.preview.background", str(self.root), str(self.site_dir),
                         self.site_url, str(self.manifest), *extra],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                _out, errors = self._process.communicate()
                if self.on_done is not None and not self._closed:
                    self.on_done(self._process.returncode, errors)
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
