"""What the media pipeline hands back: a checked file, a problem, a published variant."""

from __future__ import annotations

from dataclasses import dataclass, field

PHOTO = "photo"
DOCUMENT = "document"

# The format names used in MediaFile.format, and their published file extensions.
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "pdf": "pdf"}
PHOTO_FORMATS = ("jpeg", "png", "webp")


@dataclass(frozen=True)
class MediaFile:
    """A file under data/media/ that passed every check, described by its content.

    ``width`` and ``height`` are the photo as shown (after its EXIF orientation), 0 for a
    document. ``sha256`` is the hex digest of the bytes that were checked: publishing
    re-reads the file and refuses it if the bytes changed since.
    """

    path: str  # relative to data/, as records write it: "media/serres-town-hall.jpg"
    kind: str  # PHOTO or DOCUMENT
    format: str  # "jpeg", "png", "webp" or "pdf"
    size: int  # bytes
    sha256: str
    width: int = 0
    height: int = 0
    orientation: int = 1  # EXIF orientation 1-8, applied when publishing


@dataclass(frozen=True)
class MediaProblem:
    """Why a file is refused: a message code of ``partnerhub.messages`` and its
    parameters (``value`` is always the path as a record writes it, ``media/…``).

    ``file`` is the path relative to the repository (``data/media/x.jpg``) for problems that
    ``scan`` found at the file itself (line 1, column 1); it is empty for problems from
    ``inspect``, which the caller reports at the record's ``file:`` field.
    """

    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    file: str = ""
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Variant:
    """One published size of a photo: ``path`` relative to the site root (``media/…``),
    for ``<img src>``/``srcset``, with its pixel size for ``width``/``height``."""

    path: str
    width: int
    height: int
