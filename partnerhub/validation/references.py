"""Checks across records, for every record type: references resolve, vocabulary terms
exist, files are present, a list names each record or term once."""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from partnerhub.media import MediaProblem
from partnerhub.messages import Msg, Word
from partnerhub.model.fields import ID_PATTERN, FileRef, Ref, VocabRef, check_path
from partnerhub.model.walk import walk, walk_data
from partnerhub.registry import BY_FOLDER
from partnerhub.validation.pydantic_errors import did_you_mean

_MAX_LISTED = 12


def _known(ids) -> str:
    ids = sorted(ids)
    listed = ", ".join(ids[:_MAX_LISTED])
    return listed + (", …" if len(ids) > _MAX_LISTED else "")


def check(hub, known_ids: dict[str, set[str]], report, unvalidated=()) -> None:
    """Report every reference, term and file that does not resolve, in valid records and
    in the raw data of records with other errors (``unvalidated``: what the loader read),
    so that one run shows them all."""
    for entries in hub.records.values():
        for entry in entries.values():
            values = list(walk(entry.record))
            _check_values(hub, values, known_ids, entry.file, entry.positions, report)
            _check_repeats(values, entry.file, entry.positions, report)
            if entry.record.is_public:
                _check_hidden_targets(hub, values, entry, report)
    for source in unvalidated:
        values = [(path, marker, value) for path, marker, value in walk_data(source.type.model, source.data)
                  if _well_formed(marker, value)]
        _check_values(hub, values, known_ids, source.path, source.positions, report)


def _well_formed(marker, value) -> bool:
    """Only values that passed their own format check (else that error is reported)."""
    if not isinstance(value, str):
        return False
    if isinstance(marker, (Ref, VocabRef)):
        return ID_PATTERN.fullmatch(value) is not None
    if isinstance(marker, FileRef):
        try:
            check_path(value)
        except PydanticCustomError:
            return False
        return True
    return False


def _check_values(hub, values, known_ids, file, positions, report) -> None:
    for path, marker, value in values:
        if isinstance(marker, Ref):
            _check_ref(marker, value, known_ids, file, positions, path, report)
        elif isinstance(marker, VocabRef):
            _check_term(hub, marker, value, file, positions, path, report)
        elif isinstance(marker, FileRef):
            _check_file(hub, marker, value, file, positions, path, report)


def _check_repeats(values, file, positions, report) -> None:
    """A list of references or terms that names the same one twice (``themes: [a, a]``)."""
    seen: set = set()
    for path, marker, value in values:
        if isinstance(marker, (Ref, VocabRef)) and path and isinstance(path[-1], int):
            key = (path[:-1], value)
            if key in seen:
                report.at_path(file, positions, path, "list_repeated", {"value": value, "field": path[-2]})
            seen.add(key)


def _check_hidden_targets(hub, values, entry, report) -> None:
    """A public record that names a draft or partners-only one: the public site will not
    show that link (nothing of a hidden record is published), which the author should know."""
    for path, marker, value in values:
        if not isinstance(marker, Ref):
            continue
        target = hub.records[marker.kind].get(value)
        if target is None or target.record.is_public:
            continue
        state = "draft" if target.record.publication == "draft" else "partners"
        report.at_path(entry.file, entry.positions, path, "ref_hidden", {
            "kind": Word(BY_FOLDER[marker.kind].label), "value": value, "file": report.rel(target.file),
            "state": Msg(f"state_{state}")}, severity="warning")


def _check_ref(marker: Ref, value: str, known_ids, file, positions, path, report) -> None:
    ids = known_ids.get(marker.kind, set())
    if value in ids:
        return
    suggestion = did_you_mean(value, ids)
    report.at_path(file, positions, path, "ref_unknown", {
        "kind": Word(BY_FOLDER[marker.kind].label), "folder": marker.kind, "value": value,
        "did_you_mean": suggestion,
        "known": "" if suggestion else Msg("known_ids", {"kind": marker.kind, "known": _known(ids)}),
    })


def _check_term(hub, marker: VocabRef, value: str, file, positions, path, report) -> None:
    vocab = hub.vocabularies.get(marker.vocabulary)
    if vocab is None or value in vocab.root:
        return
    terms = list(vocab.root)
    suggestion = did_you_mean(value, terms)
    report.at_path(file, positions, path, "vocab_unknown", {
        "value": value, "vocabulary": marker.vocabulary, "did_you_mean": suggestion,
        "known": "" if suggestion else Msg("known_terms", {"vocabulary": marker.vocabulary, "known": _known(terms)}),
    })


def _check_file(hub, marker: FileRef, value: str, file, positions, path, report) -> None:
    """The file exists in data/media and is what the field needs, checked by content."""
    found = hub.media.lookup(value, marker.kind, cache_dir=hub.cache_dir / "media")
    if isinstance(found, MediaProblem):
        report.at_path(file, positions, path, found.code, found.params)
