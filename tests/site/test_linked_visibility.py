"""Privacy holds for the linked outputs: a public build with draft, partners-only and
unconsented records (as in test_visibility.py), and renamed ones, has no JSON-LD, share
image, redirect or What's-new entry of them; a public renamed record has its card and
its redirects."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerhub.hub import load_hub
from partnerhub.linked import share
from partnerhub.registry import BY_FOLDER
from partnerhub.render.localize import Localizer
from tests.site.test_visibility import DRAFT, PARTNERS, _build, _containing, _records, _write
from tests.support.site import copy_hub

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def public_build(tmp_path_factory) -> tuple[Path, Path]:
    hub = copy_hub(tmp_path_factory.mktemp("linked-visibility") / "hub")
    _records(hub)
    for marker, state in ((DRAFT, "publication: draft"), (PARTNERS, "visibility: partners")):
        _write(hub, f"outputs/{marker}-renamed.yml",
               f"id: {marker}-renamed\ntitle: {{en: {marker} output}}\nkind: study\nnetwork: breaking-isolation\n"
               f"summary: {{en: {marker} summary}}\nformer_ids: [{marker}-former]\n{state}\n")
    _write(hub, "outputs/public-renamed.yml",
           "id: public-renamed\ntitle: {en: Public study, el: Δημόσια μελέτη}\nkind: study\n"
           "network: breaking-isolation\nsummary: {en: Shown.}\nformer_ids: [public-former]\n")
    site = hub.parent / "site"
    _build(hub, site, "public")
    return hub, site


def test_no_hidden_record_in_linked_outputs(public_build):
    _hub, site = public_build
    assert _containing(site, DRAFT) == []
    assert _containing(site, PARTNERS) == []
    for root in ("", "el/", "fr/"):
        assert (site / root / "outputs" / "public-former" / "index.html").is_file()
        for marker in (DRAFT, PARTNERS):
            assert not (site / root / "outputs" / f"{marker}-former").exists()
            feed = (site / root / "whats-new" / "feed.xml").read_text(encoding="utf-8").lower()
            assert marker not in feed


def test_share_image_for_a_public_record_not_for_a_draft(public_build):
    hub_dir, site = public_build
    hub = load_hub(hub_dir)
    outputs = BY_FOLDER["outputs"]
    loc = Localizer("en", hub.config.default_language)
    public = share.card(hub, loc, outputs, hub.records["outputs"]["public-renamed"].record)
    assert (site / public.path).is_file()
    for marker in (DRAFT, PARTNERS):
        hidden = share.card(hub, loc, outputs, hub.records["outputs"][f"{marker}-renamed"].record)
        assert not (site / hidden.path).exists()
    people = BY_FOLDER["people"]
    unconsented = share.card(hub, loc, people, hub.records["people"][f"{DRAFT}-no-consent"].record)
    assert not (site / unconsented.path).exists()
