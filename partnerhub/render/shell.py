"""A page's shell: the HTML a site generator wraps around every page (header, menus,
footer), rendered once per language with sentinels in its slots, then filled per page.

Rendering the theme's shell once and filling record pages into it costs a string join per
page instead of the generator's whole page pipeline, and gives the same HTML. Values are
escaped here, at the boundary: a title or a description from ``data/`` reaches the page
only as HTML-escaped text (valid in element text and in quoted attributes); the body is
the renderer's safe HTML. The sentinels carry a random token chosen per build, so no
contributor text can imitate one, and filling never scans inserted values again.

The shell is rendered for a page two folders deep (``folder/id/``), so its relative URLs
climb two folders; a page at another depth (``whats-new/``, the home) is filled into the
same shell with those climbs shortened or lengthened (:meth:`Shell.for_url`).
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass

from markupsafe import Markup

# The markup of one table-of-contents entry; an adapter gives its theme's (``Shell.toc_item``)
TOC_ITEM = '<li><a href="#{anchor}">{title}</a></li>'
SLOTS = ("title", "description", "url", "head", "toc", "body")
SHELL_DEPTH = 2  # folders in the shell page's URL (the "url" sentinel below)
# A relative URL's climb out of the shell page's folders ("../..", "../../assets/…": two
# steps or more) where a URL starts: after a quote (attributes, the theme's JSON and
# scripts) or after ", " (the next candidate of a srcset)
_CLIMB = re.compile(r'(?:(?<=["\'])|(?<=, ))\.\.(?:/\.\.)+(?=[/"\'])(/?)')


@dataclass(frozen=True)
class Sentinels:
    token: str

    @classmethod
    def new(cls) -> "Sentinels":
        return cls(secrets.token_hex(8))

    def __getitem__(self, slot: str) -> str:
        if slot == "url":  # a URL path: two segments, like a record page's (folder/id/)
            return f"ph{self.token}/shell/"
        if slot == "body":
            # an attribute Material's content partial looks for, so it adds no search body
            return f'<div data-pagefind-ignore="all">ph{self.token}body</div>'
        if slot == "head":
            return f'<meta name="ph{self.token}head">'
        if slot == "toc":  # the items of the page's table of contents
            return f'<li class="ph{self.token}toc"></li>'
        return f"ph{self.token}{slot}"


class ShellError(ValueError):
    """The generator's output does not hold the sentinels where a shell needs them."""


class Shell:
    """Literal chunks of a rendered shell, and the slot between each two."""

    def __init__(self, chunks: list[str], slots: list[str], toc_item: str = TOC_ITEM) -> None:
        self.chunks, self.slots, self.toc_item = chunks, slots, toc_item
        self.chunk_set = frozenset(chunks)  # the constant parts of every page (csp.with_policy_parts)
        self._at_depth: dict[int, Shell] = {SHELL_DEPTH: self}

    def for_url(self, url: str) -> "Shell":
        """This shell for a page at ``url`` (``practices/x/``, ``whats-new/``, ``""``): its
        relative URLs climb as many folders as that page is deep (made once per depth)."""
        depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
        if depth not in self._at_depth:
            shift = depth - SHELL_DEPTH

            def climb(match: re.Match) -> str:
                steps = match.group(0).count("..") + shift
                if steps > 0:
                    return "/".join([".."] * steps) + match.group(1)
                return "" if match.group(1) else "."  # "../../assets/x" -> "assets/x"; "../.." -> "."

            rebased = Shell([_CLIMB.sub(climb, chunk) for chunk in self.chunks], self.slots, self.toc_item)
            rebased._at_depth = self._at_depth
            self._at_depth[depth] = rebased
        return self._at_depth[depth]

    @classmethod
    def parse(cls, rendered: str, sentinels: Sentinels, toc_item: str = TOC_ITEM) -> "Shell":
        if sentinels["head"] not in rendered:  # a theme with no place for it: the end of <head>
            rendered = rendered.replace("</head>", sentinels["head"] + "</head>", 1)
        found = {slot: sentinels[slot] for slot in SLOTS}
        pattern = re.compile("|".join(re.escape(value) for value in found.values()))
        by_value = {value: slot for slot, value in found.items()}
        chunks, slots, start = [], [], 0
        for match in pattern.finditer(rendered):
            chunks.append(rendered[start:match.start()])
            slots.append(by_value[match.group(0)])
            start = match.end()
        chunks.append(rendered[start:])
        if "body" not in slots:
            raise ShellError("the shell page has no body sentinel: the theme did not print page.content")
        return cls(chunks, slots, toc_item)

    def fill(self, *, title: str, description: str, url: str, body: Markup, head: Markup = Markup(""),
             toc: list[tuple[str, str]] = ()) -> str:
        return "".join(self.fill_parts(title=title, description=description, url=url, body=body, head=head, toc=toc))

    def fill_parts(self, *, title: str, description: str, url: str, body: Markup, head: Markup = Markup(""),
                   toc: list[tuple[str, str]] = ()) -> list[str]:
        """The filled page as its chunks and slot values, in order (joined: :meth:`fill`)."""
        values = {
            "toc": "".join(self.toc_item.format(anchor=html.escape(anchor, quote=True), title=html.escape(text))
                           for anchor, text in toc),
            "title": html.escape(title, quote=True),
            "description": html.escape(description, quote=True),
            "url": html.escape(url, quote=True),
            "head": str(head),
            "body": str(body),
        }
        out = [self.chunks[0]]
        for slot, chunk in zip(self.slots, self.chunks[1:]):
            out.append(values[slot])
            out.append(chunk)
        return out
