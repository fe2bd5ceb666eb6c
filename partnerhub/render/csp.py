"""The Content-Security-Policy of every page: defence in depth behind escaping.

Scripts run only from the site itself and as the exact inline scripts the theme prints
(by their SHA-256 hash); no inline event handler, no resource of any type from another
host, no plugins, no ``<base>``, no form submission. Pagefind's search needs
WebAssembly (``'wasm-unsafe-eval'``). Set in each page as ``<meta http-equiv>``; hosts
that can send headers should send the same policy (see ``headers_file``).

A local preview (``mkdocs serve``) gets no policy: its server injects an inline live-reload
script into every page it serves, which the policy would refuse (:func:`set_preview`).
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"', re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_CHARSET = re.compile(r'<meta charset="[^"]*">', re.I)

BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}
HEADER_ONLY = {"frame-ancestors": ["'none'"]}  # ignored in a <meta>: only as a header


def script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` of each inline script that runs (JSON data blocks do not)."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if _DATA_TYPE.search(attributes):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        value = f"'sha256-{digest}'"
        if value not in hashes:
            hashes.append(value)
    return hashes


def policy(html: str = "", header: bool = False) -> str:
    directives = {key: list(values) for key, values in BASE.items()}
    directives["script-src"] += script_hashes(html)
    if header:
        directives.update(HEADER_ONLY)
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


class _Preview:
    on = False


def set_preview(on: bool) -> None:
    """A local preview (True) writes pages without the policy, so that live reload works."""
    _Preview.on = bool(on)


def with_policy(html: str) -> str:
    """``html`` with its policy as the first element of ``<head>`` after the charset
    (unchanged in a local preview)."""
    if _Preview.on:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[:anchor.end()] + tag + html[anchor.end():]
