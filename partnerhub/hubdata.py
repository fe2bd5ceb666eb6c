"""Light reading of a hub for the ``schema`` and ``new`` commands: settings, terms, record ids.

Used by commands that write (``schema``, ``new``). Unlike ``load_hub`` this does not validate every record: it reads ``data/hub.yml``, the
vocabularies and the names of the record files, which is all that generating a JSON Schema
or a new record needs, and it keeps working while other records still have errors.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from partnerhub.i18n import gettext_ as _
from partnerhub.yamlsource import load_yaml

if TYPE_CHECKING:  # the models are imported when read: `validate` needs find_root alone
    from partnerhub.hubconfig import HubConfig


class HubDataError(Exception):
    """data/hub.yml or a vocabulary cannot be read: run ``partnerhub validate`` for details."""


@dataclass
class HubData:
    root: Path
    config: HubConfig
    # vocabulary name -> {term id: label in the default language}, in file order
    terms: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def record_ids(self, kind: str) -> list[str]:
        """Ids of the records of ``kind`` (folder name), from the file names, sorted."""
        return sorted(p.stem for p in (self.data_dir / kind).glob("*.yml"))

    def id_taken(self, record_id: str) -> Path | None:
        """The existing file using ``record_id`` in any record folder (ids are unique hub-wide)."""
        from partnerhub.registry import FOLDERS  # the registry's questions read this module

        for kind in FOLDERS:
            path = self.data_dir / kind / f"{record_id}.yml"
            if path.exists():
                return path
        return None

    def read_record(self, kind: str, record_id: str) -> dict | None:
        """The raw YAML mapping of a record, or None if it cannot be read."""
        path = self.data_dir / kind / f"{record_id}.yml"
        try:
            doc = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        return doc.data if isinstance(doc.data, dict) else None


def _read_mapping(path: Path) -> dict:
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise HubDataError(f"cannot read {path}: {exc}") from None
    if doc.problems or not isinstance(doc.data, dict):
        raise HubDataError(f"{path} is not valid: run `partnerhub validate` to see why")
    return doc.data


def read_hub(root: Path) -> HubData:
    """Read ``root/data/hub.yml`` and the vocabularies; raises :class:`HubDataError`."""
    from pydantic import ValidationError

    from partnerhub.hubconfig import HubConfig
    from partnerhub.model.vocabulary import Vocabulary

    data_dir = root / "data"
    try:
        config = HubConfig.model_validate(_read_mapping(data_dir / "hub.yml"))
    except ValidationError:
        raise HubDataError(f"{data_dir / 'hub.yml'} is not valid: run `partnerhub validate` to see why") from None
    from partnerhub.registry import VOCABULARIES

    hub = HubData(root=root, config=config)
    for name in VOCABULARIES:
        path = data_dir / "vocabularies" / f"{name}.yml"
        try:
            vocab = Vocabulary.model_validate(_read_mapping(path), context={"hub": config})
        except ValidationError:
            raise HubDataError(f"{path} is not valid: run `partnerhub validate` to see why") from None
        hub.terms[name] = {term: entry.label.get(config.default_language, term) for term, entry in vocab.root.items()}
    return hub


def find_root(start: Path) -> Path | None:
    """The nearest folder, from ``start`` upwards, that holds ``data/hub.yml``."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "data" / "hub.yml").is_file():
            return folder
    if start.name == "data" and (start / "hub.yml").is_file():
        return start.parent
    return None


def read_hub_for_command(root_arg: str | None, prog: str):
    """(root, settings and vocabularies, 0) for `schema` and `new`; on failure the hub is
    None and the status is the exit code (2: no hub here, 1: unreadable settings)."""
    root = Path(root_arg).resolve() if root_arg else find_root(Path.cwd())
    if root is None:
        print(_("{prog}: no data/hub.yml found here or above: run this in the hub's folder, or pass --root").format(
            prog=prog), file=sys.stderr)
        return None, None, 2
    try:
        return root, read_hub(root), 0
    except HubDataError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return root, None, 1
