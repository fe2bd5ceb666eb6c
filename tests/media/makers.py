"""Fixture files for the media tests, made with Pillow at test time (no binary blobs)."""

from __future__ import annotations

import io
import os
import struct
import threading
import zlib
from pathlib import Path

from PIL import Image, ImageCms

RED, BLUE = (220, 20, 20), (20, 20, 220)


def hub(tmp_path: Path) -> Path:
    """A repository root with an empty data/media folder."""
    root = tmp_path / "repo"
    (root / "data" / "media").mkdir(parents=True)
    return root


def put(root: Path, name: str, data: bytes) -> Path:
    path = root / "data" / "media" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def two_colour(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Left half red, right half blue: shows which way a photo was turned."""
    image = Image.new("RGB", size, RED)
    image.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return image.convert(mode)


def jpeg_with_gps(size=(640, 320), orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: EXIF with camera, date, GPS position and orientation,
    XMP, a comment and an sRGB colour profile."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PhoneModel X"  # Model
    exif[0x0132] = "2024:04:17 10:30:00"  # DateTime
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (41.0, 5.0, 30.0), 3: "E", 4: (23.0, 33.0, 10.0)}  # GPS IFD
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="41,5.5N"/>'
           b'</rdf:RDF></x:xmpmeta>')
    out = io.BytesIO()
    two_colour(size).save(out, "JPEG", quality=90, exif=exif.tobytes(), xmp=xmp, comment=b"shelter visit",
                          icc_profile=srgb_profile())
    return out.getvalue()


def png(size=(300, 200), mode: str = "RGB", text: bool = False) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Author", "Private Person")
        info.add_text("GPS", "41.09 23.55")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (41.0, 5.0, 30.0)}
    out = io.BytesIO()
    two_colour(size, mode).save(out, "PNG", pnginfo=info, exif=exif.tobytes() if text else b"")
    return out.getvalue()


def webp(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (41.0, 5.0, 30.0)}
    two_colour(size).save(out, "WEBP", quality=80, exif=exif.tobytes())
    return out.getvalue()


def animated_png() -> bytes:
    frames = [Image.new("RGB", (20, 20), colour) for colour in (RED, BLUE)]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    return out.getvalue()


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), RED).save(out, "GIF")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + _chunk(b"IEND", b""))


def pdf(body: bytes = b"1 0 obj\n<< /Type /Catalog >>\nendobj\n") -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


SVG_WITH_SCRIPT = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                   b'<script>alert(document.cookie)</script></svg>')
HTML = b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n"


def finishes_within(seconds: float, function, *args):
    """``function(*args)``'s result, or AssertionError if it has not returned in time (a
    named pipe opened for reading blocks forever: the test must fail, not hang)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function.__name__} blocked for more than {seconds} s"
    return result[0]


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk space (and no time) to create."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(head)
    os.truncate(path, size)
    return path
