"""From changed record files to the pages rewritten, in every language.

The pages an edit touches are :func:`partnerhub.render.affected.affected_pages` before
and after it (so that a record turned draft, or deleted, leaves the pages that linked to
it), plus the pages that list records site-wide (home, What's new, translations). Each is
rendered by the package (:class:`partnerhub.render.pages.SiteBuilder`) and put into what
the full build kept (``keep.py``): a record or theme page into its language's shell, a
page the generator rendered itself (home, catalogues) into its own frame. A record the
build no longer shows loses its page. Every file is written beside its place and renamed
over it, so the server never sends half a page.
"""

from __future__ import annotations

import json
import os
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from partnerhub.linked import whats_new
from partnerhub.opendata import page as open_data
from partnerhub.preview.keep import Kept
from partnerhub.publish import page_path, write_page
from partnerhub.registry import BY_FOLDER
from partnerhub.render import translations_page
from partnerhub.render.affected import THEMES, affected_pages
from partnerhub.render.csp import with_policy
from partnerhub.render.pages import Page, SiteBuilder
from partnerhub.render.site import CATALOGUE_ORDER
from partnerhub.render.urls import language_root
from partnerhub.search.folded import fold_page

# pages that list records across the site: rewritten after every edit
SITE_WIDE = ("", whats_new.URL, translations_page.URL)


@dataclass
class Rewritten:
    """What an update did: URLs (from the site's root) written and removed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unframed: list[str] = field(default_factory=list)  # pages of the generator's whose frame was not kept


def pages_to_rewrite(before, after, paths: list[str]) -> list[str]:
    """URLs (relative to a language's root) that ``paths`` touch, before or after the edit.

    ``before`` and ``after`` are (hub, relations) pairs."""
    urls: list[str] = list(SITE_WIDE)
    for hub, rel in (before, after):
        default = hub.config.default_language
        urls.extend(affected_pages(hub, rel, paths).urls[default])
    return list(dict.fromkeys(urls))


class Renderer:
    """Rewrites pages of the site in ``site_dir`` from what the build kept."""

    def __init__(self, site_dir: Path, kept: Kept, site_url: str = "") -> None:
        self.site_dir, self.kept, self.site_url = Path(site_dir), kept, site_url

    def warm(self, hub, rel) -> None:
        """Render one page of each kind, written nowhere: the templates are compiled before
        the first edit (and the forked renderers inherit them)."""
        builder = SiteBuilder(hub, hub.config.default_language, rel, site_url=self.site_url)
        smallest = min(rel.records, key=lambda folder: len(rel.records[folder]))
        urls = ["", open_data.PAGE_URL, *SITE_WIDE[1:], f"{smallest}/", f"{THEMES}/"]
        urls += [f"{folder}/{next(iter(records))}/" for folder, records in rel.records.items() if records]
        urls += [f"{THEMES}/{term}/" for term in list(hub.vocabularies[THEMES].root)[:1]] if THEMES in hub.vocabularies else []
        for url in urls:
            self._page(builder, rel, url)

    def rewrite(self, hub, rel, urls: list[str], parallel: bool = True) -> Rewritten:
        """Rewrite the pages at ``urls`` (relative to a language's root) in every language:
        the other languages in forked processes (they inherit the hub, nothing is copied)
        when the machine has more than one core, the default one here."""
        languages = hub.config.languages
        forked = parallel and len(languages) > 1 and (os.cpu_count() or 1) > 1 and hasattr(os, "fork")
        children = [_fork(lambda lang=lang: self.rewrite_language(hub, rel, lang, urls)) for lang in languages[1:]] \
            if forked else []
        done = Rewritten()
        for lang in languages if not forked else languages[:1]:
            _merge(done, self.rewrite_language(hub, rel, lang, urls))
        failures = []
        for child in children:
            result = _join(child)
            if isinstance(result, str):
                failures.append(result)
            else:
                _merge(done, result)
        if failures:
            raise RenderError("\n".join(failures))
        return done

    def rewrite_language(self, hub, rel, lang: str, urls: list[str]) -> Rewritten:
        done = Rewritten()
        config = hub.config
        builder = SiteBuilder(hub, lang, rel, site_url=self.site_url)
        folder = self.site_dir / language_root(lang, config.default_language)
        # written beside the site (the same file system), then renamed into it: never inside
        # it, where the background search indexer could find a half-made page
        with tempfile.TemporaryDirectory(dir=self.site_dir.parent, prefix=".partnerhub-pages-") as tmp:
            for url in urls:
                where = language_root(lang, config.default_language) + url
                page, framed = self._page(builder, rel, url)
                if page is None:
                    if framed is None and _remove(page_path(folder, url)):
                        done.removed.append(where)
                    continue
                (done.written if self._write(Path(tmp), folder, lang, page, framed) else done.unframed).append(where)
        return done

    def _page(self, builder: SiteBuilder, rel, url: str) -> tuple[Page | None, bool | None]:
        """The page at ``url`` and whether it goes into a frame; (None, None) when the
        build shows nothing there (its file goes), (None, False) when it is not ours."""
        if url == "":
            return builder.home(), True
        if url == open_data.PAGE_URL:
            return builder.open_data(), True
        if url == whats_new.URL:
            return whats_new.whats_new_page(builder), False
        if url == translations_page.URL:
            return builder.translations_page(), False
        parts = url.strip("/").split("/")
        if len(parts) == 1 and parts[0] in CATALOGUE_ORDER:
            return builder.catalogue(parts[0]), True
        if len(parts) == 2 and parts[0] == THEMES:
            vocabulary = builder.hub.vocabularies.get(THEMES)
            return (builder.theme_page(parts[1]), False) if vocabulary and parts[1] in vocabulary.root else (None, None)
        if len(parts) == 2 and parts[0] in BY_FOLDER:
            record = rel.visible(parts[0], parts[1])
            if record is None:
                return None, None
            return builder.record_page(BY_FOLDER[parts[0]], record), False
        return None, False

    def _write(self, tmp: Path, folder: Path, lang: str, page: Page, framed: bool) -> bool:
        """Write ``page`` into ``tmp``, then rename it to its place in ``folder``."""
        if framed:
            frame = self.kept.frames.get(lang, {}).get(page.url)
            if frame is None:
                return False
            written = page_path(tmp, page.url)
            written.parent.mkdir(parents=True, exist_ok=True)
            # as the build writes it: its policy, then its search keys (fold_site over the generator's pages)
            html = fold_page(with_policy(frame[0] + str(Markup(page.html)) + frame[1]))[0]
            written.write_text(html, encoding="utf-8")
        else:
            write_page(tmp, page, self.kept.shells[lang])
            written = page_path(tmp, page.url)
        target = page_path(folder, page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(written, target)
        return True


class RenderError(RuntimeError):
    """A language's pages could not be rewritten; the message says why."""


def _merge(done: Rewritten, more: Rewritten) -> None:
    done.written.extend(more.written)
    done.removed.extend(more.removed)
    done.unframed.extend(more.unframed)


def _fork(work) -> tuple[int, int]:
    """Run ``work()`` (returning a :class:`Rewritten`) in a forked process; (pid, pipe)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: only this thread exists here; it writes its result and leaves
        os.close(read)
        try:
            result = work()
            message = {"written": result.written, "removed": result.removed, "unframed": result.unframed}
        except BaseException as exc:  # noqa: BLE001 - sent to the parent, which reports it
            message = {"error": f"{type(exc).__name__}: {exc}", "where": traceback.format_exc(limit=-3)}
        with os.fdopen(write, "w", encoding="utf-8") as out:
            json.dump(message, out)
        os._exit(0)
    os.close(write)
    return pid, read


def _join(child: tuple[int, int]) -> Rewritten | str:
    """The child's result, or its error as text."""
    pid, read = child
    with os.fdopen(read, encoding="utf-8") as result:
        text = result.read()
    _pid, status = os.waitpid(pid, 0)
    try:
        message = json.loads(text)
    except ValueError:
        return f"a rendering process ended without a result (status {status})"
    if "error" in message:
        return message["error"]
    return Rewritten(message["written"], message["removed"], message["unframed"])


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    try:
        path.parent.rmdir()  # the page's folder, if nothing else is in it
    except OSError:
        pass
    return True
