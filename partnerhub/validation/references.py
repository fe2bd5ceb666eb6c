"""Checks across records: references resolve, vocabulary terms exist, files are present."""

from __future__ import annotations

from partnerhub.model import SINGULAR
from partnerhub.model.fields import FileRef, Ref, VocabRef
from partnerhub.model.walk import walk
from partnerhub.sourcefiles import is_inside
from partnerhub.validation.pydantic_errors import did_you_mean
from partnerhub.validation.messages import render

_MAX_LISTED = 12


def _known(ids) -> str:
    ids = sorted(ids)
    listed = ", ".join(ids[:_MAX_LISTED])
    return listed + (", …" if len(ids) > _MAX_LISTED else "")


def check(hub, known_ids: dict[str, set[str]], report) -> None:
    """Report every reference, term and file that does not resolve."""
    for kind, entries in hub.records.items():
        for entry in entries.values():
            for path, marker, value in walk(entry.record):
                if isinstance(marker, Ref):
                    _check_ref(marker, value, known_ids, entry, path, report)
                elif isinstance(marker, VocabRef):
                    _check_term(hub, marker, value, entry, path, report)
                elif isinstance(marker, FileRef):
                    _check_file(hub, value, entry, path, report)
            if kind == "meetings":
                _check_host_is_member(hub, entry, known_ids, report)


def _check_ref(marker: Ref, value: str, known_ids, entry, path, report) -> None:
    ids = known_ids.get(marker.kind, set())
    if value in ids:
        return
    suggestion = did_you_mean(value, ids)
    report.at_path(entry.file, entry.positions, path, "ref_unknown", {
        "kind": SINGULAR[marker.kind], "folder": marker.kind, "value": value, "did_you_mean": suggestion,
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


def _check_host_is_member(hub, entry, known_ids, report) -> None:
    meeting = entry.record
    network = hub.get("networks", meeting.network)
    if network is None or meeting.host is None or meeting.host not in known_ids.get("partners", ()):
        return  # an unknown host is reported as such
    if meeting.host not in {m.partner for m in network.partners}:
        report.at_path(entry.file, entry.positions, ("host",), "ref_not_member",
                       {"value": meeting.host, "network": meeting.network})
