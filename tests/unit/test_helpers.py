"""Unit tests of the pure helpers: URLs, date ranges, prose splitting, the shell, the policy."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from markupsafe import Markup

from partnerhub.loader import split_prose
from partnerhub.render.csp import policy, script_hashes, with_policy
from partnerhub.render.localize import Localizer
from partnerhub.render.shell import Sentinels, Shell, ShellError
from partnerhub.render.urls import language_root, record_url, relative, source_path


@pytest.mark.parametrize("source, target, link", [
    ("meetings/x/", "partners/serres/", "../../partners/serres/"),
    ("", "partners/", "partners/"),
    ("partners/", "", "../"),
    ("meetings/x/", "meetings/x/", "./"),
    ("meetings/x/", "media/a.jpg", "../../media/a.jpg"),
])
def test_relative_links(source, target, link):
    assert relative(source, target) == link


def test_urls_and_source_paths():
    assert record_url("meetings", "x") == "meetings/x/"
    assert source_path("") == "index.md"
    assert source_path("meetings/") == "meetings/index.md"
    assert source_path("meetings/x/") == "meetings/x.md"
    assert language_root("en", "en") == "" and language_root("el", "en") == "el/"


@pytest.mark.parametrize("lang, start, end, precision, shown", [
    ("en", dt.date(2024, 4, 17), dt.date(2024, 4, 18), "day", "April 17\u2009–\u200918, 2024"),
    ("el", dt.date(2024, 4, 17), dt.date(2024, 4, 18), "day", "17–18 Απριλίου 2024"),
    ("fr", dt.date(2024, 4, 30), dt.date(2024, 5, 2), "day", "30 avril\u2009–\u20092 mai 2024"),
    ("en", dt.date(2024, 10, 1), None, "month", "October 2024"),
    ("el", dt.date(2024, 10, 1), None, "month", "Οκτώβριος 2024"),
    ("en", dt.date(2024, 12, 30), dt.date(2025, 1, 2), "day", "December 30, 2024\u2009–\u2009January 2, 2025"),
])
def test_date_ranges(lang, start, end, precision, shown):
    assert Localizer(lang, "en").date_range(start, end, precision) == shown


def test_prose_split_into_sections():
    text = "## The problem {#problem}\n\nOlder people.\n\n```\n## not a heading {#actions}\n```\n\n## Done {#actions}\nVisits.\n"
    prose = split_prose(Path("x.en.md"), text, "x", "en", with_sections=True)
    assert [(s.key, s.line) for s in prose.sections] == [("problem", 1), ("actions", 9)]
    assert "not a heading" in prose.sections[0].text and prose.sections[1].text == "Visits."
    whole = split_prose(Path("x.en.md"), "\n\nA report.\n", "x", "en", with_sections=False)
    assert [(s.key, s.text, s.line) for s in whole.sections] == [("", "A report.", 3)]


def test_shell_escapes_values_and_never_rescans_them():
    sentinels = Sentinels.new()
    rendered = (f"<html><head><title>{sentinels['title']} - Hub</title>"
                f'<meta name="description" content="{sentinels["description"]}">'
                f'<link rel="canonical" href="https://x.test/{sentinels["url"]}"></head>'
                f"<body>{sentinels['body']}</body></html>")
    shell = Shell.parse(rendered, sentinels)
    hostile = f'</title><script>alert(1)</script>" {sentinels["body"]}'
    html = shell.fill(title=hostile, description=hostile, url="practices/x/", body=Markup("<p>ok</p>"))
    assert "<script>" not in html and html.count("<p>ok</p>") == 1
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html and 'href="https://x.test/practices/x/"' in html
    assert html.index("</head>") < html.index("<p>ok</p>")
    with pytest.raises(ShellError):
        Shell.parse("<html><head></head><body>no body slot</body></html>", sentinels)


def test_a_shell_filled_at_another_depth_climbs_from_the_page_s_own_folder():
    sentinels = Sentinels.new()
    rendered = ('<html><head><meta charset="utf-8"><link href="../../assets/a.css">'
                '<script>s=new URL("../..",location)</script><script type="application/json">{"base": "../.."}</script>'
                f'<title>{sentinels["title"]}</title></head><body><a href="../../el/{sentinels["url"]}">el</a>'
                '<img src="../../../media/l-40.png" srcset="../../../media/l-40.png 1x, ../../../media/l-80.png 2x">'
                f'<p>"... and so on", ../ stays</p>{sentinels["body"]}</body></html>')
    shell = Shell.parse(rendered, sentinels)
    fill = dict(title="t", description="d", body=Markup("<p>ok</p>"))
    assert shell.for_url("practices/x/") is shell
    one = shell.for_url("whats-new/").fill(url="whats-new/", **fill)
    assert 'href="../assets/a.css"' in one and 'URL("..",location)' in one and '"base": ".."' in one
    assert 'href="../el/whats-new/"' in one
    assert 'src="../../media/l-40.png" srcset="../../media/l-40.png 1x, ../../media/l-80.png 2x"' in one
    assert '"... and so on", ../ stays' in one  # not URLs
    home = shell.for_url("").fill(url="", **fill)
    assert 'href="assets/a.css"' in home and 'URL(".",location)' in home and 'href="el/"' in home
    three = shell.for_url("a/b/c/").fill(url="a/b/c/", **fill)
    assert 'href="../../../assets/a.css"' in three and 'src="../../../../media/l-40.png"' in three


def test_policy_hashes_inline_scripts_only():
    html = ('<html><head><meta charset="utf-8"><script>var a=1</script><script src="x.js"></script>'
            '<script type="application/json">{"b": 2}</script></head></html>')
    digest = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hashes(html) == [f"'sha256-{digest}'"]  # not the JSON block, not the external script
    with_meta = with_policy(html)
    assert with_meta.index("Content-Security-Policy") < with_meta.index("<script>")
    assert "frame-ancestors" not in policy(html) and "frame-ancestors 'none'" in policy(html, header=True)


def test_the_policy_of_a_page_in_parts_is_that_of_the_whole_page():
    from partnerhub.render.csp import with_policy_parts

    head = '<html><head><meta charset="utf-8"><script>var a = 1;</script>'
    parts = [head, "<title>t</title>", '</head><body><script>var b = "<p>";</script>',
             '<script type="application/ld+json">{"a": 1}</script>', "<script>var a = 1;</script></body></html>"]
    assert with_policy_parts(parts, {head}) == with_policy("".join(parts))
    split = [head + "<script>var c", " = 2;</script></head>"]  # a script across two parts
    assert with_policy_parts(split, {split[0]}) == with_policy("".join(split))
    no_charset = ["<html><head>", '<meta charset="utf-8"></head><script>x()</script>']
    assert with_policy_parts(no_charset, set()) == with_policy("".join(no_charset))
