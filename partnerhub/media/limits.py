"""Every limit and setting of the media pipeline, in one place.

Changing an encoding setting changes the published bytes; the cache key includes all of
them (``settings_key``), so a change re-encodes every photo once.
"""

from __future__ import annotations

import hashlib

import PIL

MB = 1024 * 1024

# Where referenced files must live, relative to data/.
MEDIA_FOLDER = "media"

# Bytes per file, checked with fstat before anything is read.
PHOTO_MAX_BYTES = 15 * MB
DOCUMENT_MAX_BYTES = 25 * MB

# Decoded size of a photo (width × height). 50 million pixels is a 8,660 × 5,773 photo and
# about 150 MB of memory once decoded; phone cameras stay below it unless set to their
# "high resolution" modes. Checked from the header before the pixels are decoded.
PHOTO_MAX_PIXELS = 50_000_000

# A path as written in a record: characters in all, characters per folder or file name.
PATH_MAX_CHARS = 1024
NAME_MAX_CHARS = 255

# Published photo widths in CSS pixels. A photo narrower than a step is never upscaled: its
# largest variant is its own width, unless that is within VARIANT_MIN_STEP of the step below.
VARIANT_WIDTHS = (480, 960, 1600)
VARIANT_MIN_STEP = 1.15

# The hub's logo (data/hub.yml `logo`): shown in the header at most LOGO_HEIGHTS[0] CSS pixels
# tall, published at these heights (1x and 2x screens), never upscaled. It must be at least
# LOGO_MIN_HEIGHT pixels tall (sharp on 2x screens) and at most LOGO_MAX_RATIO times as wide
# as tall (beside the hub's name on a 320 px phone).
LOGO_HEIGHTS = (40, 80)
LOGO_MIN_HEIGHT = 80
LOGO_MAX_RATIO = 3

JPEG_QUALITY = 82
JPEG_SUBSAMPLING = 2  # 4:2:0, stated so that Pillow's default cannot change the bytes
WEBP_QUALITY = 80
WEBP_METHOD = 4  # libwebp effort 0-6; 6 is much slower for a few percent
ICC_MAX_BYTES = 1 * MB  # a larger colour profile is dropped (real RGB profiles are a few KB)

# Published names: media/<stem>-<first HASH_CHARS hex of the sha256>[-<width>].<ext>
HASH_CHARS = 8
STEM_MAX_CHARS = 60

# PDFs: the trailer must be within this many bytes of the end (else the file is cut off).
PDF_EOF_WINDOW = 1024

# Bump when the checks or the encoding change in a way the settings below do not show.
PIPELINE_VERSION = 1


def settings_key() -> str:
    """A short hash of everything that shapes published photo bytes (cache key part)."""
    settings = (PIPELINE_VERSION, PIL.__version__, VARIANT_WIDTHS, VARIANT_MIN_STEP, JPEG_QUALITY,
                JPEG_SUBSAMPLING, WEBP_QUALITY, WEBP_METHOD, ICC_MAX_BYTES, PHOTO_MAX_PIXELS)
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:12]
