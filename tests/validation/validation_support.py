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
import os
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.cli import main
from partnerhub.i18n import set_language
from partnerhub.registry import FOLDERS
from tests.media import makers as media_files

from tests.support.site import BASE_HUB, ROOT  # noqa: E402
TESTS = ROOT / "tests"
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
    for folder in ("media", *FOLDERS):
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
class Fifo:
    """A named pipe (reading it would block for ever)."""


@dataclass(frozen=True)
class Sparse:
    """A file of ``size`` bytes that takes no room on disk, starting with ``head``."""

    size: int
    head: bytes = b""


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
        if isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, Sparse):
            with open(path, "wb") as handle:
                handle.write(content.head)
                handle.truncate(content.size)
        elif isinstance(content, Link):
            target = content.target
            if target == "outside" or target.startswith("outside/"):
                target = str(root.parent / target)
            path.symlink_to(target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def small_jpeg() -> bytes:
    """A real, tiny JPEG (photos are checked by content)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


MEETING = "data/meetings/breaking-isolation-01-agen"
PRACTICE = "data/practices/serres-volunteers"
_PHOTO = "photos:\n  - file: {file}\n    alt: {{en: The partners, el: Οι εταίροι, fr: Les partenaires}}\n"
_DOC = "documents:\n  - title: {{en: Agenda, el: Ατζέντα, fr: Ordre du jour}}\n    file: {file}\n"



def _meeting_with(extra: str, record_id: str = "visit") -> str:
    return (f"id: {record_id}\nnetwork: breaking-isolation\nkind: transnational\n"
            "title: {en: Visit, el: Επίσκεψη, fr: Visite}\nhost: serres\nstart: 2024-05-06\n" + extra)

def photo(name: str) -> dict:
    return {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file=name))}


def doc(name: str) -> dict:
    return {"data/meetings/visit.yml": _meeting_with(_DOC.format(file=name))}



def _network(record_id: str, member: str, extra: str = "") -> str:
    return (f"id: {record_id}\nname: {{en: Network, el: Δίκτυο, fr: Réseau}}\nprogramme: urbact-iv\n"
            f"themes: [social-isolation]\nperiod: {{start: 2024, end: 2026}}\npartners:\n  - {member}\n"
            "summary: {en: Cities., el: Πόλεις., fr: Des villes.}\n" + extra)


def _practice(record_id: str, extra: str = "") -> str:
    return (f"id: {record_id}\ntitle: {{en: Visits, el: Επισκέψεις, fr: Visites}}\nowners: [serres]\n"
            "themes: [social-isolation]\nstatus: ongoing\n"
            "summary: {en: Volunteers visit., el: Εθελοντές επισκέπτονται., fr: Des bénévoles rendent visite.}\n"
            "network: breaking-isolation\n" + extra)


def _hub_with_logo(path: str, data: bytes) -> dict:
    """The base hub's settings with ``logo: path`` (line 9, column 7), and the file."""
    settings = (BASE_HUB / "data" / "hub.yml").read_text(encoding="utf-8")
    return {"data/hub.yml": settings + f"logo: {path}\n", f"data/{path}": data}


CASES = [
    # --- translations of hand-written pages (partnerhub/validation/translations.py) ------
    Case("page_translation_missing", {"docs/en/about.md": "# About\n", "docs/el/about.md": "# Σχετικά\n"}, [
        "docs/en/about.md:1:1: warning: this page has no French (fr) translation yet: write it in docs/fr/about.md "
        "when there is one (until then the English text is shown)"]),
    # --- valid: the checks must not be stricter than the rules --------------------
    Case("photo_present", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
                           "data/media/visit.jpg": small_jpeg()}, []),
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
        "{#actions}, {#results}, {#resources}, {#success_factors}, {#transferability}, {#adaptation}"]),
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
    # --- media files, checked by content (partnerhub.media) ---------------------------
    Case("media_not_regular", {**photo("media/visit.jpg"), "data/media/visit.jpg": Fifo()}, [
        "data/media/visit.jpg:1:1: error: `media/visit.jpg` is not an ordinary file (a folder, a named pipe, a socket or a device): put the photo or the document itself there",
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/visit.jpg` is not an ordinary file (a folder, a named pipe, a socket or a device): put the photo or the document itself there"]),
    Case("media_too_large", {"data/media/huge.jpg": Sparse(16_000_000, small_jpeg()[:20])}, [
        "data/media/huge.jpg:1:1: error: `media/huge.jpg` is 15.3 MB, more than the 15.0 MB allowed: make it smaller (photos: about 2000 pixels wide are plenty)"]),
    Case("media_empty", {"data/media/empty.pdf": b""}, [
        "data/media/empty.pdf:1:1: error: `media/empty.pdf` is empty: add the real file, or remove it"]),
    Case("media_markup", {**photo("media/visit.jpg"), "data/media/visit.jpg": media_files.HTML, "data/media/drawing.svg": media_files.SVG_WITH_SCRIPT}, [
        "data/media/drawing.svg:1:1: error: `media/drawing.svg` is SVG markup, not a photo or a document: markup is never published; photos must be JPEG, PNG or WebP, documents PDF",
        "data/media/visit.jpg:1:1: error: `media/visit.jpg` is HTML markup, not a photo or a document: markup is never published; photos must be JPEG, PNG or WebP, documents PDF",
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/visit.jpg` is HTML markup, not a photo or a document: markup is never published; photos must be JPEG, PNG or WebP, documents PDF"]),
    Case("media_image_format", {"data/media/logo.gif": media_files.gif()}, [
        "data/media/logo.gif:1:1: error: `media/logo.gif` is a GIF image, which the site does not publish: save it as JPEG (photos) or PNG (drawings, screenshots)"]),
    Case("media_unknown_type", {"data/media/notes.txt": b"Some notes about the visit.\n"}, [
        "data/media/notes.txt:1:1: error: `media/notes.txt` is not a JPEG, PNG or WebP photo nor a PDF document (its content was checked, not its name): export it in one of these formats"]),
    Case("media_not_photo", {**photo("media/agenda.pdf"), "data/media/agenda.pdf": media_files.pdf()}, [
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/agenda.pdf` is a PDF file, not a photo: photos must be JPEG, PNG or WebP (a PDF goes under `documents`)"]),
    Case("media_not_document", {**doc("media/visit.jpg"), "data/media/visit.jpg": small_jpeg()}, [
        "data/meetings/visit.yml:9:11: error: documents[0].file: `media/visit.jpg` is a JPEG file, not a document: documents must be PDF (a photo goes under `photos`)"]),
    Case("media_too_many_pixels", {"data/media/bomb.png": media_files.png_claiming(20000, 20000)}, [
        "data/media/bomb.png:1:1: error: `media/bomb.png` has 400 million pixels, more than the 50 million allowed: resize it to about 2000 pixels wide"]),
    Case("media_animated", {"data/media/moving.png": media_files.animated_png()}, [
        "data/media/moving.png:1:1: error: `media/moving.png` is an animated image: the site shows still photos only (moving images cannot be paused by readers), save one frame as JPEG or PNG"]),
    Case("media_image_damaged", {"data/media/cut.jpg": small_jpeg()[:-40]}, [
        "data/media/cut.jpg:1:1: error: `media/cut.jpg` cannot be read as a JPEG image (it is damaged or cut off): export it again from the original"]),
    Case("media_trailing_data", {"data/media/extra.jpg": small_jpeg() + b"PK\x03\x04 hidden zip"}, [
        "data/media/extra.jpg:1:1: error: `media/extra.jpg` has extra data after the end of the JPEG image (something hidden in it, or the video of a motion photo): open it in an image editor and save it again"]),
    Case("media_pdf_damaged", {"data/media/cut.pdf": media_files.pdf()[:-12]}, [
        "data/media/cut.pdf:1:1: error: `media/cut.pdf` is not a complete PDF (its start or its end is missing): export the PDF again"]),
    Case("media_pdf_active", {"data/media/active.pdf": media_files.pdf(b"1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n")}, [
        "data/media/active.pdf:1:1: error: `media/active.pdf` is a PDF with active content (`/JavaScript`: scripts, launched programs or attached files): export or print it again as a plain PDF"]),
    Case("file_not_media", {**photo("partners/serres.yml")}, [
        "data/meetings/visit.yml:8:11: error: photos[0].file: `partners/serres.yml` is not in data/media/: put photos and documents in data/media/ and write `media/<file name>`"]),
    Case("media_path_invalid", {**photo("media//visit.jpg")}, [
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media//visit.jpg` is not a plain path: write it as `media/<file name>`, with forward slashes and without empty parts or `.`"]),
    Case("document_file_missing_media", {**doc("media/agenda.pdf")}, [
        "data/meetings/visit.yml:9:11: error: documents[0].file: the file `media/agenda.pdf` does not exist: add it under data/ or correct the path"]),
    Case("photo_link_outside", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
                                "data/media/visit.jpg": Link("outside/photo.jpg")}, [
        "data/media/visit.jpg:1:1: error: `media/visit.jpg` is a symbolic link (or lies in a linked folder): links are "
        "never published, put the file itself here",
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/visit.jpg` is a symbolic link (or lies in a "
        "linked folder): links are never published, put the file itself here"]),
    Case("photo_link_inside_repository", {
        "data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/visit.jpg")),
        "docs/images/visit.jpg": small_jpeg(), "data/media/visit.jpg": Link("../../docs/images/visit.jpg")}, [
        "data/media/visit.jpg:1:1: error: `media/visit.jpg` is a symbolic link (or lies in a linked folder): links are "
        "never published, put the file itself here",
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/visit.jpg` is a symbolic link (or lies in a "
        "linked folder): links are never published, put the file itself here"]),
    Case("photo_folder_link_outside", {"data/meetings/visit.yml": _meeting_with(_PHOTO.format(file="media/shared/photo.jpg")),
                                       "data/media/shared": Link("outside")}, [
        "data/media/shared:1:1: error: `media/shared` is a symbolic link (or lies in a linked folder): links are never "
        "published, put the file itself here",
        "data/meetings/visit.yml:8:11: error: photos[0].file: `media/shared/photo.jpg` is a symbolic link (or lies in "
        "a linked folder): links are never published, put the file itself here"]),
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
    Case("ref_hidden", {
        "data/partners/agency.yml": "id: agency\nname: {en: Agency, el: Φορέας, fr: Agence}\nkind: municipality\n"
                                    "country: GR\npublication: draft\n",
        "data/partners/office.yml": "id: office\nname: {en: Office, el: Γραφείο, fr: Bureau}\nkind: municipality\n"
                                    "country: GR\npart_of: agency\n"}, [
        "data/partners/office.yml:5:10: warning: part_of: the partner `agency` is a draft (data/partners/agency.yml): "
        "this public record names it, but the public site shows no link to it; publish it, or remove the reference"]),
    Case("ref_hidden_partners_only", {
        "data/partners/agency.yml": "id: agency\nname: {en: Agency, el: Φορέας, fr: Agence}\nkind: municipality\n"
                                    "country: GR\nvisibility: partners\n",
        "data/partners/office.yml": "id: office\nname: {en: Office, el: Γραφείο, fr: Bureau}\nkind: municipality\n"
                                    "country: GR\npart_of: agency\n"}, [
        "data/partners/office.yml:5:10: warning: part_of: the partner `agency` is visible to partners only "
        "(data/partners/agency.yml): this public record names it, but the public site shows no link to it; "
        "publish it, or remove the reference"]),
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
    # --- records v2: joint meetings, lineage, waves ---------------------------------
    Case("host_not_member_any", {
        "data/networks/digi.yml": _network("digi", "{partner: serres, role: lead}"),
        "data/meetings/joint.yml": "id: joint\nnetwork: [breaking-isolation, digi]\nkind: transnational\n"
                                   "title: {en: Joint, el: Κοινή, fr: Commune}\nhost: [agen, skofja-loka]\n"
                                   "start: 2024-05-06\n"}, [
        "data/meetings/joint.yml:5:14: error: host[1]: `skofja-loka` is not a partner of any of the networks "
        "`breaking-isolation`, `digi`: add it to one of them, or correct the id"]),
    Case("practice_lineage_cycle", {
        "data/practices/first.yml": _practice("first", "adapted_from: second\n"),
        "data/practices/second.yml": _practice("second", "adapted_from: first\n")}, [
        "data/practices/first.yml:8:15: error: adapted_from: `adapted_from` leads back to this practice "
        "(first → second → first): a practice cannot descend from itself; correct one of the `adapted_from` ids",
        "data/practices/second.yml:8:15: error: adapted_from: `adapted_from` leads back to this practice "
        "(second → first → second): a practice cannot descend from itself; correct one of the `adapted_from` ids"]),
    Case("network_follows_cycle", {
        "data/networks/wave-1.yml": _network("wave-1", "{partner: agen, role: lead}", "follows: wave-2\n"),
        "data/networks/wave-2.yml": _network("wave-2", "{partner: agen, role: lead}", "follows: wave-1\n")}, [
        "data/networks/wave-1.yml:9:10: error: follows: `follows` leads back to this network (wave-1 → wave-2 → "
        "wave-1): correct one of the `follows` ids",
        "data/networks/wave-2.yml:9:10: error: follows: `follows` leads back to this network (wave-2 → wave-1 → "
        "wave-2): correct one of the `follows` ids"]),
    Case("former_id_taken", {
        "data/partners/new-name.yml": "id: new-name\nname: {en: New, el: Νέα, fr: Nouvelle}\nkind: municipality\n"
                                      "country: FR\nformer_ids: [old-name]\n",
        "data/partners/other-name.yml": "id: other-name\nname: {en: Other, el: Άλλη, fr: Autre}\n"
                                        "kind: municipality\ncountry: FR\nformer_ids: [old-name]\n"}, [
        "data/partners/new-name.yml:5:14: error: former_ids[0]: `old-name` is also a former id of `other-name`: one "
        "old address can lead to one record only; remove it from one of them",
        "data/partners/other-name.yml:5:14: error: former_ids[0]: `old-name` is also a former id of `new-name`: one "
        "old address can lead to one record only; remove it from one of them"]),
    # --- the hub's logo (data/hub.yml `logo`, partnerhub/validation/hub_settings.py) ------
    Case("hub_logo_present", _hub_with_logo("media/logo.png", media_files.png((240, 80))), []),
    Case("hub_logo_too_small", _hub_with_logo("media/logo.png", media_files.png((120, 60))), [
        "data/hub.yml:9:7: error: logo: the logo `media/logo.png` is 60 pixels tall, under the 80 it needs to look "
        "sharp on phones: use a larger export of the logo, at least 80 pixels tall"]),
    Case("hub_logo_too_wide", _hub_with_logo("media/logo.png", media_files.png((400, 100))), [
        "data/hub.yml:9:7: error: logo: the logo `media/logo.png` is 400 × 100 pixels, more than 3 times as wide as "
        "tall: the hub's name beside it would not fit on a phone; use the compact (square) version of the logo (the "
        "name is written beside it anyway)"]),
    Case("hub_logo_markup", _hub_with_logo("media/logo.svg", media_files.SVG_WITH_SCRIPT), [
        "data/media/logo.svg:1:1: error: `media/logo.svg` is SVG markup, not a photo or a document: markup is never "
        "published; photos must be JPEG, PNG or WebP, documents PDF",
        "data/hub.yml:9:7: error: logo: `media/logo.svg` is SVG markup, not a photo or a document: markup is never "
        "published; photos must be JPEG, PNG or WebP, documents PDF"]),
    Case("hub_logo_not_photo", _hub_with_logo("media/logo.pdf", media_files.pdf()), [
        "data/hub.yml:9:7: error: logo: `media/logo.pdf` is a PDF file, not a photo: photos must be JPEG, PNG or "
        "WebP (a PDF goes under `documents`)"]),
]
