"""The hub kept in memory by the preview: an edit re-reads and re-checks only its files.

The first load is the validator's (:func:`partnerhub.hub.load_hub`). After that, an edit
of record files (``data/<folder>/<id>.yml`` and its prose files ``<id>.<lang>.md``) costs
reading and checking those records alone, with the validator's own functions: the file,
its model, its look-alike letters and, if it is invalid, the references its raw data
names. The checks across records (references of every record, the record types' rules,
missing translations) are cheap and run again over the whole hub, so that a deleted
partner shows its broken references in the files that still name it.

The problems of the whole hub are then: those of the first load that belong to no edited
record and come from no cross-record check, the edited records' own, and the new
cross-record ones. Anything else under ``data/`` (settings, vocabularies, media) is a
full reload (:meth:`LiveData.load`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from partnerhub.hub import Entry, Hub, load_hub
from partnerhub.loader import PROSE_NAME, Source, merge_prose, read_prose, read_yaml
from partnerhub.problems import Problem, Reporter, sort_problems
from partnerhub.registry import BY_FOLDER, FOLDERS
from partnerhub.validation import references
from partnerhub.validation.run import check_across_records, check_id, check_record

_RECORD_YAML = re.compile(r"^(?P<id>[^.]+)\.yml$")


def record_of(path: str) -> tuple[str, str] | None:
    """``data/practices/x.yml`` or ``data/practices/x.el.md`` -> ``("practices", "x")``;
    None for any other file."""
    parts = PurePosixPath(path).parts
    if len(parts) != 3 or parts[0] != "data" or parts[1] not in FOLDERS:
        return None
    match = _RECORD_YAML.match(parts[2]) or PROSE_NAME.match(parts[2])
    return (parts[1], match["id"]) if match else None


def _key(problem: Problem) -> tuple:
    return (*problem.sort_key(), problem.message)


class LiveData:
    """The hub of ``root``, loaded once and then updated record by record."""

    def __init__(self, root: Path, today: dt.date | None = None) -> None:
        self.root = Path(root).resolve()
        self.today = today
        self.hub: Hub | None = None
        self._base: list[Problem] = []  # the first load's problems, but cross-record ones
        self._own: dict[tuple[str, str], list[Problem]] = {}  # an edited record's own problems

    # --- loading -------------------------------------------------------------------
    def load(self) -> Hub:
        """Read and check everything (the validator's full run)."""
        self.hub = load_hub(self.root, self.today)
        self._own = {}
        if self.hub.config is None:
            self._base = list(self.hub.problems)
            return self.hub
        cross = {_key(p) for p in self._cross(self.hub)}
        self._base = [p for p in self.hub.problems if _key(p) not in cross]
        return self.hub

    def update(self, paths: list[str]) -> Hub:
        """The hub after the record files ``paths`` (relative to the root) changed, were
        added or were deleted; a new :class:`Hub` (the previous one is left as it was)."""
        old = self.hub
        hub = Hub(root=old.root, config=old.config, vocabularies=old.vocabularies,
                  records={folder: dict(entries) for folder, entries in old.records.items()},
                  files_read=old.files_read, today=old.today, media=old.media)
        edited = sorted({record for path in paths if (record := record_of(path)) is not None})
        known_ids = self._known_ids()
        for folder, record_id in edited:
            self._own[(folder, record_id)] = self._read_record(hub, folder, record_id, known_ids)
        for folder in {folder for folder, _id in edited}:  # in the loader's order: by file name
            hub.records[folder] = dict(sorted(hub.records[folder].items(), key=lambda item: item[1].file.name))
        _keep_history(old, hub, edited)
        prefixes = tuple(f"data/{folder}/{record_id}." for folder, record_id in self._own)
        kept = [p for p in self._base if not p.file.startswith(prefixes)]
        own = [p for problems in self._own.values() for p in problems]
        hub.problems = sort_problems(kept + own + self._cross(hub, known_ids))
        self.hub = hub
        return hub

    # --- one record ------------------------------------------------------------------
    def _known_ids(self) -> dict[str, set[str]]:
        """Every record file's id by folder, valid or not (references are checked against these)."""
        return {folder: {p.name[:-len(".yml")] for p in (self.root / "data" / folder).glob("*.yml")}
                for folder in FOLDERS}

    def _read_record(self, hub: Hub, folder: str, record_id: str, known_ids) -> list[Problem]:
        """Read and check one record (its YAML and prose files) into ``hub``; its problems."""
        record_type = BY_FOLDER[folder]
        report = Reporter(self.root)
        hub.records[folder].pop(record_id, None)
        path = hub.data_dir / folder / f"{record_id}.yml"
        prose_paths = sorted(p for p in (hub.data_dir / folder).iterdir()  # no glob: a name is no pattern
                             if (m := PROSE_NAME.match(p.name)) and m["id"] == record_id)
        prose = read_prose(record_type, prose_paths, known_ids[folder], hub.config.languages, report)
        if not path.exists() and not path.is_symlink():
            return report.problems  # deleted (its prose files, if any, are orphans)
        data, positions = read_yaml(path, report)
        if data is None:
            return report.problems
        origins = merge_prose(record_type, data, prose.get(record_id, []), path, report)
        source = Source(record_type, path, data, positions, origins)
        check_id(source, self._others_with_id(hub, folder, data.get("id")), report)
        record, problems = check_record(hub.config, self.root, source)  # as validate checks it
        report.problems += problems
        if record is not None and record.id == record_id:
            hub.records[folder][record_id] = Entry(record_type, record, path, positions, origins)
        else:
            references.check(SimpleNamespace(records={}, vocabularies=hub.vocabularies, media=hub.media,
                                             cache_dir=hub.cache_dir), known_ids, report, [source])
        return report.problems

    @staticmethod
    def _others_with_id(hub: Hub, folder: str, record_id) -> dict[str, Source]:
        """The record of another folder with the same id, as the duplicate check wants it."""
        for other in FOLDERS:
            entry = hub.records[other].get(record_id) if other != folder and isinstance(record_id, str) else None
            if entry is not None:
                return {record_id: Source(entry.type, entry.file, {}, entry.positions, entry.prose)}
        return {}

    # --- across records ----------------------------------------------------------------
    def _cross(self, hub: Hub, known_ids: dict[str, set[str]] | None = None) -> list[Problem]:
        """The checks across records, over the whole hub (a fraction of a second at 1,000 practices)."""
        report = Reporter(self.root)
        known_ids = known_ids if known_ids is not None else self._known_ids()
        check_across_records(hub, known_ids, report, [])
        return report.problems


def _keep_history(old: Hub, new: Hub, edited) -> None:
    """The new hub keeps the old one's history of data/ (``partnerhub/history.py``: one
    ``git log``, read once), forgetting the dates of the edited records only."""
    history = getattr(old, "_partnerhub_history", None)
    if history is None:
        return
    cache = getattr(history, "_cache", {})
    for key in [key for key in cache if tuple(key[:2]) in set(edited)]:
        del cache[key]
    new._partnerhub_history = history
