"""Reaching files under data/media/ and writing published files, never through a link.

Every path is walked one component at a time from an open directory (``dir_fd``), each
component opened with ``O_NOFOLLOW``: a symbolic link anywhere in the path is refused, not
followed, and the bytes that are checked are read from the very descriptor whose type and
size were checked (``fstat``), so swapping the file afterwards changes nothing.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from partnerhub.media.limits import MEDIA_FOLDER, NAME_MAX_CHARS, PATH_MAX_CHARS
from partnerhub.media.records import MediaProblem

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | _CLOEXEC
# O_NONBLOCK: opening a named pipe that replaced the file after the check returns at once
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | _CLOEXEC
_CHUNK = 1024 * 1024


class Refused(Exception):
    """A file cannot be used; carries the problem (internal: never leaves the package)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.problem = MediaProblem(code, params)


def printable(path: str) -> str:
    """``path`` with what UTF-8 cannot hold (a lone surrogate from YAML's ``"\\ud800"``, a
    file name in another encoding) replaced by ``?``, so that a message can be printed."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "replace").decode("utf-8")
    return path


def media_parts(path: object) -> tuple[str, ...]:
    """The components of a path written in a record (``media/a/b.jpg``), or ``Refused``.

    Absolute and ``..`` paths get the codes the record model already uses; anything else
    that is not a plain forward-slash path under ``media/`` is refused too.
    """
    if not isinstance(path, str):
        raise Refused("media_path_invalid", value=str(path))
    if printable(path) != path:
        raise Refused("media_path_invalid", value=printable(path))
    if path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        raise Refused("file_absolute", value=path)
    if ".." in re.split(r"[/\\]", path):
        raise Refused("file_parent", value=path)
    parts = tuple(path.split("/"))
    if ("\\" in path or "\x00" in path or len(path) > PATH_MAX_CHARS
            or any(part in ("", ".") or len(part) > NAME_MAX_CHARS for part in parts)):
        raise Refused("media_path_invalid", value=path)
    if parts[0] != MEDIA_FOLDER or len(parts) < 2:
        raise Refused("file_not_media", value=path)
    return parts


def _os_refusal(exc: OSError, shown: str) -> Refused:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Refused("file_missing", value=shown)
    if exc.errno == errno.ELOOP:
        return Refused("media_symlink", value=shown)
    if exc.errno == errno.ENAMETOOLONG:
        return Refused("media_path_invalid", value=shown)
    return Refused("media_unreadable", value=shown, detail=exc.strerror or str(exc.errno))


def _not_a_link(dir_fd: int, name: str, shown: str) -> os.stat_result:
    """``name``'s own status in ``dir_fd`` (never its target's); a link is refused."""
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except OSError as exc:
        raise _os_refusal(exc, shown) from None
    if stat.S_ISLNK(info.st_mode):
        raise Refused("media_symlink", value=shown)
    return info


def open_dir_at(parent_fd: int, name: str, shown: str) -> int:
    """Open the folder ``name`` in ``parent_fd``; a link, a file or a missing name is refused."""
    info = _not_a_link(parent_fd, name, shown)
    if not stat.S_ISDIR(info.st_mode):
        raise Refused("file_missing", value=shown)  # media/photo.jpg/x: no such file
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except OSError as exc:  # replaced by a link since the stat: ELOOP
        raise _os_refusal(exc, shown) from None


@contextmanager
def media_dir(root: Path, parts: tuple[str, ...], shown: str) -> Iterator[int]:
    """The open folder holding the last of ``parts`` (a descriptor), reached from
    ``root/data`` without following any link. ``root`` itself is the caller's and trusted."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        for name in ("data", *parts[:-1]):
            child = open_dir_at(fd, name, shown)
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


class TooLarge(Exception):
    """The file is larger than the limit it was read with (the caller words the problem)."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def read_at(dir_fd: int, name: str, shown: str, max_bytes: int) -> bytes:
    """The bytes of the regular file ``name`` in ``dir_fd``, at most ``max_bytes``.

    A link, a folder, a pipe, a socket or a device is refused before it is opened (so
    nothing blocks); the size is checked with ``fstat`` on the open descriptor, and reading
    stops one byte past the limit if the file grows meanwhile.
    """
    info = _not_a_link(dir_fd, name, shown)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("media_not_regular", value=shown)
    try:
        fd = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        raise _os_refusal(exc, shown) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped for a pipe or a device since the stat
            raise Refused("media_not_regular", value=shown)
        if info.st_size > max_bytes:
            raise TooLarge(info.st_size)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise TooLarge(total)
        return b"".join(chunks)
    except OSError as exc:
        raise _os_refusal(exc, shown) from None
    finally:
        os.close(fd)


def walk_media(root: Path) -> Iterator[tuple[int, str, tuple[str, ...], os.stat_result | None]]:
    """Every entry under ``root/data/media`` as (folder descriptor, name, parts relative to
    data/, lstat or None if it could not be read), sorted by path, without entering links;
    folders are entered, not yielded, except past ``MAX_DEPTH``.

    A ``data/media`` that is a link or not a folder is yielded once, as itself. The
    descriptor is valid only until the next item.
    """
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        data_fd = open_dir_at(fd, "data", "data")
    except Refused:
        return  # no data/ folder (or a link): the validator reports that, there is no media
    finally:
        os.close(fd)
    try:
        try:
            info = os.stat(MEDIA_FOLDER, dir_fd=data_fd, follow_symlinks=False)
        except FileNotFoundError:
            return  # no media folder: nothing to check
        except OSError:
            info = None
        if info is None or not stat.S_ISDIR(info.st_mode):
            yield data_fd, MEDIA_FOLDER, (MEDIA_FOLDER,), info
            return
        try:
            media_fd = os.open(MEDIA_FOLDER, _DIR_FLAGS, dir_fd=data_fd)
        except OSError:
            yield data_fd, MEDIA_FOLDER, (MEDIA_FOLDER,), None
            return
        yield from _walk(media_fd, (MEDIA_FOLDER,))
    finally:
        os.close(data_fd)


MAX_DEPTH = 16  # folders inside data/media/ (deeper ones are refused as a whole)


def _walk(fd: int, prefix: tuple[str, ...]):
    """Entries of the open folder ``fd`` (closed at the end), folders entered."""
    try:
        try:
            with os.scandir(fd) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError:
            names = []
        for name in names:
            try:
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except OSError:
                yield fd, name, (*prefix, name), None  # vanished or unreadable
                continue
            if stat.S_ISDIR(info.st_mode) and len(prefix) < MAX_DEPTH:
                try:
                    child = os.open(name, _DIR_FLAGS, dir_fd=fd)
                except OSError:
                    yield fd, name, (*prefix, name), None
                    continue
                yield from _walk(child, (*prefix, name))
            else:
                yield fd, name, (*prefix, name), info
    finally:
        os.close(fd)


def open_output_dir(base: Path, name: str) -> int:
    """The folder ``base/name`` (created if missing) as a descriptor; a link is refused
    (``OSError``). ``base`` is the caller's (the site folder, the cache folder)."""
    base_fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        try:
            os.mkdir(name, 0o755, dir_fd=base_fd)
        except FileExistsError:
            pass
        return os.open(name, _DIR_FLAGS, dir_fd=base_fd)
    finally:
        os.close(base_fd)


def write_at(dir_fd: int, name: str, data: bytes) -> None:
    """Write ``name`` in ``dir_fd`` atomically: a new temporary file (never an existing one,
    never through a link) renamed over it. A link already named ``name`` is replaced, not
    followed."""
    temporary = f".{name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | _CLOEXEC, 0o644,
                 dir_fd=dir_fd)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        try:
            os.unlink(temporary, dir_fd=dir_fd)
        except OSError:
            pass
        raise


def read_plain_at(dir_fd: int, name: str, max_bytes: int) -> bytes | None:
    """A regular file of a folder the pipeline owns (the cache), or None if it is missing,
    a link, not a regular file or larger than ``max_bytes``."""
    try:
        fd = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        return None
    except OSError:
        return None
    finally:
        os.close(fd)
