"""A problem found in the data, and how problems are printed (plain text or GitHub annotations)."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerhub.i18n import gettext_
from partnerhub.validation.messages import render


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
