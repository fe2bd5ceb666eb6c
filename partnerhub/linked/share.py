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
import multiprocessing
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
VERSION = "3"  # change when the drawing changes: every card is drawn anew
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


@lru_cache(maxsize=1)
def _palette() -> tuple[int, ...]:
    """Index 0: the background; then LEVELS shades of each colour, from faint to full."""
    palette = list(BACKGROUND)
    for colour in (INK, MUTED, ACCENT):
        for level in range(1, LEVELS + 1):
            palette += [round(b + (c - b) * level / LEVELS) for b, c in zip(BACKGROUND, colour)]
    return tuple(palette)


MARGIN = 80
TITLE_TOP, TITLE_BOTTOM = 170, HEIGHT - 120  # the title's band; the rest is the same on many cards


def _shades(mask, offset: int):
    """An ``L`` mask (0..255) as palette indices of one colour's shades (0 stays background)."""
    return mask.point([0] + [offset * LEVELS + 1 + (v * (LEVELS - 1)) // 255 for v in range(1, 256)])


@lru_cache(maxsize=64)
def _frame(kind: str, hub_name: str):
    """The parts of a card that many cards share (the bar, the record type, the hub's
    name), as palette indices in an ``L`` image: drawn once per type and language."""
    from PIL import Image, ImageChops, ImageDraw

    accent, muted = Image.new("L", (WIDTH, HEIGHT), 0), Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(accent)
    draw.rectangle((0, 0, WIDTH, 24), fill=255)
    draw.text((MARGIN, 90), kind, font=_font(36), fill=255)
    hub_lines = _wrap(draw, hub_name, _font(32), WIDTH - 2 * MARGIN, 1)
    if hub_lines:
        ImageDraw.Draw(muted).text((MARGIN, HEIGHT - 100), hub_lines[0], font=_font(32), fill=255)
    return ImageChops.lighter(_shades(accent, 2), _shades(muted, 1))


def render(share: ShareCard) -> bytes:
    """The card as PNG bytes: text drawn anti-aliased into masks, the masks turned into the
    shades of a palette image (which PNG stores fast and small); only the title is drawn
    per card, the rest comes from its frame."""
    from PIL import Image, ImageDraw

    band = Image.new("L", (WIDTH - 2 * MARGIN, TITLE_BOTTOM - TITLE_TOP), 0)
    draw = ImageDraw.Draw(band)
    size = 72
    while True:
        title_font = _font(size)
        lines = _wrap(draw, share.title, title_font, band.width, 4)
        if len(lines) <= 3 or size <= 48:
            break
        size -= 8
    for number, line in enumerate(lines):
        draw.text((0, number * int(size * 1.25)), line, font=title_font, fill=255)
    indices = _frame(share.kind, share.hub_name).copy()
    indices.paste(_shades(band, 0), (MARGIN, TITLE_TOP))  # the frame is empty there
    image = Image.frombytes("P", (WIDTH, HEIGHT), indices.tobytes())
    image.putpalette(list(_palette()))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3)
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


def draw_missing(cards: list[ShareCard], cache: Path) -> None:
    """Draw the cards not in ``cache`` yet; a large hub's in parallel processes."""
    missing = [c for c in dict.fromkeys(cards) if not (cache / f"{c.digest}.png").is_file()]
    workers = min(os.cpu_count() or 1, 4)
    if len(missing) < 64 or workers < 2:
        for share in missing:
            cached_png(share, cache)
        return
    cache.mkdir(parents=True, exist_ok=True)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.starmap(cached_png, [(share, cache) for share in missing], chunksize=32)


def public_cards(hub, rel) -> list[ShareCard]:
    """The card of every visible public record in every language (each card once)."""
    cards: dict[str, ShareCard] = {}
    for lang in hub.config.languages:
        loc = Localizer(lang, hub.config.default_language)
        for record_type in RECORD_TYPES:
            for record in rel.records[record_type.folder].values():
                if shows_card(rel, record):
                    share = card(hub, loc, record_type, record)
                    cards.setdefault(share.digest, share)
    return list(cards.values())


def write_share_images(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Every visible public record's card in every language, under ``assets/share/``."""
    cache = hub.cache_dir / "share"
    cards = public_cards(hub, rel)
    draw_missing(cards, cache)
    target = site_dir / FOLDER
    for share in cards:
        target.mkdir(parents=True, exist_ok=True)
        source, published = cached_png(share, cache), target / f"{share.digest}.png"
        try:
            os.link(source, published)  # the cache and the site on one file system: no copy
        except OSError:
            shutil.copyfile(source, published)
    return []
