"""Shared helpers for the validator tests: the base hub, the invalid fixtures, running the CLI.

An invalid fixture (``tests/fixtures/invalid/<field>_<problem>.yml``) is one file whose
leading comment lines say where it goes and what ``partnerhub validate`` must print::

    # kind: meetings                 the folder under data/ it is copied into
    # file: visit-agen.yml           its file name (default: `<id>.yml`, from its `id:` line)
    # path: vocabularies/themes.yml  or: its whole path under data/ (replaces kind and file)
    # delete: hub.yml                a base-hub file to remove first (under data/)
    # valid: true                    the fixture must produce no problem at all
    # expect: 4:8: error: title: …   a line printed for the fixture's own file (without the
                                     `data/<kind>/<file>:` prefix)
    # expect-line: data/hub.yml:1:1: error: …   a whole printed line, for another file

Line numbers count the header lines too: the file is copied as it is.
"""

from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.cli import main
from partnerhub.i18n import set_language

TESTS = Path(__file__).resolve().parents[1]
BASE_HUB = TESTS / "fixtures" / "base-hub"
INVALID = TESTS / "fixtures" / "invalid"

PROBLEM_LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): ")
_HEADER = re.compile(r"^#\s*(?P<key>kind|file|path|delete|valid|expect|expect-line):\s?(?P<value>.*?)\s*$")
_ID_LINE = re.compile(r"^id:\s*[\"']?(?P<id>[^\s\"'#]+)")


@dataclass
class Fixture:
    source: Path
    target: str  # path under data/
    expected: list[str] = field(default_factory=list)  # whole printed lines
    delete: list[str] = field(default_factory=list)
    valid: bool = False

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def target_file(self) -> str:
        return f"data/{self.target}"


def parse_fixture(source: Path) -> Fixture:
    text = source.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    headers: dict[str, list[str]] = {}
    record_id = None
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match:
            headers.setdefault(match["key"], []).append(match["value"])
        elif record_id is None and _ID_LINE.match(line):
            record_id = _ID_LINE.match(line)["id"]
    if "path" in headers:
        target = headers["path"][0]
    else:
        assert "kind" in headers, f"{source.name}: needs a `# kind:` or `# path:` header"
        name = headers["file"][0] if "file" in headers else f"{record_id}.yml"
        target = f"{headers['kind'][0]}/{name}"
    fixture = Fixture(source, target, delete=headers.get("delete", []),
                      valid=headers.get("valid", ["false"])[0] == "true")
    fixture.expected = [f"data/{target}:{rest}" for rest in headers.get("expect", [])]
    fixture.expected += headers.get("expect-line", [])
    return fixture


def all_fixtures() -> list[Fixture]:
    return [parse_fixture(path) for path in sorted(INVALID.glob("*.yml"))]


def copy_base_hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root, symlinks=True)
    for folder in ("media", "meetings", "networks", "partners", "practices"):
        (root / "data" / folder).mkdir(exist_ok=True)
    return root


def install_fixture(fixture: Fixture, root: Path) -> Path:
    for name in fixture.delete:
        (root / "data" / name).unlink()
    target = root / "data" / fixture.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fixture.source.read_bytes())
    return target


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``partnerhub ARGS``; returns (exit code, stdout, stderr)."""
    import os

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
    finally:
        os.chdir(old)
        set_language("en")
    return code, out.getvalue(), err.getvalue()


def validate(root: Path, *paths, fmt: str = "text", lang: str = "en") -> tuple[int, str, str]:
    targets = [str(p) for p in paths] or [str(root)]
    return run_cli("validate", "--root", str(root), "--lang", lang, "--format", fmt, *targets)


def problem_lines(stdout: str) -> list[str]:
    """The problem lines of text output (not the summary)."""
    return [line for line in stdout.splitlines() if PROBLEM_LINE.match(line)]


# --- cases that need more than one file -----------------------------------------


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target``; ``outside/…`` is a path beside the hub, not in it."""

    target: str


@dataclass
class Case:
    """Files to add to the base hub (path under the repository -> bytes, text or Link),
    and every problem line that must then be printed (no more, no less)."""

    name: str
    files: dict
    expected: list[str]
    delete: list[str] = field(default_factory=list)


def install_case(case: Case, root: Path) -> None:
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    (outside / "record.yml").write_text("id: record\n", encoding="utf-8")
    for name in case.delete:
        (root / name).unlink()
    for name, content in case.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            target = content.target
            if target == "outside" or target.startswith("outside/"):
                target = str(root.parent / target)
            path.symlink_to(target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


MEETING = "data/meetings/breaking-isolation-01-agen"
PRACTICE = "data/practices/serres-volunteers"
_PHOTO = "photos:\n  - file: {file}\n    alt: {{en: The partners, el: Οι εταίροι, fr: Les partenaires}}\n"


def _meeting_with(extra: str, record_id: str = "visit") -> str:
    return (f"id: {record_id}\nnetwork: breaking-isolation\nkind: transnational\n"
            "title: {en: Visit, el: Επίσκεψη, fr: Visite}\nhost: serres\nstart: 2024-05-06\n" + extra)


CASES = [
    # --- valid: the checks must not be stricter than the rules --------------------
    Case("photo_present", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
                           "data/media/visit.jpg": b"\xff\xd8\xff\xe0"}, []),
    Case("photo_link_inside_repository", {
        "data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
        "docs/images/visit.jpg": b"\xff\xd8\xff\xe0",
        "data/media/visit.jpg": Link("../../docs/images/visit.jpg")}, []),
    Case("report_in_prose_files", {
        f"{MEETING}.en.md": "The partners met in Agen.\n\nThey agreed on a **work plan**.\n",
        f"{MEETING}.el.md": "Οι εταίροι συναντήθηκαν στην Αζέν.\n",
        f"{MEETING}.fr.md": "Les partenaires se sont réunis à Agen.\n"}, []),
    Case("practice_sections_in_prose_file", {
        f"{PRACTICE}.en.md": "## The problem {#problem}\n\nOlder people live alone.\n\n"
                             "## What was done {#actions}\n\nVolunteers visit them.\n"}, [
        f"{PRACTICE}.yml:1:1: warning: no Greek (el) text yet in problem, actions: add the `el:` text to each "
        "when there is a translation (until then the English text is shown)",
        f"{PRACTICE}.yml:1:1: warning: no French (fr) text yet in problem, actions: add the `fr:` text to each "
        "when there is a translation (until then the English text is shown)"]),
    # --- prose files ------------------------------------------------------------------
    Case("prose_both", {
        "data/meetings/visit.yml": _meeting_with("report: {en: The partners met.}\n"),
        "data/meetings/visit.en.md": "The partners met in Serres.\n"}, [
        "data/meetings/visit.en.md:1:1: error: the report in en is written twice, here and in "
        "data/meetings/visit.yml: keep one of them",
        "data/meetings/visit.yml:1:1: warning: no Greek (el) text yet in report: add the `el:` text to each when "
        "there is a translation (until then the English text is shown)",
        "data/meetings/visit.yml:1:1: warning: no French (fr) text yet in report: add the `fr:` text to each when "
        "there is a translation (until then the English text is shown)"]),
    Case("prose_orphan", {"data/meetings/breaking-isolation-02-serres.en.md": "The partners met in Serres.\n"}, [
        "data/meetings/breaking-isolation-02-serres.en.md:1:1: error: there is no record "
        "`breaking-isolation-02-serres` for this text: name the file `<id>.<lang>.md` after a record in the same folder"]),
    Case("prose_language", {f"{MEETING}.de.md": "Die Partner trafen sich in Agen.\n"}, [
        f"{MEETING}.de.md:1:1: error: `de` in the file name is not a language of this hub: use one of en, el, fr"]),
    Case("prose_section_unknown", {f"{PRACTICE}.en.md": "## Budget {#budget}\n\n20 000 euros.\n"}, [
        f"{PRACTICE}.en.md:1:1: error: `budget` is not a section of a practice: use one of {{#problem}}, "
        "{#actions}, {#results}, {#resources}, {#success_factors}, {#transferability}"]),
    Case("prose_section_missing", {f"{PRACTICE}.en.md": "Older people live alone.\n\n## The problem {#problem}\n\nx\n"}, [
        f"{PRACTICE}.en.md:1:1: error: the text before the first heading belongs to no section: start with a "
        "heading such as `## The problem {#problem}`",
        f"{PRACTICE}.yml:1:1: warning: no Greek (el) text yet in problem: add the `el:` text to each when there is "
        "a translation (until then the English text is shown)",
        f"{PRACTICE}.yml:1:1: warning: no French (fr) text yet in problem: add the `fr:` text to each when there is "
        "a translation (until then the English text is shown)"]),
    Case("prose_section_twice", {f"{PRACTICE}.en.md": "## Problem {#problem}\n\nOne.\n\n## Problem again {#problem}\n\nTwo.\n"}, [
        f"{PRACTICE}.en.md:5:1: error: the section `problem` appears twice: keep one",
        f"{PRACTICE}.yml:1:1: warning: no Greek (el) text yet in problem: add the `el:` text to each when there is "
        "a translation (until then the English text is shown)",
        f"{PRACTICE}.yml:1:1: warning: no French (fr) text yet in problem: add the `fr:` text to each when there is "
        "a translation (until then the English text is shown)"]),
    Case("prose_not_utf8", {f"{MEETING}.en.md": b"The partners met in Agen.\nCaf\xe9 and cake.\n"}, [
        f"{MEETING}.en.md:2:4: error: the file is not saved as UTF-8 text (a character here cannot be read): "
        "open it in an editor and save it again with the encoding UTF-8"]),
    Case("prose_unsafe_markup_line", {
        f"{MEETING}.en.md": "The partners met in Agen.\n\nSee the <iframe src=\"https://example.org\"></iframe> video.\n",
        f"{MEETING}.el.md": "Οι εταίροι συναντήθηκαν.\n", f"{MEETING}.fr.md": "Les partenaires se sont réunis.\n"}, [
        f"{MEETING}.en.md:3:9: error: report.en: the text holds unsafe markup (<iframe>): remove it; use Markdown "
        "for links and emphasis"]),
    Case("prose_control_character", {
        f"{MEETING}.en.md": "The partners met\x0b in Agen.\n",
        f"{MEETING}.el.md": "Οι εταίροι συναντήθηκαν.\n", f"{MEETING}.fr.md": "Les partenaires se sont réunis.\n"}, [
        f"{MEETING}.en.md:1:17: error: report.en: the text holds an invisible control character (U+000B): delete it "
        "and retype the text around it"]),
    Case("prose_not_nfc", {
        f"{PRACTICE}.fr.md": "## Le problème {#problem}\n\nLes personnes a\u0302gées vivent seules.\n"}, [
        f"{PRACTICE}.fr.md:3:15: error: problem.fr: the text near `a\u0302gées` is not in Unicode NFC form (accents "
        "stored as separate characters, often after copying from a PDF): retype that word"]),
    # --- links and files --------------------------------------------------------------
    Case("photo_link_outside", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
                                "data/media/visit.jpg": Link("outside/photo.jpg")}, [
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/visit.jpg` leads outside the repository (a link): "
        "put a copy of the file itself in its place"]),
    Case("photo_folder_link_outside", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/shared/photo.jpg")),
                                       "data/media/shared": Link("outside")}, [
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/shared/photo.jpg` leads outside the repository "
        "(a link): put a copy of the file itself in its place"]),
    Case("record_link_outside", {"data/partners/record.yml": Link("outside/record.yml")}, [
        "data/partners/record.yml:1:1: error: `data/partners/record.yml` is a symbolic link: files under data/ are "
        "never read through links; put the file itself here"]),
    Case("record_link_dangling", {"data/partners/gone.yml": Link("../../nowhere/gone.yml")}, [
        "data/partners/gone.yml:1:1: error: `data/partners/gone.yml` is a symbolic link: files under data/ are "
        "never read through links; put the file itself here"]),
    Case("record_link_inside", {"data/partners/agen-copy.yml": Link("agen.yml")}, [
        "data/partners/agen-copy.yml:1:1: error: `data/partners/agen-copy.yml` is a symbolic link: files under data/ "
        "are never read through links; put the file itself here"]),
    Case("file_too_large", {"data/partners/big.yml": "id: big\nname: {en: Big}\nkind: municipality\ncountry: GR\n"
                            "description:\n  en: >-\n" + "    words words words words words words words\n" * 25_000}, [
        "data/partners/big.yml:1:1: error: the file is too large (1,150 kB; at most 1,000 kB): split it, or move long "
        "texts into shorter ones"]),
    Case("file_name_case", {f"{MEETING}.en.md": "Agen.\n", "data/meetings/Breaking-isolation-01-agen.en.md": "Agen.\n"}, [
        "data/meetings/Breaking-isolation-01-agen.en.md:1:1: error: there is no record `Breaking-isolation-01-agen` "
        "for this text: name the file `<id>.<lang>.md` after a record in the same folder",
        f"{MEETING}.en.md:1:1: error: the file name differs from `data/meetings/Breaking-isolation-01-agen.en.md` "
        "only in capital letters: on Windows and macOS they are one file; rename one of them"]),
    Case("prose_empty", {f"{MEETING}.en.md": "\n  \n"}, [
        f"{MEETING}.en.md:1:1: error: this file is empty: write the text in it, or delete the file"]),
    Case("part_of_cycle", {
        "data/partners/agency.yml": "id: agency\nname: {en: Agency, el: Φορέας, fr: Agence}\nkind: municipality\n"
                                    "country: GR\npart_of: office\n",
        "data/partners/office.yml": "id: office\nname: {en: Office, el: Γραφείο, fr: Bureau}\nkind: municipality\n"
                                    "country: GR\npart_of: agency\n"}, [
        "data/partners/agency.yml:5:10: error: part_of: `part_of` leads back to this partner (agency → office → "
        "agency): an organisation cannot be part of itself; correct one of the `part_of` ids",
        "data/partners/office.yml:5:10: error: part_of: `part_of` leads back to this partner (office → agency → "
        "office): an organisation cannot be part of itself; correct one of the `part_of` ids"]),
    # --- limits and Markdown that would stall the build, in prose files -------------------
    Case("prose_too_long", {
        f"{MEETING}.en.md": "The partners met in Agen.\n" + "They visited the social services of the town.\n" * 700,
        f"{MEETING}.el.md": "Οι εταίροι συναντήθηκαν.\n", f"{MEETING}.fr.md": "Les partenaires se sont réunis.\n"}, [
        f"{MEETING}.en.md:1:1: error: report.en: is too long (32225 characters): shorten it to at most 30000"]),
    Case("prose_markdown_nesting", {
        f"{MEETING}.en.md": "The partners met in Agen.\n\n- a\n    - b\n        - c\n\n"
                            "> > > > > > > > > quoted nine times\n",
        f"{MEETING}.el.md": "Οι εταίροι συναντήθηκαν.\n", f"{MEETING}.fr.md": "Les partenaires se sont réunis.\n"}, [
        f"{MEETING}.en.md:7:17: error: report.en: the text nests brackets, quotes, lists or emphasis more than 8 "
        "levels deep here: simplify it"]),
    Case("document_file_missing", {"data/meetings/visit.yml": _meeting_with(
        "documents:\n  - title: {en: Agenda, el: Ατζέντα, fr: Ordre du jour}\n    file: media/agenda.pdf\n")}, [
        "data/meetings/visit.yml:9:11: error: documents[0].file: the file `media/agenda.pdf` does not exist: add it "
        "under data/ or correct the path"]),
]
