"""``partnerhub new``: valid records at once, never over an existing file, clear usage errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partnerhub.cli import main
from partnerhub.hub import load_hub
from partnerhub.hubdata import read_hub
from partnerhub.new.command import QUESTIONS, gather
from partnerhub.new.write import render
from partnerhub.writing import create_file as write_new
from partnerhub.registry import BY_NAME
from partnerhub.yamlsource import load_yaml

from tests.support.site import ROOT  # noqa: E402

GOOD = {
    "meeting": ["--network", "breaking-isolation", "--host", "serres", "--start", "2025-05-12", "--end", "2025-05-13",
                "--title", "Seventh meeting: ageing well", "--number", "7"],
    "practice": ["--title", "Neighbours help neighbours", "--owner", "serres", "--owner", "agen",
                 "--theme", "volunteering,social-isolation", "--summary", "Volunteers visit older people who live alone.",
                 "--network", "breaking-isolation"],
    "partner": ["--name", "Drama", "--country", "gr", "--kind", "municipality"],
    "network": ["--name", "Cities against loneliness", "--acronym", "CAL-NET", "--programme", "urbact-iv",
                "--theme", "social-isolation", "--lead", "serres", "--start", "2026-01-01",
                "--summary", "Eight cities work together on loneliness."],
}
EXPECTED_FILE = {
    "meeting": "data/meetings/breaking-isolation-07-serres.yml",
    "practice": "data/practices/serres-neighbours-help-neighbours.yml",
    "partner": "data/partners/drama.yml",
    "network": "data/networks/cal-net.yml",
}


@pytest.fixture()
def hub(tmp_path) -> Path:
    """A copy of the demo hub's data/ to write into."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def validate(capsys, root: Path, *paths) -> tuple[int, str]:
    code, out, _ = run(capsys, "validate", "--root", str(root), *[str(root / p) for p in paths])
    return code, out


@pytest.mark.parametrize("kind", list(GOOD))
def test_new_record_is_valid_at_once(kind, hub, capsys):
    code, out, err = run(capsys, "new", kind, "--root", str(hub), "--no-input", *GOOD[kind])
    assert code == 0, err
    rel = EXPECTED_FILE[kind]
    assert f"Created {rel}" in out
    assert "partnerhub validate " + rel in out and "pull request" in out
    text = (hub / rel).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    code, report = validate(capsys, hub, rel)
    assert code == 0, report
    assert "0 error(s)" in report
    problems = [p for p in load_hub(hub).problems if p.file == rel]
    assert problems and {(p.severity, p.code) for p in problems} == {("warning", "translation_missing")}, problems
    # and the whole hub is still valid
    assert validate(capsys, hub, "data")[0] == 0


@pytest.mark.parametrize("kind", list(GOOD))
def test_new_record_passes_its_json_schema(kind, hub, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    assert run(capsys, "new", kind, "--root", str(hub), "--no-input", *GOOD[kind])[0] == 0
    schema = json.loads((hub / "data" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    data = load_yaml((hub / EXPECTED_FILE[kind]).read_text(encoding="utf-8")).data
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert not [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("kind", list(GOOD))
def test_template_describes_every_field(kind, hub, capsys):
    """Each field of the model appears, set or as a commented example, with a help comment."""
    assert run(capsys, "new", kind, "--root", str(hub), "--no-input", *GOOD[kind])[0] == 0
    text = (hub / EXPECTED_FILE[kind]).read_text(encoding="utf-8")
    lines = text.splitlines()
    for name in BY_NAME[kind].model.model_fields:
        found = [i for i, line in enumerate(lines) if re.match(rf"^(# )?{name}:", line)]
        assert found, f"{kind}: field `{name}` is missing from the template"
        comments = " ".join(lines[max(0, found[0] - 10):found[0]])
        assert "Required" in comments or "Optional" in comments, f"{kind}.{name}: no help comment above it"
    if "themes" in BY_NAME[kind].model.model_fields:
        for term in read_hub(hub).terms["themes"]:
            assert term in text, f"{kind}: the theme `{term}` is not listed"


def test_meeting_template_lists_vocabulary_and_marks_required(hub, capsys):
    assert run(capsys, "new", "meeting", "--root", str(hub), "--no-input", *GOOD["meeting"])[0] == 0
    text = (hub / EXPECTED_FILE["meeting"]).read_text(encoding="utf-8")
    for term in read_hub(hub).terms["meeting-kinds"]:
        assert term in text
    assert "# Required. First day, YYYY-MM-DD (or YYYY-MM, YYYY, unknown: as far as it is known).\nstart: 2025-05-12\n" in text
    assert "  en: \"Seventh meeting: ageing well\"\n  # el: \"\"\n  # fr: \"\"\n" in text
    assert "status: planned" in text or "status: held" in text


@pytest.mark.parametrize("kind", list(GOOD))
def test_never_overwrites(kind, hub, capsys):
    target = hub / EXPECTED_FILE[kind]
    target.parent.mkdir(parents=True, exist_ok=True)
    original = b"# my own work, not to be lost\nid: keep\n"
    target.write_bytes(original)
    code, out, err = run(capsys, "new", kind, "--root", str(hub), "--no-input", *GOOD[kind])
    assert code == 1
    assert "already exists" in err and "nothing was written" in err
    assert target.read_bytes() == original
    assert not list(target.parent.glob(".new-*")), "a temporary file was left behind"


def test_never_overwrites_an_explicit_id_or_another_kind(hub, capsys):
    serres = (hub / "data" / "partners" / "serres.yml").read_bytes()
    code, _, err = run(capsys, "new", "meeting", "--root", str(hub), "--no-input", *GOOD["meeting"], "--id", "serres")
    assert code == 1 and "data/partners/serres.yml already exists" in err
    assert (hub / "data" / "partners" / "serres.yml").read_bytes() == serres
    assert not (hub / "data" / "meetings" / "serres.yml").exists()


def test_write_new_is_exclusive(tmp_path):
    target = tmp_path / "x.yml"
    write_new(target, "id: x\n")
    assert target.read_text() == "id: x\n"
    with pytest.raises(FileExistsError):
        write_new(target, "id: other\n")
    assert target.read_text() == "id: x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yml"]


BAD = [
    ("meeting", "--network", "breaking-isolatoin", "did you mean `breaking-isolation`"),
    ("meeting", "--start", "2026-02-30", "not a real date"),
    ("meeting", "--start", "12/05/2026", "a month (`2024-04`)"),
    ("meeting", "--end", "2025-05-01", "before the start date"),
    ("meeting", "--host", "piraeus", "not a partner of the network"),
    ("meeting", "--host", "nowhere", "there is no partner"),
    ("meeting", "--kind", "gathering", "meeting-kinds"),
    ("meeting", "--number", "four", "whole number"),
    ("meeting", "--number", "120", "at most 99"),
    ("meeting", "--title", "Visit <script>alert(1)</script>", "unsafe markup"),
    ("meeting", "--id", "Visit_Serres", "not a valid id"),
    ("practice", "--owner", "seres", "did you mean `serres`"),
    ("practice", "--theme", "loneliness", "themes vocabulary"),
    ("practice", "--status", "active", "`ongoing`"),
    ("partner", "--country", "EL", "ISO code is `GR`"),
    ("partner", "--country", "Greece", "two-letter code"),
    ("network", "--programme", "urbact-5", "programmes vocabulary"),
    ("network", "--lead", "athens", "there is no partner"),
]


def _with(args: list[str], option: str, value: str) -> list[str]:
    out = list(args)
    if option in out:
        out[out.index(option) + 1] = value
    else:
        out += [option, value]
    return out


@pytest.mark.parametrize("kind,option,value,message", BAD, ids=[f"{k}{o}={v}" for k, o, v, _ in BAD])
def test_bad_option_value_is_a_usage_error(kind, option, value, message, hub, capsys):
    before = sorted(p.relative_to(hub) for p in (hub / "data").rglob("*"))
    code, out, err = run(capsys, "new", kind, "--root", str(hub), "--no-input", *_with(GOOD[kind], option, value))
    assert code == 2, err
    assert option in err and message in err, err
    assert sorted(p.relative_to(hub) for p in (hub / "data").rglob("*")) == before


@pytest.mark.parametrize("kind", list(GOOD))
def test_missing_essentials_without_a_terminal(kind, hub, capsys):
    code, out, err = run(capsys, "new", kind, "--root", str(hub), "--no-input")
    assert code == 2
    essentials = [q.name for q in QUESTIONS[kind] if q.essential is True and q.default is None]
    assert "usage: partnerhub new " + kind in err
    for name in essentials:
        assert f"--{name}" in err


def test_online_meeting_needs_no_host(hub, capsys):
    args = ["--network", "breaking-isolation", "--kind", "online", "--start", "2026-03-03", "--title", "Online check-in"]
    code, out, err = run(capsys, "new", "meeting", "--root", str(hub), "--no-input", *args)
    assert code == 0, err
    text = (hub / "data/meetings/breaking-isolation-2026-03-03-online.yml").read_text(encoding="utf-8")
    assert "format: online" in text and "# host: partner-id" in text
    code, out, err = run(capsys, "new", "meeting", "--root", str(hub), "--no-input", *args[2:])
    assert code == 2 and "--network" in err and "--host" not in err


def test_unknown_option_and_type(hub, capsys):
    assert run(capsys, "new", "meeting", "--root", str(hub), "--colour", "red")[0] == 2
    assert run(capsys, "new", "workshop", "--root", str(hub))[0] == 2


def test_stdin_not_a_terminal_means_no_questions(hub):
    """The real command with stdin from /dev/null: a usage error, not a hanging prompt."""
    result = subprocess.run([sys.executable, "-m", "partnerhub.cli", "new", "meeting", "--root", str(hub),
                             "--network", "breaking-isolation"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "missing --host, --start, --title" in result.stderr


def test_questions_are_asked_again_until_valid(hub):
    answers = iter(["breaking-isolatoin", "breaking-isolation", "", "4x", "", "piraeus", "serres",
                    "2026-02-30", "2026-03-10", "2026-03-01", "", "", "Spring meeting", "", ])
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    out = []
    result = gather("meeting", {}, read_hub(hub), interactive=True, ask=ask,
                    out=type("W", (), {"write": lambda self, s: out.append(s), "flush": lambda self: None})())
    assert result["network"] == "breaking-isolation" and result["host"] == "serres"
    assert str(result["start"]) == "2026-03-10" and result["end"] is None and result["number"] is None
    assert result["kind"] == "transnational" and result["id"] == "breaking-isolation-2026-03-10-serres"
    printed = "".join(out)
    assert "did you mean `breaking-isolation`" in printed
    assert "not a partner of the network" in printed
    assert "not a real date" in printed
    assert "before the start date" in printed
    assert "an answer is needed" in printed
    assert any(p.startswith("Title in English (en)") for p in asked)
    text = render("meeting", result, read_hub(hub))
    assert "title:\n  en: Spring meeting\n" in text


def test_rendered_values_are_read_back_exactly(hub):
    """Texts that YAML would misread (colons, quotes, `no`, numbers) are quoted."""
    tricky = ["No", "yes", "3.10", "Visit: the day centre", "#1 in Greece", 'He said "hello"', "Σέρρες — δήμος",
              "- dash first", "  spaces  ".strip(), "null", "2024-04-17"]
    hub_data = read_hub(hub)
    for title in tricky:
        answers = {"network": "breaking-isolation", "kind": "transnational", "number": None, "host": "serres",
                   "start": __import__("datetime").date(2026, 1, 5), "end": None, "title": title, "id": "x"}
        data = load_yaml(render("meeting", answers, hub_data)).data
        assert data["title"]["en"] == title


def test_new_never_writes_through_a_linked_folder(hub, tmp_path, capsys):
    root = hub
    outside = tmp_path / "outside"
    outside.mkdir()
    meetings = root / "data" / "meetings"
    shutil.rmtree(meetings)
    meetings.symlink_to(outside, target_is_directory=True)
    code, out, err = run(capsys, "new", "meeting", "--root", str(root), "--no-input", *GOOD["meeting"])
    assert code == 1
    assert "is a symbolic link: nothing was written through it" in err
    assert list(outside.iterdir()) == []
