"""What the check reads from a pull request's event (``$GITHUB_EVENT_PATH``).

Everything in the event is written by the contributor (title, body, label names): it is
only matched against the hub's own language codes, never printed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_LABEL = re.compile(r"^\s*lang\s*[:=]\s*([a-z]{2,3})\s*$", re.I)
_BODY_LINE = re.compile(r"^[ \t>*-]*lang[ \t]*:[ \t]*([a-z]{2,3})[ \t\r]*$", re.I | re.M)


def read_event(path: str | Path | None) -> dict:
    """The event as a dict; ``{}`` when there is none (a local run) or it cannot be read."""
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _pull_request(event: dict) -> dict:
    pr = event.get("pull_request")
    return pr if isinstance(pr, dict) else {}


def pr_number(event: dict) -> int | None:
    number = _pull_request(event).get("number", event.get("number"))
    return number if isinstance(number, int) and not isinstance(number, bool) and number > 0 else None


def pr_language(event: dict, languages: list[str], default: str) -> str:
    """The contributor's language: a ``lang:el`` label, else a ``lang: el`` line in the
    pull request's description, else ``default``; only one of ``languages`` counts."""
    pr = _pull_request(event)
    for label in pr.get("labels") or []:
        name = label.get("name") if isinstance(label, dict) else None
        match = _LABEL.match(name) if isinstance(name, str) else None
        if match and match[1].lower() in languages:
            return match[1].lower()
    body = pr.get("body")
    if isinstance(body, str):
        for match in _BODY_LINE.finditer(body):
            if match[1].lower() in languages:
                return match[1].lower()
    return default
