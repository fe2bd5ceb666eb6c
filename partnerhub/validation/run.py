"""Validate a whole hub: every file, every record, every reference, in one run.

Order: settings (``data/hub.yml``), vocabularies, prose files, records, then the checks
across records. Every problem is collected; nothing stops at the first error.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from partnerhub.hub import Entry, Hub
from partnerhub.hubconfig import HubConfig
from partnerhub.model import RECORD_TYPES
from partnerhub.model.fields import ID_PATTERN
from partnerhub.text import suggest_id
from partnerhub.model.practice import SECTIONS
from partnerhub.model.vocabulary import VOCABULARIES, Vocabulary
from partnerhub.sourcefiles import IGNORED_NAMES, PROSE_NAME, ProseFile, is_inside, read_text, split_prose
from partnerhub.validation import references, translations
from partnerhub.validation.problems import Problem, format_path, sort_problems
from partnerhub.validation.pydantic_errors import problems_from
from partnerhub.yamlsource import Mark, Positions, load_yaml, mark_at

# Which field a record type's <id>.<lang>.md file fills; practices split it into SECTIONS.
PROSE_FIELDS = {"meetings": "report", "partners": "description", "networks": "summary", "practices": None}
FREE_FOLDERS = {"media", "schemas"}  # any files may live here


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


def _validate_model(model, data, positions, hub_config, file: Path, report: Reporter, prose: dict):
    try:
        return model.model_validate(data, context={"hub": hub_config})
    except ValidationError as exc:
        for path, code, params, at_key in problems_from(exc, model, data, positions, hub_config):
            report.at_path(file, positions, path, code, params, at_key=at_key, prose=prose)
        return None


def _read_yaml(path: Path, report: Reporter):
    source = read_text(path)
    if source.problem:
        code, params, mark = source.problem
        report.add(path, mark, code, params)
        return None, None
    doc = load_yaml(source.text)
    for problem in doc.problems:
        report.add(path, problem.mark, problem.code, problem.params, format_path(problem.path))
    if doc.data is None and doc.problems:
        return None, None
    if not isinstance(doc.data, dict):  # a list, a text, or a lone `null`
        report.add(path, Mark(1, 1), "yaml_not_mapping")
        return None, None
    return doc.data, doc.positions


def _load_config(hub: Hub, report: Reporter) -> None:
    path = hub.data_dir / "hub.yml"
    if not path.is_file():
        report.add(path, Mark(1, 1), "hub_missing")
        return
    data, positions = _read_yaml(path, report)
    if data is not None:
        hub.config = _validate_model(HubConfig, data, positions, None, path, report, {})


def _classify(hub: Hub, report: Reporter):
    """Sort the files under data/ into vocabularies, records and prose; flag the rest."""
    vocabularies, records, prose = {}, {kind: [] for kind in RECORD_TYPES}, {kind: [] for kind in RECORD_TYPES}
    for path in sorted(hub.data_dir.rglob("*")):
        if path.name in IGNORED_NAMES or (path.is_dir() and not path.is_symlink()):
            continue
        parts = path.relative_to(hub.data_dir).parts
        if parts[0] in FREE_FOLDERS or parts == ("hub.yml",):
            continue
        if path.is_symlink() and not is_inside(path, hub.root):
            # never read it: it may be anything on the machine (a device, a huge file)
            report.add(path, Mark(1, 1), "file_outside", {"value": report.rel(path)})
            continue
        if path.is_dir():  # a link to a folder inside the repository
            continue
        if not path.exists():  # a dangling link
            report.add(path, Mark(1, 1), "file_missing", {"value": report.rel(path)})
            continue
        if not path.is_file():  # a pipe, a socket, a device: never read it
            report.add(path, Mark(1, 1), "file_unexpected")
            continue
        if len(parts) == 2 and parts[0] in (*RECORD_TYPES, "vocabularies") and path.suffix == ".yaml":
            report.add(path, Mark(1, 1), "file_yaml_extension", {"suggestion": path.stem + ".yml"})
            continue
        if len(parts) == 2 and parts[0] == "vocabularies" and path.suffix == ".yml" and path.stem in VOCABULARIES:
            vocabularies[path.stem] = path
        elif len(parts) == 2 and parts[0] in RECORD_TYPES and path.suffix == ".yml":
            records[parts[0]].append(path)
        elif len(parts) == 2 and parts[0] in RECORD_TYPES and PROSE_NAME.match(path.name):
            prose[parts[0]].append(path)
        else:
            report.add(path, Mark(1, 1), "file_unexpected")
    return vocabularies, records, prose


def _load_vocabularies(hub: Hub, paths: dict, report: Reporter) -> None:
    for name in VOCABULARIES:
        path = paths.get(name)
        if path is None:
            report.add(hub.data_dir / "vocabularies" / f"{name}.yml", Mark(1, 1), "vocab_missing", {"vocabulary": name})
            continue
        data, positions = _read_yaml(path, report)
        if data is not None:
            vocab = _validate_model(Vocabulary, data, positions, hub.config, path, report, {})
            if vocab is not None:
                hub.vocabularies[name] = vocab


def _load_prose(kind: str, paths: list[Path], record_ids: set[str], hub: Hub, report: Reporter) -> dict:
    """Read <id>.<lang>.md files; returns {record id: [ProseFile]}."""
    found: dict[str, list[ProseFile]] = {}
    for path in paths:
        match = PROSE_NAME.match(path.name)
        record_id, lang = match["id"], match["lang"]
        if lang not in hub.config.languages:
            report.add(path, Mark(1, 1), "prose_language", {"lang": lang, "known": ", ".join(hub.config.languages)})
            continue
        if record_id not in record_ids:
            report.add(path, Mark(1, 1), "prose_orphan", {"id": record_id})
            continue
        source = read_text(path)
        if source.problem:
            code, params, mark = source.problem
            report.add(path, mark, code, params)
            continue
        parsed = split_prose(path, source.text, record_id, lang, with_sections=PROSE_FIELDS[kind] is None)
        if parsed.preamble_line is not None:
            report.add(path, Mark(parsed.preamble_line, 1), "prose_section_missing")
        seen = set()
        for section in parsed.sections:
            if PROSE_FIELDS[kind] is None and section.key not in SECTIONS:
                report.add(path, Mark(section.line, 1), "prose_section_unknown",
                           {"section": section.key, "known": ", ".join(f"{{#{s}}}" for s in SECTIONS)})
            elif section.key in seen:
                report.add(path, Mark(section.line, 1), "prose_section_twice", {"section": section.key})
            seen.add(section.key)
        found.setdefault(record_id, []).append(parsed)
    return found


def _merge_prose(kind: str, data: dict, files: list[ProseFile], record_file: Path, report: Reporter) -> dict:
    """Put the prose files' text into the record's fields; returns {(field, lang): (file, line)}."""
    origins: dict = {}
    for prose in files:
        for section in prose.sections:
            field = PROSE_FIELDS[kind] or section.key
            if PROSE_FIELDS[kind] is None and section.key not in SECTIONS:
                continue
            current = data.get(field)
            if isinstance(current, dict) and prose.lang in current and (field, prose.lang) not in origins:
                report.add(prose.path, Mark(section.line, 1), "prose_both",
                           {"field": field, "lang": prose.lang, "md": report.rel(record_file)})
                continue
            if current is not None and not isinstance(current, dict):
                continue  # the YAML's own type error is reported by the model
            data[field] = {**(current or {}), prose.lang: section.text}
            origins[(field, prose.lang)] = (prose.path, section.line)
    return origins


def _load_records(hub: Hub, kind: str, paths: list[Path], prose_paths: list[Path], report: Reporter,
                  seen_ids: dict, unvalidated: list) -> None:
    model: type[BaseModel] = RECORD_TYPES[kind]
    prose = _load_prose(kind, prose_paths, {p.stem for p in paths}, hub, report)
    for path in paths:
        if not ID_PATTERN.fullmatch(path.stem):
            report.add(path, Mark(1, 1), "file_name_not_id", {"name": path.name, "suggestion": suggest_id(path.stem)})
        data, positions = _read_yaml(path, report)
        if data is None:
            continue
        origins = _merge_prose(kind, data, prose.get(path.stem, []), path, report)
        record_id = data.get("id")
        if isinstance(record_id, str) and ID_PATTERN.fullmatch(record_id):
            if record_id != path.stem:
                report.add(path, positions.value_of(("id",)), "id_not_file_name",
                           {"value": record_id, "expected": path.stem}, "id")
            elif record_id in seen_ids:
                report.add(path, positions.value_of(("id",)), "id_duplicate",
                           {"value": record_id, "other": seen_ids[record_id]}, "id")
            else:
                seen_ids[record_id] = report.rel(path)
        record = _validate_model(model, data, positions, hub.config, path, report, origins)
        if record is not None and record.id == path.stem:
            hub.records[kind][record.id] = Entry(kind, record, path, positions, origins)
        else:
            unvalidated.append(references.Unvalidated(kind, path, data, positions))


def validate_hub(root: Path) -> Hub:
    """Load and check everything under ``root/data``; see :class:`partnerhub.hub.Hub`."""
    root = root.resolve()
    hub = Hub(root=root, config=None)
    report = Reporter(root)
    _load_config(hub, report)
    if hub.config is None:
        hub.problems = sort_problems(report.problems)
        return hub
    vocab_paths, record_paths, prose_paths = _classify(hub, report)
    hub.files_read = len(vocab_paths) + sum(len(p) for p in record_paths.values()) + sum(len(p) for p in prose_paths.values()) + 1
    _load_vocabularies(hub, vocab_paths, report)
    seen_ids: dict[str, str] = {}
    unvalidated: list[references.Unvalidated] = []
    for kind in RECORD_TYPES:
        _load_records(hub, kind, record_paths[kind], prose_paths[kind], report, seen_ids, unvalidated)
    known_ids = {kind: {p.stem for p in paths} for kind, paths in record_paths.items()}
    references.check(hub, known_ids, report, unvalidated)
    translations.check(hub, report)
    hub.problems = sort_problems(report.problems)
    return hub
