"""Markdown that would keep Python-Markdown busy for minutes, found in linear time.

Python-Markdown scans from every ``[``, link destination ``(``, HTML tag ``<`` and backtick
to the place that closes it; an opener that is never closed costs a scan to the end of its
paragraph, so that a few thousand of them take minutes (15,000 ``[`` took 38 s), and
nesting (``[[[…]]]``, ``> > > …``, ``- - - …`` on one line) multiplies the work or
overflows Python's stack. Each inline element it finds also copies its paragraph once,
so that a long paragraph packed with markup costs the square of its length. Ordinary text
opens few things, closes them, and nests them two or three levels deep.

* :func:`find_excess` tells where a text first nests deeper than :data:`MAX_NESTING` or
  leaves more than :data:`MAX_UNCLOSED` openers unclosed: the validator refuses such text
  with a located message (``text_markdown_nesting``, ``text_markdown_unclosed``).
* :func:`too_costly` is what the renderer asks before it hands a text to Python-Markdown:
  such a text is shown as plain, escaped paragraphs instead, so that even a record that
  was never validated cannot stall a build. Ordinary text is never too costly, and renders
  as before, byte for byte.

Every function here is a single pass over the text (a few regular-expression scans whose
alternatives cannot backtrack over more than one character class each).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

MAX_NESTING = 8  # brackets, block quotes, lists, emphasis markers in a row
MAX_UNCLOSED = 8  # `[`, `(` of a link, `<` of a tag, `<!--` left open, in one text
# Backticks: Python-Markdown tries a code span from each backtick and looks for its closer
# to the end of the line. Backticks on a line × the line's length, summed over the lines.
BACKTICK_BUDGET = 20_000_000
# Markup characters of a paragraph × its length (each inline element copies the paragraph).
# A text of at most 30,000 characters (the longest a field may be) stays below it.
MARKUP_BUDGET = 1_000_000_000

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
# What a line starts with: block quote and list markers (indentation is counted apart).
_CONTAINERS = re.compile(r"(?:[ ]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?)+")
_SPECIAL = re.compile(r"\\.|[\[\]()\"']", re.S)
_TAG_START = re.compile(r"<(?:/?[A-Za-z]|!|\?)")
_EMPHASIS_RUN = re.compile(r"\\.|[*_]{%d,}" % (MAX_NESTING + 1), re.S)
_MARKUP = re.compile(r"[\\`*_\[\]()<>&!]")


@dataclass(frozen=True)
class Excess:
    """Where a text first goes beyond a limit, and which."""

    kind: str  # "nesting" or "unclosed"
    offset: int  # index in the text
    char: str  # the character at fault: `[`, `>`, `<`, `` ` ``, `*`…
    count: int = 0  # for "unclosed": how many openers are left open


# --- the scan ---------------------------------------------------------------------------

@dataclass
class _Scan:
    """What one pass over a text found."""

    deep: list = field(default_factory=list)  # (offset, char) of each opener beyond MAX_NESTING
    unclosed: list = field(default_factory=list)  # (offset, char) of each opener left open
    backtick_cost: int = 0
    first_backtick: int = -1
    backticks: int = 0


def _lines(text: str, scan: _Scan) -> None:
    """Block quotes and lists nested on one line (``> > >``, ``- - -``) or by indentation,
    and the cost of the backticks of each line."""
    start = 0
    for line in text.split("\n"):
        match = _CONTAINERS.match(line)
        if match and match.end() > 0:
            prefix = match.group(0)
            depth = 0
            for index, char in enumerate(prefix):
                if char in ">-*+" or char.isdigit() and (index == 0 or not prefix[index - 1].isdigit()):
                    depth += 1
                    if depth > MAX_NESTING:
                        scan.deep.append((start + index, char))
                        break
        indent = len(line) - len(line.lstrip(" \t"))
        if line[:indent].expandtabs(4).count(" ") // 4 > MAX_NESTING + 1:  # +1: a code block in the deepest item
            scan.deep.append((start, " "))
        backticks = line.count("`")
        if backticks:
            scan.backticks += backticks
            scan.backtick_cost += backticks * len(line)
            if scan.first_backtick < 0:
                scan.first_backtick = start + line.index("`")
        start += len(line) + 1


def _block(text: str, base: int, scan: _Scan) -> None:
    """Brackets, link destinations and tags of one paragraph (at ``base`` in the text)."""
    brackets: list[int] = []  # open `[`
    parens: list[int] = []  # open `(`
    destinations: list[int] = []  # `(` right after a `]` that closed a `[`
    closed_paren: dict[int, int] = {}
    quotes: list[int] = []  # offsets of `"` and `'`, in order
    last_closing = -2
    for match in _SPECIAL.finditer(text):
        char, at = match.group(0), match.start()
        if char[0] == "\\":
            continue
        if char == "[":
            if len(brackets) >= MAX_NESTING:
                scan.deep.append((base + at, "["))
            else:
                brackets.append(at)
        elif char == "]":
            if brackets:
                brackets.pop()
                last_closing = at
        elif char == "(":
            if at == last_closing + 1:
                destinations.append(at)
            parens.append(at)
        elif char == ")":
            if parens:
                closed_paren[parens.pop()] = at
        else:
            quotes.append(at)
    scan.unclosed += [(base + at, "[") for at in brackets]
    for at in destinations:
        if _runs_on(text, at, closed_paren.get(at), quotes):
            scan.unclosed.append((base + at, "("))
    _tags(text, base, scan)


# `(url "title")`: a destination whose only quotes enclose a title right before its `)`.
_TITLED = re.compile(r"\([^\"'()]*[ \t\n]+(?:\"[^\"]*\"|'[^']*')[ \t]*\)")


def _runs_on(text: str, at: int, end: int | None, quotes: list[int]) -> bool:
    """A link destination that is never closed, or that holds a stray quote (after which
    Python-Markdown reads on past its ``)``)."""
    if end is None:
        return True
    first_quote = bisect.bisect_right(quotes, at)
    if first_quote < len(quotes) and quotes[first_quote] < end:
        return _TITLED.fullmatch(text, at, end + 1) is None
    return False


_NEXT_ANGLE = re.compile(r"[<>]")
_QUOTED_GT = re.compile(r"=[ \t\n]*(?:\"[^\"]*>|'[^']*>)")


def _tags(text: str, base: int, scan: _Scan) -> None:
    """An HTML tag ends with ``>`` before the next ``<``, outside quoted values; a comment
    ``<!--`` is closed by ``-->``."""
    comment_end = None  # where the last `-->` search ended (-1: there is none further on)
    for match in _TAG_START.finditer(text):
        at = match.start()
        if text.startswith("<!--", at):
            if comment_end is None or -1 < comment_end < at:
                comment_end = text.find("-->", at + 4)
            if comment_end == -1:
                scan.unclosed.append((base + at, "<"))
            continue
        found = _NEXT_ANGLE.search(text, at + 1)
        if found is None or found.group(0) == "<":
            scan.unclosed.append((base + at, "<"))
            continue
        tag = text[at:found.end()]
        if ('"' in tag or "'" in tag) and (_QUOTED_GT.search(tag) or _open_quote(tag)):
            scan.unclosed.append((base + at, "<"))


def _open_quote(tag: str) -> bool:
    """A quote left open inside ``<…>``: an attribute value that would run on."""
    quote = None
    for char in tag:
        if quote is None and char in "\"'":
            quote = char
        elif char == quote:
            quote = None
    return quote is not None


def _emphasis(text: str, scan: _Scan) -> None:
    """A run of ``*`` and ``_`` mixed (``*_*_*_…``) nests emphasis one level per marker; a
    run of one of them (``________`` to write on) is a plain line."""
    for match in _EMPHASIS_RUN.finditer(text):
        run = match.group(0)
        if run[0] != "\\" and "*" in run and "_" in run:
            scan.deep.append((match.start() + MAX_NESTING, run[MAX_NESTING]))


def _paragraphs(text: str):
    """(offset, paragraph) for each block of text between blank lines."""
    start = 0
    for separator in _BLOCK_SPLIT.finditer(text):
        yield start, text[start:separator.start()]
        start = separator.end()
    yield start, text[start:]


def _scan(text: str) -> _Scan:
    scan = _Scan()
    _lines(text, scan)
    for start, paragraph in _paragraphs(text):
        _block(paragraph, start, scan)
    _emphasis(text, scan)
    return scan


def find_excess(text: str) -> Excess | None:
    """Where ``text`` first nests deeper than :data:`MAX_NESTING`, or the first of more than
    :data:`MAX_UNCLOSED` openers it never closes; None for ordinary text."""
    if not (any(char in text for char in _MAYBE) or _MAYBE_LINE.search(text) or _MAYBE_FIRST_LINE.match(text)):
        return None
    scan = _scan(text)
    if scan.deep:
        at, char = min(scan.deep)
        return Excess("nesting", at, char)
    if len(scan.unclosed) > MAX_UNCLOSED:
        at, char = min(scan.unclosed)
        return Excess("unclosed", at, char, len(scan.unclosed))
    if scan.backtick_cost > BACKTICK_BUDGET:
        return Excess("unclosed", scan.first_backtick, "`", scan.backticks)
    return None


# A text without these characters can exceed a limit only by its lines: an indented line,
# or a line that starts with a number (``1. 1. 1. …``, a list nested on one line). Each
# character is looked for one by one (``in`` is faster than a search for a class), and each
# search starts from a literal line break, which ``re`` skips to fast.
_MAYBE = "[(<`>*_+-"
_LINE_START = r"(?:[ \t]{4}|[ ]{0,3}\d)"
_MAYBE_LINE = re.compile(r"\n" + _LINE_START)
_MAYBE_FIRST_LINE = re.compile(_LINE_START)


def too_costly(text: str) -> bool:
    """True if Python-Markdown could take super-linear time over ``text``: it exceeds a
    limit of :func:`find_excess`, or one of its paragraphs packs so much markup into so
    much text that it passes :data:`MARKUP_BUDGET`."""
    if find_excess(text) is not None:
        return True
    if len(text) ** 2 <= MARKUP_BUDGET:
        return False
    return any(len(_MARKUP.findall(paragraph)) * len(paragraph) > MARKUP_BUDGET for _, paragraph in _paragraphs(text))
