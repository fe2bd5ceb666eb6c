"""MkDocs adapter for partnerhub: a thin layer between MkDocs events and the package.

One ``mkdocs build`` (or ``serve``) builds the whole multilingual site:

* the default language is built by MkDocs itself into ``site/``;
* at its end (``on_post_build``) the hook builds each other language into ``site/<lang>/``
  with the same configuration, ``theme.language`` and ``docs/<lang>/`` switched;
* then it writes the joint sitemap, copies ``data/media`` and runs the search indexer.

Records are loaded and validated once; any error stops the build before anything is
written. Everything else (pages, HTML, languages, sitemap) comes from ``partnerhub``.
A move to another generator means rewriting this file, not the package.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from partnerhub.hub import load_hub
from partnerhub.render.pages import site_pages
from partnerhub.render.relations import build_relations
from partnerhub.render.fallback import fallback_page
from partnerhub.render.site import alternates, navigation, sitemap
from partnerhub.render.urls import source_path
from partnerhub.i18n import gettext
from partnerhub.search.pagefind import SearchIndexError
from partnerhub.site_finish import finish_site

log = logging.getLogger("mkdocs.hooks.partnerhub")
LANG_KEY = "partnerhub_lang"


class _Build:
    """State of one build run, shared by the language passes."""

    hub = None
    rel = None
    site_dir: Path | None = None
    site_url = ""
    pages: dict = {}  # src_uri -> Page, for the language being built
    fallbacks: dict = {}  # src_uri -> language of the text, for hand-written pages shown in another
    urls: list = []


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    lang = config.extra.get(LANG_KEY)
    if lang is None:  # the default language's pass: load and validate the records once
        hub = load_hub(_root(config))
        if hub.errors:
            for problem in hub.errors:
                log.error(problem.as_text())
            raise Abort(f"partnerhub: {len(hub.errors)} error(s) in data/; nothing was built. "
                        "Run `partnerhub validate` for details.")
        _Build.hub, _Build.rel = hub, build_relations(hub)
        _Build.site_dir, _Build.site_url = Path(config.site_dir), config.site_url or ""
        lang = hub.config.default_language
    hub = _Build.hub
    default = hub.config.default_language
    config.extra[LANG_KEY] = lang
    config.extra["partnerhub_default_lang"] = default
    config.theme["language"] = lang
    config.docs_dir = str(_root(config) / "docs" / lang)
    Path(config.docs_dir).mkdir(parents=True, exist_ok=True)
    if lang != default:
        config.site_dir = str(_Build.site_dir / lang)
        config.site_url = _Build.site_url.rstrip("/") + f"/{lang}/" if _Build.site_url else ""
    config.site_name = hub.config.name.get(lang) or hub.config.name[default]
    config.nav = navigation(lang, _hand_written(_root(config), default))
    return config


def _hand_written(root: Path, default: str) -> list[str]:
    docs = root / "docs" / default
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.name != "index.md" or p.parent != docs)


def on_files(files, config):
    hub, lang = _Build.hub, config.extra[LANG_KEY]
    default = hub.config.default_language
    _Build.pages, _Build.fallbacks = {}, {}
    for page in site_pages(hub, lang, _Build.rel):
        src_uri = source_path(page.url)
        if files.get_file_from_path(src_uri):
            files.remove(files.get_file_from_path(src_uri))
        inclusion = InclusionLevel.INCLUDED if page.kind in ("home", "catalogue") else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
        _Build.pages[src_uri] = page
    if lang != default:  # hand-written pages not yet translated: the default language's text
        default_docs = _root(config) / "docs" / default
        for path in sorted(default_docs.rglob("*.md")):
            src_uri = path.relative_to(default_docs).as_posix()
            if src_uri not in _Build.pages and not files.get_file_from_path(src_uri):
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
                _Build.fallbacks[src_uri] = default
    if lang == default:
        _Build.urls = [page.url for page in _Build.pages.values()] + [
            f.url for f in files.documentation_pages() if f.src_uri not in _Build.pages]
    return files


def on_page_markdown(markdown, page, config, files):
    generated = _Build.pages.get(page.file.src_uri)
    if generated is not None:
        if generated.kind != "home":  # Material titles the home page with the site name alone
            page.meta["title"] = generated.title
        if generated.description:
            page.meta["description"] = generated.description
        return ""  # the body comes from the package's templates, not from Markdown
    return markdown


def on_page_content(html, page, config, files):
    generated = _Build.pages.get(page.file.src_uri)
    if generated is not None:
        return generated.html
    text_lang = _Build.fallbacks.get(page.file.src_uri)
    if text_lang is not None:
        return fallback_page(html, config.extra[LANG_KEY], text_lang)
    return html


def on_env(env, config, files):
    # theme overrides (hooks/theme/) translate their own strings with the hub's catalogs
    lang = config.extra[LANG_KEY]
    env.filters["ph_t"] = lambda message: gettext(lang, message)
    return env


def on_page_context(context, page, config, nav):
    hub, lang = _Build.hub, config.extra[LANG_KEY]
    alts = alternates(hub.config, page.url, lang, _Build.site_url)
    # The switcher (hooks/theme/partials/alternate.html) reads these links. They are not put
    # in config.extra.alternate: Material's script would fetch each one's sitemap.xml, a
    # request to the production host from any other copy. hreflang pairs are in sitemap.xml.
    page.meta["ph_alternates"] = alts
    return context


def on_post_build(config):
    hub = _Build.hub
    if config.extra[LANG_KEY] != hub.config.default_language:
        return
    for lang in hub.config.other_languages:
        other = load_config(config_file=config.config_file_path, site_dir=str(_Build.site_dir))
        other.extra[LANG_KEY] = lang
        mkdocs_build(other)
    xml = sitemap(hub.config, _Build.urls, _Build.site_url or "/")
    try:
        finish_site(hub, _Build.site_dir, xml)
    except SearchIndexError as exc:
        raise Abort(f"partnerhub: the search index could not be built: {exc}") from None
