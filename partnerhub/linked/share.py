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
VERSION = "1"  # change when the drawing changes: every card is drawn anew
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


def render(share: ShareCard) -> bytes:
    """The card as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 24), fill=ACCENT)
    margin = 80
    label_font = _font(36)
    draw.text((margin, 90), share.kind, font=label_font, fill=ACCENT)
    size = 72
    while True:
        title_font = _font(size)
        lines = _wrap(draw, share.title, title_font, WIDTH - 2 * margin, 4)
        if len(lines) <= 3 or size <= 48:
            break
        size -= 8
    y = 170
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=INK)
        y += int(size * 1.25)
    hub_font = _font(32)
    hub_lines = _wrap(draw, share.hub_name, hub_font, WIDTH - 2 * margin, 1)
    if hub_lines:
        draw.text((margin, HEIGHT - 100), hub_lines[0], font=hub_font, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
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
