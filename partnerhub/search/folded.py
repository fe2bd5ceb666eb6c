"""Search keys in the pages: Greek found when typed in Latin letters or with a vowel slip.

Pagefind matches words as they are written. Before it runs, every built page whose indexed
text has letters of a non-Latin script (Greek, Cyrillic) gets, at the end of its
``data-pagefind-body``, two hidden blocks holding the search key of each of its words in that script
(:func:`partnerhub.text.search_key`): one for names and facts, one (class
:data:`~partnerhub.search.policy.TEXT_CLASS`, so the light index leaves it out) for the
texts. The search dialog keys the query the same way (the tables come from
:func:`partnerhub.text.folding_table` through ``pagefind/partnerhub.json``) and searches its
key and the query as typed (the light index: the key alone when the query has no Latin
letters or digits, whose words all have keys).

The dialog builds each excerpt itself from the page's indexed content, without the hidden
blocks: each page says how many words to trim at the start (the hidden names block) and at
the end (the key blocks) in the Pagefind metadata ``ph_trim`` and ``ph_trim_text``.

A record page's body (the package's own, well-formed HTML) is read by a tokenizer of tags
and text (:func:`_scan`), several times faster than :class:`html.parser.HTMLParser` and
giving the same words; anything it does not expect (a ``<`` in text, a declaration)
sends the page to the parser. Each word's key is computed once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup, escape

from partnerhub.search.policy import BODY, META_CLASS, TEXT_CLASS
from partnerhub.text import script_of, search_key

FOLD_CLASS = "ph-search-fold"
HEADING_WEIGHT = 7  # Pagefind's weight of an <h1>'s words
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_LANG = re.compile(r'<html[^>]*\blang="([^"]+)"')
_SKIPPED_TAGS = {"script", "style", "template", "svg"}
# a page folded earlier that holds keys: its facts block counts words, or it has a texts block
_KEYED = re.compile(r'data-pagefind-meta="ph_trim:\d+,[1-9]|data-pagefind-meta="ph_trim_text:')


class _BodyText(HTMLParser):
    """The words Pagefind indexes from a page's ``data-pagefind-body``: names and facts,
    texts (class ph-text), and the hidden names block; and where the body element ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, role: body|skip|meta|text|None)
        self.facts: list[str] = []
        self.texts: list[str] = []
        self.meta_words = 0
        self.body_end: tuple[int, int] | None = None

    def _role(self) -> str | None:
        roles = [role for _tag, role in self.stack if role]
        if "body" not in roles:
            return None
        for role in ("skip", "meta", "text"):
            if role in roles:
                return role
        return "body"

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        role = None
        if BODY in attributes:
            role = "body"
        elif "data-pagefind-ignore" in attributes or tag in _SKIPPED_TAGS or FOLD_CLASS in classes:
            role = "skip"
        elif META_CLASS in classes:
            role = "meta"
        elif TEXT_CLASS in classes:
            role = "text"
        self.stack.append((tag, role))

    def handle_startendtag(self, tag, attrs) -> None:
        pass

    def handle_endtag(self, tag) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                if self.stack[index][1] == "body" and self.body_end is None:
                    self.body_end = self.getpos()
                del self.stack[index:]
                return

    def handle_data(self, data) -> None:
        role = self._role()
        if role in ("body", "text"):
            (self.texts if role == "text" else self.facts).append(data)
        elif role == "meta":
            self.meta_words += len(data.split())


@lru_cache(maxsize=1 << 16)
def _word_needs_key(word: str) -> bool:
    return any(script_of(char) not in (None, "LATIN") for char in word if not char.isascii())


def _needs_key(text: str) -> bool:
    """True if ``text`` has a letter of a non-Latin script (whitespace never is one)."""
    return not text.isascii() and any(_word_needs_key(word) for word in set(text.split()))


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    return tuple(search_key(word).split())


def _offset(html: str, position: tuple[int, int]) -> int:
    line, column = position
    offset = 0
    for _ in range(line - 1):
        offset = html.index("\n", offset) + 1
    return offset + column


def _unique_keys(parts: list[str]) -> str:
    """The keys of the words written in a non-Latin script, each once (a Latin word is found
    as typed; its key would only make the index bigger)."""
    words = dict.fromkeys(word for part in parts for word in part.split() if _word_needs_key(word))
    return " ".join(dict.fromkeys(key for word in words for key in _word_keys(word)))


# a comment, a declaration (doctype), or a start or end tag (quoted attribute values may hold ">")
_TOKEN = re.compile(r"""<!--.*?-->|<![a-zA-Z][^>]*>|<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_RAW_TEXT = ("script", "style")  # their content is not HTML: skipped to their end tag


class _Scan:
    """What :class:`_BodyText` finds, from a tokenizer of the package's own HTML."""

    def __init__(self) -> None:
        self.facts: list[str] = []
        self.texts: list[str] = []
        self.meta_words = 0
        self.body_end: int | None = None


_BODY, _SKIP, _META, _TEXT = 1, 2, 4, 8  # an element's own role, as flags
_ROLE_OF_FLAGS = {flags: None if not flags & _BODY else
                  "skip" if flags & _SKIP else "meta" if flags & _META else "text" if flags & _TEXT else "body"
                  for flags in range(16)}  # the flags of an element and its ancestors -> _BodyText._role()


def _own_role(tag: str, attributes: str) -> int:
    own = _SKIP if tag in _SKIPPED_TAGS else 0
    lowered = attributes.lower()
    if "class" not in lowered and "data-pagefind" not in lowered:
        return own
    names, classes = set(), []
    for match in _ATTRIBUTE.finditer(attributes):
        name = match.group(1).lower()
        names.add(name)
        if name == "class":
            classes = unescape(match.group(2) or match.group(3) or match.group(4) or "").split()
    if BODY in names:
        return _BODY
    if "data-pagefind-ignore" in names or own or FOLD_CLASS in classes:
        return _SKIP
    if META_CLASS in classes:
        return _META
    if TEXT_CLASS in classes:
        return _TEXT
    return 0


def _scan(html: str) -> _Scan | None:
    """The words of ``html``'s ``data-pagefind-body`` by role, as :class:`_BodyText` reads
    them; None for HTML it does not expect (the parser then reads it)."""
    found = _Scan()
    stack: list[tuple[str, int, int]] = []  # (tag, own role, flags of it and its ancestors)
    role: str | None = None  # of the innermost position, as _BodyText._role()
    position, size = 0, len(html)
    while position < size:
        match = _TOKEN.search(html, position)
        end = match.start() if match else size
        if end > position:
            if role is not None:
                text = html[position:end]
                if "<" in text:
                    return None
                if role == "body" or role == "text":
                    (found.texts if role == "text" else found.facts).append(unescape(text))
                elif role == "meta":
                    found.meta_words += len(unescape(text).split())
            elif "<" in html[position:end]:
                return None
        if match is None:
            break
        position = match.end()
        tag = match.group(2)
        if tag is None:  # a comment or a declaration
            continue
        tag = tag.lower()
        if match.group(1):  # an end tag: closes the innermost element of that name
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == tag:
                    if stack[index][1] == _BODY and found.body_end is None:
                        found.body_end = match.start()
                    del stack[index:]
                    role = _ROLE_OF_FLAGS[stack[-1][2] if stack else 0]
                    break
            continue
        if tag in _VOID or match.group(0).endswith("/>"):
            continue
        own = _own_role(tag, match.group(3))
        flags = (stack[-1][2] if stack else 0) | own
        stack.append((tag, own, flags))
        role = _ROLE_OF_FLAGS[flags]
        if tag in _RAW_TEXT:
            close = re.compile(rf"</{tag}[\s/>]", re.I).search(html, position)
            if close is None or role in ("body", "text", "meta"):  # (a script is never: it skips)
                return None
            position = close.start()
    return found


def _read(html: str) -> _Scan:
    found = _scan(html)
    if found is not None:
        return found
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    found = _Scan()
    found.facts, found.texts, found.meta_words = parser.facts, parser.texts, parser.meta_words
    found.body_end = None if parser.body_end is None else _offset(html, parser.body_end)
    return found


def fold_page(html: str, title: str = "") -> tuple[str, bool]:
    """``html`` with its search-key blocks (and trim counts); True if it got keys. The keys
    of the page's ``title`` (its heading) weigh as a heading's words: a query searched as
    its key alone ranks the page named by it first, as the query typed would."""
    if BODY not in html:  # not indexed (a catalogue of thousands of records): nothing to read
        return html, False
    parser = _read(html)
    if parser.body_end is None:
        return html, False
    keyed = _needs_key(" ".join(parser.facts + parser.texts))
    facts = _unique_keys(parser.facts) if keyed else ""
    texts = _unique_keys(parser.texts) if keyed else ""
    heading = _unique_keys([title]) if keyed and title else ""
    if not (keyed or parser.meta_words):
        return html, False
    named = Markup('<span data-pagefind-weight="{}">{}</span>').format(HEADING_WEIGHT, heading) if heading else ""
    blocks = Markup('<div class="{}" hidden data-pagefind-weight="0.5"><span data-pagefind-meta="ph_trim:{},{}">'
                    '</span>{}{}</div>').format(FOLD_CLASS, parser.meta_words, len(facts.split()) + len(heading.split()),
                                                facts, named)
    if texts:
        blocks += Markup('<div class="{} {}" hidden data-pagefind-weight="0.5"><span data-pagefind-meta="ph_trim_text:{}">'
                         '</span>{}</div>').format(FOLD_CLASS, TEXT_CLASS, len(texts.split()), escape(texts))
    at = parser.body_end
    return html[:at] + str(blocks) + html[at:], keyed


def fold_site(site_dir: Path, written: Path | None = None) -> list[str]:
    """Add the search-key blocks to every indexed page of ``site_dir`` not folded yet (record
    pages are folded as they are written, from their body alone); returns the languages
    (``<html lang>``) that have pages with keys. ``written``: a folder mirroring the site
    whose pages (the record pages' bodies) were folded when written: those pages are not
    read again (nor counted)."""
    languages: set[str] = set()
    for path in Path(site_dir).rglob("*.html"):
        if written is not None and (written / path.relative_to(site_dir)).is_file():
            continue
        html = path.read_text(encoding="utf-8")
        if BODY not in html:
            continue
        if FOLD_CLASS in html:  # folded when it was written (a record page: partnerhub.publish)
            keyed = _KEYED.search(html) is not None
            folded = html
        else:
            folded, keyed = fold_page(html)
        if folded is not html:
            path.write_text(folded, encoding="utf-8")
        if keyed:
            lang = _LANG.search(html)
            if lang:
                languages.add(lang.group(1))
    return sorted(languages)
