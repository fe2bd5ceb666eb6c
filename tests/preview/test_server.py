"""The preview server's additions to a page (partnerhub/preview/server.py): no inline
script (the page keeps its Content-Security-Policy), and errors shown escaped."""

from __future__ import annotations

from partnerhub.preview.server import PREFIX, State, add_preview, error_panel
from partnerhub.problems import Problem

PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\"></head><body><p>Hi</p></body></html>")


def _problem(value: str) -> Problem:
    return Problem("data/practices/x.yml", 9, 9, "error", "status", "vocab_unknown",
                   {"value": value, "vocabulary": "statuses", "did_you_mean": "", "known": ""})


def test_the_page_gets_a_script_file_and_no_inline_script():
    state = State()
    html = add_preview(PAGE, state, "en")
    assert f'<script src="{PREFIX}reload.js" data-version="{state.version}"></script></head>' in html
    assert html.count("<script") == 1
    assert "Content-Security-Policy" in html
    assert "ph-preview-errors" not in html


def test_the_version_changes_with_each_update():
    state = State()
    first = state.version
    state.bump([])
    assert state.version != first
    assert state.wait(first, 0) == state.version


def test_errors_are_shown_escaped_with_their_place():
    state = State()
    state.bump([_problem('<img src=x onerror="alert(1)">')])
    html = add_preview(PAGE, state, "en")
    assert "data/practices/x.yml:9:9" in html
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_the_panel_speaks_the_language_asked():
    assert error_panel([], "el") == ""
    assert "προεπισκόπηση" in error_panel([_problem("x")], "el")
