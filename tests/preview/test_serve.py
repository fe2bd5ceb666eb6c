"""`partnerhub serve` end to end (partnerhub/preview/), on a copy of the base hub: one full
build, then edits of data/ seen over HTTP in every language, as a browser would see them."""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.error
import urllib.request

import pytest

from partnerhub.preview.command import Preview
from partnerhub.render.relations import build_relations
from tests.support.site import BASE_HUB, ROOT

pytestmark = pytest.mark.slow  # it builds a site

PRACTICE = "data/practices/serres-volunteers.yml"
TITLES = {"en": "Volunteer platform", "el": "Πλατφόρμα εθελοντών", "fr": "Plateforme de bénévoles"}
# the practice's page, its catalogue, and pages that link to it: its owner, network and theme
PAGES = ["practices/serres-volunteers/", "practices/", "partners/serres/", "networks/breaking-isolation/",
         "themes/social-isolation/"]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("hub")
    shutil.copytree(BASE_HUB, root, dirs_exist_ok=True)
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    running = Preview(root, tmp_path_factory.mktemp("work"), port=0, quiet=True)
    running.start()
    assert running.state.built and not running.state.errors
    running.original = (root / PRACTICE).read_text(encoding="utf-8")
    threading.Thread(target=running.run, daemon=True).start()
    yield running
    running.close()


def _get(preview, url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(preview.site_url + url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _state(preview) -> dict:
    return json.loads(_get(preview, ".partnerhub-preview/state")[1])


def _edit(preview, new_text: str) -> dict:
    """Write the practice's file and wait until the preview has handled it; its state."""
    before = _state(preview)["version"]
    (preview.root / PRACTICE).write_text(new_text, encoding="utf-8")
    deadline = time.monotonic() + 300  # a generous bound on a busy machine, not a timing
    while _state(preview)["version"] == before:
        assert time.monotonic() < deadline, "the preview did not handle the edit"
        time.sleep(0.05)
    return _state(preview)


def _url(lang: str, page: str) -> str:
    return ("" if lang == "en" else f"{lang}/") + page


@pytest.fixture
def restore(preview):
    yield
    if (preview.root / PRACTICE).read_text(encoding="utf-8") != preview.original:
        assert not _edit(preview, preview.original)["errors"]


def test_pages_rewritten_from_the_kept_shells_equal_the_full_build(preview):
    """The preview's pages are the build's: every record page and catalogue, and the open-data
    page (framed, and indexed: its search keys too), byte for byte."""
    hub = preview.live.hub
    rel = build_relations(hub)
    urls = ["", "practices/", "partners/", "themes/", "open-data/", *PAGES[2:], "practices/serres-volunteers/"]
    files = [preview.site_dir / _url(lang, url) / "index.html" for lang in TITLES for url in urls]
    built = {path: path.read_bytes() for path in files}
    preview.renderer.rewrite(hub, rel, urls)
    assert {path: path.read_bytes() for path in files} == built


def test_an_edited_title_shows_in_every_language_and_every_page_that_names_it(preview, restore):
    text = preview.original
    for lang, title in TITLES.items():
        text = text.replace(f"{lang}: {title}\n", f"{lang}: {title} (new)\n")
    assert not _edit(preview, text)["errors"]
    for lang, title in TITLES.items():
        for page in PAGES:
            status, html = _get(preview, _url(lang, page))
            assert status == 200
            assert f"{title} (new)" in html, (lang, page)
    status, record = _get(preview, "el/practices/serres-volunteers/")
    assert "Content-Security-Policy" in record  # the preview keeps the policy: its script is a file
    assert '<script src="/.partnerhub-preview/reload.js"' in record


def test_a_record_made_draft_disappears(preview, restore):
    assert not _edit(preview, preview.original.replace("status: ongoing", "status: ongoing\npublication: draft"))["errors"]
    for lang, title in TITLES.items():
        assert _get(preview, _url(lang, PAGES[0]))[0] == 404
        for page in PAGES[1:]:
            status, html = _get(preview, _url(lang, page))
            assert status == 200 and title not in html and "serres-volunteers" not in html, (lang, page)
    assert preview.refresher.idle(600)  # the exports, feeds and calendars follow
    for path in (preview.site_dir / "data").rglob("*"):
        if path.is_file() and path.suffix in (".json", ".csv", ".geojson", ".jsonld"):
            assert "serres-volunteers" not in path.read_text(encoding="utf-8"), path


def test_a_broken_edit_keeps_the_pages_and_shows_the_error(preview, restore):
    state = _edit(preview, preview.original.replace("status: ongoing", "status: <b>ongoin"))
    assert [line.split(": error:")[0] for line in state["errors"]] == [f"{PRACTICE}:9:9"]
    status, html = _get(preview, PAGES[0])
    assert status == 200 and TITLES["en"] in html  # the last good page
    assert f"<code>{PRACTICE}:9:9</code>" in html and "&lt;b&gt;ongoin" in html and "<b>ongoin" not in html
    assert 'class="ph-preview-errors"' in _get(preview, "el/")[1]
    fixed = _edit(preview, preview.original.replace(f"en: {TITLES['en']}", "en: Fixed title"))
    assert not fixed["errors"]
    html = _get(preview, PAGES[0])[1]
    assert "Fixed title" in html and "ph-preview-errors" not in html


def test_the_reload_signal_changes_with_an_edit(preview, restore):
    def first_event() -> str:
        with urllib.request.urlopen(preview.site_url + ".partnerhub-preview/events") as stream:
            for line in stream:
                if line.startswith(b"data: "):
                    return line[len(b"data: "):].decode().strip()
        return ""

    before = first_event()
    assert before == _state(preview)["version"]
    _edit(preview, preview.original.replace(f"en: {TITLES['en']}", "en: Reloaded"))
    assert first_event() not in ("", before)
    script = _get(preview, ".partnerhub-preview/reload.js")[1]
    assert "EventSource" in script and "location.reload" in script


def test_the_exports_follow_in_the_background(preview, restore):
    _edit(preview, preview.original.replace(f"en: {TITLES['en']}", "en: Exported title"))
    assert preview.refresher.idle(600)
    exported = (preview.site_dir / "data").rglob("*.json")
    assert any("Exported title" in path.read_text(encoding="utf-8") for path in exported)


def test_a_hub_with_errors_at_start_is_served_once_fixed(tmp_path):
    """No site yet: the errors on the preview's page; a first edit that does not fix them
    only reports again; the fix builds the site."""
    shutil.copytree(BASE_HUB, tmp_path / "hub")
    root = tmp_path / "hub"
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    original = (root / PRACTICE).read_text(encoding="utf-8")
    (root / PRACTICE).write_text(original.replace("status: ongoing", "status: ongoin"), encoding="utf-8")
    broken = Preview(root, tmp_path / "work", port=0, quiet=True)
    try:
        broken.start()
        assert not broken.state.built and broken.state.errors
        status, html = _get(broken, "")
        assert status == 404 and f"<code>{PRACTICE}:9:9</code>" in html
        (root / PRACTICE).write_text(original.replace("status: ongoing", "status: ongoin\n"), encoding="utf-8")
        broken.changed([PRACTICE])
        assert broken.needs_full and broken.state.errors
        (root / PRACTICE).write_text(original, encoding="utf-8")
        broken.changed([PRACTICE])
        assert broken.state.built and not broken.state.errors
        assert _get(broken, PAGES[0])[0] == 200
    finally:
        broken.close()


def test_the_browser_reloads_by_itself_and_the_policy_allows_it(preview, browser, restore):
    """In Chromium: the page reloads after an edit, shows the error panel after a broken
    one, and the Content-Security-Policy refuses nothing (the reload script is a file)."""
    tab = browser.new_page()
    refused: list[str] = []
    tab.on("console", lambda message: refused.append(message.text)
           if message.type == "error" and "Content Security Policy" in message.text else None)
    try:
        tab.goto(preview.site_url + "el/practices/serres-volunteers/")
        assert TITLES["el"] in tab.title()
        _edit(preview, preview.original.replace(f"el: {TITLES['el']}", "el: Νέος τίτλος"))
        tab.wait_for_function("() => document.title.includes('Νέος τίτλος')", timeout=120_000)
        _edit(preview, preview.original.replace("status: ongoing", "status: ongoin"))
        panel = tab.wait_for_selector(".ph-preview-errors[role=alert]", timeout=120_000)
        assert f"{PRACTICE}:9:9" in panel.inner_text()
        assert "Νέος τίτλος" in tab.title()  # the last good page, under the panel
        assert refused == []
    finally:
        tab.close()


def test_a_record_added_then_deleted(preview):
    added = preview.root / "data" / "practices" / "serres-phone-line.yml"
    text = (preview.original.replace("id: serres-volunteers", "id: serres-phone-line")
            .replace(f"en: {TITLES['en']}", "en: Phone line for older people"))

    def handled(action) -> None:
        before = _state(preview)["version"]
        action()
        deadline = time.monotonic() + 300
        while _state(preview)["version"] == before:
            assert time.monotonic() < deadline, "the preview did not handle the change"
            time.sleep(0.05)

    handled(lambda: added.write_text(text, encoding="utf-8"))
    assert not _state(preview)["errors"]
    for lang in TITLES:
        assert _get(preview, _url(lang, "practices/serres-phone-line/"))[0] == 200
    assert "Phone line for older people" in _get(preview, "practices/")[1]
    assert "Phone line for older people" in _get(preview, "partners/serres/")[1]
    handled(added.unlink)
    for lang in TITLES:
        assert _get(preview, _url(lang, "practices/serres-phone-line/"))[0] == 404
    assert "Phone line for older people" not in _get(preview, "practices/")[1]
    assert "Phone line for older people" not in _get(preview, "partners/serres/")[1]
