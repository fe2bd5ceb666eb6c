"""scan(): every entry of data/media, checked without following links; lookup() answers
for a record's reference without reading the file again."""

from __future__ import annotations

import os

from partnerhub.media import DOCUMENT, PHOTO, MediaFile, MediaProblem, scan
from partnerhub.messages import MESSAGES, render
from tests.media import makers


def located(result) -> list[tuple[str, str, int, int]]:
    return [(p.file, p.code, p.line, p.column) for p in result.problems]


def test_a_hostile_media_folder(tmp_path):
    root = makers.hub(tmp_path)
    media = root / "data" / "media"
    makers.put(root, "README.md", b"# Photos\n")  # the folder's own guide: skipped
    makers.put(root, "visit.jpg", makers.jpeg_with_gps())
    makers.put(root, "agenda.pdf", makers.pdf())
    makers.put(root, "unused.png", makers.png())  # no record uses it: fine, simply not published
    makers.put(root, "2024/serres/hall.webp", makers.webp((40, 30)))
    makers.put(root, "page.html", makers.HTML)
    makers.put(root, "logo.svg", makers.SVG_WITH_SCRIPT)
    makers.put(root, "app.js", b"fetch('/steal?c=' + document.cookie)\n")
    makers.put(root, "notes.txt", b"nothing known\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.jpg").write_bytes(makers.jpeg_with_gps())
    os.symlink("/etc/passwd", media / "passwd.jpg")
    os.symlink(outside, media / "outside")
    os.symlink("gone.jpg", media / "dangling.jpg")
    os.symlink("visit.jpg", media / "again.jpg")
    os.symlink("/etc/passwd", media / "README.md.lnk")
    os.mkfifo(media / "pipe.jpg")
    result = makers.finishes_within(10, scan, root)
    assert sorted(result.files) == ["media/2024/serres/hall.webp", "media/agenda.pdf", "media/unused.png",
                                    "media/visit.jpg"]
    assert result.files["media/agenda.pdf"].kind == DOCUMENT
    assert located(result) == [
        ("data/media/README.md.lnk", "media_symlink", 1, 1),
        ("data/media/again.jpg", "media_symlink", 1, 1),
        ("data/media/app.js", "media_unknown_type", 1, 1),
        ("data/media/dangling.jpg", "media_symlink", 1, 1),
        ("data/media/logo.svg", "media_markup", 1, 1),
        ("data/media/notes.txt", "media_unknown_type", 1, 1),
        ("data/media/outside", "media_symlink", 1, 1),
        ("data/media/page.html", "media_markup", 1, 1),
        ("data/media/passwd.jpg", "media_symlink", 1, 1),
        ("data/media/pipe.jpg", "media_not_regular", 1, 1),
    ]
    for problem in result.problems:  # every problem has its message, every placeholder its value
        assert problem.params["value"] == problem.file.removeprefix("data/")
        MESSAGES[problem.code].format(**problem.params)
        assert "{" not in render(problem.code, problem.params)


def test_lookup_answers_like_inspect(tmp_path):
    root = makers.hub(tmp_path)
    media = root / "data" / "media"
    makers.put(root, "visit.jpg", makers.jpeg_with_gps())
    makers.put(root, "agenda.pdf", makers.pdf())
    makers.put(root, "page.jpg", makers.HTML)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.jpg").write_bytes(makers.jpeg_with_gps())
    os.symlink(outside, media / "outside")
    result = scan(root)
    assert isinstance(result.lookup("media/visit.jpg", PHOTO), MediaFile)
    assert result.lookup("media/visit.jpg", PHOTO) is result.files["media/visit.jpg"]
    assert result.lookup("media/agenda.pdf", PHOTO) == MediaProblem("media_not_photo")
    assert result.lookup("media/visit.jpg", DOCUMENT).code == "media_not_document"
    assert result.lookup("media/page.jpg", PHOTO).code == "media_markup"
    assert result.lookup("media/page.jpg", PHOTO).file == ""  # the caller locates it at the record's field
    assert result.lookup("media/outside/private.jpg", PHOTO).code == "media_symlink"
    assert result.lookup("media/missing.jpg", PHOTO).code == "file_missing"
    assert result.lookup("../x.jpg", PHOTO).code == "file_parent"


def test_a_linked_media_folder_is_one_problem(tmp_path):
    root = makers.hub(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.jpg").write_bytes(makers.jpeg_with_gps())
    (root / "data" / "media").rmdir()
    os.symlink(elsewhere, root / "data" / "media")
    result = scan(root)
    assert result.files == {}
    assert located(result) == [("data/media", "media_symlink", 1, 1)]


def test_no_media_folder(tmp_path):
    root = makers.hub(tmp_path)
    (root / "data" / "media").rmdir()
    assert (scan(root).files, scan(root).problems) == ({}, ())


def test_media_folder_that_is_a_file(tmp_path):
    root = makers.hub(tmp_path)
    (root / "data" / "media").rmdir()
    (root / "data" / "media").write_bytes(makers.jpeg_with_gps())  # even a photo: it is not in the folder
    assert located(scan(root)) == [("data/media", "file_not_media", 1, 1)]
    assert scan(root).files == {}


def test_scan_is_sorted_and_deterministic(tmp_path):
    root = makers.hub(tmp_path)
    for name in ("b.txt", "a.txt", "c/d.txt", "c/a.txt"):
        makers.put(root, name, b"?")
    first, second = scan(root), scan(root)
    assert [p.file for p in first.problems] == ["data/media/a.txt", "data/media/b.txt", "data/media/c/a.txt",
                                                "data/media/c/d.txt"]
    assert first.problems == second.problems


def test_names_that_are_not_utf8(tmp_path):
    root = makers.hub(tmp_path)
    media = os.fsencode(root / "data" / "media")
    with open(media + b"/caf\xe9.jpg", "wb") as fh:
        fh.write(makers.jpeg_with_gps())
    os.symlink("/etc/passwd", media + b"/link\xff.jpg")
    result = scan(root)
    assert result.files == {}
    assert located(result) == [("data/media/caf?.jpg", "media_path_invalid", 1, 1),
                               ("data/media/link?.jpg", "media_path_invalid", 1, 1)]
    for problem in result.problems:
        problem.file.encode("utf-8")
        render(problem.code, problem.params).encode("utf-8")


def test_mpo_and_cmyk_jpegs(tmp_path):
    """A multi-picture JPEG (a photo and a second view) is its first picture, not an
    animation; a CMYK JPEG is published in RGB."""
    from PIL import Image

    root = makers.hub(tmp_path)
    first, second = Image.new("RGB", (700, 300), makers.RED), Image.new("RGB", (700, 300), makers.BLUE)
    first.save(root / "data" / "media" / "mpo.jpg", "MPO", save_all=True, append_images=[second])
    Image.new("CMYK", (700, 300), (0, 255, 255, 0)).save(root / "data" / "media" / "cmyk.jpg", "JPEG")
    result = scan(root)
    assert result.problems == ()
    assert {(f.format, f.width, f.height) for f in result.files.values()} == {("jpeg", 700, 300)}
    from partnerhub.media import photo_variants, publish

    site = tmp_path / "site"
    assert publish(root, result.files.values(), site).problems == ()
    for photo in result.files.values():
        with Image.open(site / photo_variants(photo)[-1].path) as published:
            assert published.mode == "RGB"
            red, green, blue = published.getpixel((10, 10))
            assert red > 200 and green < 40 and blue < 40
