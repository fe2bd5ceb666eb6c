"""`partnerhub validate`: exit codes, `--format github`, sorting, reporting on some files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from partnerhub.problems import Problem

from tests.validation.validation_support import PROBLEM_LINE, copy_base_hub, problem_lines, run_cli, validate

MEETINGS = Path("data") / "meetings"
BAD_MEETING = "id: bad-meeting\nnetwork: breaking-isolation\nkind: transnational\ntitle: {en: Visit}\nstart: 2024-02-30\n"
UNTRANSLATED = "id: untranslated\nname: {en: Drama}\nkind: municipality\ncountry: GR\n"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- exit codes -------------------------------------------------------------------


def test_exit_0_when_valid(tmp_path):
    root = copy_base_hub(tmp_path)
    assert validate(root)[0] == 0


def test_exit_0_with_warnings_only(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/partners/untranslated.yml", UNTRANSLATED)
    code, out, _ = validate(root)
    lines = problem_lines(out)
    assert len(lines) == 2 and all(": warning: " in line for line in lines)
    assert out.splitlines()[-1] == "0 error(s), 2 warning(s)"
    assert code == 0


def test_quiet_hides_warnings(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/partners/untranslated.yml", UNTRANSLATED)
    code, out, _ = run_cli("validate", "--root", str(root), "--quiet", str(root))
    assert problem_lines(out) == []
    assert code == 0


def test_exit_1_on_any_error(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    code, out, _ = validate(root)
    assert problem_lines(out) == [
        "data/meetings/bad-meeting.yml:5:8: error: start: `2024-02-30` is not a real date: check the day and the month"]
    assert out.splitlines()[-1] == "1 error(s), 0 warning(s)"
    assert code == 1


@pytest.mark.parametrize("args", [
    ["validate", "--format", "xml"],
    ["validate", "--no-such-option"],
    ["no-such-command"],
    [],
], ids=["bad-format", "bad-option", "bad-command", "no-command"])
def test_exit_2_on_bad_arguments(args, tmp_path):
    root = copy_base_hub(tmp_path)
    code, out, err = run_cli(*args, cwd=root)
    assert code == 2
    assert "usage: partnerhub" in err
    assert "Traceback" not in err


def test_exit_2_on_a_missing_path(tmp_path):
    root = copy_base_hub(tmp_path)
    code, _, err = validate(root, root / "data" / "meetings" / "no-such-meeting.yml")
    assert code == 2
    assert err.startswith("partnerhub: no such file or folder: ")


def test_exit_2_outside_a_hub(tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli("validate", cwd=tmp_path / "empty")
    assert code == 2
    assert "no data/hub.yml found" in err


def test_missing_settings_are_a_located_error(tmp_path):
    (tmp_path / "hub" / "data" / "partners").mkdir(parents=True)
    code, out, err = run_cli("validate", cwd=tmp_path / "hub")
    assert code == 1
    assert problem_lines(out) == ["data/hub.yml:1:1: error: data/hub.yml is missing: create it with the hub's `name`, "
                                  "its `languages` and its `default_language`"]
    assert "Traceback" not in err


def test_exit_2_on_a_path_outside_the_hub(tmp_path):
    root = copy_base_hub(tmp_path)
    elsewhere = tmp_path / "elsewhere.yml"
    elsewhere.write_text("id: x\n", encoding="utf-8")
    code, _, err = validate(root, elsewhere)
    assert code == 2
    assert "is not inside the hub" in err


def test_runs_in_the_hub_folder_without_arguments(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    code, out, _ = run_cli("validate", cwd=root / "data" / "meetings")
    assert code == 1
    assert problem_lines(out)[0].startswith("data/meetings/bad-meeting.yml:5:8: error: start:")


def test_the_installed_command_exits_with_the_codes(tmp_path):
    """The real process, as CI runs it: exit status and no traceback."""
    root = copy_base_hub(tmp_path)
    command = [sys.executable, "-m", "partnerhub.cli", "validate"]
    assert subprocess.run(command, cwd=root, capture_output=True).returncode == 0
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert subprocess.run([*command, "--format", "yaml"], cwd=root, capture_output=True).returncode == 2


# --- GitHub annotations -------------------------------------------------------------

# GitHub's workflow-command format (actions/toolkit, packages/core/src/command.ts): in a
# property value % \r \n : , are written %25 %0D %0A %3A %2C; in the message % \r \n.
_PROPERTY = r"(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*"
_DATA = r"(?:[^%\r\n]|%25|%0D|%0A)*"
GITHUB_LINE = re.compile(
    rf"^::(?P<level>error|warning) file=(?P<file>{_PROPERTY}),line=(?P<line>[1-9]\d*),col=(?P<col>[1-9]\d*),"
    rf"title=(?P<title>{_PROPERTY})::(?P<message>{_DATA})$")


def _unescape(value: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


def test_github_format(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    write(root, "data/partners/untranslated.yml", UNTRANSLATED)
    code, out, err = validate(root, fmt="github")
    lines = out.splitlines()
    assert lines == [
        "::error file=data/meetings/bad-meeting.yml,line=5,col=8,title=date_not_real::"
        "start: `2024-02-30` is not a real date: check the day and the month",
        "::warning file=data/partners/untranslated.yml,line=1,col=1,title=translation_missing::"
        "no French (fr) text yet in name: add the `fr:` text to each when there is a translation "
        "(until then the English text is shown)",
        "::warning file=data/partners/untranslated.yml,line=1,col=1,title=translation_missing::"
        "no Greek (el) text yet in name: add the `el:` text to each when there is a translation "
        "(until then the English text is shown)",
    ]
    assert all(GITHUB_LINE.match(line) for line in lines)
    assert code == 1
    assert "Traceback" not in err


def test_github_format_escapes_properties_and_message(tmp_path):
    """A file name with `,` `:` `%` and a value with a line break stay one annotation each."""
    root = copy_base_hub(tmp_path)
    name = "data/partners/a,b:c%d.yml"
    write(root, name, 'id: abcd\nname: {en: A, el: A, fr: A}\nkind: municipality\ncountry: GR\n'
                      'website: "https://example.org/a\\nb%c"\n')
    code, out, _ = validate(root, fmt="github")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 3
    for line in lines:
        match = GITHUB_LINE.match(line)
        assert match, line
        assert _unescape(match["file"]) == name
    assert lines[0] == ("::error file=data/partners/a%2Cb%3Ac%25d.yml,line=1,col=1,title=file_name_not_id::"
                        "the file name `a,b:c%25d.yml` is not a valid id: use lower-case ASCII letters, digits and "
                        "hyphens, e.g. `a-b-c-d.yml`")
    assert lines[1] == ("::error file=data/partners/a%2Cb%3Ac%25d.yml,line=1,col=5,title=id_not_file_name::"
                        "id: the id `abcd` must be the same as the file name: write `id: a,b:c%25d` or rename the "
                        "file to `abcd.yml`")
    assert lines[2] == ("::error file=data/partners/a%2Cb%3Ac%25d.yml,line=5,col=10,title=url_control::"
                        "website: `https://example.org/a\\nb%25c` holds a space or an invisible character (U+000A): "
                        "remove it (a space inside an address is written `%2520`)")


def test_github_escaping_of_raw_line_breaks():
    problem = Problem("data/x,y.yml", 3, 4, "error", "title.en", "yaml_syntax", {"detail": "a\r\nb: 100%"})
    line = problem.as_github()
    assert "\n" not in line and "\r" not in line
    match = GITHUB_LINE.match(line)
    assert match and _unescape(match["file"]) == "data/x,y.yml"
    assert "\n" not in problem.as_text()


# --- order and selection ------------------------------------------------------------


def _key(line: str):
    match = PROBLEM_LINE.match(line)
    return match["file"], int(match["line"]), int(match["col"])


def test_problems_sorted_by_file_then_line(tmp_path):
    root = copy_base_hub(tmp_path)
    # written in an order that is not the sorted one, with errors late and early in files
    write(root, "data/practices/b-practice.yml", "id: b-practice\ntitle: {en: T}\nowners: [nobody]\n"
                                                  "themes: [nothing]\nstatus: done\nsummary: {en: S}\n")
    write(root, "data/meetings/a-meeting.yml", "id: a-meeting\nnetwork: nowhere\nkind: transnational\n"
                                                "title: {en: T, de: T}\nstart: 2024-01-01\nend: 2023-01-01\n")
    write(root, "data/partners/z-partner.yml", "id: z-partner\nname: {en: Z}\nkind: municipality\ncountry: ZZ\n")
    (root / "data/partners/agen.yml").write_text(
        (root / "data/partners/agen.yml").read_text(encoding="utf-8").replace("lat: 44.2033", "lat: 144.2033"),
        encoding="utf-8")
    code, out, _ = validate(root)
    lines = problem_lines(out)
    assert code == 1
    assert len(lines) >= 7
    assert [_key(line) for line in lines] == sorted(_key(line) for line in lines)
    assert [_key(line)[0] for line in lines] == sorted(_key(line)[0] for line in lines)
    files = [_key(line)[0] for line in lines]
    assert files[0] == "data/meetings/a-meeting.yml"
    assert files[-1] == "data/practices/b-practice.yml"


def test_report_on_one_file(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    write(root, "data/partners/untranslated.yml", UNTRANSLATED)
    write(root, "data/partners/bad-partner.yml", "id: bad-partner\nname: {en: B}\nkind: municipality\ncountry: XX\n")
    code, out, _ = run_cli("validate", str(MEETINGS / "bad-meeting.yml"), cwd=root)
    assert problem_lines(out) == [
        "data/meetings/bad-meeting.yml:5:8: error: start: `2024-02-30` is not a real date: check the day and the month"]
    assert code == 1
    # a valid file: exit 0 though other files have errors
    code, out, _ = run_cli("validate", "data/meetings/breaking-isolation-01-agen.yml", cwd=root)
    assert problem_lines(out) == []
    assert code == 0
    # a file with warnings only
    code, out, _ = run_cli("validate", "data/partners/untranslated.yml", cwd=root)
    assert [": warning: " in line for line in problem_lines(out)] == [True, True]
    assert code == 0


def test_report_on_a_folder_and_several_files(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/meetings/bad-meeting.yml", BAD_MEETING)
    write(root, "data/partners/bad-partner.yml", "id: bad-partner\nname: {en: B}\nkind: municipality\ncountry: XX\n")
    code, out, _ = run_cli("validate", "data/partners", cwd=root)
    assert [_key(line)[0] for line in problem_lines(out)] == ["data/partners/bad-partner.yml"]
    assert code == 1
    code, out, _ = run_cli("validate", "data/partners/bad-partner.yml", "data/meetings/bad-meeting.yml", cwd=root)
    assert [_key(line)[0] for line in problem_lines(out)] == ["data/meetings/bad-meeting.yml",
                                                              "data/partners/bad-partner.yml"]
    # references are still checked against the whole hub
    write(root, "data/meetings/good.yml", "id: good\nnetwork: breaking-isolation\nkind: online\n"
                                          "title: {en: T, el: T, fr: T}\nhost: serres\nstart: 2024-01-01\n")
    code, out, _ = run_cli("validate", "data/meetings/good.yml", cwd=root)
    assert problem_lines(out) == [] and code == 0


def test_messages_in_another_language_name_languages_in_it(tmp_path):
    root = copy_base_hub(tmp_path)
    write(root, "data/partners/untranslated.yml", UNTRANSLATED)
    _, out, _ = validate(root, lang="fr")
    assert "(el)" in out and "grec" in out and "anglais" in out
    _, out, _ = validate(root, lang="el")
    assert "Ελληνικά" in out and "Αγγλικά" in out
    _, out, _ = validate(root, lang="en")
    assert "Greek (el)" in out
