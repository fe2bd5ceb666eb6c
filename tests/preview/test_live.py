"""The preview's hub in memory (partnerhub/preview/live.py): after an edit, re-reading the
edited records alone gives the same records and problems as validating the whole hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerhub.hub import load_hub
from partnerhub.preview.live import LiveData, record_of
from tests.support.site import base_hub_in, replace_in

PRACTICE = "data/practices/serres-volunteers.yml"
PARTNER = "data/partners/serres.yml"


@pytest.fixture
def hub(tmp_path) -> Path:
    return base_hub_in(tmp_path)



def _same_as_full_run(live: LiveData, root: Path) -> None:
    full = load_hub(root)
    assert [p.as_text() for p in live.hub.problems] == [p.as_text() for p in full.problems]
    for folder, entries in full.records.items():
        assert list(live.hub.records[folder]) == list(entries), folder
        for record_id, entry in entries.items():
            assert live.hub.records[folder][record_id].record == entry.record


def test_record_files_are_recognised():
    assert record_of("data/practices/x.yml") == ("practices", "x")
    assert record_of("data/practices/x.el.md") == ("practices", "x")
    assert record_of("data/hub.yml") is None
    assert record_of("data/vocabularies/themes.yml") is None
    assert record_of("data/media/photo.jpg") is None
    assert record_of("docs/en/index.md") is None


def test_an_edited_title_is_read_alone(hub):
    live = LiveData(hub)
    live.load()
    replace_in(hub, PRACTICE, "en: Volunteer platform", "en: Volunteer network")
    updated = live.update([PRACTICE])
    assert updated.records["practices"]["serres-volunteers"].record.title["en"] == "Volunteer network"
    _same_as_full_run(live, hub)


def test_an_error_is_located_and_recovered(hub):
    live = LiveData(hub)
    live.load()
    replace_in(hub, PRACTICE, "status: ongoing", "status: ongoin")
    broken = live.update([PRACTICE])
    assert [p.as_text().split(": error:")[0] for p in broken.errors] == ["data/practices/serres-volunteers.yml:9:9"]
    assert "serres-volunteers" not in broken.records["practices"]
    _same_as_full_run(live, hub)
    replace_in(hub, PRACTICE, "status: ongoin", "status: ongoing")
    assert not live.update([PRACTICE]).errors
    _same_as_full_run(live, hub)


def test_a_deleted_record_breaks_the_references_to_it(hub):
    """The checks across records run again: the files that name a deleted partner get the error."""
    live = LiveData(hub)
    live.load()
    (hub / PARTNER).unlink()
    updated = live.update([PARTNER])
    assert "serres" not in updated.records["partners"]
    assert any(p.file == PRACTICE and p.code == "ref_unknown" for p in updated.errors)
    _same_as_full_run(live, hub)


def test_a_prose_file_and_a_draft(hub):
    live = LiveData(hub)
    live.load()
    replace_in(hub, PRACTICE, "status: ongoing", "status: ongoing\npublication: draft")
    prose = "data/practices/serres-volunteers.en.md"
    (hub / prose).write_text("# The problem {#problem}\n\nLoneliness.\n", encoding="utf-8")
    updated = live.update([PRACTICE, prose])
    record = updated.records["practices"]["serres-volunteers"].record
    assert record.publication == "draft" and record.problem["en"] == "Loneliness."
    _same_as_full_run(live, hub)
    (hub / prose).unlink()  # the Greek text alone: no English one
    greek = "data/practices/serres-volunteers.el.md"
    (hub / greek).write_text("# Πρόβλημα {#problem}\n\nΜοναξιά.\n", encoding="utf-8")
    assert [p.field for p in live.update([prose, greek]).errors] == ["problem"]
    _same_as_full_run(live, hub)
