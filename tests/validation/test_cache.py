"""`partnerhub validate` remembers its result by content hash (partnerhub/validation/cache.py):
a second run with nothing changed reuses it, any changed input validates again, and a
broken cache file is ignored."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from partnerhub.validation import cache
from tests.validation.validation_support import copy_base_hub, problem_lines, run_cli, validate

UNTRANSLATED = "id: untranslated\nname: {en: Drama}\nkind: municipality\ncountry: GR\n"
BAD_MEETING = "id: bad-meeting\nnetwork: breaking-isolation\nkind: transnational\ntitle: {en: Visit}\nstart: 2024-02-30\n"


@pytest.fixture
def hub(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERHUB_CACHE", str(tmp_path / "cache"))
    root = copy_base_hub(tmp_path)
    (root / "data" / "partners" / "untranslated.yml").write_text(UNTRANSLATED, encoding="utf-8")
    return root


def _no_validation(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr("partnerhub.hub.load_hub", refuse)


def test_second_run_reuses_the_result(hub, monkeypatch):
    first = cache.validate(hub)
    assert not first.cached and len(first.problems) == 2
    assert (hub.parent / "cache" / cache.CACHE_FILE).is_file()
    _no_validation(monkeypatch)
    second = cache.validate(hub)
    assert second.cached
    assert [p.as_text() for p in second.problems] == [p.as_text() for p in first.problems]
    assert (second.counts, second.files_read, second.vocabularies) == (first.counts, first.files_read, first.vocabularies)


def test_the_cli_prints_the_same_from_the_cache(hub):
    runs = [validate(hub, lang=lang) for lang in ("el", "el", "en")]
    assert runs[0][0] == runs[1][0] == 0
    assert problem_lines(runs[0][1]) == problem_lines(runs[1][1])  # messages rendered in the language asked
    assert problem_lines(runs[1][1]) != problem_lines(runs[2][1])
    assert runs[0][1].splitlines()[-1] == runs[1][1].splitlines()[-1]


@pytest.mark.parametrize("change", ["edit", "add", "delete", "vocabulary", "settings", "media"])
def test_a_changed_input_validates_again(hub, change):
    cache.validate(hub)
    data = hub / "data"
    if change == "edit":
        (data / "partners" / "untranslated.yml").write_text(UNTRANSLATED.replace("GR", "GX"), encoding="utf-8")
    elif change == "add":
        (data / "meetings" / "bad-meeting.yml").write_text(BAD_MEETING, encoding="utf-8")
    elif change == "delete":
        (data / "partners" / "untranslated.yml").unlink()
    elif change == "vocabulary":
        themes = data / "vocabularies" / "themes.yml"
        themes.write_text(themes.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    elif change == "settings":
        settings = data / "hub.yml"
        settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        (data / "media" / "stray.txt").write_text("x", encoding="utf-8")
    again = cache.validate(hub)
    assert not again.cached
    if change == "add":
        assert any(p.code == "date_invalid" or p.file.endswith("bad-meeting.yml") for p in again.errors)
    if change == "edit":
        assert again.errors


def test_a_change_of_code_or_day_validates_again(hub, monkeypatch):
    cache.validate(hub, today=dt.date(2026, 1, 1))
    assert not cache.validate(hub, today=dt.date(2026, 1, 2)).cached
    monkeypatch.setattr(cache, "code_key", lambda: "another version")
    assert not cache.validate(hub, today=dt.date(2026, 1, 2)).cached


@pytest.mark.parametrize("content", [b"", b"\xff\xfe garbage", b"[1, 2]", b'{"key": 1}', b"null"])
def test_a_broken_cache_file_is_ignored(hub, content):
    first = cache.validate(hub)
    path = hub.parent / "cache" / cache.CACHE_FILE
    path.write_bytes(content)
    again = cache.validate(hub)
    assert not again.cached
    assert [p.as_text() for p in again.problems] == [p.as_text() for p in first.problems]
    assert cache.validate(hub).cached  # rewritten


def test_a_tampered_entry_is_ignored(hub):
    cache.validate(hub)
    path = hub.parent / "cache" / cache.CACHE_FILE
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["problems"][0]["params"]["lang"] = {"something": "unknown"}
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert not cache.validate(hub).cached


def test_no_cache_option(hub, monkeypatch):
    validate(hub)
    _no_validation(monkeypatch)
    with pytest.raises(AssertionError, match="validated again"):
        run_cli("validate", "--root", str(hub), "--no-cache", str(hub))
