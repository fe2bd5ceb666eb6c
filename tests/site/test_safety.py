"""Contributor text is untrusted: nothing executable reaches the published HTML."""

from __future__ import annotations

import pytest

from partnerhub.render.markup import markdown_to_html
from tests.support.site import build_site, copy_hub

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="jav&#x61;script:alert(1)">x</a>',
    "<iframe src='https://evil.example'></iframe>",
    "<style>body{display:none}</style>",
    '<svg><animate onbegin="alert(1)"/></svg>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<object data='x'></object><embed src='x'>",
    '<form action="https://evil.example"><input></form>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_markdown_is_sanitised(attack):
    html = markdown_to_html("Hello " + attack).lower()
    for bad in ("<script", "onerror", "onbegin", "javascript:", "<iframe", "<style", "style=", "<object",
                "<embed", "<form", "data:text"):
        assert bad not in html, (attack, html)


def test_external_links_get_noopener():
    html = markdown_to_html("[site](https://example.org)")
    assert 'rel="noopener noreferrer"' in html


PRACTICE = """\
id: injected-practice
title: {{en: Injected practice, el: Πρακτική με ένεση}}
owners: [serres]
themes: [social-isolation]
status: ongoing
summary:
  en: A plain English summary.
  el: {text}
"""


def _inject(hub, text: str) -> None:
    path = hub / "data" / "practices" / "injected-practice.yml"
    path.write_text(PRACTICE.format(text=text), encoding="utf-8")


def test_build_refuses_a_record_with_a_script(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    _inject(hub, "'<script>alert(1)</script>'")
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.html").write_text("previous build", encoding="utf-8")
    result = build_site(hub, site)
    assert result.returncode != 0
    assert "data/practices/injected-practice.yml:8:" in result.stderr + result.stdout
    assert "unsafe markup (<script>)" in result.stderr + result.stdout
    assert (site / "keep.html").read_text(encoding="utf-8") == "previous build"  # nothing half-done
    assert not (site / "index.html").exists()


def test_injected_record_is_neutralised_when_rendered():
    """Defence in depth: even a record that never went through the validator (here: edited
    in memory after loading) cannot put script, style or event handlers on a page."""
    from partnerhub.hub import load_hub
    from partnerhub.render.pages import site_pages
    from tests.support.site import ROOT

    hub = load_hub(ROOT)
    entry = hub.records["practices"]["serres-volunteer-platform"]
    attack = " ".join(ATTACKS)
    entry.record = entry.record.model_copy(update={
        "summary": {"en": attack, "el": attack},
        "title": {"en": "<script>alert(1)</script>", "el": '<img src=x onerror="alert(1)">'},
    })
    for lang in ("en", "el"):
        page = next(p for p in site_pages(hub, lang) if p.url == "practices/serres-volunteer-platform/")
        assert_inert(page.html)
        assert "&lt;script&gt;" in page.html or "&lt;img" in page.html  # the titles are shown as text


def assert_inert(html: str) -> None:
    """No element or attribute in ``html`` can run code, load a resource or restyle the page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in {"script", "iframe", "style", "object", "embed", "form", "svg", "link",
                                "meta", "base"}, tag
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), tag
            assert name.lower() != "style", tag
            if name.lower() in ("href", "src", "action", "formaction"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:", "vbscript:")), tag
