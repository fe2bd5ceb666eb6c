"""'Edit this page' and 'Suggest a correction' (partnerhub/render/edit_links.py): the URLs,
their escaping, the issue form they fill in, and no links without a configured repository."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from partnerhub.hub import load_hub
from partnerhub.hubconfig import HubConfig
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.edit_links import ISSUE_FORM, edit_links, edit_links_html, hand_written_links
from partnerhub.render.pages import SiteBuilder
from partnerhub.yamlsource import load_yaml
from tests.support.site import BASE_HUB, ROOT

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM


def _config(**extra) -> HubConfig:
    return HubConfig(name={"en": "Hub"}, languages=["en", "el"], default_language="en",
                     **extra)


def test_no_repository_no_links():
    assert edit_links(_config(), "data/partners/a.yml", "/partners/a/", "en", "a") is None
    assert edit_links_html(None, "en") == ""


def test_edit_and_correction_urls_are_encoded():
    config = _config(repository="https://github.com/owner/hub", branch="release/2026")
    hostile = 'data/partners/a b"<x>&?#%.yml'
    links = edit_links(config, hostile, "https://hub.example.org/el/partners/a/?q=<x>", "el", 'a"&b')
    edit = urlsplit(links["edit"])
    assert (edit.scheme, edit.netloc) == ("https", "github.com")
    assert edit.path == "/owner/hub/edit/release/2026/data/partners/a%20b%22%3Cx%3E%26%3F%23%25.yml"
    assert not edit.query and not edit.fragment
    correct = urlsplit(links["correct"])
    assert correct.path == "/owner/hub/issues/new" and not correct.fragment
    query = parse_qs(correct.query)
    assert query["template"] == [ISSUE_FORM]
    assert query["record"] == ['a"&b'] and query["language"] == ["el"]
    assert query["page"] == ["https://hub.example.org/el/partners/a/?q=<x>"]
    html = edit_links_html(links, "el")
    assert "<x>" not in html and '"&' not in html and "&amp;" in html


def test_the_query_fills_fields_of_the_issue_form():
    form = load_yaml(FORM.read_text(encoding="utf-8")).data
    ids = {item.get("id") for item in form["body"]}
    config = _config(repository="https://github.com/owner/hub")
    query = parse_qs(urlsplit(edit_links(config, "data/x.yml", "/x/", "en", "x")["correct"]).query)
    assert set(query) - {"template", "title"} <= ids
    assert {"record", "page", "language"} <= set(query)


def test_hand_written_page_links_its_file(tmp_path):
    config = _config(repository="https://github.com/owner/hub")
    source = tmp_path / "docs" / "el" / "contribute" / "index.md"
    source.parent.mkdir(parents=True)
    source.write_text("# x\n", encoding="utf-8")
    links = hand_written_links(config, tmp_path, str(source), "contribute/", "el", "https://hub.example.org/")
    assert links["edit"] == "https://github.com/owner/hub/edit/main/docs/el/contribute/index.md"
    assert parse_qs(urlsplit(links["correct"]).query)["page"] == ["https://hub.example.org/el/contribute/"]
    assert hand_written_links(config, tmp_path / "docs", "/elsewhere/x.md", "x/", "el", "") is None


@pytest.fixture
def hub_root(tmp_path) -> Path:
    shutil.copytree(BASE_HUB, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_record_pages_link_their_files_in_every_language(hub_root):
    hub_yml = hub_root / "data" / "hub.yml"
    assert not list(SiteBuilder(load_hub(hub_root), "en").record_pages())[0].html.count("ph-edit-links")
    hub_yml.write_text(hub_yml.read_text(encoding="utf-8") + "repository: https://github.com/owner/hub\n",
                       encoding="utf-8")
    hub = load_hub(hub_root)
    assert not hub.errors
    for lang in hub.config.languages:
        pages = {(page.kind, page.record_id): page for page in SiteBuilder(hub, lang, site_url="https://h.example/").record_pages()}
        for record_type in RECORD_TYPES:
            for record_id, entry in hub.records[record_type.folder].items():
                html = pages[(record_type.name, record_id)].html
                file = entry.file.relative_to(hub_root).as_posix()
                assert f'href="https://github.com/owner/hub/edit/main/{file}"' in html
                assert "ph-edit-links__correct" in html and f"language={lang}" in html


def test_theme_pages_link_the_vocabulary(hub_root):
    hub_yml = hub_root / "data" / "hub.yml"
    hub_yml.write_text(hub_yml.read_text(encoding="utf-8") + "repository: https://github.com/owner/hub\n",
                       encoding="utf-8")
    hub = load_hub(hub_root)
    themes = [page for page in SiteBuilder(hub, hub.config.default_language).record_pages() if page.kind == "theme"]
    assert themes and all('href="https://github.com/owner/hub/edit/main/data/vocabularies/themes.yml"' in page.html
                          for page in themes)
