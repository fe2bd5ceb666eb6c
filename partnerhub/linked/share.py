"""Share images: one 1200×630 PNG per public record and language (the card social sites
show beside a link), drawn offline with Pillow in the bundled DejaVu Sans Bold (Latin,
Greek and Cyrillic; ``partnerhub/assets/fonts``, its licence beside it).

A card's file name is the hash of what it shows, so identical cards (a language that falls
back to English) are one file, and a rendered card is kept in the hub's cache folder
between builds. Only the build's visible, public records get one: never a draft, a
partners-only record or a person who did not allow the name.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from partnerhub.i18n import translations
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/share"  # under the site's root
FONT = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
VERSION = "2"  # change when the drawing changes: every card is drawn anew
BACKGROUND, ACCENT, INK, MUTED = (255, 255, 255), (0, 94, 162), (27, 27, 27), (84, 84, 84)


@lru_cache(maxsize=1)
def _font_digest() -> str:
    return hashlib.sha256(FONT.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class ShareCard:
    """What one card shows: the record type, the record's name, the hub's name."""

    kind: str
    title: str
    hub_name: str

    @property
    def digest(self) -> str:
        text = json.dumps([VERSION, _font_digest(), self.kind, self.title, self.hub_name], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    @property
    def path(self) -> str:
        """Where it is published, from the site's root."""
        return f"{FOLDER}/{self.digest}.png"


def shows_card(rel, record) -> bool:
    """Only public records that the build shows get a card."""
    return record.visibility == "public" and record.is_public


def card(hub, loc: Localizer, record_type, record) -> ShareCard:
    kind = translations(loc.lang).gettext(record_type.singular_title)
    return ShareCard(kind, plain_words(loc.plain(record.display_name)), plain_words(loc.plain(hub.config.name)))


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(lines[-1] + " " + word, font=font) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    while lines and draw.textlength(lines[-1], font=font) > width:  # one very long word
        lines[-1] = lines[-1][:-2] + "…"
    return lines


@lru_cache(maxsize=None)
def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size)


LEVELS = 63  # shades of each colour between the background and the colour itself


def _palette() -> list[int]:
    """Index 0: the background; then LEVELS shades of each colour, from faint to full."""
    palette = list(BACKGROUND)
    for colour in (INK, MUTED, ACCENT):
        for level in range(1, LEVELS + 1):
            palette += [round(b + (c - b) * level / LEVELS) for b, c in zip(BACKGROUND, colour)]
    return palette


def render(share: ShareCard) -> bytes:
    """The card as PNG bytes: the text drawn (anti-aliased) into one mask per colour, the
    masks made into a palette image, which PNG stores and compresses fast and small."""
    from PIL import Image, ImageChops, ImageDraw

    masks = {colour: Image.new("L", (WIDTH, HEIGHT), 0) for colour in (INK, MUTED, ACCENT)}
    draws = {colour: ImageDraw.Draw(mask) for colour, mask in masks.items()}
    draws[ACCENT].rectangle((0, 0, WIDTH, 24), fill=255)
    margin = 80
    draws[ACCENT].text((margin, 90), share.kind, font=_font(36), fill=255)
    measure = draws[INK]
    size = 72
    while True:
        title_font = _font(size)
        lines = _wrap(measure, share.title, title_font, WIDTH - 2 * margin, 4)
        if len(lines) <= 3 or size <= 48:
            break
        size -= 8
    y = 170
    for line in lines:
        draws[INK].text((margin, y), line, font=title_font, fill=255)
        y += int(size * 1.25)
    hub_lines = _wrap(measure, share.hub_name, _font(32), WIDTH - 2 * margin, 1)
    if hub_lines:
        draws[MUTED].text((margin, HEIGHT - 100), hub_lines[0], font=_font(32), fill=255)
    indices = None
    for offset, colour in enumerate((INK, MUTED, ACCENT)):
        shifted = masks[colour].point([0] + [offset * LEVELS + 1 + (v * (LEVELS - 1)) // 255 for v in range(1, 256)])
        indices = shifted if indices is None else ImageChops.lighter(indices, shifted)
    image = Image.frombytes("P", (WIDTH, HEIGHT), indices.tobytes())
    image.putpalette(_palette())
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def cached_png(share: ShareCard, cache: Path) -> Path:
    """The card's PNG in ``cache`` (drawn if it is not there yet)."""
    path = cache / f"{share.digest}.png"
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(render(share))
        partial.replace(path)
    return path


def write_share_images(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Every visible public record's card in every language, under ``assets/share/``."""
    cache = hub.cache_dir / "share"
    target = site_dir / FOLDER
    written: set[str] = set()
    for lang in hub.config.languages:
        loc = Localizer(lang, hub.config.default_language)
        for record_type in RECORD_TYPES:
            for record in rel.records[record_type.folder].values():
                if not shows_card(rel, record):
                    continue
                share = card(hub, loc, record_type, record)
                if share.digest in written:
                    continue
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached_png(share, cache), target / f"{share.digest}.png")
                written.add(share.digest)
    return []
