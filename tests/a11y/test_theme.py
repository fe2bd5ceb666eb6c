"""The theme's own promises (hooks/theme/): text from data is escaped once, the footer is the
hub's in the page's language, every language has its 404 page, the theme's strings are in
the gettext catalogs, nothing of Material's stock look is left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.a11y.conftest import LANGS
from tests.support.site import ROOT, build_site, copy_hub

THEME = ROOT / "hooks" / "theme"
PH_T = re.compile(r"""["']((?:[^"'\\]|\\.)+)["']\s*\|\s*ph_t\b""")
LOCALE = ROOT / "partnerhub" / "locale"

def theme_strings() -> set[str]:
    found = set()
    for path in THEME.rglob("*.html"):
        found.update(m.group(1) for m in PH_T.finditer(path.read_text(encoding="utf-8")))
    return found


def test_theme_strings_are_found():
    assert {"Menu", "Page not found", "Search this site"} <= theme_strings()


@pytest.mark.parametrize("lang", ["el", "fr"])
def test_theme_strings_are_translated(lang):
    from babel.messages.pofile import read_po

    with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        translated = {m.id for m in read_po(fh, locale=lang) if m.id and m.string}
    missing = sorted(theme_strings() - translated)
    assert not missing, f"theme strings without a {lang} translation: {missing}"


@pytest.mark.slow
def test_text_from_data_is_escaped_once(tmp_path):
    """A hub name and a record title with quotes, ampersands and markup show as written,
    in <title>, the header, the drawer and the footer, and never as markup."""
    from bs4 import BeautifulSoup

    hub = copy_hub(tmp_path / "hub")
    name = 'Hub "A" & <i>B</i> </title><b>x'
    title = 'Platform "Q" & <i>x</i> </title><b>y'
    config = hub / "data" / "hub.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "en: Partner networks hub", "en: '" + name + "'"), encoding="utf-8")
    record = hub / "data" / "practices" / "serres-volunteer-platform.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "en: A digital platform for a network of volunteers in Serres", "en: '" + title + "'"), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(hub, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "practices" / "serres-volunteer-platform" / "index.html").read_text(encoding="utf-8")
    doc = BeautifulSoup(html, "html.parser")
    assert doc.title.get_text() == f"{title} - {name}"
    assert doc.select_one(".ph-header__name").get_text() == name
    assert doc.select_one(".ph-footer__name").get_text() == name
    assert doc.select_one(".ph-drawer__name").get_text() == name
    assert doc.find("h1").get_text() == title
    assert not doc.find_all(["b", "i"]), "markup from data became elements"
    assert "&amp;amp;" not in html, "escaped twice"


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_footer_is_the_hubs(page, site, lang):
    doc = page(LANGS[lang] or ".")
    footer = doc.find("footer")
    text = footer.get_text(" ", strip=True)
    assert "Material for MkDocs" not in doc.decode() and "Made with" not in text
    assert not doc.select(".md-footer__link"), "Material's Next/Previous pager"
    hrefs = [a["href"] for a in footer.find_all("a")]
    for wanted in ("accessibility/", "privacy/"):
        href = next((h for h in hrefs if h.rstrip("/").endswith(wanted.rstrip("/"))), None)
        assert href is not None, f"no link to {wanted} in the footer: {hrefs}"
        assert (site / LANGS[lang] / wanted / "index.html").exists()


@pytest.mark.slow
def test_footer_links_the_data_licence(page):
    footer = page(".").find("footer")
    assert footer.select('a[rel~="license"]'), "no rel=license link in the footer"


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_404_page_in_every_language(page, lang):
    doc = page(LANGS[lang] + "404.html")
    assert doc.html["lang"] == lang
    assert "404 - Not found" not in doc.get_text()
    assert doc.find("h1").get_text(strip=True)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["el", "fr"])
def test_404_page_speaks_its_language(page, lang):
    assert page(LANGS[lang] + "404.html").find("h1").get_text(strip=True) != "Page not found"


@pytest.mark.slow
@pytest.mark.browser
def test_root_404_sends_readers_to_their_language(browser, server, site):
    """A server answers a missing /el/… address with the root 404.html: its script sends the
    reader on to the Greek 404 page."""
    context = browser.new_context()
    page = context.new_page()
    root_404 = (site / "404.html").read_text(encoding="utf-8")
    page.route("**/el/no-such-page/", lambda route: route.fulfill(status=404, body=root_404, content_type="text/html"))
    page.goto(server + "el/no-such-page/")
    page.wait_for_url("**/el/404.html")
    assert page.evaluate("document.documentElement.lang") == "el"
    page.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=root_404, content_type="text/html"))
    page.goto(server + "no-such-page/")
    page.wait_for_timeout(300)
    assert page.url.endswith("/no-such-page/") and page.evaluate("document.documentElement.lang") == "en"
    context.close()


@pytest.mark.slow
def test_one_h1_per_page(site):
    counts = {str(path.relative_to(site)): len(re.findall(r"<h1[\s>]", path.read_text(encoding="utf-8")))
              for path in site.rglob("*.html") if "pagefind" not in path.parts}
    wrong = {path: n for path, n in counts.items() if n != 1}
    assert not wrong, f"{len(wrong)} page(s) without exactly one <h1>: {dict(list(wrong.items())[:10])}"


@pytest.mark.slow
def test_no_stock_material_look(page):
    doc = page(".")
    assert not doc.select("[data-md-component=palette], input[name=__palette]"), "palette toggle"
    assert not doc.select("link[rel=prev], link[rel=next]"), "n/p single-key shortcuts of Material's script"
    assert not doc.select("input[autocomplete]"), "autocomplete on a checkbox"
    assert "fonts.googleapis" not in doc.decode()
    assert doc.select_one("a.md-skip[href='#ph-main']") and doc.select_one("main#ph-main")


@pytest.mark.slow
def test_record_pages_have_a_table_of_contents(page):
    doc = page("networks/breaking-isolation/")
    ids = ["#" + h["id"] for h in doc.select("main h2[id]")]
    assert ids and [a["href"] for a in doc.select("nav.md-nav--secondary a[href^='#']")] == ids
    assert [a["href"] for a in doc.select(".ph-toc-inline a")] == ids  # on phones


@pytest.mark.slow
@pytest.mark.browser
def test_table_of_contents_after_the_title_on_a_phone(browser, server):
    """Hand-written pages have their headings in MkDocs' toc: on a phone, a collapsed
    "Table of contents" right after the title; on a desktop, the column beside the text."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "el/accessibility/")
    box = page.locator("main .ph-toc-inline")
    assert box.is_visible()
    assert page.evaluate("document.querySelector('main h1').nextElementSibling.classList.contains('ph-toc-inline')")
    box.locator("summary").click()
    links = box.locator("a")
    assert links.count() >= 2 and links.first.is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not box.is_visible()
    context.close()
