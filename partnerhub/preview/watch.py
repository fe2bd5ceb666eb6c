"""The files the preview watches, and how it learns that they changed.

What changed is always found by comparing two snapshots of the watched files (their
modification times and sizes): exact whatever way an editor saves (in place, or a new file
renamed over the old one). When the system tells about changes (inotify and its likes,
through ``watchdog``, installed with MkDocs), a snapshot is taken only after it did, so an
idle preview costs nothing; otherwise the files are polled. Either way an edit is reported
once the files have stopped changing for a moment (editors write in several steps).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

# what the preview watches, relative to the hub's folder
WATCHED = ("data", "docs", "hooks", "mkdocs.yml")
_SKIPPED_DIRS = {"__pycache__", ".git"}
FALLBACK_POLL = 2.0  # seconds between snapshots even when told about changes, in case a notice is lost


def snapshot(root: Path, watched=WATCHED) -> dict[str, tuple[int, int]]:
    """``{path relative to root: (mtime_ns, size)}`` of every file under ``watched``
    (links are not followed; a link counts as a file)."""
    found: dict[str, tuple[int, int]] = {}
    root = str(root)
    for name in watched:
        _scan(os.path.join(root, name), name, found)
    return found


def _scan(path: str, relative: str, found: dict) -> None:
    try:
        entries = os.scandir(path)
    except NotADirectoryError:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        found[relative] = (info.st_mtime_ns, info.st_size)
        return
    except FileNotFoundError:
        return
    with entries:
        for entry in entries:
            name = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in _SKIPPED_DIRS:
                    _scan(entry.path, name, found)
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            found[name] = (info.st_mtime_ns, info.st_size)


def changes(before: dict, after: dict) -> list[str]:
    """Paths added, removed or modified between two snapshots, sorted."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


class Watcher:
    """:meth:`wait` returns the next changes under ``root``'s watched files."""

    def __init__(self, root: Path, interval: float = 0.2, settle: float = 0.05, watched=WATCHED,
                 notices: bool = True) -> None:
        self.root, self.interval, self.settle, self.watched = Path(root), interval, settle, watched
        self.last = snapshot(self.root, watched)
        self._told = threading.Event()
        self._observer = self._observe() if notices else None

    def _observe(self):
        """Be told about changes by the system, if watchdog is there; None to poll."""
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return None
        told = self._told

        class Tell(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type != "opened" and event.event_type != "closed_no_write":
                    told.set()

        observer = Observer()
        try:
            observer.schedule(Tell(), str(self.root), recursive=False)  # mkdocs.yml, and folders made anew
            for name in self.watched:
                if (self.root / name).is_dir():
                    observer.schedule(Tell(), str(self.root / name), recursive=True)
            observer.daemon = True
            observer.start()
        except (OSError, RuntimeError):  # no notices here (too many watches, an odd file system): poll
            return None
        return observer

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
            if self._observer is not None:
                self._told.wait(FALLBACK_POLL)
                self._told.clear()
            found = self.poll()
            if found:
                return found
            if self._observer is None:
                time.sleep(self.interval)
        return []

    def close(self) -> None:
        if self._observer is not None:
            self._observer.stop()
