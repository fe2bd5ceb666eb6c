"""The map of partners (and of meetings by host): an inline SVG, no third-party request.

Stub: the map work fills this in.
"""

from __future__ import annotations

from markupsafe import Markup


def partner_map(page, which: str) -> Markup:
    """The map for ``which`` ("partners" or "meetings"), as seen from ``page``."""
    return Markup("")
