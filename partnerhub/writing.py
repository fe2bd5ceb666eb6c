"""Writing files into the hub (``partnerhub schema``, ``partnerhub new``): never through a
symbolic link, never half a file.

A folder on the way that is a link (``data/``, ``data/meetings/``) could lead anywhere on
the machine: nothing is written through it. A file is written beside its target and renamed
over it (or linked to a name that must be free), so a reader never sees half of it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class LinkedFolder(OSError):
    """A folder on the way is a symbolic link: nothing is written through it."""


def refuse_links(root: Path, folder: Path) -> None:
    """Raise :class:`LinkedFolder` if ``folder`` or a folder between ``root`` and it is a link."""
    folder = Path(folder)
    for part in [folder, *folder.parents]:
        if part == root or root not in part.parents:
            break
        if part.is_symlink():
            raise LinkedFolder(errno.ELOOP, "a symbolic link: nothing is written through it", str(part))


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` to a new file beside ``path`` and rename it over ``path``: a link at
    ``path`` is replaced by the file, never followed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` only if no such file (or link) exists; raises FileExistsError.

    The text goes to a temporary file first, then a hard link gives it its name: the link
    fails if the name is taken. Where hard links are not possible, ``O_EXCL`` does the same.
    """
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here: fall back on O_EXCL
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0),
                     0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    finally:
        os.unlink(tmp)
