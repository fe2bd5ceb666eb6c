"""Validate a whole hub: every file, every record, every reference, in one run.

Order: settings (``data/hub.yml``), then what ``partnerhub.loader`` read (vocabularies,
records with their prose files), each checked against its model and for look-alike
letters (each record on its own: in helper processes for a big hub, ``partnerhub.workers``),
then the checks across records (references, the record types' own rules) and the missing
translations. Every problem is collected; nothing stops at the first error. Problems come
out sorted, whichever process found them.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from pydantic import BaseModel, ValidationError

from partnerhub.hub import Entry, Hub
from partnerhub.hubconfig import HubConfig
from partnerhub.loader import UNEXPECTED, Source, read_sources, read_yaml
from partnerhub.media import scan
from partnerhub.model.fields import ID_PATTERN
from partnerhub.messages import WARNING_CODES
from partnerhub.model.vocabulary import Vocabulary
from partnerhub.problems import Problem, Reporter
from partnerhub.registry import RECORD_TYPES, VOCABULARIES
from partnerhub.text import suggest_id
from partnerhub.validation import hub_settings, references, text_checks, translations
from partnerhub.validation.pydantic_errors import problems_from
from partnerhub.workers import map_in_processes
from partnerhub.yamlsource import Mark


def _validate_model(model: type[BaseModel], data, positions, hub_config, file: Path, report: Reporter,
                    prose: dict | None = None):
    try:
        return model.model_validate(data, context={"hub": hub_config})
    except ValidationError as exc:
        for path, code, params, at_key in problems_from(exc, model, data, positions, hub_config):
            report.at_path(file, positions, path, code, params, at_key=at_key, prose=prose)
        return None


def check_record(hub_config: HubConfig, root: Path, source: Source) -> tuple[BaseModel | None, list[Problem]]:
    """One record checked on its own: against its model, then (if valid, and named by its
    id) for look-alike letters and internationalised hosts. In a helper process for a big
    hub (``partnerhub.workers``): the record and the problems are sent back."""
    report = Reporter(root)
    record = _validate_model(source.type.model, source.data, source.positions, hub_config, source.path,
                             report, source.prose)
    if record is not None and record.id == source.path.stem:
        text_checks.check_entry(Entry(source.type, record, source.path, source.positions, source.prose), report)
    return record, report.problems


def _load_config(hub: Hub, report: Reporter):
    """Read and check ``data/hub.yml`` into ``hub.config``; its positions (None if unread)."""
    path = hub.data_dir / "hub.yml"
    if not path.is_file() and not path.is_symlink():
        report.add(path, Mark(1, 1), "hub_missing")
        return None
    data, positions = read_yaml(path, report)
    if data is not None:
        hub.config = _validate_model(HubConfig, data, positions, None, path, report)
    return positions


def _validate_vocabularies(hub: Hub, sources, report: Reporter) -> None:
    for name in VOCABULARIES:
        if name not in sources.vocabulary_paths:
            report.add(hub.data_dir / "vocabularies" / f"{name}.yml", Mark(1, 1), "vocab_missing", {"vocabulary": name})
        elif name in sources.vocabularies:
            path, data, positions = sources.vocabularies[name]
            vocab = _validate_model(Vocabulary, data, positions, hub.config, path, report)
            if vocab is not None:
                hub.vocabularies[name] = vocab
    for name, path in sources.vocabulary_paths.items():
        if name not in VOCABULARIES:
            report.add(path, Mark(1, 1), "file_unexpected", UNEXPECTED)


def check_id(source: Source, seen_ids: dict[str, Source], report: Reporter) -> None:
    """The file name is an id, the record's id is its file name, and no other file has it."""
    path, data, positions = source.path, source.data, source.positions
    if not ID_PATTERN.fullmatch(path.stem):
        report.add(path, Mark(1, 1), "file_name_not_id", {"name": path.name, "suggestion": suggest_id(path.stem)})
    record_id = data.get("id")
    if not (isinstance(record_id, str) and ID_PATTERN.fullmatch(record_id)):
        return
    if record_id != path.stem:
        report.add(path, positions.value_of(("id",)), "id_not_file_name",
                   {"value": record_id, "expected": path.stem}, "id")
    elif record_id in seen_ids:
        # both files are told: the one that came last is not necessarily the newer one
        other = seen_ids[record_id]
        report.add(path, positions.value_of(("id",)), "id_duplicate",
                   {"value": record_id, "other": report.rel(other.path)}, "id")
        report.add(other.path, other.positions.value_of(("id",)), "id_duplicate",
                   {"value": record_id, "other": report.rel(path)}, "id")
    else:
        seen_ids[record_id] = source


def validate_hub(root: Path, today: dt.date | None = None) -> Hub:
    """Load and check everything under ``root/data``; see :class:`partnerhub.hub.Hub`.
    ``today`` is the day the checks that depend on the date count from (a meeting still
    planned after its date): the day of the run unless given."""
    root = root.resolve()
    hub = Hub(root=root, config=None, today=today or dt.date.today())
    report = Reporter(root)
    config_positions = _load_config(hub, report)
    if hub.config is None:
        hub.problems = report.sorted()
        return hub
    sources = read_sources(hub.data_dir, hub.config.languages, report)
    hub.media = scan(root, cache_dir=hub.cache_dir / "media")  # after the settings: a hub is there
    for problem in hub.media.problems:
        report.add(root / problem.file, Mark(problem.line, problem.column), problem.code, problem.params)
    hub.files_read = sources.files_read + len(hub.media.files)
    hub_settings.check(hub, hub.data_dir / "hub.yml", config_positions, report)  # the logo's file
    _validate_vocabularies(hub, sources, report)
    seen_ids: dict[str, Source] = {}
    unvalidated: list[Source] = []
    checked = map_in_processes(partial(check_record, hub.config, root), sources.records)
    for source, (record, problems) in zip(sources.records, checked):
        check_id(source, seen_ids, report)
        report.problems += problems
        if record is not None and record.id == source.path.stem:
            hub.records[source.type.folder][record.id] = Entry(source.type, record, source.path, source.positions,
                                                               source.prose)
        else:
            unvalidated.append(source)
    check_across_records(hub, sources.known_ids, report, unvalidated)
    hub.problems = report.sorted()
    return hub


def check_across_records(hub: Hub, known_ids: dict[str, set[str]], report: Reporter,
                         unvalidated: list[Source]) -> None:
    """The checks that read more than one record: references, each type's rules (series,
    lineage…), translations. ``validate_hub`` runs them after the records are checked one
    by one; the preview (partnerhub/preview/live.py) after an edit."""
    references.check(hub, known_ids, report, unvalidated)
    for record_type in RECORD_TYPES:
        for entry in hub.records[record_type.folder].values():
            for rule in record_type.rules:
                for path, code, params in rule(entry, hub):
                    report.at_path(entry.file, entry.positions, path, code, params, prose=entry.prose,
                                   severity="warning" if code in WARNING_CODES else "error")
    translations.check(hub, report)
