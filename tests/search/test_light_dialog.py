"""The search dialog on a light index (a large hub's first query): a query in Greek letters is
searched as its key alone (half the index chunks to download: scripts/measure_search.py
measures the bytes), and still finds every page that Pagefind finds for the query as typed
(with its Greek stemming), and the page it is about. Not reproduced: Pagefind's stems of
words under six letters ("δημος", stem δημ-, finds "δήμου"; "πολη" finds "Πολλαπλών"): their
keys keep their endings, since shorter prefixes find too many other words."""

from __future__ import annotations

import pytest

from tests.a11y.test_search_dialog import GROCERY, open_dialog, results
from tests.support.site import build_site, copy_hub, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_TYPED = """async ([bundle, query]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ baseUrl: "/", noWorker: true });
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.map(r => r.data()));
  return pages.map(p => new URL(p.url, location.href).pathname);
}"""


@pytest.fixture(scope="module")
def light_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("light-dialog")
    hub = copy_hub(root / "hub")
    site = root / "site"
    result = build_site(hub, site, PARTNERHUB_CACHE=str(root / "cache"), PARTNERHUB_SEARCH_LIGHT="always")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("query", ["κοινωνικό παντοπωλείο", "εθελοντες", "κοινωνικη απομονωση", "ηλικιωμενοι",
                                   "ψηφιακη ενταξη"])
def test_a_greek_query_is_searched_as_its_key_alone(browser, light_site, query):
    context = browser.new_context()
    try:
        page = context.new_page()
        open_dialog(page, light_site + "el/")
        # a light index: full text on request (shown once the dialog has read its settings)
        page.locator("[data-ph-search-mode]").wait_for(state="visible")
        count, hrefs = results(page, query)
        while page.locator("[data-ph-search-more]").is_visible():
            page.locator("[data-ph-search-more]").click()
            page.wait_for_function("n => document.querySelectorAll('.ph-search__result-link').length > n",
                                   arg=len(hrefs))
            hrefs = page.locator(".ph-search__result-link").evaluate_all(
                "as => as.map(a => new URL(a.href).pathname)")
        typed = page.evaluate(_TYPED, [light_site + "pagefind-light/", query])
    finally:
        context.close()
    assert count == len(hrefs) >= 1
    assert set(typed) <= set(hrefs), sorted(set(typed) - set(hrefs))
    if query == "κοινωνικό παντοπωλείο":
        assert "/el/" + GROCERY in hrefs
