"""The search dialog as people use it: Greek, Greek typed in Latin letters (Greeklish, in
several habits) and with vowel slips find the page; results come before the filters, which
are closed and in one order in every language; excerpts are in the page's language; the
query and filters live in the URL; the count is announced in a live region."""

from __future__ import annotations

import json
import re

import pytest

from tests.a11y.conftest import LANGS
from tests.support.search_dialog import narrow_by_filter

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GROCERY = "practices/markopoulo-social-grocery-fabricrepublic/"
SERRES = "partners/serres/"

# (query as typed on the Greek site, a page that must be among the results)
QUERIES = [
    ("κοινωνικό παντοπωλείο", GROCERY),  # Greek
    ("koinoniko pantopoleio", GROCERY),  # Greeklish, ELOT-like
    ("koinwniko pantopwleio", GROCERY),  # Greeklish, w for ω
    ("kinoniko pantopolio", GROCERY),  # Greeklish, written as it sounds
    ("κοινονικο παντοπολιο", GROCERY),  # vowel slips: ο for ω, ι for ει
    ("kentro koinotitas", SERRES),
    ("kentro koinothtas", SERRES),  # η written h: "th" read as τη, not θ
    ("κεντρο κινοτητας", SERRES),  # οι written ι
]


def test_greeklish_finds_inflected_forms(desktop, server):
    """"koinoniki apomonosi" (κοινωνική απομόνωση) finds pages that say "κοινωνικής απομόνωσης"
    or "κοινωνικό αποκλεισμό" as the Greek query does: at least as many pages."""
    open_dialog(desktop, server + "el/")
    greek, _ = results(desktop, "κοινωνικη απομονωση")
    greeklish, _ = results(desktop, "koinoniki apomonosi")
    assert greeklish >= min(greek, 5), (greek, greeklish)


def open_dialog(page, url: str) -> None:
    page.goto(url)
    page.locator("[data-ph-search-open]").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-ph-search-input]')")


def results(page, query: str) -> tuple[int, list[str]]:
    """Type ``query``; returns (the count the live region says, the result links)."""
    page.locator("[data-ph-search-input]").fill(query)
    page.wait_for_function("q => document.querySelector('[data-ph-search-status]').dataset.query === q", arg=query)
    status = page.locator("[data-ph-search-status]").inner_text()
    found = re.search(r"\d+", status)
    count = int(found.group()) if found else 0
    if count:
        page.locator(".ph-search__result-link").first.wait_for()
    hrefs = page.locator(".ph-search__result-link").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    return count, hrefs


def test_the_first_query_downloads_pagefind_once(browser, server):
    """The search runs beside the page (Pagefind's noWorker): its worker, a second copy of
    its script, is never downloaded; the settings come compact."""
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched = []
        page.on("response", lambda r: fetched.append(r.url.rsplit("/", 1)[-1].split("?")[0]))
        open_dialog(page, server + "el/")
        count, _hrefs = results(page, "koinoniko pantopoleio")
    finally:
        context.close()
    assert count >= 1
    assert "pagefind.js" in fetched and "pagefind-worker.js" not in fetched, fetched


@pytest.mark.parametrize("query,expected", QUERIES)
def test_greek_greeklish_and_vowel_slips_find_the_page(desktop, server, query, expected):
    open_dialog(desktop, server + "el/")
    count, hrefs = results(desktop, query)
    assert count >= 1
    # all results of a long list are a click away; the page is among the first ten here
    assert "/el/" + expected in hrefs, (query, hrefs)


def test_greeklish_excerpt_is_greek_with_the_words_marked(desktop, server):
    open_dialog(desktop, server + "el/")
    _count, hrefs = results(desktop, "koinoniko pantopoleio")
    item = desktop.locator(".ph-search__result", has=desktop.locator(f"a[href$='{GROCERY}']"))
    marks = item.locator(".ph-search__excerpt mark").all_inner_texts()
    assert marks and all(re.search(r"[α-ωά-ώ]", m.lower()) for m in marks), marks
    excerpt = item.locator(".ph-search__excerpt").inner_text()
    # no search keys (Latin transliterations) and no hidden names in the excerpt
    assert not re.search(r"\bkinoniko\b|\bpadopolio\b", excerpt), excerpt


def test_excerpts_hold_no_hidden_names_or_labels(desktop, server):
    """The Greek page of Serres: the excerpt is Greek text, not "Σέρρες · Serres · serres"."""
    open_dialog(desktop, server + "el/")
    results(desktop, "σερρες")
    for excerpt in desktop.locator(".ph-search__excerpt").all_inner_texts()[:5]:
        assert "·" not in excerpt and not re.search(r"\bserres\b", excerpt), excerpt


def test_live_region_announces_the_count(desktop, server):
    open_dialog(desktop, server + "el/")
    status = desktop.locator("[data-ph-search-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    count, hrefs = results(desktop, "σερρες")
    assert count > 10 or count == len(hrefs)
    assert re.fullmatch(rf"{count} αποτελέσματα?", status.inner_text().strip()), status.inner_text()
    results(desktop, "jjjjjjjj")
    assert "jjjjjjjj" in status.inner_text()
    assert desktop.locator(".ph-search__result").count() == 0


def test_results_come_before_closed_filters_in_one_order(desktop, server, site):
    config = json.loads((site / "pagefind" / "partnerhub.json").read_text(encoding="utf-8"))
    orders = {}
    for lang, prefix in LANGS.items():
        open_dialog(desktop, server + prefix)
        results(desktop, "serres")
        filters = desktop.locator("[data-ph-search-filters]")
        assert filters.is_visible() and not filters.evaluate("d => d.open")
        before = desktop.evaluate("""() => {
            const list = document.querySelector('[data-ph-search-results]');
            const box = document.querySelector('[data-ph-search-filters]');
            return !!(list.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        assert before, "the results come first"
        assert desktop.locator(".ph-search__filter").count() == 0  # fetched only when opened
        desktop.locator("[data-ph-search-filters] > summary").click()
        desktop.locator(".ph-search__filter").first.wait_for()
        names = [n.strip() for n in desktop.locator(".ph-search__filter > summary").all_text_contents()]
        wanted = config["filter_order"][lang]
        orders[lang] = [wanted.index(name) for name in names]
        assert orders[lang] == sorted(orders[lang]), (lang, names)
    assert orders["en"] == orders["el"] == orders["fr"], orders


def test_query_and_filters_round_trip_through_the_url(desktop, server):
    open_dialog(desktop, server + "el/partners/")
    total, _ = results(desktop, "σερρες")
    narrow_by_filter(desktop, total, "Τύπος", "Εταίρος")
    narrowed = int(re.search(r"\d+", desktop.locator("[data-ph-search-status]").inner_text()).group())
    url = desktop.url
    params = dict(re.findall(r"[?&](\w)=([^&]*)", url))
    assert "q" in params and "f" in params, url
    # a fresh tab on that URL: the dialog opens with the query and the filter
    fresh = desktop.context.new_page()
    fresh.goto(url)
    fresh.wait_for_function("() => document.querySelector('dialog#ph-search-dialog').open")
    assert fresh.locator("[data-ph-search-input]").input_value() == "σερρες"
    fresh.wait_for_function("() => document.querySelectorAll('.ph-search__result').length > 0")
    assert int(re.search(r"\d+", fresh.locator("[data-ph-search-status]").inner_text()).group()) == narrowed
    assert fresh.locator(".ph-search__option input:checked").count() == 1
    assert fresh.locator(f"a[href$='{SERRES}']").count() >= 1
    # closing the dialog takes the search out of the URL
    fresh.locator("[data-ph-search-close]").click()
    fresh.wait_for_function("() => !location.search")
    fresh.close()
