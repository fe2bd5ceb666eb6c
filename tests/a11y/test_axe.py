"""axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page type in every language, and
on the states a visitor reaches: the search dialog with a query, the menu drawer open on a
phone, a catalogue filtered through its select. Zero violations allowed."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import LANGS, every_page, page_types

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUERY = {"en": "Serres", "el": "Σέρρες", "fr": "Serres"}


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async (tags) => {
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
          return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}));
        }""", TAGS)


def describe(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} element(s)]")
        for node in v["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


def assert_no_violations(page, axe_source: str, where: str) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations, where)


@pytest.mark.parametrize("lang,path", every_page())
def test_page(desktop, server, axe_source, lang, path):
    desktop.goto(server + path)
    assert_no_violations(desktop, axe_source, path)


@pytest.mark.parametrize("lang,path", page_types("en"))
def test_page_on_a_phone(phone, server, axe_source, lang, path):
    """The phone layout (other CSS, the same markup): one language is enough."""
    phone.goto(server + path)
    assert_no_violations(phone, axe_source, f"{path} at 390 px")


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_with_a_query(desktop, server, axe_source, lang):
    desktop.goto(server + LANGS[lang] + "networks/")
    desktop.locator("[data-ph-search-open]").click()
    search_input = desktop.locator("[data-ph-search-input]")
    search_input.wait_for()
    search_input.fill(QUERY[lang])
    desktop.wait_for_function("q => document.querySelector('[data-ph-search-status]').dataset.query === q", arg=QUERY[lang])
    desktop.locator(".ph-search__result").first.wait_for()
    desktop.locator("[data-ph-search-filters] > summary").click()  # the filters open too
    desktop.locator(".ph-search__filter > summary").first.click()
    desktop.wait_for_timeout(300)  # let the result list settle
    assert_no_violations(desktop, axe_source, f"{LANGS[lang]}networks/ with the search dialog open")


@pytest.mark.parametrize("lang", LANGS)
def test_menu_drawer_open_on_a_phone(phone, server, axe_source, lang):
    phone.goto(server + LANGS[lang] + "partners/serres/")
    phone.locator("[data-ph-menu]").click()
    phone.wait_for_function("document.querySelector('[data-ph-menu]').getAttribute('aria-expanded') === 'true'")
    phone.wait_for_timeout(400)  # the drawer slides in
    assert_no_violations(phone, axe_source, f"{LANGS[lang]}partners/serres/ with the menu open")


@pytest.mark.parametrize("lang", LANGS)
def test_filtered_catalogue(desktop, server, axe_source, lang):
    desktop.goto(server + LANGS[lang] + "practices/")
    select = desktop.locator("select[data-ph-filter]").first
    select.wait_for()
    value = select.evaluate("s => [...s.options].find(o => o.value && !o.disabled).value")
    select.select_option(value)
    desktop.wait_for_function("document.querySelector('[data-ph-list] > [hidden], [data-ph-list] tr[hidden]') !== null")
    assert_no_violations(desktop, axe_source, f"{LANGS[lang]}practices/ filtered")
