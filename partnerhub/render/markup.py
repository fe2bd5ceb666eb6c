"""Contributor Markdown -> safe HTML: rendered with Python-Markdown, then sanitised by nh3.

Contributor text is untrusted: whatever it holds, no script, style or event handler
reaches the page; links may only be http(s), mailto or relative, and get ``rel=noopener``;
and no text can keep the build busy: what would make Python-Markdown take super-linear time
(long runs of ``[``, deep nesting) is escaped first (``partnerhub.markdown_guard``).
"""

from __future__ import annotations

import re
import threading
from html import escape as html_escape
from functools import lru_cache

import markdown
import nh3

from partnerhub.markdown_guard import too_costly

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "q", "cite",
    "blockquote", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang"},
}
# What contributor text needs: paragraphs, lists, links, emphasis, tables. (Footnotes,
# abbreviations and raw-HTML blocks would only slow every conversion down.)
_EXTENSIONS = ["tables", "sane_lists"]


_converter = threading.local()


def _markdown() -> markdown.Markdown:
    # Building a Markdown instance costs more than converting a paragraph: keep one per thread.
    md = getattr(_converter, "md", None)
    if md is None:
        md = _converter.md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    return md


# Summaries are shown on several pages (cards, catalogues): convert each text once per build.
# Plain prose: no character that Markdown or HTML gives a meaning to, no line that could
# start a list, heading, quote or code block, no hard line break. Such text needs neither
# Markdown nor sanitising; it is most of what contributors write.
_SPECIAL_CHARACTER = re.compile(r"[\\`*_\[\]<>&#|~{}\t\r]")
_SPECIAL_LINE = re.compile(r"^(?:[ ]|[-+=>]|\d+[.)])| $", re.M)


def _plain_paragraphs(text: str) -> str | None:
    """The HTML of ``text`` if it is plain prose (as Markdown would render it), else None."""
    if _SPECIAL_CHARACTER.search(text) or _SPECIAL_LINE.search(text):
        return None
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _escaped_paragraphs(text: str) -> str:
    """Text as plain, escaped paragraphs (line breaks kept): for text too costly to render."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n".join("<p>{}</p>".format(html_escape(p).replace("\n", "<br>\n")) for p in paragraphs)


@lru_cache(maxsize=65536)
def markdown_to_html(text: str, shift_headings: int = 1) -> str:
    """Render ``text`` and sanitise it. Headings are shifted so a contributor's ``#``
    never competes with the page's own ``<h1>``."""
    plain = _plain_paragraphs(text or "")
    if plain is not None:
        return plain
    if too_costly(text or ""):  # shown as it was typed: no text may keep the build busy
        return _escaped_paragraphs(text)
    html = _markdown().reset().convert(text or "")
    if shift_headings:
        for level in range(6, 0, -1):
            new = min(level + shift_headings, 6)
            html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
            html = html.replace(f"<h{level} ", f"<h{new} ")
    return sanitise(html)


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def inline(text: str) -> str:
    """Render a one-line text (a title, a label) without a surrounding paragraph."""
    html = markdown_to_html(text, 0)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


# each alternative stops at the next opener, so that no match scans on to the end of the text
_MARKDOWN_SYNTAX = re.compile(r"[*_`#>|]+|\[([^\[\]]*)\]\([^()]*\)|<[^<>]+>")


def plain_words(text: str) -> str:
    """Markdown as plain text on one line: links keep their words, markup goes."""
    return " ".join(_MARKDOWN_SYNTAX.sub(lambda m: m.group(1) or "", text).split())
