"""Checks across records: references resolve, vocabulary terms exist, files are present."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic_core import PydanticCustomError

from partnerhub.i18n import N_, gettext_
from partnerhub.model import RECORD_TYPES
from partnerhub.model.fields import ID_PATTERN, FileRef, Ref, VocabRef, _check_path
from partnerhub.model.walk import walk, walk_data
from partnerhub.sourcefiles import is_inside
from partnerhub.validation.messages import render
from partnerhub.validation.pydantic_errors import did_you_mean
from partnerhub.yamlsource import Positions

# A record type's name inside a message ("there is no partner `x`").
KIND_NAMES = {"networks": N_("network"), "partners": N_("partner"), "meetings": N_("meeting"),
              "practices": N_("practice")}

_MAX_LISTED = 12


def _known(ids) -> str:
    ids = sorted(ids)
    listed = ", ".join(ids[:_MAX_LISTED])
    return listed + (", …" if len(ids) > _MAX_LISTED else "")


@dataclass
class Unvalidated:
    """A record that failed validation: its raw data, still checked for references."""

    kind: str
    file: Path
    data: dict
    positions: Positions


def check(hub, known_ids: dict[str, set[str]], report, unvalidated: list[Unvalidated] = ()) -> None:
    """Report every reference, term and file that does not resolve, in valid records and
    in the raw data of records with other errors (so that one run shows them all)."""
    for kind, entries in hub.records.items():
        for entry in entries.values():
            _check_values(hub, walk(entry.record), known_ids, entry, report)
            if kind == "meetings":
                _check_host_is_member(hub, entry.record.host, entry.record.network, entry, known_ids, report)
    for entry in unvalidated:
        values = ((path, marker, value) for path, marker, value in walk_data(RECORD_TYPES[entry.kind], entry.data)
                  if _well_formed(marker, value))
        _check_values(hub, values, known_ids, entry, report)
        host, network = entry.data.get("host"), entry.data.get("network")
        if entry.kind == "meetings" and _well_formed(Ref("partners"), host) and _well_formed(Ref("networks"), network):
            _check_host_is_member(hub, host, network, entry, known_ids, report)


def _well_formed(marker, value) -> bool:
    """Only values that passed their own format check (else that error is reported)."""
    if not isinstance(value, str):
        return False
    if isinstance(marker, (Ref, VocabRef)):
        return ID_PATTERN.fullmatch(value) is not None
    if isinstance(marker, FileRef):
        try:
            _check_path(value)
        except PydanticCustomError:
            return False
        return True
    return False


def _check_values(hub, values, known_ids, entry, report) -> None:
    for path, marker, value in values:
        if isinstance(marker, Ref):
            _check_ref(marker, value, known_ids, entry, path, report)
        elif isinstance(marker, VocabRef):
            _check_term(hub, marker, value, entry, path, report)
        elif isinstance(marker, FileRef):
            _check_file(hub, value, entry, path, report)


def _check_ref(marker: Ref, value: str, known_ids, entry, path, report) -> None:
    ids = known_ids.get(marker.kind, set())
    if value in ids:
        return
    suggestion = did_you_mean(value, ids)
    report.at_path(entry.file, entry.positions, path, "ref_unknown", {
        "kind": gettext_(KIND_NAMES[marker.kind]), "folder": marker.kind, "value": value, "did_you_mean": suggestion,
        "known": "" if suggestion else render("known_ids", {"kind": marker.kind, "known": _known(ids)}),
    })


def _check_term(hub, marker: VocabRef, value: str, entry, path, report) -> None:
    vocab = hub.vocabularies.get(marker.vocabulary)
    if vocab is None or value in vocab.root:
        return
    terms = list(vocab.root)
    suggestion = did_you_mean(value, terms)
    report.at_path(entry.file, entry.positions, path, "vocab_unknown", {
        "value": value, "vocabulary": marker.vocabulary, "did_you_mean": suggestion,
        "known": "" if suggestion else render("known_terms", {"vocabulary": marker.vocabulary, "known": _known(terms)}),
    })


def _check_file(hub, value: str, entry, path, report) -> None:
    target = hub.data_dir / value
    if target.is_symlink() or any(p.is_symlink() for p in target.parents if hub.data_dir in p.parents):
        if not is_inside(target, hub.root):
            report.at_path(entry.file, entry.positions, path, "file_outside", {"value": value})
            return
    if not target.is_file():
        report.at_path(entry.file, entry.positions, path, "file_missing", {"value": value})


def _check_host_is_member(hub, host, network_id, entry, known_ids, report) -> None:
    network = hub.get("networks", network_id)
    if network is None or host is None or host not in known_ids.get("partners", ()):
        return  # an unknown host is reported as such
    if host not in {m.partner for m in network.partners}:
        report.at_path(entry.file, entry.positions, ("host",), "ref_not_member",
                       {"value": host, "network": network_id})
