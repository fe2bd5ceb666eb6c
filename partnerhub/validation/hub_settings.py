"""The settings of ``data/hub.yml`` that need more than the settings file: the logo's file.

The logo goes through the media pipeline like a record's photo (checked by content, never
through a link; SVG and other markup are refused), and must suit the header: tall enough to
be sharp on a 2x phone screen, not so wide that the hub's name beside it no longer fits at
320 px (``partnerhub.media.limits``). Problems are reported at the ``logo`` line of hub.yml.
"""

from __future__ import annotations

from pathlib import Path

from partnerhub.media import PHOTO, MediaProblem
from partnerhub.media.limits import LOGO_MAX_RATIO, LOGO_MIN_HEIGHT
from partnerhub.problems import Reporter


def check(hub, path: Path, positions, report: Reporter) -> None:
    """Report what is wrong with the hub's logo (none set: nothing to check)."""
    logo = hub.config.logo if hub.config is not None else None
    if not logo or hub.media is None:
        return
    found = hub.media.lookup(logo, PHOTO, cache_dir=hub.cache_dir / "media")
    if isinstance(found, MediaProblem):
        report.at_path(path, positions, ("logo",), found.code, found.params)
    elif found.height < LOGO_MIN_HEIGHT:
        report.at_path(path, positions, ("logo",), "hub_logo_too_small",
                       {"value": logo, "height": found.height, "minimum": LOGO_MIN_HEIGHT})
    elif found.width > LOGO_MAX_RATIO * found.height:
        report.at_path(path, positions, ("logo",), "hub_logo_too_wide",
                       {"value": logo, "width": found.width, "height": found.height, "maximum": LOGO_MAX_RATIO})
