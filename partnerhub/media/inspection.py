"""Inspecting the files records refer to, one at a time (``inspect``) or the whole
``data/media`` folder at once (``scan``). Neither raises: a file is a ``MediaFile`` or a
``MediaProblem``."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from partnerhub.media.checks import FORMAT_NAMES, MAX_BYTES, check_pdf, check_photo, megabytes, sniff
from partnerhub.media.files import (
    Refused, TooLarge, media_dir, media_parts, open_output_dir, printable, read_at, read_plain_at, walk_media,
    write_at,
)
from partnerhub.media.limits import MEDIA_FOLDER, settings_key
from partnerhub.media.records import DOCUMENT, PHOTO, MediaFile, MediaProblem
from partnerhub.loader import IGNORED_NAMES

_CHECKED = "checked"  # the cache's subfolder for photo verdicts


def inspect(root: Path, path: str, kind: str | None = None, *, cache_dir: Path | None = None
            ) -> MediaFile | MediaProblem:
    """Check the file a record names (``path`` relative to ``root/data``, e.g.
    ``media/x.jpg``) by its content. ``kind``: PHOTO (JPEG, PNG, WebP), DOCUMENT (PDF) or
    None (either). ``cache_dir`` (optional) remembers photos already decoded, by content hash.
    """
    try:
        parts = media_parts(path)
        with media_dir(Path(root), parts, path) as folder:
            return _inspect_at(folder, parts[-1], path, kind, cache_dir)
    except Refused as refused:
        return refused.problem
    except OSError as exc:  # the root itself cannot be opened
        return MediaProblem("media_unreadable", {"value": path, "detail": exc.strerror or str(exc)})


def _inspect_at(folder: int, name: str, shown: str, kind: str | None, cache_dir: Path | None) -> MediaFile:
    limit = MAX_BYTES[kind] if kind else max(MAX_BYTES.values())
    try:
        data = read_at(folder, name, shown, limit)
    except TooLarge as large:
        raise Refused("media_too_large", value=shown, size=megabytes(large.size), limit=megabytes(limit)) from None
    return check_bytes(data, shown, kind, cache_dir)


def check_bytes(data: bytes, shown: str, kind: str | None = None, cache_dir: Path | None = None) -> MediaFile:
    """The checks of ``inspect`` on bytes already read; raises ``Refused``."""
    found, fmt = sniff(data, shown)
    if kind == PHOTO and found != PHOTO:
        raise Refused("media_not_photo", value=shown, format=FORMAT_NAMES[fmt])
    if kind == DOCUMENT and found != DOCUMENT:
        raise Refused("media_not_document", value=shown, format=FORMAT_NAMES[fmt])
    if len(data) > MAX_BYTES[found]:
        raise Refused("media_too_large", value=shown, size=megabytes(len(data)), limit=megabytes(MAX_BYTES[found]))
    digest = hashlib.sha256(data).hexdigest()
    if found == DOCUMENT:
        check_pdf(data, shown)
        return MediaFile(shown, DOCUMENT, fmt, len(data), digest)
    verdict = _cached_verdict(cache_dir, digest, fmt)
    if verdict is None:
        verdict = check_photo(data, fmt, shown)
        _remember_verdict(cache_dir, digest, fmt, verdict)
    width, height, orientation = verdict
    return MediaFile(shown, PHOTO, fmt, len(data), digest, width, height, orientation)


def _verdict_name(digest: str) -> str:
    return f"{digest}-{settings_key()}.json"


def _cached_verdict(cache_dir: Path | None, digest: str, fmt: str) -> tuple[int, int, int] | None:
    if cache_dir is None:
        return None
    try:
        folder = open_output_dir(Path(cache_dir), _CHECKED)
    except OSError:
        return None
    try:
        raw = read_plain_at(folder, _verdict_name(digest), 4096)
    finally:
        os.close(folder)
    try:
        saved = json.loads(raw) if raw else None
        if saved["format"] == fmt and all(type(saved[k]) is int and saved[k] >= 1
                                          for k in ("width", "height", "orientation")):
            return saved["width"], saved["height"], saved["orientation"]
    except (ValueError, TypeError, KeyError):
        pass
    return None


def _remember_verdict(cache_dir: Path | None, digest: str, fmt: str, verdict: tuple[int, int, int]) -> None:
    if cache_dir is None:
        return
    width, height, orientation = verdict
    text = json.dumps({"format": fmt, "width": width, "height": height, "orientation": orientation})
    try:
        os.makedirs(cache_dir, exist_ok=True)
        folder = open_output_dir(Path(cache_dir), _CHECKED)
        try:
            write_at(folder, _verdict_name(digest), text.encode())
        finally:
            os.close(folder)
    except OSError:
        pass  # the cache only saves time


@dataclass(frozen=True)
class MediaScan:
    """Every entry of ``data/media``: the sound files by path (``media/…``) and a located
    problem for every other entry. Files no record uses are listed, not flagged."""

    root: Path
    files: dict[str, MediaFile] = field(default_factory=dict)
    problems: tuple[MediaProblem, ...] = ()

    def lookup(self, path: str, kind: str | None = None, *, cache_dir: Path | None = None
               ) -> MediaFile | MediaProblem:
        """What ``inspect(root, path, kind)`` says, without reading a scanned file again."""
        try:
            parts = media_parts(path)
        except Refused as refused:
            return refused.problem
        found = self.files.get("/".join(parts))
        if found is None:
            problem = self._refused.get("data/" + path)
            if problem is not None:
                return MediaProblem(problem.code, {**problem.params, "value": path})
            return inspect(self.root, path, kind, cache_dir=cache_dir)  # e.g. under a link: says which
        if kind == PHOTO and found.kind != PHOTO:
            return MediaProblem("media_not_photo", {"value": path, "format": FORMAT_NAMES[found.format]})
        if kind == DOCUMENT and found.kind != DOCUMENT:
            return MediaProblem("media_not_document", {"value": path, "format": FORMAT_NAMES[found.format]})
        return found

    @cached_property
    def _refused(self) -> dict[str, MediaProblem]:
        return {problem.file: problem for problem in self.problems}


def scan(root: Path, *, cache_dir: Path | None = None) -> MediaScan:
    """Check every entry under ``root/data/media`` without following links: links (inside
    or outside the repository, dangling), pipes, sockets, devices and files that are not a
    sound JPEG, PNG, WebP or PDF each get a problem at ``data/media/<path>:1:1``."""
    root = Path(root)
    files: dict[str, MediaFile] = {}
    problems: list[MediaProblem] = []
    try:
        for folder, name, parts, info in walk_media(root):
            shown = "/".join(parts)
            if info is not None and stat.S_ISREG(info.st_mode) and name in IGNORED_NAMES:
                continue
            try:
                if printable(shown) != shown:
                    raise Refused("media_path_invalid", value=printable(shown))
                if info is not None and stat.S_ISLNK(info.st_mode):
                    raise Refused("media_symlink", value=shown)
                if info is not None and not stat.S_ISREG(info.st_mode):
                    raise Refused("media_not_regular", value=shown)
                if parts == (MEDIA_FOLDER,):  # data/media is a file, not a folder
                    raise Refused("file_not_media", value=shown)
                media_parts(shown)  # a name too long to write in a record
                files[shown] = _inspect_at(folder, name, shown, None, cache_dir)
            except Refused as refused:
                problems.append(dataclasses.replace(refused.problem, file="data/" + refused.problem.params["value"]))
    except OSError as exc:  # the root itself cannot be opened
        problems.append(MediaProblem("media_unreadable", {"value": "media", "detail": exc.strerror or str(exc)},
                                     file="data/media"))
    return MediaScan(root, files, tuple(problems))
