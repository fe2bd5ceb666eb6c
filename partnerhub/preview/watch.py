"""The files the preview watches, polled: their modification times and sizes.

Polling a few thousand files costs milliseconds, works the same on every system and in
containers, and needs no library. An edit is reported once the files have stopped
changing for a moment (editors write a file in several steps).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# what the preview watches, relative to the hub's folder
WATCHED = ("data", "docs", "hooks", "mkdocs.yml")
_SKIPPED_DIRS = {"__pycache__", ".git"}


def snapshot(root: Path, watched=WATCHED) -> dict[str, tuple[int, int]]:
    """``{path relative to root: (mtime_ns, size)}`` of every file under ``watched``
    (links are not followed; a link counts as a file)."""
    found: dict[str, tuple[int, int]] = {}
    for name in watched:
        top = Path(root) / name
        if top.is_file() or top.is_symlink():
            _add(found, root, top)
            continue
        for folder, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS]
            for file in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
                _add(found, root, Path(folder) / file)
    return found


def _add(found: dict, root: Path, path: Path) -> None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    found[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)


def changes(before: dict, after: dict) -> list[str]:
    """Paths added, removed or modified between two snapshots, sorted."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


class Watcher:
    """Polls ``root`` every ``interval`` seconds; :meth:`wait` returns the next changes."""

    def __init__(self, root: Path, interval: float = 0.2, settle: float = 0.1, watched=WATCHED) -> None:
        self.root, self.interval, self.settle, self.watched = Path(root), interval, settle, watched
        self.last = snapshot(self.root, watched)

    def poll(self) -> list[str]:
        """The changes since the last poll (after they settled); [] if none."""
        current = snapshot(self.root, self.watched)
        if current == self.last:
            return []
        while True:  # until the files stop changing
            time.sleep(self.settle)
            settled = snapshot(self.root, self.watched)
            if settled == current:
                break
            current = settled
        found, self.last = changes(self.last, current), current
        return found

    def wait(self, stop=None) -> list[str]:
        """Block until something changes (or ``stop``, a threading.Event, is set)."""
        while stop is None or not stop.is_set():
            found = self.poll()
            if found:
                return found
            time.sleep(self.interval)
        return []
