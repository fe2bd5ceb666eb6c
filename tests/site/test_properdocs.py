"""ProperDocs (the maintained fork of MkDocs 1.6) builds the demo exactly as MkDocs does:
every file the same but for the generator tag, the search index holding the same pages.
A move off MkDocs 1.x stays a change of command, not of the site."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import ROOT, SITE_URL

pytest.importorskip("properdocs")

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(("pagefind/", "pagefind-light/"))}


def _fragments(bundle: Path) -> dict:
    pages = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        page = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        pages[page["url"]] = page
    return pages


def test_properdocs_builds_the_same_site(site, tmp_path):
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "PARTNERHUB_CACHE": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    theirs, ours = _files(out), _files(site)
    assert sorted(theirs) == sorted(ours)
    tags = set()
    for name, content in ours.items():
        if name.endswith(".html"):
            tags.update(GENERATOR.findall(theirs[name]))
            assert GENERATOR.sub(b"", theirs[name]) == GENERATOR.sub(b"", content), name
        else:
            assert theirs[name] == content, name
    assert any(b"ProperDocs" in tag for tag in tags)
    assert _fragments(out / "pagefind") == _fragments(site / "pagefind")
