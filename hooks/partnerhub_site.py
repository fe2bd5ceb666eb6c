"""MkDocs adapter for partnerhub: a thin layer between MkDocs events and the package.

One ``mkdocs build`` (or ``serve``) builds the whole multilingual site:

* the records are loaded and validated once; any error stops the build before anything
  is written;
* each language is one MkDocs pass with its ``theme.language`` and ``docs/<lang>/``: the
  default language into the site's root, the others into ``<lang>/``, in processes that
  run beside the default language's pass when building, as do the site-wide files
  (``partnerhub.outputs``; all one after the other under ``serve``);
* in each pass MkDocs renders the hand-written pages, the home and catalogue pages (their
  bodies come from the package) and one hidden *shell* page whose title, description, URL
  and body are sentinels; every record page is then that shell filled by the package
  (``partnerhub.render.shell``), instead of MkDocs' page pipeline once per record;
* everything is written into a staging folder next to the output folder, which replaces
  it only once the whole site, sitemap and search index included, is built: a failed
  build publishes nothing half-done;
* ``PARTNERHUB_AUDIENCE=partners`` builds the partners' site (records marked
  ``visibility: partners`` included and marked, drafts still out).

Values from ``data/`` reach MkDocs' templates only escaped (``Markup``); MkDocs' Jinja does
not autoescape. Everything else (pages, HTML, languages, sitemap, search) is the package's.
A move to another generator means a new adapter like this file, not a rewrite.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, DictLoader
from markupsafe import Markup, escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from partnerhub.hub import load_hub
from partnerhub.hubconfig import licence_link
from partnerhub.i18n import gettext
from partnerhub.linked.lastmod import lastmod_by_url
from partnerhub.opendata import feeds
from partnerhub.outputs import write_outputs
from partnerhub.passes import LanguagePasses
from partnerhub import publish
from partnerhub.preview.keep import keep_frame, keep_shell
from partnerhub.progress import Progress
from partnerhub.publish import search_index, write_page, write_sitemap
from partnerhub.render import assets
from partnerhub.render.csp import set_preview, with_policy
from partnerhub.render.edit_links import hand_written_links
from partnerhub.render.fallback import fallback_page
from partnerhub.render.hub_values import fill_hub_values, footer_values, header_logo, site_description
from partnerhub.render.pages import SiteBuilder, compile_templates
from partnerhub.render.relations import AUDIENCES, build_relations
from partnerhub.render.shell import Sentinels, Shell
from partnerhub.render.site import alternates, build_date, navigation, sitemap
from partnerhub.render.urls import source_path
from partnerhub.search.pagefind import SearchIndexError

log = logging.getLogger("mkdocs.hooks.partnerhub")
LANG_KEY = "partnerhub_lang"


class _Build:
    """State of one build run, shared by its language passes (forked passes inherit it)."""

    command = "build"
    hub = None
    rel = None
    sentinels: Sentinels | None = None
    final_dir: Path | None = None  # where the site goes
    site_dir: Path | None = None  # where it is built (staging)
    site_url = ""
    urls: dict = {}  # every page's URL (an ordered set), for the sitemap
    # the language being built in this process
    builder: SiteBuilder | None = None
    pages: dict = {}  # src_uri -> Page for the pages MkDocs renders (home, catalogues)
    fallbacks: dict = {}  # src_uri -> language of the text, for hand-written pages shown in another
    shell_uri = ""
    shell: Shell | None = None
    toc_item = ""  # the theme's markup of a table-of-contents entry
    warnings = 0
    counter: logging.Handler | None = None
    progress: Progress | None = None  # progress lines (INFO: on stderr, none with -q)
    passes = LanguagePasses()  # the other languages' processes, running beside the default one's


class _WarningCounter(logging.Handler):
    def emit(self, record) -> None:
        _Build.warnings += 1


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_startup(command, dirty):
    _Build.command = command
    set_preview(command == "serve")  # its live-reload script is inline: no policy under serve


def on_config(config):
    lang = config.extra.get(LANG_KEY)
    if lang is None:  # the default language's pass: load and validate the records once
        _start(config)
        lang = _Build.hub.config.default_language
    hub = _Build.hub
    default = hub.config.default_language
    config.extra[LANG_KEY] = lang
    config.extra["partnerhub_default_lang"] = default
    config.theme["language"] = lang
    docs = _root(config) / "docs"
    # a language with no hand-written pages of its own shows the default language's, marked
    config.docs_dir = str(docs / lang if (docs / lang).is_dir() else docs / default)
    if lang != default:
        config.site_dir = str(_Build.site_dir / lang)
        config.site_url = _Build.site_url.rstrip("/") + f"/{lang}/" if _Build.site_url else ""
    else:
        config.site_dir = str(_Build.site_dir)
    names = hub.config.name
    config.extra["partnerhub_licence"] = licence_link(hub.config.licence)
    config.extra["partnerhub_footer"] = footer_values(hub, lang)  # funding line, contact: escaped Markup
    config.extra["partnerhub_logo"] = header_logo(hub)  # the header's <img> (data/hub.yml logo) or None
    config.extra["partnerhub_feed"] = feeds.head_link(hub.config, lang)  # base.html's <link rel="alternate">
    config.site_name = Markup(escape(names.get(lang) or names.get(default) or next(iter(names.values()), "")))
    config.site_description = site_description(hub, lang) or config.site_description  # escaped by base.html
    config.nav = navigation(lang, _hand_written(_root(config), default))
    _Build.builder = SiteBuilder(hub, lang, _Build.rel, site_url=_Build.site_url)
    config.extra["partnerhub_built"] = build_date(_Build.builder.loc, _Build.builder.today)
    return config


def _start(config) -> None:
    """The first pass: validate, index, and prepare the staging folder."""
    _Build.progress = Progress(log.info)
    hub = load_hub(_root(config))
    _Build.progress.records(sum(len(records) for records in hub.records.values()))
    if hub.errors:
        for problem in hub.errors:
            log.error(problem.as_text())
        raise Abort(f"partnerhub: {len(hub.errors)} error(s) in data/; nothing was built. "
                    "Run `partnerhub validate` for details.")
    audience = os.environ.get("PARTNERHUB_AUDIENCE", "public")
    if audience not in AUDIENCES:
        raise Abort(f"partnerhub: PARTNERHUB_AUDIENCE is {audience!r}: use one of {', '.join(AUDIENCES)}")
    _Build.hub, _Build.rel = hub, build_relations(hub, audience)
    _Build.sentinels = Sentinels.new()
    _Build.final_dir = Path(config.site_dir).resolve()
    _Build.site_dir = _Build.final_dir.parent / f".{_Build.final_dir.name}.partnerhub-{_Build.sentinels.token}"
    _Build.site_url = config.site_url or ""
    _Build.warnings = 0
    _Build.urls = {}
    if config.strict:
        _Build.counter = _WarningCounter(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(_Build.counter)


def _hand_written(root: Path, default: str) -> list[str]:
    docs = root / "docs" / default
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.name != "index.md" or p.parent != docs)


def on_files(files, config):
    builder, lang = _Build.builder, config.extra[LANG_KEY]
    default = _Build.hub.config.default_language
    _Build.pages, _Build.fallbacks, _Build.shell = {}, {}, None
    if lang == default:  # MkDocs has cleaned the staging folder: the other languages start now
        _start_other_languages(config)
    else:  # its folder is clean: the default pass may write into it
        _Build.passes.folder_cleaned(lang)
    generated = {source_path(page.url): page for page in builder.nav_pages()}
    _Build.shell_uri = source_path(_Build.sentinels["url"])
    for src_uri in [*generated, _Build.shell_uri]:
        existing = files.get_file_from_path(src_uri)
        if existing:
            files.remove(existing)
        inclusion = InclusionLevel.NOT_IN_NAV if src_uri == _Build.shell_uri else InclusionLevel.INCLUDED
        files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
    _Build.pages = generated
    own_docs = Path(config.docs_dir) == _root(config) / "docs" / lang
    if lang != default:  # hand-written pages not yet translated: the default language's text
        default_docs = _root(config) / "docs" / default
        for path in sorted(default_docs.rglob("*.md")):
            src_uri = path.relative_to(default_docs).as_posix()
            if src_uri in generated:
                continue
            if not own_docs:
                _Build.fallbacks[src_uri] = default
            elif not files.get_file_from_path(src_uri):
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
                _Build.fallbacks[src_uri] = default
        for path in sorted(p for p in default_docs.rglob("*") if p.is_file() and p.suffix != ".md"):  # their images
            if own_docs and not files.get_file_from_path(path.relative_to(default_docs).as_posix()):
                files.append(File.generated(config, path.relative_to(default_docs).as_posix(), abs_src_path=str(path)))
    if lang == default:
        _Build.urls.update(dict.fromkeys(page.url for page in generated.values()))
        _Build.urls.update(dict.fromkeys(f.url for f in files.documentation_pages()
                                         if f.src_uri not in generated and f.src_uri != _Build.shell_uri))
    return files


def on_page_markdown(markdown, page, config, files):
    src_uri = page.file.src_uri
    if src_uri == _Build.shell_uri:
        page.meta["title"] = _Build.sentinels["title"]
        page.meta["description"] = _Build.sentinels["description"]
        page.meta["ph_toc_items"] = Markup(_Build.sentinels["toc"])
        return ""
    generated = _Build.pages.get(src_uri)
    if generated is not None:
        if generated.kind != "home":  # Material titles the home page with the site name alone
            page.meta["title"] = Markup(escape(generated.title))
        if generated.description:
            page.meta["description"] = Markup(escape(generated.description))
        return ""  # the body comes from the package's templates, not from Markdown
    return markdown


def on_page_content(html, page, config, files):
    src_uri = page.file.src_uri
    if src_uri == _Build.shell_uri:
        return _Build.sentinels["body"]
    generated = _Build.pages.get(src_uri)
    if generated is not None:
        return generated.html
    html = fill_hub_values(html, _Build.hub, config.extra[LANG_KEY])  # contact etc. from data/hub.yml
    text_lang = _Build.fallbacks.get(src_uri)
    if text_lang is not None:
        return fallback_page(html, config.extra[LANG_KEY], text_lang)
    return html


def on_env(env, config, files):
    lang = config.extra[LANG_KEY]
    # theme overrides (hooks/theme/) translate their own strings with the hub's catalogs
    env.filters["ph_t"] = lambda message: gettext(lang, message)
    _Build.toc_item = _toc_item(env)
    # a language the hub supports but Material has no strings for: its code and direction,
    # Material's English strings for the rest (partials/language.html falls back on them)
    partial = f"partials/languages/{lang}.html"
    if not any((Path(d) / partial).is_file() for d in config.theme.dirs):
        from babel import Locale

        direction = "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"
        env.loader = ChoiceLoader([DictLoader({partial: (
            '{% macro t(key) %}{{ {"language": "' + lang + '", "direction": "' + direction + '"}.get(key, "") }}'
            "{% endmacro %}")}), env.loader])
    return env


def _toc_item(env) -> str:
    """The theme's markup of one table-of-contents entry, as a ``str.format`` pattern with
    ``{anchor}`` and ``{title}``: rendered once from the theme's own partial, so that record
    pages filled into the shell get the same entries as the pages MkDocs renders."""
    from types import SimpleNamespace

    anchor, title = "phtocanchor", "phtoctitle"
    item = SimpleNamespace(url="#" + anchor, title=title, level=2, children=[])
    rendered = env.get_template("partials/ph-toc-items.html").render(page=SimpleNamespace(meta={}, toc=[item]))
    pattern = rendered.strip().replace("{", "{{").replace("}", "}}")
    return pattern.replace(anchor, "{anchor}").replace(title, "{title}")


def on_page_context(context, page, config, nav):
    hub, lang = _Build.hub, config.extra[LANG_KEY]
    # The switcher (hooks/theme/partials/alternate.html) reads these links. They are not put
    # in config.extra.alternate: Material's script would fetch each one's sitemap.xml, a
    # request to the production host from any other copy. hreflang pairs are in sitemap.xml.
    page.meta["ph_alternates"] = alternates(hub.config, page.url, lang, _Build.site_url)
    if page.file.abs_src_path and page.file.src_uri not in _Build.pages and page.file.src_uri != _Build.shell_uri:
        page.meta["ph_edit_links"] = hand_written_links(hub.config, _root(config), page.file.abs_src_path, page.url,
                                                        lang, _Build.site_url)
    return context


def _shared_assets(output: str, config) -> str:
    """Another language's page links to the theme's files at the site root (one copy)."""
    lang = config.extra[LANG_KEY]
    if lang == _Build.hub.config.default_language:
        return output
    return assets.shared(output, lang, urlsplit(_Build.site_url).path or "/")


def on_post_page(output, page, config):
    output = _shared_assets(output, config)
    if page.file.src_uri == _Build.shell_uri:
        _Build.shell = Shell.parse(output, _Build.sentinels, _Build.toc_item)
        keep_shell(config.extra[LANG_KEY], _Build.shell)  # for `partnerhub serve` (partnerhub/preview/)
        return output
    generated = _Build.pages.get(page.file.src_uri)
    if generated is not None:  # home, catalogues: their frame, for `partnerhub serve`
        keep_frame(config.extra[LANG_KEY], generated.url, output, generated.html)
    return with_policy(output)


def on_post_template(output_content, template_name, config):
    # the theme's own pages (404.html) get their policy too
    return with_policy(_shared_assets(output_content, config)) if template_name.endswith(".html") else output_content


def on_post_build(config):
    hub, lang = _Build.hub, config.extra[LANG_KEY]
    urls = _write_record_pages(Path(config.site_dir))
    if lang != hub.config.default_language:
        assets.drop_copy(Path(config.site_dir))  # its pages use the root's
        return
    assets.prune(_Build.site_dir)
    assets.narrow_alternates(_Build.site_dir)  # no sitemap.xml fetched beside the feed links
    _Build.urls.update(dict.fromkeys(urls))
    forked = bool(_Build.passes)
    if not forked:  # serve, or one core: the other languages here, one after the other
        for other in hub.config.other_languages:
            _build_language(config.config_file_path, other)
        outputs = write_outputs(hub, _Build.rel, _Build.site_dir, _Build.site_url)
    failed = _Build.passes.join()
    if failed:
        raise Abort(f"partnerhub: the pass of {', '.join(failed)} failed (see above); nothing was published")
    if forked:
        try:
            outputs = _Build.passes.result()  # the site-wide files, written beside the passes
        except RuntimeError:
            raise Abort("partnerhub: the site-wide files (exports, calendars, feeds) could not be written "
                        "(see above); nothing was published") from None
    _stop_counting()
    if _Build.warnings and config.strict:
        raise Abort(f"partnerhub: {_Build.warnings} warning(s) in strict mode; the site was not published.")
    _Build.urls.update(dict.fromkeys(outputs))
    write_sitemap(_Build.site_dir, sitemap(hub.config, list(_Build.urls), _Build.site_url or "/",
                                           lastmod_by_url(hub, _Build.rel)))
    try:
        publish.media(hub, _Build.rel, _Build.site_dir)
    except publish.PublishError as exc:
        raise Abort(f"partnerhub: media could not be published: {exc}") from None
    try:
        _Build.progress.search()
        search_index(_Build.site_dir, hub.config.languages)
        _Build.progress.search(done=True)
    except SearchIndexError as exc:
        raise Abort(f"partnerhub: the search index could not be built: {exc}") from None
    _publish()


def _write_record_pages(site_dir: Path) -> list[str]:
    """Every record and theme page of the language being built; returns their URLs."""
    if _Build.shell is None:
        raise Abort("partnerhub: the theme did not render the page shell; nothing was published")
    shutil.rmtree(site_dir / Path(_Build.shell_uri).parent, ignore_errors=True)
    urls, light_dir = [], publish.light_dir(_Build.site_dir, site_dir, _Build.rel)
    for page in _Build.progress.pages(_Build.builder.lang, _Build.builder.record_pages()):
        write_page(site_dir, page, _Build.shell, light_dir=light_dir)
        urls.append(page.url)
    return urls


def _build_language(config_file: str, lang: str) -> None:
    """One language's pass (in a worker process, or in this one)."""
    other = load_config(config_file=config_file, site_dir=str(_Build.final_dir))
    other.extra[LANG_KEY] = lang
    mkdocs_build(other)


def _start_other_languages(config) -> None:
    """Build: the other languages in forked processes, beside this one (two or more cores);
    not under `serve` (forked processes would inherit its server's threads)."""
    languages = _Build.hub.config.other_languages
    if _Build.command != "build" or not LanguagePasses.can_fork(languages):
        return
    compile_templates()  # once, before forking
    _Build.passes.start(languages, partial(_build_language, config.config_file_path), reported=(Abort,), logger=log)
    _Build.passes.start_beside(partial(write_outputs, _Build.hub, _Build.rel, _Build.site_dir, _Build.site_url),
                               "writing the site-wide files (exports, calendars, feeds)", logger=log)


def _publish() -> None:
    """Replace the output folder by the staging folder in which the site was built."""
    final, staging = _Build.final_dir, _Build.site_dir
    old = final.parent / f".{final.name}.partnerhub-old-{_Build.sentinels.token}"
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def _stop_counting() -> None:
    if _Build.counter is not None:
        logging.getLogger("mkdocs").removeHandler(_Build.counter)
        _Build.counter = None


def on_build_error(error):
    _stop_counting()
    _Build.passes.stop()  # the other languages' passes stop with this one
    if _Build.site_dir is not None and _Build.site_dir.exists() and _Build.site_dir != _Build.final_dir:
        shutil.rmtree(_Build.site_dir, ignore_errors=True)
