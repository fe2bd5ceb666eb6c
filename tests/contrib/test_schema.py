"""The JSON Schemas in data/schemas/: current, valid, true to the demo data and to the validator.

Every invalid fixture of tests/fixtures/invalid/ that ``partnerhub validate`` rejects must be
rejected by its schema too, unless it is listed in ``NOT_EXPRESSIBLE`` with the reason a
JSON Schema of one file cannot see the problem, or cannot even be read as YAML (then no
schema applies; the loader's problem code is the reason). Fixtures the validator accepts (warnings
only) must be accepted by the schema: a schema stricter than the validator would underline
correct records in an officer's editor.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from partnerhub.cli import main
from partnerhub.hubdata import read_hub
from partnerhub.registry import BY_FOLDER
from partnerhub.schema import NAMES, all_schemas, render, write_schemas
from partnerhub.loader import read_text
from partnerhub.yamlsource import load_yaml
from tests.validation.validation_support import all_fixtures, copy_base_hub, install_fixture, problem_lines, validate

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: run ./scripts/hub setup")

from tests.support.site import BASE_HUB, ROOT  # noqa: E402

_OTHER_FILE = "reference: needs the other records of the hub (JSON Schema sees one file)"
# Files whose bytes or YAML syntax are wrong (BOM, not UTF-8, syntax errors, tabs, duplicate
# keys, tags, anchors…) never reach a schema: `partnerhub validate` reports them while reading.
# They are recognised by the loader's problems (file_bom, yaml_syntax…) rather than listed here.
NOT_EXPRESSIBLE = {
    # the file's name or place
    "id_not_file_name": "the id must equal the file name, which a schema does not know",
    "file_unexpected": "the file's folder is wrong: no schema is associated with it",
    "file_yaml_extension": "the file's extension is wrong: no schema is associated with it",
    # other files
    "host_unknown_typo": _OTHER_FILE,
    "host_not_member": _OTHER_FILE + " (the network's partner list)",
    "network_unknown": _OTHER_FILE,
    "id_duplicate": _OTHER_FILE + " (ids are unique across all records)",
    "former_id_live": _OTHER_FILE + " (a former id must be no live record's id)",
    "photo_file_missing": "the photo file must exist in data/media/: a schema cannot look at the disk",
    "hub_missing": "data/hub.yml is missing: a missing file has no content to check",
    "vocabulary_missing": "a vocabulary file is missing: a missing file has no content to check",
    # comparisons JSON Schema has no keyword for
    "hub_colour_contrast": "a contrast ratio is computed from the colour's three numbers: no schema keyword computes",
    "end_before_start": "compares two dates: JSON Schema has no comparison between two values",
    "period_end_before_start": "compares two dates: JSON Schema has no comparison between two values",
    "partners_twice": "uniqueness of one property across list items: uniqueItems compares whole items only",
    "practice_transferred_to_owner": "a value of one list must not be in another list: no JSON Schema keyword",
    "hub_default_not_listed": "a value must be one of another field's values: needs $data, which is not standard",
    "title_not_nfc": "Unicode normalisation (NFC) is not a regular-expression property",
    "venue_raw_control_character": "a raw control character is refused by the YAML reader itself, before any schema",
    "summary_encoded_javascript_link": "the link is disguised with HTML character references (jav&#x61;script:), "
                                       "which must be decoded first: a pattern only sees the raw text",
    "summary_data_colon_link": "the link is disguised with a character reference (data&colon;), which must be "
                               "decoded first: a pattern only sees the raw text",
    "summary_javascript_line_break": "the link is split by a line break, which a browser drops from a link: a "
                                     "pattern cannot ignore characters inside a word",
    # Markdown that would stall the build (partnerhub.markdown_guard)
    "summary_bracket_run": "counting how deep brackets nest needs a counter: a regular expression has none",
    "report_quote_nesting": "counting how deep quotes and lists nest needs a counter: a regular expression has none",
    "summary_unclosed_tags": "counting the tags left open needs a counter: a regular expression has none",
    # records v2
    "adapted_from_itself": "a value must differ from another field's (the id): needs $data, which is not standard",
    "follows_itself": "a value must differ from another field's (the id): needs $data, which is not standard",
    "meeting_replaced_by_itself": "a value must differ from another field's (the id): needs $data, which is not standard",
    "partners_phase_unknown": "a value must be one of the ids under another field (phases): needs $data",
    "sessions_outside_dates": "compares dates: JSON Schema has no comparison between two values",
    "alternatives_field_unknown": "names a field of the record that holds it: the shared alternatives schema "
                                  "does not know which record type it is in",
}


def _validator(schema: dict):
    cls = jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _schema_name(target: str) -> str:
    """data/-relative path -> schema name (meeting, vocabulary, hub…)."""
    if target == "hub.yml":
        return "hub"
    folder = target.split("/", 1)[0]
    return "vocabulary" if folder == "vocabularies" else BY_FOLDER[folder].name


def _schema_errors(schema: dict, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in _validator(schema).iter_errors(data)]


@pytest.fixture(scope="module")
def repo_schemas() -> dict:
    return {name: json.loads((ROOT / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
            for name in NAMES}


def test_committed_schemas_are_current():
    differ = write_schemas(read_hub(ROOT), check=True)
    assert differ == [], f"run `partnerhub schema`: {differ} are out of date"


def test_schema_check_command(tmp_path, capsys):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 0
    themes = tmp_path / "data" / "vocabularies" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + "night-time-economy:\n  label: {en: Night-time economy}\n", encoding="utf-8")
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 1
    assert "data/schemas/network.schema.json is not up to date" in capsys.readouterr().err
    before = (tmp_path / "data" / "schemas" / "hub.schema.json").stat().st_mtime_ns
    assert main(["schema", "--root", str(tmp_path)]) == 0
    assert (tmp_path / "data" / "schemas" / "hub.schema.json").stat().st_mtime_ns == before  # unchanged: not rewritten
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 0
    network = json.loads((tmp_path / "data" / "schemas" / "network.schema.json").read_text(encoding="utf-8"))
    assert "night-time-economy" in network["properties"]["themes"]["items"]["enum"]


def test_output_is_deterministic(repo_schemas):
    hub = read_hub(ROOT)
    first, second = all_schemas(hub), all_schemas(read_hub(ROOT))
    for name in NAMES:
        text = render(first[name])
        assert text == render(second[name])
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_schemas_are_valid_draft_2020_12(repo_schemas, name):
    jsonschema.Draft202012Validator.check_schema(repo_schemas[name])
    assert repo_schemas[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert repo_schemas[name]["description"]


def test_schema_content(repo_schemas):
    hub = read_hub(ROOT)
    meeting = repo_schemas["meeting"]
    assert meeting["properties"]["kind"]["enum"] == list(hub.terms["meeting-kinds"])
    assert meeting["properties"]["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    # one id, or a list of ids (a joint meeting)
    one, several = meeting["properties"]["network"]["anyOf"]
    assert one["pattern"] == several["items"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert "enum" not in one  # record ids are not listed
    # a day (a real one), a month or a year, or unknown
    start = meeting["properties"]["start"]["anyOf"]
    assert start[0]["format"] == "date" and {"const": "unknown"} in start
    title = meeting["properties"]["title"]
    assert sorted(title["properties"]) == sorted(hub.config.languages)
    assert title["required"] == [hub.config.default_language]
    assert title["additionalProperties"] is False
    assert title["description"] == "Title of the meeting."
    # prose fields may be written in <id>.<lang>.md: not required in the YAML
    assert "required" not in next(o for o in meeting["properties"]["report"]["anyOf"] if o.get("type") == "object")
    assert "summary" not in repo_schemas["network"]["required"]
    practice = repo_schemas["practice"]
    assert practice["properties"]["themes"]["items"]["enum"] == list(hub.terms["themes"])
    assert practice["$defs"]["Funding"]["properties"]["programme"]["anyOf"][0]["enum"] == list(hub.terms["programmes"])
    assert repo_schemas["partner"]["properties"]["kind"]["enum"] == list(hub.terms["organisation-kinds"])


def _records(root: Path):
    data = root / "data"
    for path in sorted(data.rglob("*.yml")):
        rel = path.relative_to(data).as_posix()
        if rel.split("/")[0] in ("media", "schemas"):
            continue
        yield rel, path


@pytest.mark.parametrize("root", [ROOT, BASE_HUB], ids=["demo", "base-hub"])
def test_every_record_validates_against_its_schema(root):
    schemas = all_schemas(read_hub(root))
    checked, failures = 0, []
    for rel, path in _records(root):
        doc = load_yaml(path.read_text(encoding="utf-8"))
        assert not doc.problems, f"{rel}: {doc.problems}"
        errors = _schema_errors(schemas[_schema_name(rel)], doc.data)
        failures += [f"data/{rel}: {e}" for e in errors]
        checked += 1
    assert checked >= 10
    assert not failures, "\n".join(failures)


@pytest.fixture(scope="module")
def base_schemas() -> dict:
    return all_schemas(read_hub(BASE_HUB))


@pytest.mark.parametrize("fixture", all_fixtures(), ids=lambda f: f.name)
def test_invalid_fixture_against_schema(fixture, base_schemas, tmp_path):
    root = copy_base_hub(tmp_path)
    path = install_fixture(fixture, root)
    code, out, _ = validate(root)
    errors = [line for line in problem_lines(out) if ": error: " in line]
    if fixture.name in NOT_EXPRESSIBLE:
        assert errors, f"{fixture.name} is listed as not expressible but the validator finds no error"
        return  # the validator's own tests cover it
    source = read_text(path)
    doc = load_yaml(source.text) if source.problem is None else None
    if doc is None or doc.problems:
        codes = [source.problem[0]] if doc is None else [p.code for p in doc.problems]
        assert errors, codes
        return  # YAML-level (codes): the file is not read, so no schema applies to it
    schema_errors = _schema_errors(base_schemas[_schema_name(fixture.target)], doc.data)
    if errors:
        assert schema_errors, (f"{fixture.name}: `partnerhub validate` reports {errors[0]!r} but the schema accepts "
                               "the file: make the schema reject it, or list it in NOT_EXPRESSIBLE with the reason")
    else:
        assert not schema_errors, f"{fixture.name}: the validator accepts it, the schema does not: {schema_errors}"


def test_not_expressible_list_names_real_fixtures():
    names = {f.name for f in all_fixtures()}
    assert not set(NOT_EXPRESSIBLE) - names, "remove these from NOT_EXPRESSIBLE, or rename them"


def test_schema_never_writes_through_a_link(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    target = tmp_path / "record.yml"
    target.write_text("id: record\n", encoding="utf-8")
    link = tmp_path / "data" / "schemas" / "hub.schema.json"
    link.unlink()
    link.symlink_to(target)
    assert main(["schema", "--root", str(tmp_path)]) == 0
    assert target.read_text(encoding="utf-8") == "id: record\n"  # the link's target is untouched
    assert not link.is_symlink() and json.loads(link.read_text(encoding="utf-8"))["title"] == "partnerhub hub settings"
    assert not list((tmp_path / "data" / "schemas").glob(".*.tmp"))


def test_schema_refuses_a_linked_schema_folder(tmp_path, capsys):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "data" / "schemas").rename(elsewhere)
    (tmp_path / "data" / "schemas").symlink_to(elsewhere)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    (tmp_path / "data" / "vocabularies" / "themes.yml").write_text(
        (ROOT / "data" / "vocabularies" / "themes.yml").read_text(encoding="utf-8")
        + "night-time-economy:\n  label: {en: Night-time economy}\n", encoding="utf-8")
    assert main(["schema", "--root", str(tmp_path)]) != 0
    assert "symbolic link" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before
