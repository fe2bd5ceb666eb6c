"""A problem found in the data, where it is, and how it is printed.

:class:`Problem` keeps its message code and parameters as data; the message is rendered
in the output language when it is printed (plain text or GitHub annotations).
:class:`Reporter` collects the problems of a run (reading, validation, media) and turns a
record's field path into the line and column a contributor has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.i18n import gettext_
from partnerhub.messages import render
from partnerhub.yamlsource import Mark, Positions, mark_at


@dataclass(frozen=True)
class Problem:
    """One error or warning, tied to a file, a line, a column and a field path."""

    file: str  # path relative to the repository root, with forward slashes
    line: int
    column: int
    severity: str  # "error" or "warning"
    field: str  # dotted field path, e.g. photos[0].alt.en ("" for the whole file)
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        return render(self.code, self.params)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.severity, self.field, self.code)

    def as_text(self) -> str:
        severity = gettext_("error") if self.severity == "error" else gettext_("warning")
        where = f"{self.field}: " if self.field else ""
        # one problem per line, whatever odd characters a file name, a key or a value holds
        return _one_line(f"{self.file}:{self.line}:{self.column}: {severity}: {where}{self.message}")

    def as_github(self) -> str:
        level = "error" if self.severity == "error" else "warning"
        where = f"{self.field}: " if self.field else ""
        text = _escape_data(where + self.message)
        file = _escape_property(self.file)
        return f"::{level} file={file},line={self.line},col={self.column},title={_escape_property(self.code)}::{text}"


def format_path(path: tuple) -> str:
    """``("photos", 0, "alt", "en")`` -> ``photos[0].alt.en``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# GitHub's workflow-command escaping (actions/toolkit, command.ts).
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sorted by file, then line and column; exact duplicates removed.

    Two problems at the same place with the same code but different parameters (the
    missing Greek and the missing French text of one record) are both kept.
    """
    unique: dict[tuple, Problem] = {}
    for problem in problems:
        unique.setdefault((*problem.sort_key(), problem.message), problem)
    return sorted(unique.values(), key=lambda p: (*p.sort_key(), p.message))


def _as_written(positions: Positions, path: tuple) -> tuple:
    """``network[0]`` is ``network`` when the file says ``network: a`` for a list of one."""
    if path and isinstance(path[-1], int) and path[:-1] in positions.spans and path not in positions.values:
        return path[:-1]
    return path


class Reporter:
    """Collects problems, turning field paths into lines and columns."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: Path, mark: Mark, code: str, params: dict | None = None,
            field: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.rel(file), mark.line, mark.column, severity, field, code, params or {}))

    def at_path(self, entry_file: Path, positions: Positions, path: tuple, code: str, params: dict,
                severity: str = "error", at_key: bool = False, prose: dict | None = None) -> None:
        """A problem of the value at field ``path`` of a record (or of its key, ``at_key``);
        text that came from a prose file (``prose``: (field, lang) -> (file, line)) is
        reported in that file."""
        path = _as_written(positions, tuple(path))
        file, mark = entry_file, (positions.of(path) if at_key else positions.value_of(path))
        snippet = params.get("snippet")  # the exact text at fault, within a longer text
        origin = (prose or {}).get(tuple(path[:2]))
        if origin is not None:
            file, mark = origin[0], Mark(origin[1], 1)
            if snippet:
                mark = self._find_in_file(file, origin[1], snippet) or mark
        elif snippet and not at_key:
            mark = positions.find(path, snippet) or mark
        self.add(file, mark, code, params, format_path(path), severity)

    @staticmethod
    def _find_in_file(file: Path, from_line: int, snippet: str) -> Mark | None:
        """Where ``snippet`` first stands in ``file`` at or after line ``from_line``."""
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return None
        start = 0
        for _ in range(from_line - 1):
            start = text.find("\n", start) + 1
            if start == 0:
                return None
        index = text.find(snippet, start)
        return mark_at(text, index) if index >= 0 else None

    def sorted(self) -> list[Problem]:
        return sort_problems(self.problems)
