"""publish(): photos re-encoded from their pixels without metadata, in a few widths;
documents copied from the checked bytes; atomic, never through a link, cached."""

from __future__ import annotations

import dataclasses
import io
import os

import pytest
from PIL import Image, ImageOps

from partnerhub.media import (
    DOCUMENT, PHOTO, MediaFile, MediaProblem, document_path, inspect, photo_variants, publish, scan, variant_widths,
)
from tests.media import makers


def checked(root, name, data, kind=PHOTO) -> MediaFile:
    makers.put(root, name, data)
    found = inspect(root, f"media/{name}", kind)
    assert isinstance(found, MediaFile), found
    return found


def listing(site) -> list[str]:
    folder = site / "media"
    return sorted(os.listdir(folder)) if folder.exists() else []


def test_exif_gps_xmp_and_comment_are_gone_and_the_photo_is_upright(tmp_path):
    root = makers.hub(tmp_path)
    original = makers.jpeg_with_gps((640, 320), orientation=6)
    for trace in (b"Exif", b"PhoneMaker", b"xmpmeta", b"shelter visit"):  # the fixture has them all
        assert trace in original
    photo = checked(root, "shelter-visit.jpg", original)
    site = tmp_path / "site"
    result = publish(root, [photo], site)
    assert result.problems == ()
    [variant] = photo_variants(photo)
    assert variant.path == f"media/shelter-visit-{photo.sha256[:8]}-320.jpg"
    assert result.written == (variant.path,)
    data = (site / variant.path).read_bytes()
    for trace in (b"Exif", b"GPS", b"PhoneMaker", b"PhoneModel", b"2024:04:17", b"xmpmeta", b"ns.adobe.com",
                  b"shelter visit"):
        assert trace not in data, trace
    with Image.open(io.BytesIO(data)) as published:
        assert published.format == "JPEG"
        assert published.size == (320, 640) == (variant.width, variant.height)
        assert not published.getexif()
        assert set(published.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive",
                                        "progression", "icc_profile"}
        assert published.info["icc_profile"] == makers.srgb_profile()  # the colour profile stays
        top = published.getpixel((160, 20))
        bottom = published.getpixel((160, 620))
    # orientation 6: the stored left side (red) is shown on top, as ImageOps.exif_transpose does
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]
    with Image.open(io.BytesIO(original)) as source:
        assert ImageOps.exif_transpose(source).size == (320, 640)


def test_png_text_and_exif_chunks_are_gone(tmp_path):
    root = makers.hub(tmp_path)
    original = makers.png((300, 200), text=True)
    assert b"tEXt" in original and b"eXIf" in original
    photo = checked(root, "plan.png", original)
    site = tmp_path / "site"
    publish(root, [photo], site)
    data = (site / photo_variants(photo)[0].path).read_bytes()
    for trace in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"Private Person", b"41.09"):
        assert trace not in data, trace


def test_large_png_gets_every_width_and_small_ones_are_not_upscaled(tmp_path):
    root = makers.hub(tmp_path)
    large = checked(root, "Poster Έκθεση 2024.png", makers.png((2000, 1000), mode="RGBA"))
    small = checked(root, "icon.png", makers.png((300, 200)))
    site = tmp_path / "site"
    result = publish(root, [large, small], site)
    assert result.problems == ()
    assert [(v.width, v.height) for v in photo_variants(large)] == [(480, 240), (960, 480), (1600, 800)]
    assert [(v.width, v.height) for v in photo_variants(small)] == [(300, 200)]
    assert photo_variants(large)[0].path == f"media/poster-ekthesi-2024-{large.sha256[:8]}-480.png"
    for variant in (*photo_variants(large), *photo_variants(small)):
        with Image.open(site / variant.path) as published:
            assert (published.format, published.size) == ("PNG", (variant.width, variant.height))
    with Image.open(site / photo_variants(large)[-1].path) as published:
        assert published.mode == "RGBA"
    assert result.encoded == 4 and result.reused == 0


def test_variant_widths():
    assert variant_widths(4000) == (480, 960, 1600)
    assert variant_widths(1600) == (480, 960, 1600)
    assert variant_widths(1200) == (480, 960, 1200)
    assert variant_widths(1000) == (480, 960)  # 1000 is too close to 960 to be worth a file
    assert variant_widths(500) == (480,)
    assert variant_widths(480) == (480,)
    assert variant_widths(120) == (120,)
    assert variant_widths(1) == (1,)


def test_webp_stays_webp(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "hall.webp", makers.webp((800, 600)))
    site = tmp_path / "site"
    publish(root, [photo], site)
    assert [(v.width, v.height) for v in photo_variants(photo)] == [(480, 360), (800, 600)]
    for variant in photo_variants(photo):
        data = (site / variant.path).read_bytes()
        assert b"EXIF" not in data
        with Image.open(io.BytesIO(data)) as published:
            assert (published.format, published.size) == ("WEBP", (variant.width, variant.height))


def test_document_is_copied_from_the_checked_bytes(tmp_path):
    root = makers.hub(tmp_path)
    document = checked(root, "Agenda Serres.pdf", makers.pdf(), DOCUMENT)
    site = tmp_path / "site"
    result = publish(root, [document], site)
    assert document_path(document) == f"media/agenda-serres-{document.sha256[:8]}.pdf"
    assert result.written == (document_path(document),)
    assert (site / document_path(document)).read_bytes() == makers.pdf()


def test_same_input_same_bytes(tmp_path):
    root = makers.hub(tmp_path)
    files = [checked(root, "a.jpg", makers.jpeg_with_gps((1200, 700), orientation=1)),
             checked(root, "b.png", makers.png()), checked(root, "c.webp", makers.webp((600, 400))),
             checked(root, "d.pdf", makers.pdf(), DOCUMENT)]
    one, two = publish(root, files, tmp_path / "one"), publish(root, list(reversed(files)), tmp_path / "two")
    assert one.written == two.written and len(one.written) == 3 + 1 + 2 + 1
    for path in one.written:
        assert (tmp_path / "one" / path).read_bytes() == (tmp_path / "two" / path).read_bytes(), path


def test_second_publish_reuses_the_cache(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "a.jpg", makers.jpeg_with_gps((1700, 900), orientation=1))
    cache, site = tmp_path / "cache", tmp_path / "site"
    first = publish(root, [photo], site, cache_dir=cache)
    assert (first.encoded, first.reused) == (3, 0)
    cached = {path: path.stat().st_mtime_ns for path in (cache / "variants").iterdir()}
    assert len(cached) == 3
    published = {path: (site / path).read_bytes() for path in first.written}
    second = publish(root, [photo], site, cache_dir=cache)
    assert (second.encoded, second.reused) == (0, 3)
    assert second.written == first.written
    assert {path: path.stat().st_mtime_ns for path in (cache / "variants").iterdir()} == cached
    assert {path: (site / path).read_bytes() for path in second.written} == published
    # new content is encoded again
    changed = checked(root, "a.jpg", makers.jpeg_with_gps((1700, 900), orientation=3))
    third = publish(root, [changed], site, cache_dir=cache)
    assert (third.encoded, third.reused) == (3, 0)


def test_only_the_given_files_are_written(tmp_path):
    """Files no public record uses, and refused ones, are not in the site; a stale file of an
    earlier build (a photo whose record became a draft) is removed."""
    root = makers.hub(tmp_path)
    makers.put(root, "public.jpg", makers.jpeg_with_gps())
    makers.put(root, "draft-practice.jpg", makers.jpeg_with_gps(orientation=1))
    makers.put(root, "partners-only.pdf", makers.pdf())
    makers.put(root, "page.html", makers.HTML)
    os.symlink("/etc/passwd", root / "data" / "media" / "passwd.jpg")
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "media" / "stale-from-last-build.jpg").write_bytes(b"old")
    found = scan(root)
    result = publish(root, [found.files["media/public.jpg"]], site)
    assert listing(site) == [os.path.basename(v.path) for v in photo_variants(found.files["media/public.jpg"])]
    assert result.written == tuple(v.path for v in photo_variants(found.files["media/public.jpg"]))
    publish(root, [], site)
    assert listing(site) == []


def test_a_file_changed_after_its_check_is_not_published(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "a.jpg", makers.jpeg_with_gps())
    document = checked(root, "b.pdf", makers.pdf(), DOCUMENT)
    makers.put(root, "a.jpg", makers.HTML)
    (root / "data" / "media" / "b.pdf").unlink()
    os.symlink("/etc/passwd", root / "data" / "media" / "b.pdf")
    site = tmp_path / "site"
    result = publish(root, [photo, document], site)
    assert result.problems == (MediaProblem("media_changed", {"value": "media/a.jpg"}),
                               MediaProblem("media_changed", {"value": "media/b.pdf"}))
    assert [p.params for p in result.problems] == [{"value": "media/a.jpg"}, {"value": "media/b.pdf"}]
    assert result.written == () and listing(site) == []


def test_never_writes_through_a_link_in_the_output(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "a.jpg", makers.jpeg_with_gps())
    [variant] = photo_variants(photo)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    os.symlink(victim, site / variant.path)  # a link where the variant goes: replaced, not followed
    result = publish(root, [photo], site)
    assert result.problems == ()
    assert victim.read_bytes() == b"keep me"
    assert not (site / variant.path).is_symlink()
    assert (site / variant.path).read_bytes()[:3] == b"\xff\xd8\xff"


def test_linked_output_folder_is_refused(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "a.jpg", makers.jpeg_with_gps())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "important.txt").write_bytes(b"keep me")
    site = tmp_path / "site"
    site.mkdir()
    os.symlink(elsewhere, site / "media")
    result = publish(root, [photo], site)
    assert [p.code for p in result.problems] == ["media_output_failed"]
    assert result.written == ()
    assert sorted(os.listdir(elsewhere)) == ["important.txt"]


def test_clashing_names_are_refused(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "a.jpg", makers.jpeg_with_gps())
    other_path = dataclasses.replace(photo, path="media/sub/a.jpg")  # same content, two paths: one file
    forged = dataclasses.replace(photo, path="media/other/a.jpg", sha256=photo.sha256[:8] + "0" * 56)
    result = publish(root, [photo, other_path, forged], tmp_path / "site")
    assert result.problems == (MediaProblem("media_name_clash"),)
    assert result.problems[0].params == {"value": "media/other/a.jpg", "other": "media/a.jpg"}
    assert len(result.written) == 1


def test_variants_need_no_publishing_and_match_it(tmp_path):
    root = makers.hub(tmp_path)
    photo = checked(root, "odd.jpg", makers.jpeg_with_gps((1999, 1333), orientation=8))
    variants = photo_variants(photo)  # before anything is written
    assert [(v.width, v.height) for v in variants] == [(480, 720), (960, 1440), (1333, 1999)]
    site = tmp_path / "site"
    publish(root, [photo], site)
    for variant in variants:
        with Image.open(site / variant.path) as published:
            assert published.size == (variant.width, variant.height)


@pytest.mark.parametrize("mode", ["L", "P", "1", "I;16", "LA"])
def test_unusual_png_modes(tmp_path, mode):
    root = makers.hub(tmp_path)
    image = makers.two_colour((600, 300)).convert("L" if mode in ("I;16", "LA") else mode)
    if mode == "I;16":
        image = image.convert("I").point(lambda v: v * 256).convert("I;16")
    elif mode == "LA":
        image = image.convert("LA")
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = checked(root, "m.png", out.getvalue())
    site = tmp_path / "site"
    result = publish(root, [photo], site)
    assert result.problems == ()
    with Image.open(site / photo_variants(photo)[-1].path) as published:
        assert published.size == (600, 300)
        assert published.convert("L").getpixel((590, 150)) < 128 or mode == "1"
        if mode == "I;16":  # 16-bit grey is scaled to 8 bits, not clipped to white
            assert published.convert("L").getpixel((10, 150)) < 250


@pytest.mark.parametrize("orientation", [1, 6])
def test_big_jpeg_decoded_at_reduced_scale_keeps_its_sizes(tmp_path, orientation):
    root = makers.hub(tmp_path)
    photo = checked(root, "wide.jpg", makers.jpeg_with_gps((4000, 1000) if orientation == 1 else (1000, 4000),
                                                            orientation=orientation))
    site = tmp_path / "site"
    assert publish(root, [photo], site).problems == ()
    # shown 4000 × 1000 either way (orientation 6 turns the stored 1000 × 4000 upright), so a
    # 1600-wide variant can be decoded at half scale
    assert [(v.width, v.height) for v in photo_variants(photo)] == [(480, 120), (960, 240), (1600, 400)]
    for variant in photo_variants(photo):
        with Image.open(site / variant.path) as published:
            assert published.size == (variant.width, variant.height)
            if orientation == 1:  # red left, blue right
                first, second = published.getpixel((5, 5)), published.getpixel((variant.width - 5, 5))
            else:  # the stored left half (red) is shown on top
                first, second = published.getpixel((variant.width // 2, 5)), published.getpixel(
                    (variant.width // 2, variant.height - 5))
            assert first[0] > 150 > first[2] and second[2] > 150 > second[0]
