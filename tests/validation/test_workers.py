"""Record files are parsed in helper processes when there are many (partnerhub/workers.py):
the results are those of a plain loop, in order, whatever a helper does, and the problems
``validate`` reports are the same as when everything runs in one process."""

from __future__ import annotations

import os
import pickle
import threading
import time

import pytest

from partnerhub import loader, workers
from partnerhub.validation.run import validate_hub
from tests.validation.validation_support import INVALID, copy_base_hub


def _slow_square(x):
    time.sleep(0.005)  # long enough for the helper to take chunks too
    return x * x, os.getpid()


def _dies_in_a_helper(x):
    if x == 7 and os.getpid() != _MAIN:
        os._exit(3)
    time.sleep(0.002)
    return x


_MAIN = os.getpid()


@pytest.fixture
def two_asked(monkeypatch):
    monkeypatch.setenv("PARTNERHUB_PROCESSES", "2")
    monkeypatch.setattr(workers, "CHUNK", 2)


@pytest.fixture
def two_processes(monkeypatch):
    """Two processes, even in a test session whose other fixtures left threads running
    (a served site, a browser): these tests' functions touch no lock a thread may hold."""
    monkeypatch.setenv("PARTNERHUB_PROCESSES", "2")
    monkeypatch.setattr(workers, "CHUNK", 2)
    if threading.active_count() > 1:
        monkeypatch.setattr(workers, "can_fork", lambda: True)


def test_results_in_order_from_two_processes(two_processes):
    results = workers.map_in_processes(_slow_square, list(range(200)), min_items=1)
    assert [square for square, _ in results] == [x * x for x in range(200)]
    assert len({pid for _, pid in results}) == 2


def test_a_helper_that_dies_costs_no_result(two_processes):
    assert workers.map_in_processes(_dies_in_a_helper, list(range(100)), min_items=1) == list(range(100))


def test_short_lists_and_threads_stay_in_this_process(two_asked):
    assert {pid for _, pid in workers.map_in_processes(_slow_square, list(range(20)), min_items=50)} == {_MAIN}
    found = []
    thread = threading.Thread(target=lambda: found.extend(workers.map_in_processes(_slow_square, list(range(50)),
                                                                                    min_items=1)))
    thread.start()
    thread.join()
    assert {pid for _, pid in found} == {_MAIN}


def test_one_process_when_asked(monkeypatch):
    monkeypatch.setenv("PARTNERHUB_PROCESSES", "1")
    assert {pid for _, pid in workers.map_in_processes(_slow_square, list(range(50)), min_items=1)} == {_MAIN}


def test_parsed_files_survive_being_sent_back():
    """What a helper sends (data, positions, problems) comes back equal, for every invalid fixture."""
    for source in sorted(INVALID.glob("*.yml")):
        parsed = loader.parse_yaml_file(source)
        assert pickle.loads(pickle.dumps(parsed)) == parsed, source.name


BROKEN = {
    "partners/syntax.yml": "id: syntax\nname: {en: [Drama\n",
    "partners/tab.yml": "id: tab\nname:\n\ten: Drama\n",
    "partners/duplicate.yml": "id: duplicate\nid: duplicate\nname: {en: Drama}\nkind: municipality\ncountry: GR\n",
    "partners/list.yml": "- id: list\n",
    "meetings/bad-date.yml": "id: bad-date\nnetwork: breaking-isolation\nkind: transnational\ntitle: {en: Visit}\n"
                             "start: 2024-02-30\n",
    "partners/mixed.yml": "id: mixed\nname: {en: ѕerres, el: Σέρρες, fr: Serres}\nkind: municipality\ncountry: GR\n",
}


def test_validate_reports_the_same_with_helpers(tmp_path, monkeypatch):
    root = copy_base_hub(tmp_path)
    for name, text in BROKEN.items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    (root / "data" / "partners" / "latin1.yml").write_bytes("id: latin1\nname: {en: Dr\u00e1ma}\n".encode("latin-1"))
    monkeypatch.setenv("PARTNERHUB_PROCESSES", "1")
    alone = validate_hub(root).problems
    assert len(alone) >= len(BROKEN)
    parse = loader.parse_yaml_file

    def slowly(path):
        time.sleep(0.01)
        return parse(path)

    monkeypatch.setenv("PARTNERHUB_PROCESSES", "2")
    monkeypatch.setattr(workers, "MIN_ITEMS", 1)
    monkeypatch.setattr(workers, "CHUNK", 1)
    monkeypatch.setattr(loader, "parse_yaml_file", slowly)
    assert validate_hub(root).problems == alone


def test_helpers_only_for_free_cores(monkeypatch):
    monkeypatch.delenv("PARTNERHUB_PROCESSES", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(workers, "_others_running", lambda: 0)
    assert workers.processes() == 2
    monkeypatch.setattr(workers, "_others_running", lambda: 1)
    assert workers.processes() == 1  # another process has the other core
    monkeypatch.setattr(workers, "_others_running", lambda: 6)
    assert workers.processes() == 1
