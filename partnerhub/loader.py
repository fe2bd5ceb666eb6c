"""Reading the files under ``data/``: settings, vocabularies, records and their prose files.

Records are read here, once; ``partnerhub.validation`` then checks what was read. Reading
never raises on bad content: a file that is too large, not UTF-8, a symbolic link, a pipe,
a stray file or broken YAML becomes a problem with its file, line and column. Files are
read through a descriptor opened without following links, after checking that it is a
regular file of reasonable size, so that nothing on the build machine is read through
``data/``.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.messages import Word
from partnerhub.problems import Reporter, format_path
from partnerhub.registry import BY_FOLDER, FOLDERS, RecordType
from partnerhub.workers import map_in_processes
from partnerhub.yamlsource import Mark, Positions, load_yaml, mark_at

PROSE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")
SECTION_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*\{#(?P<key>[A-Za-z0-9_-]+)\}\s*$")
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}
FREE_FOLDERS = {"media", "schemas"}  # checked elsewhere (media) or generated (schemas)
VOCABULARY_FOLDER = "vocabularies"
MAX_TEXT_FILE_BYTES = 1_000_000  # a record or a prose file; the largest demo record is 9 kB
# Where files may go, for the message about a file that is in none of these places.
UNEXPECTED = {"folders": ", ".join(f"data/{folder}" for folder in (*FOLDERS, VOCABULARY_FOLDER, "media"))}
# Characters that YAML and many editors take for line breaks inside a line of text.
_LINE_SEPARATOR_CHARACTERS = "\u2028\u2029\u0085"
_LINE_SEPARATORS = re.compile(f"[{_LINE_SEPARATOR_CHARACTERS}]")


@dataclass
class TextFile:
    path: Path
    text: str | None
    problem: tuple[str, dict, Mark] | None = None


def read_text(path: Path, limit: int = MAX_TEXT_FILE_BYTES) -> TextFile:
    """Read a file as UTF-8, never through a link, never more than ``limit`` bytes; a
    problem (too large, not a regular file, a BOM, bad bytes) comes back, not an exception."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return TextFile(path, None, ("file_link" if path.is_symlink() else "file_unreadable", {}, Mark(1, 1)))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return TextFile(path, None, ("file_unexpected", UNEXPECTED, Mark(1, 1)))
        if info.st_size > limit:
            return TextFile(path, None, ("file_too_large", {"size": _kilobytes(info.st_size),
                                                            "limit": _kilobytes(limit)}, Mark(1, 1)))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # as much as the file holds (not a buffer of ``limit`` bytes for each small file),
            # then whatever it grew by since, up to the limit
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(limit + 1 - len(raw))
    finally:
        os.close(fd)
    if raw.startswith(b"\xef\xbb\xbf"):
        return TextFile(path, None, ("file_bom", {}, Mark(1, 1)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8")) + 1  # characters, not bytes
        return TextFile(path, None, ("file_not_utf8", {"offset": exc.start}, Mark(line, column)))
    separator = _LINE_SEPARATORS.search(text) if any(char in text for char in _LINE_SEPARATOR_CHARACTERS) else None
    if separator:
        return TextFile(path, None, ("text_line_separator", {"code_point": f"U+{ord(separator.group()):04X}"},
                                     mark_at(text, separator.start())))
    return TextFile(path, text)


def _kilobytes(size: int) -> str:
    return f"{size / 1000:,.0f} kB"


# --- prose files ---------------------------------------------------------------------

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


# --- what was read ---------------------------------------------------------------------

@dataclass
class Source:
    """A record file as read: its raw data (prose files merged in) and where each value is."""

    type: RecordType
    path: Path
    data: dict
    positions: Positions
    prose: dict = field(default_factory=dict)  # (field, lang) -> (.md file, line)


@dataclass
class Sources:
    vocabularies: dict[str, tuple[Path, dict, Positions]] = field(default_factory=dict)
    vocabulary_paths: dict[str, Path] = field(default_factory=dict)
    records: list[Source] = field(default_factory=list)
    # every record file's id (its name) by folder, valid or not: references are checked
    # against these, so that a typo in one file does not turn into errors in all others
    known_ids: dict[str, set[str]] = field(default_factory=dict)
    files_read: int = 0


@dataclass
class ParsedFile:
    """A YAML file read and parsed: its mapping and positions (None if it has none), and
    its problems as ``(mark, code, params, field)``."""

    data: dict | None
    positions: Positions | None
    problems: list[tuple[Mark, str, dict, str]]


def parse_yaml_file(path: Path) -> ParsedFile:
    """Read and parse one YAML file, without reporting (it may run in a worker process)."""
    source = read_text(path)
    if source.problem:
        code, params, mark = source.problem
        return ParsedFile(None, None, [(mark, code, params, "")])
    doc = load_yaml(source.text)
    problems = [(problem.mark, problem.code, problem.params, format_path(problem.path)) for problem in doc.problems]
    if doc.data is None and doc.problems:
        return ParsedFile(None, None, problems)
    if not isinstance(doc.data, dict):  # a list, a text, or a lone `null`
        problems.append((Mark(1, 1), "yaml_not_mapping", {}, ""))
        return ParsedFile(None, None, problems)
    return ParsedFile(doc.data, doc.positions, problems)


def _reported(path: Path, parsed: ParsedFile, report: Reporter) -> tuple[dict | None, Positions | None]:
    for mark, code, params, where in parsed.problems:
        report.add(path, mark, code, params, where)
    return parsed.data, parsed.positions


def read_yaml(path: Path, report: Reporter) -> tuple[dict | None, Positions | None]:
    """A YAML mapping and its positions, or (None, None) after reporting why not."""
    return _reported(path, parse_yaml_file(path), report)


def _walk(data_dir: Path):
    """Every entry under ``data_dir`` (links not followed), sorted, as (path, parts)."""
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        dirs.sort()
        here = Path(folder)
        inside = os.path.relpath(folder, data_dir)
        parts = () if inside == os.curdir else here.relative_to(data_dir).parts  # once per folder
        for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            yield here / name, (*parts, name)


def _classify(data_dir: Path, report: Reporter):
    """Sort the files under data/ into vocabularies, records and prose; flag the rest."""
    vocabularies: dict[str, Path] = {}
    records: dict[str, list[Path]] = {folder: [] for folder in FOLDERS}
    prose: dict[str, list[Path]] = {folder: [] for folder in FOLDERS}
    seen_lower: dict[str, Path] = {}
    for path, parts in _walk(data_dir):
        if path.name in IGNORED_NAMES or parts[0] in FREE_FOLDERS or parts == ("hub.yml",):
            continue
        if path.is_symlink():  # never followed, wherever it leads
            report.add(path, Mark(1, 1), "file_link", {"value": report.rel(path)})
            continue
        lower = "/".join(parts).lower()
        if lower in seen_lower:  # one file on Windows and macOS, two on Linux
            report.add(path, Mark(1, 1), "file_name_case", {"other": report.rel(seen_lower[lower])})
            continue
        seen_lower[lower] = path
        folder = parts[0] if len(parts) == 2 else None
        if folder in (*FOLDERS, VOCABULARY_FOLDER) and path.suffix == ".yaml":
            report.add(path, Mark(1, 1), "file_yaml_extension", {"suggestion": path.stem + ".yml"})
        elif folder == VOCABULARY_FOLDER and path.suffix == ".yml":
            vocabularies[path.stem] = path
        elif folder in FOLDERS and path.suffix == ".yml":
            records[folder].append(path)
        elif folder in FOLDERS and PROSE_NAME.match(path.name):
            prose[folder].append(path)
        else:
            report.add(path, Mark(1, 1), "file_unexpected", UNEXPECTED)
    return vocabularies, records, prose


def read_prose(record_type: RecordType, paths: list[Path], record_ids: set[str], languages: list[str],
                report: Reporter) -> dict[str, list[ProseFile]]:
    """Read the <id>.<lang>.md files of one folder; returns {record id: [ProseFile]}."""
    found: dict[str, list[ProseFile]] = {}
    sections = record_type.prose.sections
    for path in paths:
        match = PROSE_NAME.match(path.name)
        record_id, lang = match["id"], match["lang"]
        if lang not in languages:
            report.add(path, Mark(1, 1), "prose_language", {"lang": lang, "known": ", ".join(languages)})
            continue
        if record_id not in record_ids:
            report.add(path, Mark(1, 1), "prose_orphan", {"id": record_id})
            continue
        source = read_text(path)
        if source.problem:
            code, params, mark = source.problem
            report.add(path, mark, code, params)
            continue
        if not source.text.strip():
            report.add(path, Mark(1, 1), "prose_empty", {"lang": lang})
            continue
        parsed = split_prose(path, source.text, record_id, lang, with_sections=bool(sections))
        if parsed.preamble_line is not None:
            report.add(path, Mark(parsed.preamble_line, 1), "prose_section_missing")
        seen = set()
        for section in parsed.sections:
            if sections and section.key not in sections:
                report.add(path, Mark(section.line, 1), "prose_section_unknown",
                           {"section": section.key, "kind": Word(record_type.label), "known": ", ".join(f"{{#{s}}}" for s in sections)})
            elif section.key in seen:
                report.add(path, Mark(section.line, 1), "prose_section_twice", {"section": section.key})
            seen.add(section.key)
        found.setdefault(record_id, []).append(parsed)
    return found


def merge_prose(record_type: RecordType, data: dict, files: list[ProseFile], record_file: Path,
                 report: Reporter) -> dict:
    """Put the prose files' text into the record's fields; returns {(field, lang): (file, line)}."""
    origins: dict = {}
    rule = record_type.prose
    for prose in files:
        for section in prose.sections:
            name = rule.field or section.key
            if name not in rule.fields:
                continue
            current = data.get(name)
            if isinstance(current, dict) and prose.lang in current and (name, prose.lang) not in origins:
                report.add(prose.path, Mark(section.line, 1), "prose_both",
                           {"field": name, "lang": prose.lang, "md": report.rel(record_file)})
                continue
            if current is not None and not isinstance(current, dict):
                continue  # the YAML's own type error is reported by the model
            data[name] = {**(current or {}), prose.lang: section.text}
            origins[(name, prose.lang)] = (prose.path, section.line)
    return origins


def read_sources(data_dir: Path, languages: list[str], report: Reporter) -> Sources:
    """Read every vocabulary, record and prose file under ``data_dir``."""
    sources = Sources()
    vocabulary_paths, record_paths, prose_paths = _classify(data_dir, report)
    sources.vocabulary_paths = vocabulary_paths
    for name, path in vocabulary_paths.items():
        data, positions = read_yaml(path, report)
        if data is not None:
            sources.vocabularies[name] = (path, data, positions)
    # the record files, parsed in worker processes if there are many (partnerhub.workers)
    every_path = [path for paths in record_paths.values() for path in paths]
    parsed = dict(zip(every_path, map_in_processes(parse_yaml_file, every_path)))
    for folder, paths in record_paths.items():
        record_type = BY_FOLDER[folder]
        sources.known_ids[folder] = {p.stem for p in paths}
        prose = read_prose(record_type, prose_paths[folder], sources.known_ids[folder], languages, report)
        for path in paths:
            data, positions = _reported(path, parsed.pop(path), report)
            if data is None:
                continue
            origins = merge_prose(record_type, data, prose.get(path.stem, []), path, report)
            sources.records.append(Source(record_type, path, data, positions, origins))
    sources.files_read = (len(vocabulary_paths) + sum(map(len, record_paths.values()))
                          + sum(map(len, prose_paths.values())) + 1)
    return sources


def is_inside(path: Path, root: Path) -> bool:
    """True if ``path``, after following links, is inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
