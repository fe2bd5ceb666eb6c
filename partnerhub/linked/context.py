"""What the linked-data builders need of one page: the language, the visible records, the
site's address, and how to write a link to another page (absolute when the site's URL is
known, relative to the page otherwise)."""

from __future__ import annotations

from dataclasses import dataclass

from partnerhub.render.localize import Localizer
from partnerhub.render.markup import plain_words
from partnerhub.render.urls import language_root, record_url, relative


@dataclass
class LinkContext:
    hub: object
    rel: object  # partnerhub.render.relations.Relations: the visible records only
    loc: Localizer
    page_url: str  # relative to the language's root: "meetings/x/"
    site_url: str = ""

    @property
    def lang(self) -> str:
        return self.loc.lang

    def _from_root(self, url: str) -> str:
        """``url`` of this language (``meetings/x/``) from the site's root (``el/meetings/x/``)."""
        return language_root(self.lang, self.hub.config.default_language) + url

    def url(self, url: str, in_language: bool = True) -> str:
        """A link to ``url`` (of this language's root, or of the site's root if not
        ``in_language``): absolute if the site's URL is set, else relative to this page."""
        target = self._from_root(url) if in_language else url
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + target
        return relative(self._from_root(self.page_url), target)

    def record(self, folder: str, record_id: str) -> str:
        return self.url(record_url(folder, record_id))

    def text(self, value: dict | None) -> str:
        """A language-keyed text in this language (the default one if missing), as plain words."""
        return plain_words(self.loc.plain(value) or "")
