"""Record dates from git: first added and last changed, renames through former ids, and the
modification time of files git does not know; never the build's time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from partnerhub.history import History, load_history, parse_log
from partnerhub.model.partner import Partner

DAY1 = dt.datetime(2024, 1, 2, 10, 0, tzinfo=dt.timezone.utc)
DAY2 = dt.datetime(2024, 3, 4, 10, 0, tzinfo=dt.timezone.utc)
DAY3 = dt.datetime(2024, 5, 6, 10, 0, tzinfo=dt.timezone.utc)


def _git(root: Path, *args: str, when: dt.datetime | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _partner(record_id: str, **extra) -> Partner:
    return Partner(id=record_id, name={"en": record_id}, kind="municipality", country="GR", **extra)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "data" / "partners"
    data.mkdir(parents=True)
    _git(tmp_path, "init", "-q")
    (data / "old-name.yml").write_text("id: old-name\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "add", when=DAY1)
    (data / "serres.yml").write_text("id: serres\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "serres", when=DAY2)
    (data / "old-name.yml").rename(data / "new-name.yml")
    (data / "serres.el.md").write_text("Σέρρες\n")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "rename, prose", when=DAY3)
    return tmp_path


def test_parse_log_one_pass():
    text = "\x1e300\n\na.yml\nb.yml\n\x1e200\n\na.yml\n\x1e100\n\nc.yml\n"
    assert parse_log(text) == {"a.yml": (200, 300), "b.yml": (300, 300), "c.yml": (100, 100)}


def test_dates_from_git(repo: Path):
    history = load_history(repo / "data")
    serres = _partner("serres")
    assert history.added(serres) == DAY2
    assert history.updated(serres) == DAY3  # its Greek prose file changed later


def test_renamed_record_keeps_the_date_it_was_added(repo: Path):
    history = load_history(repo / "data")
    renamed = _partner("new-name", former_ids=["old-name"])
    assert history.added(renamed) == DAY1
    assert history.updated(renamed) == DAY3
    assert load_history(repo / "data").added(_partner("new-name")) == DAY3


def test_uncommitted_file_counts_from_its_modification_time(repo: Path):
    new = repo / "data" / "partners" / "agen.yml"
    new.write_text("id: agen\n")
    os.utime(new, (DAY1.timestamp(), DAY1.timestamp()))
    history = load_history(repo / "data")
    assert history.added(_partner("agen")) == DAY1 == history.updated(_partner("agen"))


def test_no_git_repository_falls_back_to_modification_times(tmp_path: Path):
    folder = tmp_path / "data" / "partners"
    folder.mkdir(parents=True)
    path = folder / "serres.yml"
    path.write_text("id: serres\n")
    os.utime(path, (DAY2.timestamp(), DAY2.timestamp()))
    history = load_history(tmp_path / "data")
    assert history.commits is None
    assert history.updated(_partner("serres")) == DAY2
    assert History(tmp_path / "data").added(_partner("nowhere")) is None
