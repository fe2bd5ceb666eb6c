"""Maps: fitted to their points, labelled, overlapping points grouped with their number, a
legend for what styles the points, a text alternative that is a plain list (not a scroll
box), and a partners page that shows each partner once (the table) besides its point."""

from __future__ import annotations

import re

import pytest

from tests.a11y.conftest import LANGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _view_box(svg) -> tuple[float, float, float, float]:
    return tuple(float(v) for v in svg["viewbox" if "viewbox" in svg.attrs else "viewBox"].split())


@pytest.mark.parametrize("which", ["partners", "meetings"])
def test_map_is_fitted_labelled_and_groups_overlaps(page, which):
    doc = page(f"{which}/")
    svg = doc.select_one("svg.ph-map__svg")
    x0, y0, width, height = _view_box(svg)
    circles = svg.select("a.ph-map__point circle")
    assert len(circles) > 3
    for circle in circles:  # every point inside the view
        assert x0 <= float(circle["cx"]) <= x0 + width and y0 <= float(circle["cy"]) <= y0 + height
    # fitted: the points span most of the view (no continent-wide margins)
    xs = [float(c["cx"]) for c in circles]
    ys = [float(c["cy"]) for c in circles]
    assert (max(xs) - min(xs)) > 0.5 * width or (max(ys) - min(ys)) > 0.5 * height
    labels = [t.get_text() for t in svg.select("text.ph-map__label")]
    assert len(labels) >= 3 and all(len(label) <= 22 for label in labels), labels
    badges = [int(t.get_text()) for t in svg.select(".ph-map__group-badge text")]
    assert badges and all(n >= 2 for n in badges) and sum(badges) <= len(circles)
    assert svg.select_one(".ph-map__labels")["aria-hidden"] == "true"


def test_the_six_greek_meetings_are_one_group_with_their_number(page):
    doc = page("meetings/")
    greek = [a for a in doc.select("svg a.ph-map__point") if a["aria-label"].endswith("(Greece)")]
    assert len(greek) >= 6
    assert max(int(t.get_text()) for t in doc.select(".ph-map__group-badge text")) >= 6


@pytest.mark.parametrize("lang", LANGS)
def test_meetings_legend_explains_formats_and_statuses(page, lang):
    doc = page(LANGS[lang] + "meetings/")
    legend = doc.select_one(".ph-map__legend")
    titles = [p.get_text() for p in legend.select(".ph-map__legend-title")]
    assert titles == {"en": ["Format", "Status"], "el": ["Μορφή", "Κατάσταση"], "fr": ["Format", "Statut"]}[lang]
    swatches = {" ".join(g["class"]) for g in legend.select("svg g")}
    points = {" ".join(a["class"]) for a in doc.select("svg.ph-map__svg a.ph-map__point")}
    used = {c for classes in points for c in classes.split() if "--" in c}
    assert used and used <= {c for classes in swatches for c in classes.split()}  # every style is explained
    assert not page(LANGS[lang] + "partners/").select_one(".ph-map__legend")  # partners have one style


@pytest.mark.parametrize("path,record", [("partners/", "serres/"), ("el/meetings/", "breaking-isolation-04-serres/")])
def test_text_alternative_is_a_plain_list_and_partners_show_once(desktop, server, path, record):
    desktop.goto(server + path)
    listing = desktop.locator("details.ph-map__list")
    assert not listing.evaluate("d => d.open")
    # each record is shown once as text (the table); the list beside the map waits closed
    visible = desktop.evaluate("""r => [...document.querySelectorAll("main a[href]")]
        .filter(a => a.getAttribute('href') === r && !a.closest('svg') && a.checkVisibility()).length""", record)
    assert visible == 1, visible
    # the link before the map opens the list and goes to it
    desktop.locator(".ph-map__skip").focus()
    desktop.keyboard.press("Enter")
    assert listing.evaluate("d => d.open")
    style = listing.evaluate("d => { const s = getComputedStyle(d.querySelector('ul')); return [s.overflowY, s.maxHeight]; }")
    assert style == ["visible", "none"], style
    assert desktop.locator(f"details.ph-map__list a[href='{record}']").first.is_visible()
    assert re.search(r"#ph-map-\w+-list$", desktop.url)
