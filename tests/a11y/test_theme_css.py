"""Every class the page templates use has a rule in the theme's stylesheet (or is a page's
wrapper, a hook for scripts), and each meeting status that gets a badge or banner has its
own style."""

from __future__ import annotations

import re

from partnerhub.labels import MEETING_STATUS
from tests.support.site import ROOT

TEMPLATES = ROOT / "partnerhub" / "render" / "templates"
CSS = (ROOT / "hooks" / "theme" / "assets" / "partnerhub.css").read_text(encoding="utf-8")
# wrappers of whole pages or parts (no look of their own) and hooks for scripts
WRAPPERS = {"ph-catalogue", "ph-home", "ph-meeting", "ph-network", "ph-output", "ph-partner", "ph-person",
            "ph-practice", "ph-record", "ph-theme", "ph-timeline-years", "ph-email", "ph-filter__label",
            "ph-filters-box__summary"}


def _styled() -> set[str]:
    return set(re.findall(r"\.(ph-[a-z0-9_-]*[a-z0-9])", CSS))


def test_every_template_class_has_a_rule():
    used = set()
    for template in TEMPLATES.glob("*.html"):
        for classes in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            used |= {c for c in re.findall(r"ph-[a-z0-9_-]*[a-z0-9]", re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", classes))}
    missing = sorted(used - _styled() - WRAPPERS)
    assert not missing, f"classes without a rule in partnerhub.css: {missing}"


def test_meeting_statuses_have_their_own_style():
    styled = _styled()
    for status in MEETING_STATUS:
        if status == "held":
            continue
        assert f"ph-badge--{status}" in styled, status
    for status in ("cancelled", "postponed"):
        assert f"ph-status-banner--{status}" in styled and f"ph-timeline__item--{status}" in styled, status
