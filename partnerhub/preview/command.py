"""``partnerhub serve``: build the site once, serve it on 127.0.0.1, and keep it up to date.

The full build is the generator's (``mkdocs build`` by default, ``--build-command`` for
another), run with ``$PARTNERHUB_PREVIEW_KEEP`` so that it keeps its shells
(``keep.py``); meanwhile this process loads the hub. Then every change is handled here:

- record files under ``data/<folder>/``: re-read and re-checked alone (``live.py``), the
  pages they touch re-rendered in every language (``update.py``), the browser reloaded;
  the search index and the site-wide files follow in the background (``background.py``);
- anything else watched (``data/hub.yml``, vocabularies, media, ``docs/``, ``hooks/``,
  ``mkdocs.yml``): a full build again, the old site served until the new one is ready.

Data with errors never reaches the pages: the last good site stays, the errors are printed
(file:line:column) and shown on every page until an edit fixes them.
"""

from __future__ import annotations

import gc
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from partnerhub.i18n import gettext_ as _, ngettext_
from partnerhub.preview import keep
from partnerhub.preview.background import Refresher
from partnerhub.preview.live import LiveData, record_of
from partnerhub.preview.server import State, start
from partnerhub.preview.update import Renderer, pages_to_rewrite
from partnerhub.preview.watch import Watcher
from partnerhub.render.relations import build_relations

DEFAULT_BUILD = [sys.executable, "-m", "mkdocs", "build"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Preview:
    """The preview of the hub in ``root``, built into ``work`` and served on ``host:port``."""

    def __init__(self, root: Path, work: Path, host: str = "127.0.0.1", port: int = 8000,
                 build_command: list[str] | None = None, quiet: bool = False) -> None:
        self.root, self.work = Path(root).resolve(), Path(work)
        self.site_dir, self.keep_dir = self.work / "site", self.work / "keep"
        self.host, self.port = host, port
        self.build_command = build_command or DEFAULT_BUILD
        self.quiet = quiet
        self.audience = os.environ.get("PARTNERHUB_AUDIENCE", "public")
        self.state = State()
        self.live = LiveData(self.root)
        self.good = None  # (hub, relations) the pages show
        self.needs_full = True  # the last full build failed (or none ran yet)
        self.pending: set[str] = set()  # record files changed since the pages were last good
        self.renderer: Renderer | None = None
        self.server = None
        self.refresher: Refresher | None = None
        self.stop = threading.Event()
        self.watcher: Watcher | None = None

    @property
    def site_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    # --- starting -------------------------------------------------------------------
    def start(self) -> None:
        """Serve (an error page until a site is there), then build the whole site."""
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self.server = start(self.site_dir, self.state, self.host, self.port)
        self.port = self.server.server_port
        self.refresher = Refresher(self.root, self.site_dir, self.site_url, self.work / "outputs.json", self._refreshed)
        self.state.background = self.refresher.busy
        self.watcher = Watcher(self.root)  # before the build: an edit made while it runs is seen after it
        self.full_build()

    def full_build(self) -> bool:
        """Build everything again (the generator in a process, the hub loaded here meanwhile)."""
        started = time.perf_counter()
        shutil.rmtree(self.keep_dir, ignore_errors=True)
        env = {**os.environ, keep.ENV: str(self.keep_dir), "SITE_URL": self.site_url, "NO_MKDOCS_2_WARNING": "1"}
        command = [*self.build_command, "-f", str(self.root / "mkdocs.yml"), "-d", str(self.site_dir)]
        out = subprocess.DEVNULL if self.quiet else None
        build = subprocess.Popen(command, cwd=self.root, env=env, stdout=out, stderr=out)
        gc.unfreeze()  # the previous hub may go
        hub = self.live.load()
        gc.freeze()  # the loaded hub lives on: later collections skip it (and forked renderers share it)
        status = build.wait()
        if hub.errors or status != 0:
            if status == 0 or self.quiet:  # else the build printed them
                self._report_errors(hub.errors)
            if not hub.errors:
                say(_("partnerhub: the full build failed (see its messages); the preview shows the last good site"))
            self.needs_full = True
            self.state.bump(hub.errors, built=(self.site_dir / "index.html").is_file())
            return False
        self.needs_full = False
        self.good = (hub, build_relations(hub, self.audience))
        self.pending = set()
        self.renderer = Renderer(self.site_dir, keep.load(self.keep_dir), self.site_url)
        self.renderer.warm(*self.good)
        self.state.bump([], built=True)
        self.refresher.request(outputs_only=True)  # lists the site-wide files, to remove those an edit drops
        say(_("partnerhub: the site is built ({seconds:.1f} s); serving it at {url}").format(
            seconds=time.perf_counter() - started, url=self.site_url))
        return True

    # --- changes ----------------------------------------------------------------------
    def run(self) -> None:
        """Watch and update until :attr:`stop` is set."""
        while not self.stop.is_set():
            paths = self.watcher.wait(self.stop)
            if not paths:
                continue
            try:
                self.changed(paths)
            except Exception as exc:  # noqa: BLE001 - said in one line; the next change builds everything
                self.needs_full = True
                say(_("partnerhub: the pages could not be updated ({reason}); the next change builds the whole site").format(
                    reason=f"{type(exc).__name__}: {exc}"))

    def changed(self, paths: list[str]) -> None:
        """Handle a change of ``paths`` (relative to the hub's folder)."""
        records_only = all(record_of(p) is not None for p in paths)
        if self.needs_full and records_only and self.live.hub is not None and self.live.hub.errors:
            hub = self.live.update(paths)  # the data had errors: a full build only once they are fixed
            if hub.errors:
                self._report_errors(hub.errors)
                self.state.bump(hub.errors)
                return
        if self.needs_full or not records_only:
            say(_("partnerhub: {path} changed: building the whole site again").format(
                path=next((p for p in paths if record_of(p) is None), paths[0])))
            self.full_build()
            return
        self.update(paths)

    def update(self, paths: list[str]) -> bool:
        """Re-render the pages the record files ``paths`` touch; False if the data has errors."""
        started, cpu = time.perf_counter(), _cpu_seconds()
        hub = self.live.update(paths)
        self.pending.update(paths)
        if hub.errors:
            self._report_errors(hub.errors)
            self.state.bump(hub.errors)
            return False
        rel = build_relations(hub, self.audience)
        urls = pages_to_rewrite(self.good, (hub, rel), sorted(self.pending))
        done = self.renderer.rewrite(hub, rel, urls)
        if done.unframed:  # a page the build kept no frame of: only a full build renders it
            self.needs_full = True
        self.good, self.pending = (hub, rel), set()
        self.refresher.request()  # before the new version is announced: whoever sees it sees this asked for
        self.state.last_update = {"seconds": round(time.perf_counter() - started, 3),
                                  "cpu_seconds": round(_cpu_seconds() - cpu, 3), "pages": len(done.written)}
        self.state.bump([])
        say(ngettext_("partnerhub: {count} page rewritten in {seconds:.2f} s", "partnerhub: {count} pages rewritten in {seconds:.2f} s",
                      len(done.written)).format(count=len(done.written), seconds=time.perf_counter() - started)
            + ("; " + _("{count} removed").format(count=len(done.removed)) if done.removed else ""))
        return True

    def _report_errors(self, errors) -> None:
        for problem in errors:
            say(problem.as_text())
        say(_("partnerhub: {count} error(s): the preview shows the last good site until they are fixed").format(
            count=len(errors)))

    def _refreshed(self, status: int, output: str) -> None:
        if status not in (0, 3):  # 3: the data has errors, already shown
            say(_("partnerhub: the search index or the site-wide files could not be refreshed: {reason}").format(
                reason=(output.strip().splitlines() or [str(status)])[-1]))

    def close(self) -> None:
        self.stop.set()
        if self.refresher is not None:
            self.refresher.close()
        if self.watcher is not None:
            self.watcher.close()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that ended (the forked renderers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _interrupt(_signal, _frame) -> None:
    raise KeyboardInterrupt


def cmd_serve(args) -> int:
    from partnerhub.hubdata import find_root

    root = Path(args.root).resolve() if args.root else find_root(Path.cwd())
    if root is None:
        print(_("partnerhub: no data/hub.yml found in {path} or above it: run this in the hub's folder, or pass --root").format(
            path=Path.cwd()), file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl-C: the work folder goes too
    work = Path(tempfile.mkdtemp(prefix="partnerhub-preview-"))
    build = shlex.split(args.build_command) if args.build_command else None
    preview = Preview(root, work, args.host, args.port, build)
    try:
        preview.start()
        preview.run()
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(_("partnerhub: cannot serve on {host}:{port}: {reason}").format(
            host=args.host, port=args.port, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    finally:
        preview.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def add_parser(sub) -> None:
    serve = sub.add_parser("serve", help=_("build the site, serve it on 127.0.0.1 and update it on every edit"))
    serve.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    serve.add_argument("--host", default="127.0.0.1", help=_("the address to serve on (default: 127.0.0.1)"))
    serve.add_argument("--port", type=int, default=8000, help=_("the port to serve on (default: 8000)"))
    serve.add_argument("--lang", default="en", help=_("language of the messages (en, el, fr)"))
    serve.add_argument("--build-command", help=_("the full build's command (default: mkdocs build)"))
    serve.set_defaults(func=cmd_serve)
