"""The loaded hub: settings, vocabularies and records, each with where it came from.

``load_hub(root)`` reads ``root/data`` (``partnerhub.loader``), validates everything
(``partnerhub.validation``) and returns a :class:`Hub` whose ``problems`` list every error
and warning; records that failed validation are left out of ``records`` so that nothing
half-valid is ever rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.cachedir import cache_dir
from partnerhub.hubconfig import HubConfig
from partnerhub.model.common import Record
from partnerhub.model.vocabulary import Vocabulary
from partnerhub.problems import Problem
from partnerhub.registry import FOLDERS, RecordType
from partnerhub.yamlsource import Positions


@dataclass
class Entry:
    """A valid record and the file it was read from."""

    type: RecordType
    record: Record
    file: Path
    positions: Positions
    # (field, lang) -> (.md file, line) for text read from prose files
    prose: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def kind(self) -> str:
        """The record type's folder: ``networks``, ``partners``…"""
        return self.type.folder


@dataclass
class Hub:
    root: Path
    config: HubConfig | None
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    records: dict[str, dict[str, Entry]] = field(default_factory=lambda: {folder: {} for folder in FOLDERS})
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    today: dt.date = field(default_factory=dt.date.today)  # the day date-dependent checks count from
    media: object = None  # partnerhub.media.MediaScan: every file of data/media, checked

    @property
    def cache_dir(self) -> Path:
        """Where checked and converted media are remembered between runs: outside the
        repository and the site (``$PARTNERHUB_CACHE``, else the user's cache folder)."""
        return cache_dir(self.root)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def get(self, folder: str, record_id: str | None) -> Record | None:
        entry = self.records[folder].get(record_id) if record_id else None
        return entry.record if entry else None

    def all(self, folder: str) -> list[Record]:
        return [entry.record for entry in self.records[folder].values()]

    def label(self, vocabulary: str, term: str) -> dict[str, str]:
        vocab = self.vocabularies.get(vocabulary)
        if vocab is None or term not in vocab.root:
            return {self.config.default_language: term}
        return vocab.root[term].label


def load_hub(root: Path | str = ".", today: dt.date | None = None) -> Hub:
    """Read and validate the hub in ``root`` (the folder that holds ``data/``); ``today``
    for the checks that depend on the date (the day of the run unless given)."""
    from partnerhub.validation.run import validate_hub

    return validate_hub(Path(root), today)
