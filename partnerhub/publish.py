"""What a build writes, whatever generator it runs on: record pages filled into their
language's shell, the joint sitemap, the published media and the search index.

An adapter (``hooks/partnerhub_site.py`` for MkDocs) renders the shells and the pages it
builds itself, then calls these.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from markupsafe import Markup

from partnerhub.render.csp import with_policy_parts
from partnerhub.render.pages import Page
from partnerhub.render.shell import Shell
from partnerhub.search import light
from partnerhub.search.folded import fold_page
from partnerhub.search.pagefind import build_index

NOINDEX = '<meta name="robots" content="noindex">'


def page_path(site_dir: Path, url: str) -> Path:
    """Where the page at ``url`` (``practices/x/``) of a language's folder is written."""
    return site_dir / url / "index.html" if url else site_dir / "index.html"


def write_page(site_dir: Path, page: Page, shell: Shell, head: str = "", light_dir: Path | None = None) -> None:
    """``page`` filled into ``shell``, with its Content-Security-Policy, at its path; and,
    given ``light_dir``, its body as the search indexes' document (search/light.py)."""
    extra = (NOINDEX if page.noindex else "") + str(page.head) + head
    shell = shell.for_url(page.url)  # its relative URLs from the page's own folder
    body = Markup(fold_page(str(page.html), page.title)[0])  # its search keys, from the body alone (search/folded.py)
    html = with_policy_parts(shell.fill_parts(title=page.title, description=page.description, url=page.url, body=body,
                                              toc=page.toc, head=extra), shell.chunk_set)
    path = page_path(site_dir, page.url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    if light_dir is not None:
        light.write_document(light_dir, page.url, light.html_tag(shell.chunks[0]), str(body))


def light_dir(site_root: Path, site_dir: Path, rel) -> Path | None:
    """Where the record pages of the language folder ``site_dir`` leave their bodies for
    the search indexes (search/light.py); None when the build's records do not call for a
    light index (the full one is then built from the pages: fewer files to write)."""
    pages = sum(len(records) for records in rel.records.values())  # one page per record and language
    if not light.wanted(pages):
        return None
    return light.source_dir(site_root) / Path(site_dir).relative_to(site_root)


def write_sitemap(site_dir: Path, sitemap_xml: str) -> None:
    """The joint sitemap at the root; the per-language ones the generator wrote go."""
    for stale in [site_dir / "sitemap.xml.gz", *site_dir.glob("*/sitemap.xml"), *site_dir.glob("*/sitemap.xml.gz")]:
        stale.unlink(missing_ok=True)
    (site_dir / "sitemap.xml").write_text(sitemap_xml, encoding="utf-8")


class PublishError(RuntimeError):
    """A file could not be published; the message says which and why."""


def media(hub, rel, site_dir: Path) -> int:
    """Publish the files of data/media that the build's records and the hub's logo use (never others)."""
    from partnerhub.media import publish
    from partnerhub.messages import render

    from partnerhub.render.hub_values import logo_file

    logo = logo_file(hub)  # published because data/hub.yml uses it
    result = publish(hub.root, list(rel.media.values()), site_dir, cache_dir=hub.cache_dir / "media",
                     logos=[logo] if logo is not None else [])
    if result.problems:
        raise PublishError("; ".join(f"{p.file or 'data/' + p.params.get('value', '')}: {render(p.code, p.params)}"
                                     for p in result.problems))
    return len(rel.media)


def search_index(site_dir: Path, languages: list[str]) -> None:
    if os.environ.get("PARTNERHUB_SEARCH_INDEX", "1") != "0":  # 0: benchmarks of the pages alone
        from partnerhub.render.search_meta import filter_order

        build_index(site_dir, languages, filter_order={lang: filter_order(lang) for lang in languages})
    shutil.rmtree(light.source_dir(site_dir), ignore_errors=True)  # never published
