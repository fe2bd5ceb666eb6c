"""The result of ``partnerhub validate`` remembered between runs, by content hash.

A run with nothing changed reads the problems from the hub's cache folder
(``partnerhub.hub.cache_dir``: ``$PARTNERHUB_CACHE`` or the user's cache) instead of
validating again. The cache can never hide an error: its key is the hash of

* every file and folder under ``data/`` (settings, vocabularies, records, prose, media:
  each file's bytes, each link's target, each other entry's kind),
* the package's own files (its code, messages and data) and the version of every
  installed distribution and of Python,
* the hub's folder and the day of the run (some checks depend on the date),

and any change to one of them validates everything again. A cache file that cannot be
read, is not JSON, or does not have the expected shape is ignored (and rewritten); a
result whose message parameters could not be stored exactly is not stored at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partnerhub.cachedir import cache_dir
from partnerhub.messages import LanguageName, Msg, Word
from partnerhub.problems import Problem

FORMAT = 1  # bump when what is stored changes
CACHE_FILE = "validate.json"
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    """What ``validate`` prints: the problems and the counts of the summary line."""

    problems: list[Problem]
    # per record type, in the registry's order: its count's (singular, plural) msgids, valid records
    counts: list[tuple[tuple[str, str], int]] = field(default_factory=list)
    files_read: int = 0
    vocabularies: int = 0
    cached: bool = False  # read from the cache

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class _Uncacheable(Exception):
    """A message parameter of a type the cache cannot store exactly."""


def _encode(value):
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Word):
        return {"word": value.msgid}
    if isinstance(value, LanguageName):
        return {"language": value.code}
    if isinstance(value, Msg):
        return {"msg": value.code, "params": {name: _encode(v) for name, v in value.params.items()}}
    raise _Uncacheable(type(value).__name__)


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"word"}:
            return Word(str(value["word"]))
        if set(value) == {"language"}:
            return LanguageName(str(value["language"]))
        if set(value) == {"msg", "params"}:
            return Msg(str(value["msg"]), {name: _decode(v) for name, v in value["params"].items()})
        raise ValueError("unknown value in the cache")
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise ValueError("unknown value in the cache")


def _hash_file(digest, path: Path, info: os.stat_result) -> None:
    """The bytes of a regular file, read without following links and never blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        digest.update(f"unreadable {exc.errno}".encode())
        return
    with os.fdopen(fd, "rb") as handle:
        file_digest = hashlib.file_digest(handle, "sha256")
    digest.update(file_digest.digest())


def _hash_tree(digest, folder: Path) -> None:
    """Every entry under ``folder``, sorted, links not followed."""
    if not folder.is_dir() or folder.is_symlink():
        digest.update(f"no folder {folder.is_symlink()}".encode())
        return
    top = len(str(folder)) + 1
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files + dirs):
            path = os.path.join(here, name)
            info = os.lstat(path)
            rel = path[top:].replace(os.sep, "/")
            digest.update(b"\0" + rel.encode("utf-8", "surrogateescape") + b"\0")
            if stat.S_ISLNK(info.st_mode):
                digest.update(b"link " + os.fsencode(os.readlink(path)))
            elif stat.S_ISREG(info.st_mode):
                digest.update(b"file %d " % info.st_size)
                _hash_file(digest, path, info)
            else:
                digest.update(b"kind %d" % stat.S_IFMT(info.st_mode))


@lru_cache(maxsize=1)
def code_key() -> str:
    """The package's files and the installed distributions' versions, hashed."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".mo"):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update("\n".join(_distributions()).encode())
    return digest.hexdigest()


def _distributions() -> list[str]:
    """The installed distributions with their versions, as the names of their metadata
    folders (``pydantic-2.9.2.dist-info``) wherever Python looks for them (``sys.path``),
    without parsing each one's metadata."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [f"{entry}/{name}" for name in names if name.endswith((".dist-info", ".egg-info"))]
    return sorted(found)


def key(root: Path, today: dt.date) -> str:
    """The cache key of validating the hub in ``root`` on ``today``."""
    digest = hashlib.sha256(f"{code_key()}\n{root.resolve()}\n{today.isoformat()}\n".encode())
    _hash_tree(digest, root / "data")
    return digest.hexdigest()


def _cache_file(root: Path) -> Path:
    return cache_dir(root) / CACHE_FILE


def _read(path: Path, wanted: str) -> Result | None:
    """The stored result if it is there, whole and for ``wanted``; else None (never raises)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict) or stored.get("key") != wanted:
            return None
        problems = [Problem(str(p["file"]), int(p["line"]), int(p["column"]), str(p["severity"]), str(p["field"]),
                            str(p["code"]), {str(name): _decode(v) for name, v in p["params"].items()})
                    for p in stored["problems"]]
        counts = [((str(forms[0]), str(forms[1])), int(n)) for forms, n in stored["counts"]]
        return Result(problems, counts, int(stored["files_read"]), int(stored["vocabularies"]), cached=True)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write(path: Path, wanted: str, result: Result) -> None:
    try:
        problems = [{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "field": p.field,
                     "code": p.code, "params": {name: _encode(v) for name, v in p.params.items()}}
                    for p in result.problems]
    except _Uncacheable:
        return
    stored = {"key": wanted, "problems": problems, "counts": [[list(forms), n] for forms, n in result.counts], "files_read": result.files_read,
              "vocabularies": result.vocabularies}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:  # a read-only cache folder: the next run validates again
        pass


def validate(root: Path, today: dt.date | None = None, use_cache: bool = True) -> Result:
    """Validate the hub in ``root``, or reuse the stored result of the same inputs."""
    root = Path(root).resolve()
    today = today or dt.date.today()
    wanted = key(root, today)
    path = _cache_file(root)
    if use_cache:
        stored = _read(path, wanted)
        if stored is not None:
            return stored
    from partnerhub.hub import load_hub  # the models: only when validating
    from partnerhub.registry import RECORD_TYPES

    hub = load_hub(root, today)
    result = Result(hub.problems, [(tuple(t.count), len(hub.records[t.folder])) for t in RECORD_TYPES],
                    hub.files_read, len(hub.vocabularies))
    if hub.config is not None:  # without settings there is no hub, and no cache folder of its own
        _write(path, wanted, result)
    return result
