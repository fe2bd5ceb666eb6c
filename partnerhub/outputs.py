"""The site-wide files a build writes beside its pages: one list that adapters call.

Each entry is a function ``write(hub, rel, site_dir, site_url) -> list[str]`` that writes
its files into the staging folder ``site_dir`` from the build's visible records only
(``rel``: what the audience may see; never ``hub`` alone) and returns the URLs, relative
to a language's root like a record page's (``whats-new/``), of the HTML pages it wrote in
every language that belong in the sitemap (usually none). A new kind of
output (exports, calendars, feeds, redirects…) is one module and one line here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from partnerhub.linked.redirects import write_redirects
from partnerhub.linked.share import write_share_images
from partnerhub.linked.whats_new import write_feeds as write_whats_new_feeds
from partnerhub.opendata import calendars, catalogue, exports, feeds
from partnerhub.render.hub_values import write_identity

Output = Callable[..., list[str]]

OUTPUTS: list[Output] = [
    exports.write,  # /data/: JSON, CSV, GeoJSON, JSON Schemas
    catalogue.write,  # /data/datapackage.json, /data/catalog.jsonld
    calendars.write,  # <lang>/calendars/: iCalendar of the hub, each network and partner
    feeds.write,  # <lang>/feeds/: Atom of meeting reports and practices, the hub's and each network's
    write_share_images,  # assets/share/<hash>.png: each public record's share card (linked/share.py)
    write_whats_new_feeds,  # <lang>/whats-new/feed.xml (linked/whats_new.py)
    write_redirects,  # <lang>/<folder>/<former id>/: leads to the renamed record (linked/redirects.py)
    write_identity,  # assets/ph-identity.css: the hub's colour from data/hub.yml (render/hub_values.py)
]


def write_outputs(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Run every output; returns the pages they wrote for the sitemap."""
    pages: list[str] = []
    for write in OUTPUTS:
        pages.extend(write(hub, rel, site_dir, site_url) or [])
    return pages
