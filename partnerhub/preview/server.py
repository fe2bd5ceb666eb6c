"""The preview's HTTP server (127.0.0.1 only), its live reload and its error panel.

It serves the built site as it is on disk, and adds to each HTML page, as it sends it, a
stylesheet and a script of its own (``/.partnerhub-preview/``): no inline script, so every
page keeps its Content-Security-Policy (``script-src 'self'`` allows them). The script
listens to ``/.partnerhub-preview/events`` (server-sent events) and reloads the page when
the site's version changes. While the last edit has errors, each page also shows them in a
panel (file:line:column and the validator's message, every value escaped); the pages
themselves are the last good ones.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

from partnerhub.i18n import N_, current_language, gettext

PREFIX = "/.partnerhub-preview/"
KEEPALIVE = 10.0  # seconds between the event stream's keep-alive comments
STREAM_LIFETIME = 120.0  # the browser reconnects after that (threads do not pile up)

RELOAD_JS = """\
// partnerhub serve: reload this page when the site changes (added by the preview server only)
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : null;
  var source = new EventSource("/.partnerhub-preview/events");
  source.onmessage = function (event) {
    if (version !== null && event.data !== version) {
      source.close();
      window.location.reload();
    }
  };
})();
"""

PREVIEW_CSS = """\
/* partnerhub serve: the panel that lists the errors of the last edit */
.ph-preview-errors { position: fixed; inset: auto 0 0 0; z-index: 1000; max-height: 60vh; overflow: auto;
  margin: 0; padding: 1rem 1.5rem; background: #fff4f4; color: #5a0000; border-top: 4px solid #b00020;
  font: 15px/1.5 system-ui, sans-serif; box-shadow: 0 -4px 16px rgba(0, 0, 0, .2); }
.ph-preview-errors h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
.ph-preview-errors ul { margin: .5rem 0 0; padding-left: 1.2rem; }
.ph-preview-errors code { font-weight: 600; overflow-wrap: anywhere; }
"""

TITLE = N_("The last edit has errors: the preview still shows the site as it was before it.")
FIX = N_("Fix them and save: the pages are updated at once.")
NO_SITE = N_("The site could not be built yet.")


class State:
    """The site's version (changes whenever pages change) and the current errors."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._start = format(int(time.time()), "x")
        self._count = 0
        self.errors: list = []  # Problem objects (file, line, column, message)
        self.built = False  # a site is there to serve
        self.last_update: dict = {}  # the last edit's wall and CPU seconds (for benchmarks)
        self.background = lambda: False  # whether the background refresh is running or due

    @property
    def version(self) -> str:
        return f"{self._start}-{self._count}"

    def bump(self, errors: list | None = None, built: bool | None = None) -> None:
        with self._changed:
            self.errors = list(errors or [])
            if built is not None:
                self.built = built
            self._count += 1
            self._changed.notify_all()

    def wait(self, version: str, timeout: float) -> str:
        """The version, once it differs from ``version`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != version, timeout)
            return self.version


def error_panel(errors: list, lang: str) -> str:
    """The errors as a panel of escaped HTML ('' without errors)."""
    if not errors:
        return ""
    items = Markup("").join(
        Markup("<li><code>{}:{}:{}</code> {}{}</li>").format(
            p.file, p.line, p.column, f"{p.field}: " if p.field else "", p.message) for p in errors)
    return str(Markup('<section class="ph-preview-errors" role="alert"><h2>{}</h2><ul>{}</ul><p>{}</p></section>').format(
        gettext(lang, TITLE), items, gettext(lang, FIX)))


def add_preview(html: str, state: State, lang: str) -> str:
    """``html`` with the preview's stylesheet and script, and the error panel if any."""
    tags = (f'<link rel="stylesheet" href="{PREFIX}preview.css">'
            f'<script src="{PREFIX}reload.js" data-version="{escape(state.version)}"></script>')
    head = html.find("</head>")
    html = html[:head] + tags + html[head:] if head >= 0 else tags + html
    panel = error_panel(state.errors, lang)
    if panel:
        body = html.find("</body>")
        html = html[:body] + panel + html[body:] if body >= 0 else html + panel
    return html


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` with the preview's additions; logs nothing per request."""

    state: State

    def __init__(self, *args, state: State, **kwargs) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        path = unquote(urlsplit(self.path).path)
        if path.startswith(PREFIX):
            self._own(path[len(PREFIX):])
            return
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not path.endswith("/"):
                super().do_GET()  # the standard redirect to the folder's URL
                return
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            self._html(file.read_text(encoding="utf-8"), 200)
        elif not file.exists():
            self._not_found()
        else:
            super().do_GET()

    def _lang(self) -> str:
        return current_language()

    def _html(self, html: str, status: int) -> None:
        data = add_preview(html, self.state, self._lang()).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        if page.is_file():
            self._html(page.read_text(encoding="utf-8"), 404)
            return
        lang = self._lang()
        title = gettext(lang, NO_SITE) if not self.state.built else "404"
        self._html(str(Markup('<!doctype html><html lang="{}"><head><meta charset="utf-8"><title>{}</title></head>'
                              '<body><h1>{}</h1></body></html>').format(lang, title, title)), 404)

    def _own(self, name: str) -> None:
        if name == "events":
            self._events()
            return
        if name == "state":
            body = json.dumps({"version": self.state.version, "built": self.state.built,
                               "errors": [p.as_text() for p in self.state.errors],
                               "last_update": self.state.last_update, "background": self.state.background()},
                              ensure_ascii=False)
            content = (body.encode("utf-8"), "application/json")
        elif name == "reload.js":
            content = (RELOAD_JS.encode("utf-8"), "text/javascript; charset=utf-8")
        elif name == "preview.css":
            content = (PREVIEW_CSS.encode("utf-8"), "text/css; charset=utf-8")
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content[1])
        self.send_header("Content-Length", str(len(content[0])))
        self.end_headers()
        self.wfile.write(content[0])

    def _events(self) -> None:
        """Server-sent events: the version now, then each new one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        version, started = self.state.version, time.monotonic()
        try:
            self.wfile.write(f"retry: 500\ndata: {version}\n\n".encode("ascii"))
            self.wfile.flush()
            while time.monotonic() - started < STREAM_LIFETIME:
                current = self.state.wait(version, KEEPALIVE)
                message = f"data: {current}\n\n" if current != version else ": keep-alive\n\n"
                version = current
                self.wfile.write(message.encode("ascii"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def start(site_dir: Path, state: State, host: str = "127.0.0.1", port: int = 8000) -> Server:
    """Serve ``site_dir`` in a background thread; returns the server (``server_port``)."""
    server = Server((host, port), partial(Handler, directory=str(site_dir), state=state))
    threading.Thread(target=server.serve_forever, name="partnerhub-preview-server", daemon=True).start()
    return server
