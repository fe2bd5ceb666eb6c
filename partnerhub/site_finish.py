"""Work done once all languages are built: sitemap, media files, search index."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from partnerhub.search.pagefind import build_index


def finish_site(hub, site_dir: Path, sitemap_xml: str) -> None:
    """Write the joint sitemap and copy ``data/media`` to ``<site>/media``."""
    for stale in [site_dir / "sitemap.xml.gz", *site_dir.glob("*/sitemap.xml"), *site_dir.glob("*/sitemap.xml.gz")]:
        stale.unlink(missing_ok=True)
    (site_dir / "sitemap.xml").write_text(sitemap_xml, encoding="utf-8")
    media = hub.data_dir / "media"
    if media.is_dir():
        shutil.copytree(media, site_dir / "media", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("README.md", ".gitkeep"))
    if os.environ.get("PARTNERHUB_SEARCH_INDEX", "1") != "0":  # 0: benchmarks of the pages alone
        build_index(site_dir, hub.config.languages)
