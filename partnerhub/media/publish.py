"""Publishing checked files into the site: photos re-encoded from their pixels in a few
widths, without any metadata but their colour profile; documents copied from the bytes that
were checked. Names depend on the content only, so pages can link to them before (or while)
they are written."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image

from partnerhub.media.checks import FORMAT_NAMES, decode
from partnerhub.media.files import (
    Refused, TooLarge, media_dir, media_parts, open_output_dir, read_at, read_plain_at, write_at,
)
from partnerhub.media.limits import (
    HASH_CHARS, ICC_MAX_BYTES, JPEG_QUALITY, JPEG_SUBSAMPLING, LOGO_HEIGHTS, MEDIA_FOLDER, PHOTO_MAX_BYTES,
    STEM_MAX_CHARS, VARIANT_MIN_STEP, VARIANT_WIDTHS, WEBP_METHOD, WEBP_QUALITY, settings_key,
)
from partnerhub.media.records import DOCUMENT, EXTENSIONS, PHOTO, MediaFile, MediaProblem, Variant
from partnerhub.model.fields import suggest_id

_VARIANTS = "variants"  # the cache's subfolder for encoded photos

# EXIF orientation -> the transposition that shows the photo upright (ImageOps.exif_transpose's table).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def variant_widths(width: int) -> tuple[int, ...]:
    """The published widths of a photo ``width`` pixels wide: the steps below it, then its
    own width capped at the largest step (never upscaled, no near-duplicate sizes)."""
    widths = [step for step in VARIANT_WIDTHS if step < width]
    top = min(width, VARIANT_WIDTHS[-1])
    if not widths or top > widths[-1] * VARIANT_MIN_STEP:
        widths.append(top)
    return tuple(widths)


def _stem(path: str) -> str:
    return suggest_id(PurePosixPath(path).stem)[:STEM_MAX_CHARS].strip("-") or "file"


def photo_variants(photo: MediaFile) -> tuple[Variant, ...]:
    """The sizes ``publish`` writes for ``photo``, smallest first, as
    ``media/<stem>-<hash>-<width>.<ext>``: what ``<img srcset>`` needs, without publishing."""
    name = f"{MEDIA_FOLDER}/{_stem(photo.path)}-{photo.sha256[:HASH_CHARS]}"
    extension = EXTENSIONS[photo.format]
    return tuple(Variant(f"{name}-{width}.{extension}", width,
                         max(1, (2 * photo.height * width + photo.width) // (2 * photo.width)))
                 for width in variant_widths(photo.width))


def logo_variants(photo: MediaFile) -> tuple[Variant, ...]:
    """The sizes ``publish`` writes for the hub's logo (``logos=``): ``LOGO_HEIGHTS`` tall
    (1x and 2x screens), never taller than the file, named like photo variants by width."""
    name = f"{MEDIA_FOLDER}/{_stem(photo.path)}-{photo.sha256[:HASH_CHARS]}"
    extension = EXTENSIONS[photo.format]
    variants = []
    for height in sorted({min(height, photo.height) for height in LOGO_HEIGHTS}):
        width = max(1, (2 * photo.width * height + photo.height) // (2 * photo.height))
        variants.append(Variant(f"{name}-{width}.{extension}", width, height))
    return tuple(variants)


def document_path(document: MediaFile) -> str:
    """Where ``publish`` writes ``document``: ``media/<stem>-<hash>.pdf`` (site root)."""
    return f"{MEDIA_FOLDER}/{_stem(document.path)}-{document.sha256[:HASH_CHARS]}.{EXTENSIONS[document.format]}"


@dataclass(frozen=True)
class Published:
    """What ``publish`` did: files written (``media/…``, sorted), photo variants encoded now
    and taken from the cache, and the files it refused (changed since their check, clashing
    names, an output it could not write)."""

    written: tuple[str, ...]
    encoded: int
    reused: int
    problems: tuple[MediaProblem, ...]


def publish(root: Path, files: Iterable[MediaFile], out_dir: Path, *, cache_dir: Path | None = None,
            prune: bool = True, logos: Iterable[MediaFile] = ()) -> Published:
    """Write ``files`` (the checked files public records use) into ``out_dir/media/``, and
    ``logos`` (the hub's logo, which ``data/hub.yml`` uses) in their header sizes.

    Each file is read again without following links and must still have the checked hash.
    With ``cache_dir``, encoded variants are kept by content hash and settings, so that
    unchanged photos are copied, not decoded again. ``prune`` removes whatever else is in
    ``out_dir/media/`` (the folder belongs to this function): a photo that was public in an
    earlier build into the same folder does not stay published.
    """
    problems: list[MediaProblem] = []
    planned: dict[str, MediaFile] = {}  # output path -> the file it comes from
    todo: list[tuple[MediaFile, tuple[Variant, ...]]] = []
    wanted = [(media, photo_variants(media) if media.kind == PHOTO else (Variant(document_path(media), 0, 0),))
              for media in sorted(set(files), key=lambda m: (m.path, m.sha256))]
    wanted += [(logo, logo_variants(logo)) for logo in sorted(set(logos), key=lambda m: (m.path, m.sha256))
               if logo.kind == PHOTO]
    for media, targets in wanted:
        other = next((planned[t.path] for t in targets if t.path in planned), None)
        if other is not None and other.sha256 != media.sha256:
            problems.append(MediaProblem("media_name_clash", {"value": media.path, "other": other.path}))
            continue
        targets = tuple(t for t in targets if t.path not in planned)  # the same content: planned once
        if not targets:
            continue
        planned.update((t.path, media) for t in targets)
        todo.append((media, targets))
    try:
        os.makedirs(out_dir, exist_ok=True)
        out_fd = open_output_dir(Path(out_dir), MEDIA_FOLDER)
    except OSError as exc:
        problems.append(_output_failed(exc))
        return Published((), 0, 0, tuple(problems))
    cache_fd = _open_cache(cache_dir)
    written: list[str] = []
    encoded = reused = 0
    try:
        for media, targets in todo:
            try:
                if media.kind == DOCUMENT:
                    _write(out_fd, targets[0].path, _read_checked(root, media))
                    written.append(targets[0].path)
                else:
                    now, cached = _publish_photo(root, media, targets, out_fd, cache_fd)
                    encoded, reused = encoded + now, reused + cached
                    written.extend(t.path for t in targets)
            except Refused as refused:
                problems.append(refused.problem)
        if prune:
            _prune(out_fd, {PurePosixPath(path).name for path in written})
    except OSError as exc:
        problems.append(_output_failed(exc))
    finally:
        os.close(out_fd)
        if cache_fd is not None:
            os.close(cache_fd)
    return Published(tuple(sorted(written)), encoded, reused, tuple(problems))


def _output_failed(exc: OSError) -> MediaProblem:
    return MediaProblem("media_output_failed", {"value": MEDIA_FOLDER, "detail": exc.strerror or str(exc)})


def _open_cache(cache_dir: Path | None) -> int | None:
    if cache_dir is None:
        return None
    try:
        os.makedirs(cache_dir, exist_ok=True)
        return open_output_dir(Path(cache_dir), _VARIANTS)
    except OSError:
        return None  # the cache only saves time


def _write(out_fd: int, path: str, data: bytes) -> None:
    name = PurePosixPath(path).name
    try:
        write_at(out_fd, name, data)
    except OSError as exc:
        raise Refused("media_output_failed", value=path, detail=exc.strerror or str(exc)) from None


def _read_checked(root: Path, media: MediaFile) -> bytes:
    """The file's bytes, read again the safe way; ``Refused`` unless they are the checked ones."""
    try:
        parts = media_parts(media.path)
        with media_dir(Path(root), parts, media.path) as folder:
            data = read_at(folder, parts[-1], media.path, media.size)
    except (TooLarge, OSError):
        raise Refused("media_changed", value=media.path) from None
    except Refused as refused:
        raise Refused("media_changed", value=media.path) from refused
    if len(data) != media.size or hashlib.sha256(data).hexdigest() != media.sha256:
        raise Refused("media_changed", value=media.path)
    return data


def _cache_name(media: MediaFile, variant: Variant) -> str:
    return f"{media.sha256}-{settings_key()}-{variant.width}x{variant.height}.{EXTENSIONS[media.format]}"


def _publish_photo(root, photo: MediaFile, targets, out_fd: int, cache_fd: int | None) -> tuple[int, int]:
    """Write every variant of ``photo``; (variants encoded, variants from the cache)."""
    cached = {}
    if cache_fd is not None:
        for variant in targets:
            data = read_plain_at(cache_fd, _cache_name(photo, variant), PHOTO_MAX_BYTES)
            if data is not None:
                cached[variant] = data
    missing = [variant for variant in targets if variant not in cached]
    if missing:
        largest = max(missing, key=lambda variant: variant.width)
        stored = (largest.height, largest.width) if photo.orientation >= 5 else (largest.width, largest.height)
        image, orientation = decode(_read_checked(root, photo), photo.format, photo.path, draft=stored)
        with image:
            try:
                upright, icc = _upright(image, orientation)
                encoded = {variant: _encode(upright, (variant.width, variant.height), photo.format, icc)
                           for variant in missing}
            except Exception:  # noqa: BLE001 - the encoder refuses pixels the decoder accepted
                raise Refused("media_image_damaged", value=photo.path, format=FORMAT_NAMES[photo.format]) from None
            for variant, data in encoded.items():
                if cache_fd is not None:
                    try:
                        write_at(cache_fd, _cache_name(photo, variant), data)
                    except OSError:
                        pass  # the cache only saves time
                cached[variant] = data
    for variant in targets:
        _write(out_fd, variant.path, cached[variant])
    return len(missing), len(targets) - len(missing)


def _upright(image: Image.Image, orientation: int) -> tuple[Image.Image, bytes | None]:
    """The pixels as shown (EXIF orientation applied) in L, LA, RGB or RGBA, and the colour
    profile worth keeping (None if the pixels were converted from another colour space)."""
    icc = _usable_icc(image.info.get("icc_profile"))
    mode = image.mode
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif mode == "1":
        image = image.convert("L")
    elif mode.startswith("I") or mode == "F":  # 16-bit grey: scale, do not clip, to 8 bits
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif mode in ("La", "RGBa"):
        image = image.convert(mode.upper())
    elif mode not in ("L", "LA", "RGB", "RGBA"):  # CMYK, YCbCr, LAB…: the profile no longer fits
        image, icc = image.convert("RGB"), None
    if orientation in _TRANSPOSE:
        image = image.transpose(_TRANSPOSE[orientation])
    return image, icc


def _usable_icc(icc: object) -> bytes | None:
    if not isinstance(icc, bytes) or not icc or len(icc) > ICC_MAX_BYTES:
        return None
    try:
        from PIL import ImageCms

        ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except Exception:  # noqa: BLE001 - an unreadable profile is dropped, not published
        return None
    return icc


def _encode(image: Image.Image, size: tuple[int, int], fmt: str, icc: bytes | None) -> bytes:
    """``image`` at ``size``, encoded with the pipeline's settings and nothing but ``icc``."""
    if image.size == size:
        out = image.copy()
    else:
        out = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out.info = {}  # EXIF, XMP, comments, text chunks, DPI: Pillow would write some of them back
    extra = {"icc_profile": icc} if icc else {}
    buffer = io.BytesIO()
    if fmt == "jpeg":
        out.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True,
                 subsampling=JPEG_SUBSAMPLING, **extra)
    elif fmt == "png":
        out.save(buffer, "PNG", optimize=True, **extra)
    else:
        out.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD, **extra)
    return buffer.getvalue()


def _prune(out_fd: int, keep: set[str]) -> None:
    """Remove every entry of the output folder but ``keep`` (links removed, never followed)."""
    with os.scandir(out_fd) as entries:
        names = sorted(entry.name for entry in entries)
    for name in names:
        if name in keep:
            continue
        if stat.S_ISDIR(os.stat(name, dir_fd=out_fd, follow_symlinks=False).st_mode):
            shutil.rmtree(name, dir_fd=out_fd)
        else:
            os.unlink(name, dir_fd=out_fd)
