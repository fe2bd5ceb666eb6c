"""inspect(): one file a record names, checked by content, never through a link."""

from __future__ import annotations

import os

import pytest

from partnerhub.media import DOCUMENT, PHOTO, MediaFile, MediaProblem, inspect
from partnerhub.media.limits import MB, PHOTO_MAX_BYTES
from tests.media import makers


def code(result) -> str:
    assert isinstance(result, MediaProblem), result
    return result.code


def test_jpeg_is_a_photo_with_its_shown_size(tmp_path):
    root = makers.hub(tmp_path)
    data = makers.jpeg_with_gps((640, 320), orientation=6)
    makers.put(root, "visit.jpg", data)
    found = inspect(root, "media/visit.jpg", PHOTO)
    assert isinstance(found, MediaFile)
    assert (found.kind, found.format, found.size) == (PHOTO, "jpeg", len(data))
    assert (found.width, found.height, found.orientation) == (320, 640, 6)  # turned upright
    assert len(found.sha256) == 64


def test_png_webp_and_pdf_by_content(tmp_path):
    root = makers.hub(tmp_path)
    makers.put(root, "plan.png", makers.png((300, 200)))
    makers.put(root, "hall.webp", makers.webp((80, 60)))
    makers.put(root, "agenda.pdf", makers.pdf())
    assert inspect(root, "media/plan.png", PHOTO).format == "png"
    assert (inspect(root, "media/hall.webp").format, inspect(root, "media/hall.webp").width) == ("webp", 80)
    document = inspect(root, "media/agenda.pdf", DOCUMENT)
    assert (document.kind, document.format, document.width) == (DOCUMENT, "pdf", 0)


def test_the_name_means_nothing(tmp_path):
    root = makers.hub(tmp_path)
    makers.put(root, "photo.jpg", makers.HTML)
    makers.put(root, "logo.png", makers.SVG_WITH_SCRIPT)
    makers.put(root, "fake.pdf", b"this is not a PDF, only its name says so\n")
    makers.put(root, "really-a-png.jpg", makers.png((20, 20)))
    assert inspect(root, "media/photo.jpg", PHOTO).params == {"value": "media/photo.jpg", "format": "HTML"}
    assert code(inspect(root, "media/photo.jpg", PHOTO)) == "media_markup"
    assert inspect(root, "media/logo.png", PHOTO).params["format"] == "SVG"
    assert code(inspect(root, "media/fake.pdf", DOCUMENT)) == "media_unknown_type"
    assert inspect(root, "media/really-a-png.jpg", PHOTO).format == "png"


@pytest.mark.parametrize("name, data, expected", [
    ("page.html", makers.HTML, "media_markup"),
    ("drawing.svg", makers.SVG_WITH_SCRIPT, "media_markup"),
    ("script.js", b"alert(document.cookie)\n", "media_unknown_type"),
    ("bom.html", b"\xef\xbb\xbf  <script>alert(1)</script>", "media_markup"),
    ("utf16.html", "<html><script>x</script>".encode("utf-16"), "media_markup"),
    ("empty.jpg", b"", "media_empty"),
    ("anim.gif", makers.gif(), "media_image_format"),
    ("iphone.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "media_image_format"),
    ("animated.png", makers.animated_png(), "media_animated"),
    ("truncated.jpg", makers.jpeg_with_gps()[:1500], "media_image_damaged"),
    ("truncated.png", makers.png((200, 200))[:-200], "media_image_damaged"),
    ("html-after.jpg", makers.jpeg_with_gps() + makers.HTML, "media_trailing_data"),
    ("zip-after.png", makers.png() + b"PK\x03\x04" + b"\x00" * 40, "media_trailing_data"),
    ("riff-after.webp", makers.webp((40, 30)) + b"<script>", "media_trailing_data"),
    ("bomb.png", makers.png_claiming(60_000, 60_000), "media_too_many_pixels"),
    ("big.png", makers.png_claiming(10_000, 6_000), "media_too_many_pixels"),
    ("magic-only.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "media_image_damaged"),
])
def test_refused_photos(tmp_path, name, data, expected):
    root = makers.hub(tmp_path)
    makers.put(root, name, data)
    assert code(inspect(root, f"media/{name}", PHOTO)) == expected


def test_too_many_pixels_says_how_many(tmp_path):
    root = makers.hub(tmp_path)
    makers.put(root, "bomb.png", makers.png_claiming(60_000, 60_000))
    makers.put(root, "big.png", makers.png_claiming(10_000, 6_000))
    assert inspect(root, "media/bomb.png").params == {"value": "media/bomb.png", "megapixels": "3600", "limit": "50"}
    assert inspect(root, "media/big.png").params["megapixels"] == "60"


def test_corrupt_png_checksum(tmp_path):
    root = makers.hub(tmp_path)
    data = bytearray(makers.png((50, 50)))
    data[40] ^= 0xFF  # inside the IDAT data: its CRC no longer matches
    makers.put(root, "crc.png", bytes(data))
    assert code(inspect(root, "media/crc.png", PHOTO)) == "media_image_damaged"


@pytest.mark.parametrize("data, expected", [
    (makers.pdf(), None),
    (makers.pdf()[:-30], "media_pdf_damaged"),  # cut off: no %%EOF
    (b"%PDF-\n%%EOF\n", "media_pdf_damaged"),  # no version
    (b"<html>" + makers.pdf(), "media_markup"),  # a page with a PDF inside
    (makers.pdf(b"1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n"), "media_pdf_active"),
    (makers.pdf(b"1 0 obj << /S /J#61vaScript >> endobj\n"), "media_pdf_active"),
    (makers.pdf(b"1 0 obj << /S /Launch /F (calc.exe) >> endobj\n"), "media_pdf_active"),
    (makers.pdf(b"1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj\n"), "media_pdf_active"),
    (makers.pdf(b"1 0 obj << /Type /JSON-ish /JSX 1 >> endobj\n"), None),  # names that only start alike
])
def test_documents(tmp_path, data, expected):
    root = makers.hub(tmp_path)
    makers.put(root, "agenda.pdf", data)
    result = inspect(root, "media/agenda.pdf", DOCUMENT)
    if expected is None:
        assert isinstance(result, MediaFile), result
    else:
        assert code(result) == expected


def test_pdf_active_names_the_feature(tmp_path):
    root = makers.hub(tmp_path)
    makers.put(root, "a.pdf", makers.pdf(b"<< /S /J#61vaScript >>\n"))
    assert inspect(root, "media/a.pdf").params == {"value": "media/a.pdf", "feature": "JavaScript"}


def test_kind_must_match(tmp_path):
    root = makers.hub(tmp_path)
    makers.put(root, "agenda.pdf", makers.pdf())
    makers.put(root, "photo.png", makers.png())
    assert inspect(root, "media/agenda.pdf", PHOTO).params == {"value": "media/agenda.pdf", "format": "PDF"}
    assert code(inspect(root, "media/agenda.pdf", PHOTO)) == "media_not_photo"
    assert code(inspect(root, "media/photo.png", DOCUMENT)) == "media_not_document"


@pytest.mark.parametrize("path, expected", [
    ("../secrets.jpg", "file_parent"),
    ("media/../../etc/passwd", "file_parent"),
    ("/etc/passwd", "file_absolute"),
    ("C:/photos/x.jpg", "file_absolute"),
    ("media//x.jpg", "media_path_invalid"),
    ("media/./x.jpg", "media_path_invalid"),
    ("media\\x.jpg", "media_path_invalid"),
    ("media/x\x00.jpg", "media_path_invalid"),
    ("media/" + "x" * 300 + ".jpg", "media_path_invalid"),
    ("partners/serres.yml", "file_not_media"),
    ("hub.yml", "file_not_media"),
    ("media", "file_not_media"),
    ("media/", "media_path_invalid"),
    ("media/missing.jpg", "file_missing"),
    ("media/x.jpg/inside", "file_missing"),
    ("media/\ud800.jpg", "media_path_invalid"),
])
def test_paths(tmp_path, path, expected):
    root = makers.hub(tmp_path)
    makers.put(root, "x.jpg", makers.jpeg_with_gps())
    assert code(inspect(root, path, PHOTO)) == expected


def test_links_are_never_followed(tmp_path):
    root = makers.hub(tmp_path)
    media = root / "data" / "media"
    makers.put(root, "real.jpg", makers.jpeg_with_gps())
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.jpg").write_bytes(makers.jpeg_with_gps())
    os.symlink("/etc/passwd", media / "passwd.jpg")
    os.symlink(outside, media / "elsewhere")
    os.symlink(media / "nowhere.jpg", media / "dangling.jpg")
    os.symlink("real.jpg", media / "inside.jpg")  # inside the repository: refused all the same
    os.symlink(root / "data" / "media", root / "data" / "alias")
    for path in ("media/passwd.jpg", "media/elsewhere/secret.jpg", "media/dangling.jpg", "media/inside.jpg"):
        assert inspect(root, path, PHOTO) == MediaProblem("media_symlink", {"value": path}), path
        assert inspect(root, path, PHOTO).params == {"value": path}
    assert code(inspect(root, "alias/real.jpg", PHOTO)) == "file_not_media"


def test_linked_media_folder(tmp_path):
    root = makers.hub(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.jpg").write_bytes(makers.jpeg_with_gps())
    (root / "data" / "media").rmdir()
    os.symlink(elsewhere, root / "data" / "media")
    assert code(inspect(root, "media/x.jpg", PHOTO)) == "media_symlink"


def test_pipe_folder_and_empty_name_do_not_block(tmp_path):
    root = makers.hub(tmp_path)
    os.mkfifo(root / "data" / "media" / "pipe.jpg")
    (root / "data" / "media" / "folder.jpg").mkdir()
    result = makers.finishes_within(5, inspect, root, "media/pipe.jpg", PHOTO)
    assert code(result) == "media_not_regular"
    assert code(inspect(root, "media/folder.jpg", PHOTO)) == "media_not_regular"


def test_size_limit_from_fstat_before_reading(tmp_path):
    root = makers.hub(tmp_path)
    media = root / "data" / "media"
    makers.sparse(media / "huge.jpg", PHOTO_MAX_BYTES + 1, head=b"\xff\xd8\xff\xe0")
    makers.sparse(media / "huge.pdf", 26 * MB, head=b"%PDF-1.7\n")
    makers.sparse(media / "ok-size.pdf", 16 * MB, head=b"%PDF-1.7\n")
    assert inspect(root, "media/huge.jpg", PHOTO).params == {"value": "media/huge.jpg", "size": "15.0", "limit": "15.0"}
    assert code(inspect(root, "media/huge.jpg", PHOTO)) == "media_too_large"
    assert inspect(root, "media/huge.pdf", DOCUMENT).params == {"value": "media/huge.pdf", "size": "26.0",
                                                                "limit": "25.0"}
    assert code(inspect(root, "media/huge.pdf")) == "media_too_large"
    # with no kind given, the photo limit still applies once the content says "JPEG"
    assert code(inspect(root, "media/huge.jpg")) == "media_too_large"
    assert code(inspect(root, "media/ok-size.pdf", DOCUMENT)) == "media_pdf_damaged"  # read, then checked


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    root = makers.hub(tmp_path)
    path = makers.put(root, "locked.jpg", makers.jpeg_with_gps())
    path.chmod(0)
    assert code(inspect(root, "media/locked.jpg", PHOTO)) == "media_unreadable"


def test_inspection_cache_skips_decoding(tmp_path, monkeypatch):
    root = makers.hub(tmp_path)
    makers.put(root, "visit.jpg", makers.jpeg_with_gps())
    cache = tmp_path / "cache"
    first = inspect(root, "media/visit.jpg", PHOTO, cache_dir=cache)
    from partnerhub.media import inspection

    def no_decoding(*args):
        raise AssertionError("decoded again")

    monkeypatch.setattr(inspection, "check_photo", no_decoding)
    assert inspect(root, "media/visit.jpg", PHOTO, cache_dir=cache) == first
    makers.put(root, "visit.jpg", makers.jpeg_with_gps(orientation=1))  # new content: decoded
    with pytest.raises(AssertionError, match="decoded again"):
        inspect(root, "media/visit.jpg", PHOTO, cache_dir=cache)


def test_garbage_never_raises(tmp_path):
    """Every prefix of real files and some random bytes: a result, never an exception."""
    import random

    root = makers.hub(tmp_path)
    rng = random.Random(7)
    samples = [makers.jpeg_with_gps((64, 32)), makers.png((40, 30)), makers.webp((40, 30)), makers.pdf()]
    cases = [sample[:cut] for sample in samples for cut in range(0, len(sample), max(1, len(sample) // 40))]
    cases += [sample[:12] + bytes(rng.randrange(256) for _ in range(300)) for sample in samples]
    cases += [bytes(rng.randrange(256) for _ in range(200)) for _ in range(20)]
    for number, data in enumerate(cases):
        makers.put(root, f"f{number}", data)
        assert isinstance(inspect(root, f"media/f{number}"), (MediaFile, MediaProblem))
