"""Positions sent between processes (partnerhub.workers) stay packed until first read, and
read back exactly as they were (partnerhub/yamlsource.py)."""

from __future__ import annotations

import pickle

from partnerhub.yamlsource import Mark, Positions, load_yaml

SOURCE = "id: x\nname:\n  en: Hello world\n  el: Γεια σου\nlist: [1, two]\n"


def test_positions_come_back_packed_and_unpack_when_read():
    positions = load_yaml(SOURCE).positions
    sent = pickle.loads(pickle.dumps(positions))
    assert "values" not in sent.__dict__  # not unpacked by being received
    assert sent.value_of(("name", "el")) == Mark(4, 7)
    assert sent.of(("list", 1)) == Mark(5, 11)
    assert sent.find(("name", "en"), "world") == Mark(3, 13)
    assert sent == positions and sent.text == SOURCE


def test_a_packed_positions_object_is_sent_on_as_it_came():
    positions = load_yaml(SOURCE).positions
    twice = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(positions))))
    assert twice == positions
    assert pickle.loads(pickle.dumps(Positions())) == Positions()
