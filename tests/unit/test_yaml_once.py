"""Each YAML file is parsed once: libyaml's parser runs one time per file, and values and
their positions both come from that one pass (partnerhub/yamlsource.py)."""

from __future__ import annotations

import yaml

from partnerhub import yamlsource
from partnerhub.yamlsource import Mark, load_yaml

TEXT = "id: x\ntitle:\n  en: One\n  el: 'Ένα'\nlist: &l [1, NO, 0123]\nsame: *l\n"


def test_one_parser_pass_per_file(monkeypatch):
    made = []
    real = yamlsource._Loader

    def counting(text):
        made.append(text)
        return real(text)

    def forbidden(*args, **kwargs):
        raise AssertionError("a second parse of the same text")

    monkeypatch.setattr(yamlsource, "_Loader", counting)
    for name in ("parse", "compose", "compose_all", "load", "safe_load"):
        monkeypatch.setattr(yaml, name, forbidden)
    doc = load_yaml(TEXT)
    assert made == [TEXT]
    assert doc.problems == []
    assert doc.data == {"id": "x", "title": {"en": "One", "el": "Ένα"}, "list": [1, "NO", "0123"],
                        "same": [1, "NO", "0123"]}
    assert doc.positions.of(("title", "el")) == Mark(4, 3)
    assert doc.positions.value_of(("title", "el")) == Mark(4, 7)
    assert doc.positions.value_of(("same", 1)) == Mark(5, 14)  # an alias points at its anchor's values


def test_errors_from_the_one_pass():
    assert [p.code for p in load_yaml("a: *nowhere\n").problems] == ["yaml_syntax"]
    assert [p.code for p in load_yaml("a: &x 1\nb: &x 2\n").problems] == ["yaml_syntax"]
    deep = load_yaml("[" * 70 + "]" * 69)  # too deep is found before the later syntax error
    assert [(p.code, p.mark) for p in deep.problems] == [("yaml_too_deep", Mark(1, 65))]
    assert [p.code for p in load_yaml("a: 1\n---\nb: 2\n").problems] == ["yaml_many_documents"]
    assert [p.code for p in load_yaml("# nothing\n").problems] == ["yaml_empty"]
    keyed = load_yaml("&k x: 1\n*k : 2\n")
    assert keyed.data == {"x": 1} and [p.code for p in keyed.problems] == ["yaml_duplicate_key"]


def test_a_syntax_error_reason_is_in_the_readers_language():
    from partnerhub.i18n import set_language
    from partnerhub.messages import render

    problem, = load_yaml("id: x\ntitle:\n  en: a\n en: b\n").problems
    assert problem.code == "yaml_syntax"
    set_language("el")
    try:
        assert render(problem.code, problem.params) == (
            "αυτό δεν είναι έγκυρο YAML (μια γραμμή που δεν συνεχίζει τα πεδία από πάνω της): "
            "ελέγξτε τις εσοχές και τα εισαγωγικά σε αυτή τη γραμμή και στην προηγούμενη")
    finally:
        set_language("en")
    assert "did not find" not in render(problem.code, problem.params)
