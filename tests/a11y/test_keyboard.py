"""Keyboard: a visible skip link first on every page, few Tab stops before the content, a
visible focus indicator (at least 3:1 against its surroundings) on every focusable element,
nothing focusable that is hidden or off screen, and a menu a keyboard can open and close on
a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.a11y.conftest import LANGS, every_page, page_types

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FOCUS_JS = (Path(__file__).parent / "focus.js").read_text(encoding="utf-8")
MAX_STOPS_BEFORE_MAIN = 5
MAX_WALK = 400  # Tab stops walked per page, at most


def load(page, url: str) -> None:
    page.goto(url)
    page.add_script_tag(content=FOCUS_JS)
    page.wait_for_load_state("load")


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return page.evaluate("window.__phFocus()")


def walk(page) -> list[dict]:
    """Every Tab stop of the page, from the top, once each."""
    stops, seen = [], set()
    for _ in range(MAX_WALK):
        stop = tab(page)
        if stop is None:
            if stops:
                break
            continue
        if stop["key"] in seen:
            break
        seen.add(stop["key"])
        stops.append(stop)
    return stops


def _stops_before_main(stops: list[dict]) -> list[str]:
    before = []
    for stop in stops:
        if stop["pastMain"]:
            return before
        before.append(stop["element"])
    raise AssertionError(f"Tab never reaches the main content: {before[:20]}")


@pytest.mark.parametrize("lang,path", every_page())
def test_skip_link_first_and_few_stops_before_the_content(desktop, server, lang, path):
    """The first Tab stop is a visible skip link to <main>; following it, the next Tab stop
    is in the content; without it, at most five Tab stops come before the content."""
    load(desktop, server + path)
    first = tab(desktop)
    assert first is not None and first["tag"] == "a" and (first["href"] or "").startswith("#"), \
        f"the first Tab stop is {first and first['element']}, not a skip link"
    assert first["visible"], f"the skip link is not visible when focused: {first}"
    target = desktop.evaluate("""id => { const t = document.getElementById(id); const m = document.querySelector("main");
        return t ? {inMain: !!(m && (m === t || m.contains(t)))} : null; }""", first["href"][1:])
    assert target is not None, f"the skip link points to {first['href']}, which is not on the page"
    assert target["inMain"], f"the skip link's target {first['href']} is not the main content"
    stops = [first]
    while not stops[-1]["pastMain"] and len(stops) < 60:
        stop = tab(desktop)
        if stop is not None:
            stops.append(stop)
    before = _stops_before_main(stops)
    assert len(before) <= MAX_STOPS_BEFORE_MAIN, f"{len(before)} Tab stops before the content: {before}"
    desktop.evaluate("document.querySelector('a[href=\"' + %r + '\"]').focus()" % first["href"])
    desktop.keyboard.press("Enter")
    after = tab(desktop)
    assert after is not None and after["pastMain"], f"after the skip link, Tab goes to {after and after['element']}"


def _check_stops(stops: list[dict], where: str) -> None:
    problems = []
    for stop in stops:
        if stop["ariaHidden"]:
            problems.append(f"{stop['element']}: focusable inside aria-hidden")
        if not stop["visible"]:
            problems.append(f"{stop['element']}: focused but not visible (off screen or hidden) at {stop['rect']}")
        elif stop["indicator"]["best"] < 3:
            problems.append(f"{stop['element']}: focus indicator {stop['indicator']['parts'] or 'none'} (best {stop['indicator']['best']:.2f}:1, 3:1 needed)")
    assert stops, f"no Tab stops on {where}"
    assert not problems, f"{len(problems)} problem(s) of {len(stops)} Tab stops on {where}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang,path", page_types("en") + [pytest.param("el", "el/", id="el-home")])
def test_every_tab_stop_is_visible_with_a_focus_indicator(desktop, server, lang, path):
    load(desktop, server + path)
    stops = walk(desktop)
    _check_stops(stops, path)


@pytest.mark.parametrize("lang,path", page_types("en"))
def test_every_tab_stop_is_visible_on_a_phone(phone, server, lang, path):
    """On a phone the closed menu drawer is off screen: none of its links may take focus; the
    menu button adds one Tab stop before the content, still at most five."""
    load(phone, server + path)
    stops = walk(phone)
    _check_stops(stops, f"{path} at 390 px")
    before = _stops_before_main(stops)
    assert len(before) <= MAX_STOPS_BEFORE_MAIN, f"{len(before)} Tab stops before the content at 390 px: {before}"


def _menu(page) -> dict:
    return page.evaluate("""() => { const b = document.querySelector("[data-ph-menu]");
        const a = document.activeElement;
        const drawer = b && document.getElementById(b.getAttribute("aria-controls"));
        const r = drawer && drawer.getBoundingClientRect();
        return {focused: a === b, expanded: b && b.getAttribute("aria-expanded"), tag: b && b.tagName,
                focusInDrawer: !!(drawer && drawer.contains(a)),
                drawerOnScreen: !!(r && r.width > 0 && r.left >= -1 && r.right <= innerWidth + 1)}; }""")


@pytest.mark.parametrize("key", ["Enter", " "])
@pytest.mark.parametrize("lang", LANGS)
def test_menu_by_keyboard_on_a_phone(phone, server, lang, key):
    load(phone, server + LANGS[lang] + "meetings/breaking-isolation-04-serres/")
    for presses in range(1, 8):
        stop = tab(phone)
        if _menu(phone)["focused"]:
            break
    else:
        pytest.fail("Tab never reaches the menu button")
    state = _menu(phone)
    assert state["tag"] == "BUTTON" and state["expanded"] == "false", state
    assert stop["visible"] and stop["indicator"]["best"] >= 3, stop
    phone.keyboard.press(key)
    phone.wait_for_timeout(400)  # the drawer slides in
    state = _menu(phone)
    assert state["expanded"] == "true" and state["drawerOnScreen"], state
    # the drawer's links are next (focus moves into the drawer, or Tab takes it there)
    inside = state["focusInDrawer"]
    links = 0
    for _ in range(8):
        stop = tab(phone)
        if _menu(phone)["focusInDrawer"]:
            inside = True
            links += stop["tag"] == "a"
            assert stop["visible"] and stop["indicator"]["best"] >= 3, stop
            if links >= 5:
                break
    assert inside and links >= 5, f"the open drawer's links are not reachable by Tab ({links} reached)"
    phone.keyboard.press("Escape")
    phone.wait_for_timeout(400)
    state = _menu(phone)
    assert state["expanded"] == "false" and state["focused"] and not state["drawerOnScreen"], state
