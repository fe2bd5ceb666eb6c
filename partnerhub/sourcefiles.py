"""Finding and reading the files under ``data/``: YAML records, prose Markdown, media.

Reading never raises on bad content: undecodable bytes and stray files become problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.yamlsource import Mark

PROSE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")
SECTION_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*\{#(?P<key>[A-Za-z0-9_-]+)\}\s*$")
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


@dataclass
class TextFile:
    path: Path
    text: str | None
    problem: tuple[str, dict, Mark] | None = None


def read_text(path: Path) -> TextFile:
    """Read a file as UTF-8; a decoding error or a BOM becomes a problem, not an exception."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return TextFile(path, None, ("file_bom", {}, Mark(1, 1)))
    try:
        return TextFile(path, raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8")) + 1  # characters, not bytes
        return TextFile(path, None, ("file_not_utf8", {"offset": exc.start}, Mark(line, column)))


@dataclass
class ProseSection:
    key: str
    text: str
    line: int  # line of the first line of text in the .md file


@dataclass
class ProseFile:
    """A ``<id>.<lang>.md`` file split into sections (one unnamed section if no headings)."""

    path: Path
    record_id: str
    lang: str
    sections: list[ProseSection] = field(default_factory=list)
    preamble_line: int | None = None  # line of text standing before the first heading


def split_prose(path: Path, text: str, record_id: str, lang: str, with_sections: bool) -> ProseFile:
    prose = ProseFile(path, record_id, lang)
    lines = text.splitlines()
    if not with_sections:
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        prose.sections.append(ProseSection("", text.strip(), first + 1))
        return prose
    current: ProseSection | None = None
    buffer: list[str] = []
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        heading = None if in_fence else SECTION_HEADING.match(line)
        if heading:
            if current is not None:
                current.text = "\n".join(buffer).strip()
            current = ProseSection(heading["key"], "", number)
            prose.sections.append(current)
            buffer = []
            continue
        if current is None:
            if line.strip() and prose.preamble_line is None:
                prose.preamble_line = number
            continue
        buffer.append(line)
    if current is not None:
        current.text = "\n".join(buffer).strip()
    return prose


def is_inside(path: Path, root: Path) -> bool:
    """True if ``path``, after following links, is inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
