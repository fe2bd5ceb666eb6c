"""A copy of the base hub with a renamed public record, a draft and a partners-only record,
for the linked-data tests (built in memory, no site generator)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from partnerhub.hub import load_hub
from partnerhub.render.relations import build_relations
from tests.support.site import BASE_HUB

SITE_URL = "https://hub.example.org/"
DRAFT, PARTNERS = "zzdraftmarker", "zzpartnersmarker"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _partner(record_id: str, extra: str = "") -> str:
    return (f"id: {record_id}\nname: {{en: {record_id} town, el: {record_id} πόλη, fr: {record_id} ville}}\n"
            f"kind: municipality\ncountry: GR\ncoordinates: {{lat: 41.09, lon: 23.55}}\n{extra}")


def linked_hub(tmp_path: Path):
    """(hub, public relations) of the base hub with three more partners."""
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    partners = root / "data" / "partners"
    (partners / "renamed-town.yml").write_text(_partner("renamed-town", "former_ids: [old-town]\n"), encoding="utf-8")
    (partners / f"{DRAFT}.yml").write_text(_partner(DRAFT, f"publication: draft\nformer_ids: [{DRAFT}-old]\n"),
                                           encoding="utf-8")
    (partners / f"{PARTNERS}.yml").write_text(
        _partner(PARTNERS, f"visibility: partners\nformer_ids: [{PARTNERS}-old]\n"), encoding="utf-8")
    hub = load_hub(root)
    assert not hub.errors, [p.as_text() for p in hub.errors]
    return hub, build_relations(hub)
