"""Checking a file by its content: what it really is, and whether it is a sound photo
(JPEG, PNG, WebP, decoded with Pillow) or a sound PDF. Names and extensions are ignored."""

from __future__ import annotations

import io
import re
import warnings

from PIL import Image

from partnerhub.media.files import Refused
from partnerhub.media.limits import DOCUMENT_MAX_BYTES, MB, PDF_EOF_WINDOW, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS
from partnerhub.media.records import DOCUMENT, PHOTO

FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "webp": "WebP", "pdf": "PDF"}
MAX_BYTES = {PHOTO: PHOTO_MAX_BYTES, DOCUMENT: DOCUMENT_MAX_BYTES}
_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the IEND chunk: length 0, type, CRC
_OTHER_IMAGES = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
                 (b"8BPS", "Photoshop"), (b"\xff\x0a", "JPEG XL"), (b"\x00\x00\x00\x0cJXL ", "JPEG XL"))
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}

_PDF_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
# Names of PDF features that run or launch something: scripts, programs, attached files.
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9#])")
_PDF_ESCAPED_NAME = re.compile(rb"/[A-Za-z0-9]*#[0-9A-Fa-f]{2}[A-Za-z0-9#]*")  # /J#61vaScript
_PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


def megabytes(size: int) -> str:
    return f"{size / MB:.1f}"


def sniff(data: bytes, shown: str) -> tuple[str, str]:
    """(kind, format) of an accepted file from its first bytes, or ``Refused`` saying what
    the file is (markup, another image format, nothing known)."""
    if data.startswith(b"\xff\xd8\xff"):
        return PHOTO, "jpeg"
    if data.startswith(_PNG_SIGNATURE):
        return PHOTO, "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return PHOTO, "webp"
    if data.startswith(b"%PDF-"):
        return DOCUMENT, "pdf"
    if not data:
        raise Refused("media_empty", value=shown)
    markup = _markup(data)
    if markup:
        raise Refused("media_markup", value=shown, format=markup)
    other = _other_image(data)
    if other:
        raise Refused("media_image_format", value=shown, format=other)
    raise Refused("media_unknown_type", value=shown)


def _markup(data: bytes) -> str | None:
    """"HTML", "SVG" or "XML" if the file is markup a browser could render as a page."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if not head.startswith(b"<"):
        return None
    if b"<svg" in head:
        return "SVG"
    if head.startswith(b"<?xml"):
        return "XML"
    return "HTML"


def _other_image(data: bytes) -> str | None:
    for magic, name in _OTHER_IMAGES:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIC"
        if brand in (b"avif", b"avis"):
            return "AVIF"
    if data[:2] == b"BM" and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES:
        return "BMP"
    return None


def check_trailing(data: bytes, fmt: str, shown: str) -> None:
    """After a successful decode: the file ends where the image ends, with nothing hidden
    after it (an archive, a page: a polyglot). The repository itself publishes data/media,
    so such a file is refused even though the site would only show re-encoded pixels."""
    name = FORMAT_NAMES[fmt]
    if fmt == "jpeg":
        ends = data.rstrip(b"\x00").endswith(b"\xff\xd9")  # some cameras pad with zeros
        cut_off = not ends and b"\xff\xd9" not in data  # no end marker at all
    elif fmt == "png":
        ends = data.endswith(_PNG_END)
        cut_off = not ends and _PNG_END not in data
    else:  # WebP: a RIFF container states its own length (padded to an even size)
        declared = 8 + int.from_bytes(data[4:8], "little")
        ends = len(data) in (declared, declared + (declared & 1))
        cut_off = len(data) < declared
    if cut_off:
        raise Refused("media_image_damaged", value=shown, format=name)
    if not ends:
        raise Refused("media_trailing_data", value=shown, format=name)


def decode(data: bytes, fmt: str, shown: str, draft: tuple[int, int] | None = None) -> tuple[Image.Image, int]:
    """The photo's pixels, fully decoded, and its EXIF orientation (1-8), or ``Refused``.

    Only the Pillow plugin of the sniffed format is tried; the pixel limit is checked from
    the header before decoding (Pillow's own decompression-bomb guard, turned into an error,
    catches what is even larger at open). The first frame of a multi-picture JPEG (MPO:
    a photo plus a depth map or a second view) is the photo; an animated PNG or WebP is
    refused, since the site shows still photos and a moving one cannot be paused (WCAG 2.2.2).

    ``draft`` (publishing bytes already checked): a JPEG may be decoded at 1/2, 1/4 or 1/8
    scale, as long as it stays at least that size (as stored, before orientation).
    """
    name = FORMAT_NAMES[fmt]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about odd files; refusals say more
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            if fmt == "png":  # verify() checks every chunk's CRC without decoding
                Image.open(io.BytesIO(data), formats=["PNG"]).verify()
            image = Image.open(io.BytesIO(data), formats=[_PIL_FORMATS[fmt]])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = _BOMB_PIXELS.search(str(exc))
            raise Refused("media_too_many_pixels", value=shown,
                          megapixels=f"{int(found.group(1)) / 1e6:.0f}" if found else "?",
                          limit=f"{PHOTO_MAX_PIXELS / 1e6:.0f}") from None
        except Exception:  # noqa: BLE001 - hostile bytes raise anything (SyntaxError, struct.error…)
            raise Refused("media_image_damaged", value=shown, format=name) from None
        try:
            width, height = image.size
            if width * height > PHOTO_MAX_PIXELS:
                raise Refused("media_too_many_pixels", value=shown, megapixels=f"{width * height / 1e6:.0f}",
                              limit=f"{PHOTO_MAX_PIXELS / 1e6:.0f}")
            if width < 1 or height < 1:
                raise Refused("media_image_damaged", value=shown, format=name)
            if image.format != "MPO" and getattr(image, "is_animated", False):
                raise Refused("media_animated", value=shown)
            orientation = _orientation(image)
            if draft and fmt == "jpeg":
                image.draft(image.mode, draft)
            image.load()
        except Refused:
            image.close()
            raise
        except Exception:  # noqa: BLE001 - truncated or corrupt pixel data
            image.close()
            raise Refused("media_image_damaged", value=shown, format=name) from None
    return image, orientation


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation, 1 (as stored) if absent or unreadable."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block changes nothing else
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def check_photo(data: bytes, fmt: str, shown: str) -> tuple[int, int, int]:
    """(width, height as shown, orientation) of a sound photo, or ``Refused``."""
    image, orientation = decode(data, fmt, shown)
    with image:
        width, height = image.size
    check_trailing(data, fmt, shown)
    return (height, width, orientation) if orientation >= 5 else (width, height, orientation)


def check_pdf(data: bytes, shown: str) -> None:
    """A PDF with a proper header and end, without scripts, launch actions or attached files.

    The scan for active features sees names outside compressed object streams only: it
    catches the usual exported agenda with a script, not a determined attacker. What makes a
    PDF safe to publish is that it is always served as ``.pdf`` (never sniffed as a page).
    """
    if not _PDF_HEADER.match(data) or b"%%EOF" not in data[-PDF_EOF_WINDOW:]:
        raise Refused("media_pdf_damaged", value=shown)
    found = _PDF_ACTIVE.search(data)
    if found is None:
        for escaped in _PDF_ESCAPED_NAME.finditer(data):
            name = _PDF_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), escaped.group(0))
            found = _PDF_ACTIVE.fullmatch(name)
            if found:
                break
    if found:
        raise Refused("media_pdf_active", value=shown, feature=found.group(1).decode("ascii"))
