"""When each record was first added and last changed, from the history of its files.

One ``git log`` over ``data/`` per build (one subprocess, its output read in one pass):
every file's first and last commit. A record's files are its YAML, its prose files
(``<id>.<lang>.md``) and the same files under each of its ``former_ids`` (a renamed record
keeps the date it was first added). A file git does not know (no repository, no ``git``,
or not committed yet) counts from its modification time; never from the build's time.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.registry import RECORD_TYPES

_MARKER = "\x1e"  # starts each commit's line in the log (a character no file name holds)
_FOLDER_OF = {t.model: t.folder for t in RECORD_TYPES}


def _utc(timestamp: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)


def parse_log(text: str) -> dict[str, tuple[int, int]]:
    """``git log --format=<marker>%ct --name-only`` output (newest first) -> path ->
    (first commit time, last commit time), in one pass."""
    files: dict[str, tuple[int, int]] = {}
    when = 0
    for line in text.split("\n"):  # not splitlines(): it splits at the marker too
        if line.startswith(_MARKER):
            when = int(line[1:].strip() or 0)
        elif line:
            known = files.get(line)
            files[line] = (when, known[1]) if known else (when, when)
    return files


def git_log(data_dir: Path) -> dict[str, tuple[int, int]] | None:
    """Every committed file under ``data_dir`` (paths relative to it) -> (added, changed)
    as Unix times; None if there is no git or ``data_dir`` is in no repository."""
    git = shutil.which("git")
    if git is None or not data_dir.is_dir():
        return None
    try:
        result = subprocess.run(
            [git, "-c", "core.quotepath=off", "log", f"--format={_MARKER}%ct", "--name-only", "--relative",
             "--no-renames", "--", "."],
            cwd=data_dir, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return parse_log(result.stdout)


@dataclass
class History:
    """The dates of the files under ``data_dir`` (from ``git log``, else modification times)."""

    data_dir: Path
    commits: dict[str, tuple[int, int]] | None = None  # path -> (added, changed) Unix times
    _cache: dict = field(default_factory=dict)

    def _file_times(self, rel_path: str) -> tuple[float, float] | None:
        if self.commits is not None and rel_path in self.commits:
            return self.commits[rel_path]
        path = self.data_dir / rel_path
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        return (mtime, mtime)

    def _prose(self, folder: str) -> dict[str, list[str]]:
        """Record id -> its prose files (``<id>.<lang>.md``) in ``folder``, listed once."""
        if folder not in self._cache:
            found: dict[str, list[str]] = {}
            directory = self.data_dir / folder
            for path in sorted(directory.glob("*.md")) if directory.is_dir() else ():
                record_id = path.name.split(".", 1)[0]
                found.setdefault(record_id, []).append(f"{folder}/{path.name}")
            self._cache[folder] = found
        return self._cache[folder]

    def _files(self, folder: str, record_id: str) -> list[str]:
        return [f"{folder}/{record_id}.yml", *self._prose(folder).get(record_id, ())]

    def dates(self, folder: str, record_id: str, former_ids=()) -> tuple[dt.datetime, dt.datetime] | None:
        """(added, last changed) of a record, in UTC; None if none of its files exists."""
        key = (folder, record_id, tuple(former_ids))
        if key not in self._cache:
            times = [t for rid in (record_id, *former_ids) for name in self._files(folder, rid)
                     if (t := self._file_times(name)) is not None]
            self._cache[key] = ((_utc(min(t[0] for t in times)), _utc(max(t[1] for t in times)))
                                if times else None)
        return self._cache[key]

    def _of(self, record) -> tuple[dt.datetime, dt.datetime] | None:
        return self.dates(_FOLDER_OF[type(record)], record.id, getattr(record, "former_ids", ()))

    def added(self, record) -> dt.datetime | None:
        """When the record was first added (its first commit, or its file's time)."""
        dates = self._of(record)
        return dates[0] if dates else None

    def updated(self, record) -> dt.datetime | None:
        """When the record was last changed (its last commit, or its file's time)."""
        dates = self._of(record)
        return dates[1] if dates else None


def load_history(data_dir: Path) -> History:
    """The history of ``data_dir``: one ``git log`` (``PARTNERHUB_HISTORY=mtime`` skips git)."""
    use_git = os.environ.get("PARTNERHUB_HISTORY", "git") != "mtime"
    return History(Path(data_dir), git_log(Path(data_dir)) if use_git else None)


def of_hub(hub) -> History:
    """The history of ``hub``'s data, read once per loaded hub (forked passes inherit it)."""
    history = getattr(hub, "_partnerhub_history", None)
    if history is None:
        history = load_history(hub.data_dir)
        hub._partnerhub_history = history
    return history
