"""What a build keeps for the preview: each language's page shell, and the frame (the
HTML around the body) of each page the generator renders itself (home, catalogues, the
open-data page).

An adapter calls :func:`keep_shell` and :func:`keep_frame` as it renders; they write only
when ``$PARTNERHUB_PREVIEW_KEEP`` names a folder (``partnerhub serve`` sets it for its
full builds), so a normal build writes nothing. The preview then re-renders a record page
by filling its language's shell, and a catalogue by putting its new body into its frame,
without the generator. Frames are kept before the Content-Security-Policy is added: it
hashes the page's inline scripts, so it is computed again for each new body.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from partnerhub.render.shell import Shell

ENV = "PARTNERHUB_PREVIEW_KEEP"


def _folder() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def keep_shell(lang: str, shell: Shell) -> None:
    """Keep ``lang``'s record-page shell (when a preview asked for it)."""
    folder = _folder()
    if folder is not None:
        _write(folder / lang / "shell.json", {"chunks": shell.chunks, "slots": shell.slots, "toc_item": shell.toc_item})


def keep_frame(lang: str, url: str, rendered: str, body: str) -> None:
    """Keep the page at ``url`` of ``lang`` as rendered, split around its ``body`` (when a
    preview asked for it, and the body appears exactly once)."""
    folder = _folder()
    if folder is None or not body or rendered.count(body) != 1:
        return
    before, after = rendered.split(body)
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
    _write(folder / lang / "frames" / f"{name}.json", {"url": url, "before": before, "after": after})


@dataclass
class Kept:
    """What a build kept: shells and frames by language, frames by URL."""

    shells: dict[str, Shell] = field(default_factory=dict)
    frames: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)


def load(folder: Path) -> Kept:
    kept = Kept()
    for lang_dir in sorted(p for p in Path(folder).iterdir() if p.is_dir()):
        shell = lang_dir / "shell.json"
        if shell.is_file():
            data = json.loads(shell.read_text(encoding="utf-8"))
            kept.shells[lang_dir.name] = Shell(data["chunks"], data["slots"], data["toc_item"])
        frames = kept.frames.setdefault(lang_dir.name, {})
        for path in sorted((lang_dir / "frames").glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            frames[data["url"]] = (data["before"], data["after"])
    return kept
