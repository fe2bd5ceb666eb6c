"""render.urls.relative: the fast path gives what posixpath.relpath gives."""

from __future__ import annotations

import itertools
import posixpath

from partnerhub.render.urls import _relpath, relative

URLS = ["", "/", "practices/", "practices/x/", "practices/x/index.html", "el/practices/x/", "media/a.jpg",
        "assets/share/abc.png", "partners/y/", "a//b/", "a/./b/", "a/../b/", "../media/c.pdf", "el/", "feeds/hub.xml"]


def test_relpath_matches_posixpath():
    for path, start in itertools.product(URLS, URLS):
        assert _relpath("/" + path, "/" + start) == posixpath.relpath("/" + path, "/" + start), (path, start)


def test_relative_links():
    assert relative("practices/x/", "partners/y/") == "../../partners/y/"
    assert relative("practices/x/", "practices/x/") == "./"
    assert relative("", "media/a.jpg") == "media/a.jpg"
    assert relative("practices/x/", "") == "../../"
