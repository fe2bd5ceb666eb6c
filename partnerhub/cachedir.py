"""Where a hub keeps what it remembers between runs (checked media, the last validation):
outside the repository and the site. A module of its own, without the models, so that a
run that only reads the cache starts fast."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir(root: Path) -> Path:
    configured = os.environ.get("PARTNERHUB_CACHE")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "partnerhub" / hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
