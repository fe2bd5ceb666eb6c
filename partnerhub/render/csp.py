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
from functools import lru_cache

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


_SCRIPT_OPEN = re.compile(r"<script", re.I)
_SCRIPT_CLOSE = re.compile(r"</script>", re.I)


def _whole_scripts(part: str) -> bool:
    """Whether ``part`` holds whole inline scripts only (as many openings as ends)."""
    return len(_SCRIPT_OPEN.findall(part)) == len(_SCRIPT_CLOSE.findall(part))


@lru_cache(maxsize=256)
def _chunk_hashes(chunk: str) -> tuple[str, ...] | None:
    """A shell chunk's script hashes (the same chunks come back on every page); None if a
    script crosses its edge."""
    return tuple(script_hashes(chunk)) if _whole_scripts(chunk) else None


def with_policy_parts(parts: list[str], shell_chunks: frozenset | set) -> str:
    """``with_policy("".join(parts))``, where the parts that are ``shell_chunks`` (a page
    shell's constant text) are hashed once per build, not once per page."""
    if _Preview.on:
        return "".join(parts)
    hashes: list[str] = []
    for part in parts:
        found = _chunk_hashes(part) if part in shell_chunks else \
            (tuple(script_hashes(part)) if _whole_scripts(part) else None)
        if found is None:
            return with_policy("".join(parts))
        hashes.extend(value for value in found if value not in hashes)
    anchor = _CHARSET.search(parts[0]) if parts else None  # else it may be in a later part
    if anchor is None:
        return with_policy("".join(parts))
    directives = {key: list(values) for key, values in BASE.items()}
    directives["script-src"] += hashes
    content = "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())
    first = parts[0]
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return "".join([first[:anchor.end()], tag, first[anchor.end():], *parts[1:]])
