"""The contributor guides tell the truth: their templates validate, their example error line
is what the validator prints, their links and vocabulary terms exist."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.validation.validation_support import small_jpeg

from partnerhub.cli import main
from partnerhub.hubdata import read_hub
from partnerhub.i18n import set_language

from tests.support.site import ROOT  # noqa: E402
PAGES = ("index.md", "meeting-report.md", "good-practice.md", "review.md")
LANGS = ("en", "el")
ERROR = re.compile(r"^data/\S+:\d+:\d+: (error|σφάλμα): ")
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.M | re.S)


def page(lang: str, name: str) -> str:
    return (ROOT / "docs" / lang / "contribute" / name).read_text(encoding="utf-8")


def blocks(text: str, lang: str) -> list[str]:
    return [m["body"] for m in FENCE.finditer(text) if m["lang"] == lang]


@pytest.fixture()
def hub(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def validate(capsys, root: Path, path: Path, lang: str = "en") -> tuple[int, list[str]]:
    try:
        code = main(["validate", "--root", str(root), "--lang", lang, str(path)])
    finally:
        set_language("en")
    out = capsys.readouterr().out
    return code, [line for line in out.splitlines() if line.startswith("data/")]


def test_every_guide_exists_in_english_and_greek():
    for lang in LANGS:
        for name in PAGES:
            assert page(lang, name).startswith("# ")
    assert (ROOT / "CONTRIBUTING.md").is_file()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_links_lead_somewhere(lang, name):
    for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", page(lang, name)):
        assert (ROOT / "docs" / lang / "contribute" / target).resolve().is_file(), target


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name,folder,prose", [("meeting-report.md", "meetings", "report"),
                                               ("good-practice.md", "practices", "sections")])
def test_templates_in_the_guides_are_valid(lang, name, folder, prose, hub, capsys):
    text = page(lang, name)
    yaml_blocks = blocks(text, "yaml")
    templates = [b for b in yaml_blocks if b.startswith("# yaml-language-server")]
    assert len(templates) == 1
    template = templates[0]
    record_id = re.search(r"^id: (\S+)$", template, re.M)[1]
    # the fragments shown further down (photos, sources, contact) belong to the same record
    extras = [b for b in yaml_blocks if b is not template]
    photos = [b for b in extras if b.startswith("photos:")]
    for fragment in photos:
        for file in re.findall(r"file: (media/\S+)", fragment):
            (hub / "data" / file).write_bytes(small_jpeg())  # photos are checked by content
    target = hub / "data" / folder / f"{record_id}.yml"
    target.write_text(template + "".join(extras), encoding="utf-8")
    (markdown,) = blocks(text, "markdown")
    (hub / "data" / folder / f"{record_id}.{lang}.md").write_text(markdown, encoding="utf-8")
    if lang != "en":  # the guides say the English file is needed too
        english = blocks(page("en", name), "markdown")[0]
        (hub / "data" / folder / f"{record_id}.en.md").write_text(english, encoding="utf-8")
    code, problems = validate(capsys, hub, target.parent)
    errors = [p for p in problems if ERROR.match(p)]
    assert code == 0 and not errors, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_error_is_what_the_validator_prints(lang, hub, capsys):
    """index.md shows a real error line for the meeting template with a mistyped date."""
    (error_line,) = [line for b in blocks(page(lang, "index.md"), "text") for line in b.splitlines()
                     if ERROR.match(line)]
    template = next(b for b in blocks(page(lang, "meeting-report.md"), "yaml") if b.startswith("# yaml-language"))
    wrong = re.search(r"`(\d\d/\d\d/\d{4})`", error_line)[1]
    right = re.search(r"^start: (\S+)$", template, re.M)[1]
    assert "/".join(reversed(right.split("-"))) == wrong
    record_id = re.search(r"^id: (\S+)$", template, re.M)[1]
    path = hub / "data" / "meetings" / f"{record_id}.yml"
    path.write_text(template.replace(f"start: {right}", f"start: {wrong}"), encoding="utf-8")
    code, problems = validate(capsys, hub, path, lang)
    assert code == 1
    assert [p for p in problems if ERROR.match(p)] == [error_line]
    assert f"start: {right}" in page(lang, "index.md")  # the fix is shown


@pytest.mark.parametrize("lang", LANGS)
def test_vocabulary_terms_in_the_guides_exist(lang):
    terms = read_hub(ROOT).terms
    rows = {"kind": "meeting-kinds", "themes": "themes", "target_groups": "target-groups"}
    for name in ("meeting-report.md", "good-practice.md"):
        for line in page(lang, name).splitlines():
            match = re.match(r"^\| `(\w+)` \|(.*)\|$", line)
            if match and match[1] in rows:
                listed = re.findall(r"`([a-z0-9-]+)`", match[2])
                assert listed and set(listed) <= set(terms[rows[match[1]]]), (name, match[1], listed)
