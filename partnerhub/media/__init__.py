"""The media pipeline: photos and documents that records point to (``file: media/…``).

Contributor files are hostile. They are checked by content, never by name; never reached
through a symbolic link; never published as they are (photos are re-encoded from their
pixels, without EXIF, XMP or text, documents must be real PDFs); and published only when
the caller says a public record uses them. Nothing here imports MkDocs or raises on bad
input: every refusal is a ``MediaProblem`` whose code is a message of
``partnerhub.messages``.

The API::

    inspect(root, "media/x.jpg", PHOTO)  -> MediaFile | MediaProblem   # one file a record names
    scan(root)                           -> MediaScan                  # all of data/media
    scan(root).lookup("media/x.jpg", PHOTO) -> MediaFile | MediaProblem   # same as inspect, no re-read
    photo_variants(photo)                -> (Variant(path, width, height), …)   # for <img srcset>
    logo_variants(photo)                 -> the hub logo's header sizes (1x, 2x)
    document_path(document)              -> "media/x-1a2b3c4d.pdf"
    publish(root, files, site_dir, cache_dir=…, logos=…) -> Published   # write them into site_dir/media/

Limits and encoding settings are in ``partnerhub.media.limits``.
"""

from partnerhub.media.inspection import MediaScan, inspect, scan
from partnerhub.media.publish import Published, document_path, logo_variants, photo_variants, publish, variant_widths
from partnerhub.media.records import DOCUMENT, PHOTO, MediaFile, MediaProblem, Variant

__all__ = [
    "DOCUMENT", "PHOTO", "MediaFile", "MediaProblem", "MediaScan", "Published", "Variant",
    "document_path", "inspect", "logo_variants", "photo_variants", "publish", "scan", "variant_widths",
]
