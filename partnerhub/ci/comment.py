"""The preview comment on a pull request: where the preview is, and its affected pages.

The comment is written by the privileged ``workflow_run`` job from a file the unprivileged
build produced (``affected.json``): that file comes from the contributor's branch, so every
value is checked here (a language of the hub, URLs made of safe path characters only)
before it reaches the Markdown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from partnerhub.i18n import gettext_ as _, language_name, set_language
from partnerhub.render.affected import Affected
from partnerhub.ci.annotate import md_cell, md_link

MARKER = "<!-- partnerhub-preview -->"  # the comment is found by this and updated, not repeated
_SAFE_URL = re.compile(r"^[a-z0-9][a-z0-9/._-]*$|^$")
MAX_LINKS = 60


def affected_to_json(affected: Affected, lang: str, pr: int | None) -> str:
    return json.dumps({"pr": pr, "lang": lang, "everything": affected.everything, "urls": affected.urls},
                      ensure_ascii=False, indent=1)


def read_affected(path: str | Path, languages: list[str], default: str) -> tuple[Affected, str]:
    """The affected pages and the contributor's language from ``affected.json``; anything
    that is not a language of the hub or a plain site path is dropped."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data = data if isinstance(data, dict) else {}
    lang = data.get("lang") if data.get("lang") in languages else default
    urls = data.get("urls") if isinstance(data.get("urls"), dict) else {}
    clean = {}
    for code in languages:
        found = urls.get(code)
        if isinstance(found, list):
            clean[code] = [u for u in found if isinstance(u, str) and _SAFE_URL.match(u) and ".." not in u]
    return Affected(clean, data.get("everything") is True), lang


def preview_comment(affected: Affected, lang: str, base_url: str) -> str:
    """The comment's Markdown, in ``lang``; links under ``base_url`` (the preview's address)."""
    set_language(lang)
    base = base_url.rstrip("/")
    lines = [MARKER, "### " + _("Preview of this pull request"), "",
             md_link(_("Open the preview"), base + "/"), ""]
    if affected.everything:
        lines += [md_cell(_("Your change affects every page (settings, a vocabulary or the code).")), ""]
    shown = 0
    for code, urls in affected.urls.items():
        if not urls:
            continue
        lines += [f"**{md_cell(language_name(code, lang))}**", ""]
        for url in urls:
            if shown >= MAX_LINKS:
                break
            lines.append("- " + md_link("/" + url, base + "/" + quote(url)))
            shown += 1
        lines.append("")
    if not affected.all_urls():
        lines += [md_cell(_("No page of the site."))]
    elif shown < len(affected.all_urls()):
        lines += [md_cell(_("… and {count} more").format(count=len(affected.all_urls()) - shown))]
    return "\n".join(lines).rstrip() + "\n"
