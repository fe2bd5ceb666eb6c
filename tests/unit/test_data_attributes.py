"""A catalogue row's data attributes (partnerhub/render/catalogue.py): every name and value
escaped, the row's markup otherwise as the filter script reads it."""

from __future__ import annotations

from markupsafe import Markup

from partnerhub.render.catalogue import data_attributes


def test_values_are_joined_by_spaces_in_one_attribute_per_facet():
    assert data_attributes({"network": ["a", "b"], "country": ["GR"]}) == ' data-network="a b" data-country="GR"'
    assert data_attributes({}) == ""


def test_hostile_names_and_values_cannot_leave_the_attribute():
    out = data_attributes({'x"><script>': ['"><img src=x onerror=alert(1)>', "&amp;", Markup("<b>")]})
    assert isinstance(out, Markup)
    assert "<" not in out and ">" not in out and out.count('"') == 2
    assert out == (' data-x&#34;&gt;&lt;script&gt;="&#34;&gt;&lt;img src=x onerror=alert(1)&gt; '
                   '&amp;amp; &lt;b&gt;"')
