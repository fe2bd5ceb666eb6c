"""The real yaml-language-server (npm, tests/package.json; the engine of VS Code's YAML
extension, recommended in .vscode/extensions.json) with the committed JSON Schemas and the
schema mapping of .vscode/settings.json: no problem on the demo data, the schema's problem
on the invalid fixtures that the schemas can express (tests/contrib/test_schema.py).
Driven over LSP stdio (tests/support/lsp.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from partnerhub.hubdata import read_hub
from partnerhub.registry import RECORD_TYPES
from partnerhub.schema import all_schemas
from tests.contrib.test_schema import NOT_EXPRESSIBLE, _schema_errors, _schema_name
from tests.support.lsp import LanguageServer
from tests.support.site import BASE_HUB, ROOT
from tests.validation.validation_support import all_fixtures, copy_base_hub, install_fixture
from partnerhub.loader import read_text
from partnerhub.yamlsource import load_yaml

pytestmark = pytest.mark.slow
SERVER = ROOT / "tests" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = ROOT / ".vscode" / "settings.json"
ERROR = 1  # LSP DiagnosticSeverity.Error
# Fixtures the schema rejects (Python's jsonschema) that the editor lets through, and why.
EDITOR_MISSES = {
    "number_leading_zero": "YAML 1.2 reads `07` as the number 7: only partnerhub's reader sees the zero",
    "start_not_real": "the server checks `format: date` by its shape, not by the calendar (2024-02-30)",
}


def _editor_settings(root: Path) -> dict:
    """.vscode/settings.json's YAML settings as the extension passes them to the server: the
    schemas' paths and the files' patterns are relative to the workspace (``root``)."""
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    schemas = {(root / key).resolve().as_uri(): [f"**/{pattern}" for pattern in patterns]
               for key, patterns in settings["yaml.schemas"].items()}
    return {"yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False},
                     "schemas": schemas}}


@pytest.fixture(scope="module")
def server_command() -> list[str]:
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        pytest.skip("yaml-language-server is not installed: ./scripts/hub test installs it (npm ci --prefix tests)")
    return [node, str(SERVER), "--stdio"]


def test_vscode_recommends_the_extension_and_maps_every_record_folder():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    schemas = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    for record_type in RECORD_TYPES:
        key = f"./data/schemas/{record_type.name}.schema.json"
        assert schemas[key] == [f"data/{record_type.folder}/*.yml"]
        assert (ROOT / key).is_file()


def test_no_problem_on_the_demo_data(server_command):
    files = sorted((ROOT / "data").glob("*/*.yml")) + [ROOT / "data" / "hub.yml"]
    files = [f for f in files if f.parent.name != "schemas"]
    server = LanguageServer(server_command, ROOT, _editor_settings(ROOT))
    try:
        found = server.diagnostics(files)
    finally:
        server.close()
    problems = {path.relative_to(ROOT).as_posix(): d for path, d in found.items() if d}
    assert problems == {}


def test_the_schemas_problems_on_the_invalid_fixtures(server_command, tmp_path):
    """Every fixture the schema rejects (jsonschema, 2020-12) is an error in the editor too
    (not always on the validator's line: the server points at the object that fails, e.g.
    the key above); the fixtures it accepts get no error."""
    schemas = all_schemas(read_hub(BASE_HUB))
    cases = []
    for number, fixture in enumerate(all_fixtures()):
        if fixture.name in NOT_EXPRESSIBLE or fixture.delete:
            continue
        source = read_text(fixture.source)
        doc = load_yaml(source.text) if source.problem is None else None
        if doc is None or doc.problems:
            continue  # the YAML reader's own problems (tabs, BOM…): not a schema's
        rejected = bool(_schema_errors(schemas[_schema_name(fixture.target)], doc.data))
        root = tmp_path / f"f{number}"
        path = install_fixture(fixture, copy_base_hub(root))
        cases.append((fixture.name, path, rejected))
    assert len(cases) > 40
    schema_dir = tmp_path / "schemas"
    schema_dir.mkdir()
    for name, schema in schemas.items():
        (schema_dir / f"{name}.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    mapping = {(schema_dir / Path(key).name).as_uri(): [f"**/{p}" for p in patterns] for key, patterns in settings.items()}
    server = LanguageServer(server_command, tmp_path, {"yaml": {"validate": True, "schemaStore": {"enable": False},
                                                                "schemas": mapping}})
    try:
        found = server.diagnostics([path for _name, path, _rejected in cases])
    finally:
        server.close()
    wrong = []
    for name, path, rejected in cases:
        errors = [d for d in found[path] if d.get("severity", ERROR) == ERROR]
        if name in EDITOR_MISSES:
            assert rejected and not errors, f"{name} is listed in EDITOR_MISSES but the editor now finds it"
        elif rejected and not errors:
            wrong.append(f"{name}: the schema rejects it, the editor shows no error")
        elif not rejected and errors:
            wrong.append(f"{name}: the schema accepts it, the editor shows {errors[0]['message']!r}")
    assert not wrong, "\n".join(wrong)
