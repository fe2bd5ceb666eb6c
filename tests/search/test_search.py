"""End-to-end: search (Pagefind), facets, catalogue filters and maps, in headless Chromium.

Queries go through Pagefind's own JavaScript API on a page of the language being searched
(Pagefind picks the index of ``<html lang>``), and once through the search dialog as a person
would use it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from partnerhub.render.site import CATALOGUE_ORDER
from partnerhub.text import fold
from tests.support.search_dialog import narrow_by_filter

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGS = {"en": "", "el": "el/", "fr": "fr/"}
SERRES = "partners/serres/"

# (language, query, a page that must be among the first five results)
QUERIES = [
    ("el", "σερρες", SERRES),
    ("el", "ΣΕΡΡΕΣ", SERRES),
    ("el", "Σερρών", SERRES),
    ("el", "serres", SERRES),
    ("el", "Tonder", "partners/tonder/"),
    ("el", "Skofja Loka", "partners/skofja-loka/"),
    ("el", "Iasi", "partners/iasi/"),
    ("el", "Gdansk", "partners/gdansk-entrepreneurship-foundation/"),
    ("en", "Tonder", "partners/tonder/"),
    ("en", "Skofja Loka", "partners/skofja-loka/"),
    ("en", "Iasi", "partners/iasi/"),
    ("en", "Gdansk", "partners/gdansk-entrepreneurship-foundation/"),
    ("en", "Σέρρες", SERRES),
    ("fr", "serres", SERRES),
    # other names: a misspelling a public source uses, local and former names
    ("en", "Cerres", SERRES),
    ("el", "Siracusa", "partners/syracuse/"),
    ("en", "Donostia", "partners/san-sebastian/"),
    ("en", "Koprivnicki poduzetnik", "partners/enter-koprivnica/"),
    ("el", "ΚΕΠΑ", "partners/kepa/"),
]

SEARCH_JS = """async ([query, filters]) => {
  if (!window.__pf) { window.__pf = await import(new URL("%s", location.href).href); await window.__pf.init(); await window.__pf.filters(); }
  const search = await window.__pf.search(query, filters ? {filters} : {});
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return {count: search.results.length, urls: top.map(d => d.url), filters: search.filters,
          meta: top.map(d => d.meta)};
}"""


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def searcher(context, server):
    """search(lang, query, filters=None) -> {count, urls (site-root paths), filters, meta}."""
    pages = {}

    def search(lang: str, query: str | None, filters: dict | None = None) -> dict:
        if lang not in pages:
            page = context.new_page()
            page.goto(server + LANGS[lang])
            pages[lang] = page
        script = SEARCH_JS % ("../" * LANGS[lang].count("/") + "pagefind/pagefind.js")
        return pages[lang].evaluate(script, [query, filters])

    yield search
    for page in pages.values():
        page.close()


@pytest.mark.parametrize("lang, query, expected", QUERIES)
def test_query_finds_the_record_in_its_language(searcher, lang, query, expected):
    result = searcher(lang, query)
    wanted = "/" + LANGS[lang] + expected
    assert wanted in result["urls"], f"{query!r} on /{LANGS[lang]}: {result['urls']}"
    # only this language's pages are searched
    for url in result["urls"]:
        assert url.startswith("/" + LANGS[lang]) and not any(
            url.startswith("/" + p) for other, p in LANGS.items() if p and other != lang), url


def _text(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    for ignored in body.select("[data-pagefind-ignore], .ph-search-meta"):
        ignored.decompose()
    return fold(body.get_text(" "))


def test_inflected_greek_without_accents(searcher, site):
    """"κοινωνικου αποκλεισμου" finds pages that say "κοινωνικός αποκλεισμός" in any case."""
    phrase = re.compile(r"κοινωνικ\w* αποκλεισμ\w*")
    expected = {"/" + p.parent.relative_to(site).as_posix() + "/" for p in (site / "el").rglob("index.html")
                if "data-pagefind-body" in p.read_text(encoding="utf-8") and phrase.search(_text(p))}
    assert expected, "the demo data should say κοινωνικός αποκλεισμός somewhere"
    result = searcher("el", "κοινωνικου αποκλεισμου")
    assert expected & set(result["urls"]), (result["urls"], expected)


def test_fallback_text_stays_out_of_other_languages(searcher, site):
    """A block shown in English on a French page (marked as fallback) is not French text."""
    from bs4 import BeautifulSoup

    checked = 0
    for path in sorted((site / "fr" / "partners").glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        fallback = " ".join(f.get_text(" ") for f in soup.select(".ph-fallback"))
        if not fallback:
            continue
        rest = _text(path) + " " + fold(soup.select_one(".ph-search-meta").get_text(" "))
        words = [w for w in re.findall(r"[A-Za-z]{9,}", fallback) if fold(w) not in rest]
        if not words:
            continue
        url = "/" + path.parent.relative_to(site).as_posix() + "/"
        result = searcher("fr", words[0])
        assert url not in result["urls"], f"{words[0]!r} (English fallback) found {url} in the French index"
        checked += 1
        if checked == 3:
            break
    assert checked, "no French page with a fallback block to check"


def test_catalogues_and_home_are_not_results(searcher):
    for lang, prefix in LANGS.items():
        result = searcher(lang, "serres")
        for url in result["urls"]:
            assert url not in {f"/{prefix}", *(f"/{prefix}{c}/" for c in CATALOGUE_ORDER)}


def test_a_facet_narrows_the_results(searcher):
    everything = searcher("el", "serres")
    partner_type = "Εταίρος"
    assert partner_type in everything["filters"].get("Τύπος", {}), everything
    narrowed = searcher("el", "serres", {"Τύπος": partner_type})
    assert 0 < narrowed["count"] < everything["count"]
    assert "/el/" + SERRES in narrowed["urls"]
    assert all(meta.get("Τύπος") == partner_type for meta in narrowed["meta"])
    # filters are named and valued in the page's language
    assert "Χώρα" in everything["filters"] and "Ελλάδα" in everything["filters"]["Χώρα"]
    english = searcher("en", "serres")
    assert "Greece" in english["filters"]["Country"]


def test_search_dialog_by_keyboard(context, server):
    """The header's search button opens a dialog in the page's language; typing shows
    results with excerpts; a filter narrows them; Escape closes it and gives focus back."""
    page = context.new_page()
    page.goto(server + "el/partners/serres/")
    button = page.locator("[data-ph-search-open]")
    assert button.is_visible()
    assert button.get_attribute("aria-haspopup") == "dialog"
    assert "Αναζήτηση" in button.inner_text() or "Αναζήτηση" in (button.get_attribute("title") or "")
    button.focus()
    page.keyboard.press("Enter")
    search_input = page.locator("[data-ph-search-input]")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-ph-search-input]')")
    assert page.locator("dialog#ph-search-dialog").evaluate("d => d.open")
    assert search_input.get_attribute("placeholder") == "Αναζήτηση"  # the page's language
    page.keyboard.type("σερρες")
    page.wait_for_function("() => document.querySelector('[data-ph-search-status]').dataset.query === 'σερρες'")
    page.locator(".ph-search__result-link").first.wait_for()
    links = page.locator(".ph-search__result-link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(min(links.count(), 10))]
    assert any(h.endswith("/el/" + SERRES) for h in hrefs), hrefs
    assert page.locator(".ph-search__excerpt").first.inner_text().strip()
    message = page.locator("[data-ph-search-status]").inner_text()
    total = int(re.search(r"\d+", message).group())
    # the filters (closed, after the results): pick the partner type
    narrow_by_filter(page, total, "Τύπος", "Εταίρος")
    page.keyboard.press("Escape")
    assert not page.locator("dialog#ph-search-dialog").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.hasAttribute('data-ph-search-open')")
    # "/" opens it again, from anywhere on the page
    page.keyboard.press("/")
    page.wait_for_function("document.querySelector('dialog#ph-search-dialog').open")
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_speaks_the_page_language(context, server, lang):
    page = context.new_page()
    page.goto(server + LANGS[lang] + "partners/")
    page.locator("[data-ph-search-open]").click()
    page.locator("[data-ph-search-input]").wait_for()
    placeholder = page.locator("[data-ph-search-input]").get_attribute("placeholder")
    assert placeholder == {"en": "Search", "el": "Αναζήτηση", "fr": "Rechercher"}[lang]
    page.close()


def _visible_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('[data-ph-list] tbody > tr, [data-ph-list] > li')]
        .filter(r => !r.hidden).map(r => ({...r.dataset}))""")


def test_catalogue_filters_narrow_count_and_survive_a_reload(context, server):
    page = context.new_page()
    page.goto(server + "el/partners/")
    form = page.locator("[data-ph-filters]")
    assert form.is_visible()
    everything = _visible_rows(page)
    page.locator("select[name=country]").select_option("GR")
    greek = _visible_rows(page)
    assert 0 < len(greek) < len(everything)
    assert all("GR" in row["country"].split() for row in greek)
    assert str(len(greek)) in page.locator("[data-ph-count]").inner_text()
    assert "country=GR" in page.url
    # the map follows the filter
    shown_points = page.evaluate(
        "[...document.querySelectorAll('.ph-map__point')].filter(a => a.getAttribute('visibility') !== 'hidden').length")
    assert shown_points <= len(greek)
    # options show how many records each would leave
    assert re.search(r"\(\d+\)", page.locator("select[name=kind] option").nth(1).inner_text())
    page.reload()
    assert page.locator("select[name=country]").input_value() == "GR"
    assert len(_visible_rows(page)) == len(greek)
    # a second facet narrows further, and the URL keeps both
    kinds = {row["kind"] for row in greek}
    if len(kinds) > 1:
        kind = sorted(kinds)[0]
        page.locator("select[name=kind]").select_option(kind)
        both = _visible_rows(page)
        assert 0 < len(both) < len(greek) and all(r["kind"] == kind for r in both)
        assert "country=GR" in page.url and f"kind={kind}" in page.url
    page.locator("[data-ph-filters] button[type=reset]").click()
    page.wait_for_function("!location.search")
    assert len(_visible_rows(page)) == len(everything)
    page.close()


@pytest.mark.parametrize("path", ["el/practices/", "meetings/", "fr/networks/"])
def test_other_catalogue_filters(context, server, path):
    page = context.new_page()
    page.goto(server + path)
    everything = _visible_rows(page)
    select = page.locator("select[data-ph-filter]").first
    name = select.get_attribute("name")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values
    select.select_option(values[0])
    rows = _visible_rows(page)
    assert rows and all(values[0] in row[_dataset_key(name)].split() for row in rows)
    assert len(rows) <= len(everything)
    page.goto(server + path + f"?{name}={values[0]}")
    assert len(_visible_rows(page)) == len(rows)
    page.close()


def _dataset_key(name: str) -> str:
    head, *rest = name.split("-")
    return head + "".join(part.capitalize() for part in rest)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which, kind", [("partners", "partners"), ("meetings", "meetings")])
def test_map_points_link_to_their_records(context, server, site, lang, which, kind):
    page = context.new_page()
    page.goto(server + LANGS[lang] + which + "/")
    points = page.locator("svg.ph-map__svg a.ph-map__point")
    assert points.count() > 3
    list_links = set(page.locator(".ph-map__list a").evaluate_all("as => as.map(a => a.href)"))
    for i in range(points.count()):
        point = points.nth(i)
        assert (point.get_attribute("aria-label") or "").strip()
        href = point.evaluate("a => a.href.baseVal || a.getAttribute('href')")
        absolute = urljoin(page.url, href)
        assert absolute in list_links  # the same link, in the list beside the map
        target = urlsplit(absolute).path
        assert re.fullmatch(rf"/{LANGS[lang]}{kind}/[a-z0-9-]+/", target), target
        assert (site / target.lstrip("/") / "index.html").is_file(), target
    # points sit inside the map
    box = page.locator("svg.ph-map__svg").bounding_box()
    first = points.first.locator("circle").bounding_box()
    assert box["x"] <= first["x"] <= box["x"] + box["width"] and box["y"] <= first["y"] <= box["y"] + box["height"]
    page.close()


def test_map_is_small(site):
    html = (site / "el" / "partners" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"ph-map__svg.*?</svg>", html, re.S).group()
    assert len(svg.encode()) < 60_000


def test_nothing_is_requested_from_another_host(context, server):
    """Pages in every language, and a search, load only from the local server."""
    page = context.new_page()
    others: list[str] = []
    page.on("request", lambda request: others.append(request.url)
            if not request.url.startswith(server) and not request.url.startswith("data:") else None)
    for prefix in LANGS.values():
        for path in ("", "partners/", "meetings/", SERRES, "meetings/breaking-isolation-04-serres/"):
            page.goto(server + prefix + path)
            page.wait_for_load_state("networkidle")
        page.locator("[data-ph-search-open]").click()
        page.locator("[data-ph-search-input]").fill("serres")
        page.locator(".ph-search__result").first.wait_for()
        page.wait_for_load_state("networkidle")
    page.close()
    assert not others, sorted(set(others))


@pytest.fixture(scope="module")
def light_server(site, tmp_path_factory):
    """The demo site with the light index too (as a large hub gets it), served locally."""
    import functools
    import http.server
    import shutil
    import threading

    from partnerhub.search.pagefind import build_index
    from tests.support.site import QuietHandler as _QuietHandler

    copy = tmp_path_factory.mktemp("light") / "site"
    shutil.copytree(site, copy)
    report = build_index(copy, ["en", "el", "fr"], light="always")
    assert report.light and all(report.light[lang] < report.index_bytes[lang] for lang in report.light)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(copy)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


def _dialog_results(page, query: str) -> tuple[int, list[str]]:
    search_input = page.locator("[data-ph-search-input]")
    search_input.fill("")
    search_input.fill(query)
    page.wait_for_function("q => document.querySelector('[data-ph-search-status]').dataset.query === q", arg=query)
    message = page.locator("[data-ph-search-status]").inner_text()
    found = re.search(r"\d+", message)
    if found and int(found.group()):  # the results' links come as each result's data loads
        page.locator(".ph-search__result-link").first.wait_for()
    hrefs = page.locator(".ph-search__result-link").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    return (int(found.group()) if found else 0), hrefs


def test_light_index_finds_names_and_the_full_text_is_one_click_away(context, light_server):
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(light_server + "el/")
    page.locator("[data-ph-search-open]").click()
    page.locator("[data-ph-search-input]").wait_for()
    toggle = page.locator("[data-ph-search-full]")
    toggle.wait_for()
    assert toggle.is_visible() and not toggle.is_checked()
    for query, expected in [("σερρες", SERRES), ("serres", SERRES), ("Tonder", "partners/tonder/"),
                            ("Skofja Loka", "partners/skofja-loka/"), ("Gdansk", "partners/gdansk-entrepreneurship-foundation/")]:
        _count, hrefs = _dialog_results(page, query)
        assert any(h.endswith("/el/" + expected) for h in hrefs), (query, hrefs)
    light_count, _ = _dialog_results(page, "κοινωνικου αποκλεισμου")
    assert any("/pagefind-light/index/" in url for url in requested)
    toggle.check()
    page.wait_for_function("() => document.querySelector('[data-ph-search-input]').value.length > 0")
    full_count, _ = _dialog_results(page, "κοινωνικου αποκλεισμου")
    assert full_count > light_count
    assert any("/pagefind/index/" in url for url in requested)
    page.close()
