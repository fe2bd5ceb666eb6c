"""Escape by default: hostile text in every field that reaches a page is shown as text,
never run, wherever it lands (element text, attributes, <title>, <meta>, the theme's
header), even when it never went through the validator; and the Content-Security-Policy
would stop a script that slipped through anyway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.site import CHROMIUM_ARGS, ROOT, SITE_URL, build_hostile, copy_hub, serve

pytestmark = pytest.mark.slow

# One text with the classic ways out of an element, an attribute and a template.
PAYLOAD = ('"><img src=x onerror=alert(1)> \'<script>alert(2)</script> " autofocus onfocus="alert(3) '
           '</title><svg onload=alert(4)> <a href="javascript:alert(5)">x</a> [click](javascript:alert(6)) '
           '<style>@import url(https://evil.example/x.css)</style> <img src="https://evil.example/p.gif"> '
           '<div style="background:url(https://evil.example/b.png)">b</div> {{ 7*7 }} &amp; &lt;')
TEXT_MARK = "onerror=alert(1)"  # how the payload shows when it is (rightly) text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile(copy_hub(tmp_path_factory.mktemp("hostile") / "hub"), PAYLOAD)


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


def assert_no_active_content(path: Path) -> None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (path, tag)
            assert name.lower() not in ("autofocus", "style", "srcdoc"), (path, tag)
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not text.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, tag)
                assert "evil.example" not in text, (path, tag)
        assert tag.name not in ("style", "iframe", "object", "embed", "base"), (path, tag)
        assert not (tag.name == "form" and tag.get("action")), (path, tag)  # the theme's forms post nothing
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            json.loads(tag.get_text())  # data, not code: it parses, and holds no `<` to leave by
            assert "<" not in tag.get_text(), (path, tag)
        elif tag.name == "script":
            assert "alert(" not in tag.get_text(), (path, tag)
            assert not tag.get("src", "").startswith(("http:", "https:", "//")), (path, tag)
        if tag.name == "svg":
            assert tag.get("class") and "ph-map__svg" in tag["class"] or tag.find_parent(class_="md-icon") \
                or tag.find_parent(["label", "a", "button", "span", "div"]), (path, tag)


def test_every_page_shows_the_payload_as_text(hostile_site):
    pages = _pages(hostile_site)
    assert len(pages) > 150
    for path in pages:
        assert_no_active_content(path)


@pytest.mark.parametrize("prefix", ["", "el/"])
def test_title_description_and_header_hold_the_text(hostile_site, prefix):
    path = hostile_site / prefix / "practices" / "serres-volunteer-platform" / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    lang = prefix.rstrip("/") or "en"
    assert soup.title.get_text().startswith(f"{PAYLOAD} ({lang}) - {PAYLOAD}")
    description = soup.find("meta", attrs={"name": "description"})
    assert '" autofocus onfocus="alert(3)' in description["content"]  # the quotes stayed inside the value
    assert set(description.attrs) == {"name", "content"}
    assert soup.find("h1").get_text() == f"{PAYLOAD} ({lang})"
    names = soup.select(".ph-header__name, .ph-drawer__name, .ph-footer__name")  # the hub's name (theme)
    assert len(names) == 3 and {n.get_text(strip=True) for n in names} == {PAYLOAD.strip()}
    assert "{{ 7*7 }}" in soup.find("h1").get_text()  # no template ever reads a value


@pytest.mark.browser
def test_no_script_runs_and_nothing_leaves_in_chromium(hostile_site, browser):
    urls = ["", "practices/serres-volunteer-platform/", "el/networks/breaking-isolation/", "practices/",
            "meetings/", "fr/partners/serres/", "themes/social-isolation/", "about/"]
    with serve(hostile_site) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs, foreign = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
        page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                             " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        for url in urls:
            page.goto(base + url)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__csp") == [], url
        context.close()
    assert dialogs == [] and foreign == []


@pytest.mark.browser
def test_the_policy_stops_a_script_that_slipped_through(site, browser, tmp_path):
    """If escaping ever failed, the page's Content-Security-Policy would still refuse to run
    an injected handler or script, or to load anything from another host."""
    page_path = site / "practices" / "serres-volunteer-platform" / "index.html"
    html = page_path.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    broken = html.replace("<h1>", '<h1><img src=x onerror="alert(1)"><script>alert(2)</script>'
                          '<img src="https://evil.example/p.gif"><span style="color:red">x</span>', 1)
    (tmp_path / "index.html").write_text(broken, encoding="utf-8")
    for name in ("assets", "pagefind"):
        (tmp_path / name).symlink_to(site / name)
    with serve(tmp_path) as base:
        page = browser.new_page()
        dialogs, foreign = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        # Chromium reports the attempt, then fails it before anything is sent
        page.on("requestfinished", lambda r: foreign.append(r.url) if "evil.example" in r.url else None)
        page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                             " e => window.__csp.push(e.violatedDirective));")
        page.goto(base)
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__csp")
        page.close()
    assert dialogs == [] and foreign == []
    assert {"script-src-attr", "script-src-elem", "img-src", "style-src-attr"} <= set(violations), violations


def test_every_page_has_a_policy(site):
    for path in _pages(site):
        text = path.read_text(encoding="utf-8")
        if "<head>" not in text and "<head " not in text:
            continue  # redirect stubs
        head = text.split("</head>", 1)[0]
        assert 'http-equiv="Content-Security-Policy"' in head, path
        policy = head.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"):
            assert directive in policy, (path, directive)
        assert "unsafe-inline" not in policy and "http" not in policy, (path, policy)
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head, path


@pytest.mark.browser
def test_no_demo_page_raises_a_policy_violation(site, browser):
    pages = sorted(p.relative_to(site).as_posix() for p in _pages(site))
    assert len(pages) > 150
    with serve(site) as base:
        page = browser.new_page()
        page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                             " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));")
        for path in pages:
            page.goto(base + path, wait_until="load")
            assert page.evaluate("window.__csp") == [], path
        page.close()
