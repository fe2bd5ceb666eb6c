"""The footer's funding line and contact, and the hub's colour, from data/hub.yml: escaped,
in the page's language (the default language's marked), the colour only as numbers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from partnerhub.hubconfig import HubConfig
from partnerhub.render.hub_values import footer_values, identity_css, write_identity


def _hub(**settings):
    config = HubConfig(name={"en": "Hub"}, languages=["en", "el"], default_language="en", **settings)
    return SimpleNamespace(config=config)


def test_funding_in_the_page_language_escaped_and_fallback_marked():
    hub = _hub(funding={"en": 'Funded by <b>"us"</b> & co'}, contact="hub@example.org")
    en, el = footer_values(hub, "en"), footer_values(hub, "el")
    assert str(en["funding"]) == '<p class="ph-footer__funding">Funded by &lt;b&gt;&#34;us&#34;&lt;/b&gt; &amp; co</p>'
    assert str(el["funding"]).startswith('<p class="ph-footer__funding" lang="en">')
    assert str(en["contact"]) == '<a href="mailto:hub@example.org">hub@example.org</a>'


def test_no_funding_no_contact_nothing_shown():
    values = footer_values(_hub(), "en")
    assert str(values["funding"]) == "" and str(values["contact"]) == ""


def test_colour_reaches_the_page_as_numbers(tmp_path):
    hub = _hub(colour="#1D4D2B")
    assert identity_css(hub) == ":root { --ph-brand: rgb(29, 77, 43); }\n"
    write_identity(hub, None, tmp_path, "")
    assert (tmp_path / "assets" / "ph-identity.css").read_text(encoding="utf-8") == identity_css(hub)


@pytest.mark.parametrize("colour", ["#ffdd00", "red", "#0b3a6e;}", "#0b3a6"])
def test_colours_refused(colour):
    with pytest.raises(ValidationError):
        _hub(colour=colour)
