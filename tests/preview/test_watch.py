"""The preview's watcher (partnerhub/preview/watch.py): added, changed and removed files."""

from __future__ import annotations

import pytest

from partnerhub.preview.watch import Watcher, changes, snapshot


def test_snapshot_and_changes(tmp_path):
    (tmp_path / "data" / "practices").mkdir(parents=True)
    (tmp_path / "data" / "practices" / "a.yml").write_text("id: a\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("not watched\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert sorted(before) == ["data/practices/a.yml", "mkdocs.yml"]
    (tmp_path / "data" / "practices" / "a.yml").write_text("id: a\ntitle: {en: A}\n", encoding="utf-8")
    (tmp_path / "data" / "practices" / "b.yml").write_text("id: b\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").unlink()
    assert changes(before, snapshot(tmp_path)) == ["data/practices/a.yml", "data/practices/b.yml", "mkdocs.yml"]


@pytest.mark.parametrize("notices", [False, True], ids=["polling", "told by the system"])
def test_the_watcher_reports_each_change_once(tmp_path, notices):
    (tmp_path / "data" / "practices").mkdir(parents=True)
    watcher = Watcher(tmp_path, interval=0.01, settle=0.01, notices=notices)
    try:
        assert watcher.poll() == []
        (tmp_path / "data" / "hub.yml").write_text("name: {en: Hub}\n", encoding="utf-8")
        assert watcher.wait() == ["data/hub.yml"]
        assert watcher.poll() == []
        new = tmp_path / "data" / "practices" / ".x.yml.tmp"  # saved aside, then renamed over: as editors do
        new.write_text("id: x\n", encoding="utf-8")
        new.rename(tmp_path / "data" / "practices" / "x.yml")
        assert watcher.wait() == ["data/practices/x.yml"]
    finally:
        watcher.close()
