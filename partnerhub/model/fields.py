"""Field types shared by every record: ids, language-keyed text, dates, URLs, references.

Each type carries its own check and, where a later pass needs to find it (references,
vocabulary terms, files, translations), a marker object in its ``Annotated`` metadata:
``walk_markers`` in ``partnerhub.model.walk`` finds the markers in any record.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import html
import ipaddress
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, AllowInfNan, BeforeValidator, Field, Strict, ValidationInfo
from pydantic_core import PydanticCustomError

from partnerhub.countries import COUNTRY_CODES, country_suggestion
from partnerhub.i18n import N_
from partnerhub.markdown_guard import MAX_NESTING, find_excess
from partnerhub.messages import Word
from partnerhub.text import describe_character, format_characters, suggest_id

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
# Unicode category Cc (C0 and C1 controls) but tab, line feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates: they reorder what a reader sees (Trojan Source).
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


# --- limits: every text and list of a record has one, stated here -------------------------
# Chosen from the demo data (longest: a title of 101 characters, a summary of 626, a meeting
# report of 3,799) with room to spare; a record file is at most 1 MB (partnerhub.loader).

ID_LENGTH = 100  # ids and file names
NAME_LENGTH = 300  # names, titles, labels, roles, venues, credits
SHORT_TEXT_LENGTH = 500  # alt text, captions, who took part
SUMMARY_LENGTH = 1_500  # summaries: lists, cards and page descriptions show them
LONG_TEXT_LENGTH = 30_000  # reports, sections, descriptions, notes
URL_LENGTH = 2_000
FEW = 20  # themes, target groups, owners, contacts, languages
SOME = 50  # photos, documents, links, sources, site visits
MANY = 200  # partners of a network, members of a group, agenda items, participants
MAX_AMOUNT = 1_000_000_000_000  # a budget: a trillion in any currency is a typing slip


# --- unsafe markup ---------------------------------------------------------------------


@dataclass(frozen=True)
class MarkupRule:
    """A kind of markup that text may not hold: an early, friendly error (pages escape and
    sanitise whatever text holds; safety does not rest on these rules).

    ``pattern`` is matched case-insensitively. Each pattern is linear: every unbounded
    repetition runs over a class that stops at the next ``<``, ``>`` or quote, or is
    followed by a literal it cannot contain, so no match can backtrack over the whole text.
    ``partnerhub.schema`` turns the same patterns into the JSON Schemas.
    """

    pattern: str
    label: str  # what the message names: "<{0}>" is filled with group 1; a msgid otherwise
    point: int = 0  # the group the message points at (0: the whole match)

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


UNSAFE_MARKUP: tuple[MarkupRule, ...] = (
    MarkupRule(r"<\s*(script|iframe|style|object|embed|base|meta|link|form)\b", "<{0}>"),
    # an event handler is an attribute, so inside a tag: "one = two" in a sentence is fine
    MarkupRule(r"<[a-z][^<>]*?[\s/\"'](on[a-z]+\s*=)", N_("on…= attribute"), point=1),
    # a `>` (or `<`) inside a quoted value ends the tag early for a filter, not for a browser
    MarkupRule(r"<[a-z][^<>\"']*=\s*(\"[^\"<>]*[<>]|'[^'<>]*[<>])", N_("a `<` or `>` inside a quoted attribute value"),
               point=1),
    # a bare `"` that ends the attribute a text is put in, followed by an attribute of its own
    MarkupRule(r"(\"(?:\s+[a-z][a-z0-9_:-]*)*?\s+(?:on[a-z]+|http-equiv|style|srcdoc|formaction)\s*=)",
               N_("a `\"` followed by an HTML attribute"), point=1),
    MarkupRule(r"(javascript|vbscript)\s*:", "{0}: link"),
    # a data: URI has a media type (data:text/html,…) or goes straight to its data; plain
    # words such as "Open data: …" are no link
    MarkupRule(r"(data)\s*:\s*(?:[a-z]+/[a-z0-9.+-]+|[;,])", "{0}: link"),
)
# The link rules, also applied to the text as a browser reads a link: character references
# decoded (`jav&#x61;script:`, `data&colon;`), tabs and line breaks dropped (`java&#9;script:`).
_LINK_RULES = UNSAFE_MARKUP[-2:]
_URL_IGNORED = re.compile(r"[\t\n\r]")
# The characters each rule cannot match without, in the order of UNSAFE_MARKUP: a rule is
# only run over a text that holds all of its characters (`<` opens a tag, `"` ends a
# value, `:` ends a scheme). Without any of them and without `&`, nothing can match.
_NEEDS = ("<", "<", "<", '"=', ":", ":")
_MARKUP_HINT = '<":&'  # looked for one by one: `in` is faster than a search for a class


def _markup_label(rule: MarkupRule, found: re.Match):
    if "{0}" in rule.label:
        return rule.label.format(found.group(1).lower())
    return Word(rule.label)


def find_unsafe_markup(value: str) -> tuple[object, str] | None:
    """(what the message names, the text to point at) for the first unsafe markup, or None."""
    if not any(char in value for char in _MARKUP_HINT):  # no character any rule needs
        return None
    for rule, needs in zip(UNSAFE_MARKUP, _NEEDS):
        if not all(char in value for char in needs):
            continue
        found = rule.regex.search(value)
        if found:
            return _markup_label(rule, found), found.group(rule.point)
    # the probe holds a `:` only if the text does, or if a character reference (`&colon;`) decodes to one
    if "&" in value or ":" in value and _URL_IGNORED.search(value):
        probe = _URL_IGNORED.sub("", html.unescape(value))
        for rule in _LINK_RULES:
            found = rule.regex.search(probe)
            if found:
                return _markup_label(rule, found), ""
    return None


# --- markers -----------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """The field holds the id of a record of ``kind`` (a folder name: ``partners``…)."""

    kind: str


@dataclass(frozen=True)
class VocabRef:
    """The field holds a term id of vocabulary ``vocabulary`` (``themes``…)."""

    vocabulary: str


@dataclass(frozen=True)
class FileRef:
    """The field holds a path, relative to ``data/``, to a file of ``data/media``: a
    ``photo`` (JPEG, PNG, WebP) or a ``document`` (PDF), checked by ``partnerhub.media``."""

    kind: str | None = None


@dataclass(frozen=True)
class Translatable:
    """The field is language-keyed text; ``markdown`` if it may hold Markdown."""

    markdown: bool = False


# --- plain values ------------------------------------------------------------


def _printable(value: str) -> bool:
    """True if ``value`` holds no character but printable ones and line breaks: then it holds
    no control, format (bidi, zero-width) or line separator character, and the searches for
    them can be skipped (``str.isprintable`` is a fast loop in C)."""
    return all(map(str.isprintable, value.split("\n")))


def _check_common(value: str, printable: bool) -> None:
    # ``snippet``: the text to point at, so that an error inside a long block of text gets
    # the line it is on rather than the line the block starts on
    if not unicodedata.is_normalized("NFC", value):
        word = next((w for w in value.split() if not unicodedata.is_normalized("NFC", w)), value[:20])
        raise PydanticCustomError("text_not_nfc", "not NFC", {"word": word, "snippet": word})
    found_control = None if printable else _CONTROL.search(value)
    if found_control is not None:
        control = found_control.group(0)
        raise PydanticCustomError("text_control_character", "control character",
                                  {"code_point": f"U+{ord(control):04X}", "snippet": control})


def _described(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``; a control character has a code point and no name."""
    return describe_character(char) if unicodedata.name(char, "") else f"U+{ord(char):04X}"


def _format_character(char: str) -> PydanticCustomError:
    return PydanticCustomError("text_format_character", "format character",
                               {"character": _described(char), "snippet": char})


def _check_markup(value: str) -> None:
    unsafe = find_unsafe_markup(value)
    if unsafe is not None:
        markup, snippet = unsafe
        raise PydanticCustomError("text_unsafe_markup", "unsafe markup", {"markup": markup, "snippet": snippet})


def _check_name(value: str) -> str:
    """A name, a title, a label, a short text: no invisible character of any kind."""
    printable = _printable(value)
    _check_common(value, printable)
    invisible = None if printable else format_characters(value)
    if invisible:
        raise _format_character(invisible[0])
    _check_markup(value)
    return value


def _check_text(value: str) -> str:
    """Longer text: bidi controls are refused (they reorder what a reader sees); other
    format characters (soft hyphens, joiners) have their uses in running text."""
    printable = _printable(value)
    _check_common(value, printable)
    bidi = None if printable else _BIDI_CONTROL.search(value)
    if bidi is not None:
        raise _format_character(bidi.group(0))
    _check_markup(value)
    return value


def _check_markdown(value: str) -> str:
    """Markdown: as :func:`_check_text`, and nothing that would stall its rendering."""
    _check_text(value)
    excess = find_excess(value)
    if excess is not None:
        snippet = value[excess.offset:excess.offset + 12].split("\n")[0]
        if excess.kind == "nesting":
            raise PydanticCustomError("text_markdown_nesting", "nesting",
                                      {"limit": MAX_NESTING, "snippet": snippet})
        raise PydanticCustomError("text_markdown_unclosed", "unclosed",
                                  {"char": excess.char, "count": excess.count, "snippet": snippet})
    return value


def _limited(check, max_length: int, min_length: int = 0):
    return Annotated[str, Strict(), Field(min_length=min_length, max_length=max_length), AfterValidator(check)]


Name = _limited(_check_name, NAME_LENGTH, min_length=1)  # a name or title in one language
ShortText = _limited(_check_name, NAME_LENGTH)  # a phone number, a place
Text = _limited(_check_text, LONG_TEXT_LENGTH)  # plain text of any length a field allows
NameText = _limited(_check_name, NAME_LENGTH)  # the text of a language-keyed name
CaptionText = _limited(_check_name, SHORT_TEXT_LENGTH)
SummaryText = _limited(_check_markdown, SUMMARY_LENGTH)
MarkdownText = _limited(_check_markdown, LONG_TEXT_LENGTH)
StrictInt = Annotated[int, Strict()]
# a whole number is fine; "41.1" in quotes, true, and 1e400 (infinite) are not
StrictFloat = Annotated[float, Strict(), AllowInfNan(False)]
StrictBool = Annotated[bool, Strict()]


def _check_id(value: object) -> object:
    if isinstance(value, str) and not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError("id_format", "bad id", {"suggestion": suggest_id(value)})
    return value


Id = Annotated[str, Strict(), Field(max_length=ID_LENGTH), BeforeValidator(_check_id)]


def ref(kind: str):
    """An id that must name an existing record in ``data/<kind>/``."""
    return Annotated[str, Strict(), Field(max_length=ID_LENGTH), BeforeValidator(_check_id), Ref(kind)]


def vocab(vocabulary: str):
    """A term id of ``data/vocabularies/<vocabulary>.yml``."""
    return Annotated[str, Strict(), Field(max_length=ID_LENGTH), BeforeValidator(_check_id), VocabRef(vocabulary)]


def _parse_date(value: object) -> object:
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "bad date", {"value": str(value)})
    year, month, day = (int(part) for part in _DATE.fullmatch(value).groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date_not_real", "no such date", {"value": value}) from None


IsoDate = Annotated[_dt.date, BeforeValidator(_parse_date)]


def check_end_after_start(end, info: ValidationInfo):
    """A field validator for ``end``: it runs even when other fields have errors (a model
    validator would not), as long as ``start``, declared before it, is valid."""
    start = info.data.get("start")
    if end is not None and start is not None and end < start:
        raise PydanticCustomError("date_end_before_start", "end before start",
                                  {"start": start.isoformat(), "end": end.isoformat()})
    return end


def _check_time(value: object) -> object:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise PydanticCustomError("time_format", "bad time", {"value": str(value)})
    return value


Time = Annotated[str, BeforeValidator(_check_time)]


def _check_url(value: object) -> object:
    if not isinstance(value, str):
        return value
    bad = next((c for c in value if c.isspace() or unicodedata.category(c) in ("Cc", "Cf")), None)
    if bad is not None:
        raise PydanticCustomError("url_control", "control or space", {"value": value, "character": _described(bad)})
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1": a bracket never closed
        raise PydanticCustomError("url_host", "bad host", {"value": value, "host": (value.split("/")[2:3] or [""])[0]}) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError("url_scheme", "bad url", {"value": value})
    if "@" in parts.netloc:
        raise PydanticCustomError("url_userinfo", "userinfo", {"value": value, "host": parts.netloc.rpartition("@")[2]})
    host = parts.netloc.rpartition(":")[0] if parts.netloc.rpartition(":")[2].isdigit() else parts.netloc
    try:
        port_ok = parts.port is None or 0 < parts.port
    except ValueError:
        port_ok = False
    if not port_ok or host_ascii(parts.hostname or "") is None:
        raise PydanticCustomError("url_host", "bad host", {"value": value, "host": host})
    return value


_DNS_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def host_ascii(host: str) -> str | None:
    """The ASCII (punycode) form of a web address's host, or None if it is neither a valid
    DNS name (two labels at least) nor an IP address."""
    host = host.rstrip(".").lower()
    if not host:
        return None
    if ":" in host or re.fullmatch(r"[0-9.]+", host):
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            return None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or len(labels) < 2 or labels[-1].isdigit():
        return None
    return ascii_host if all(_DNS_LABEL.fullmatch(label) for label in labels) else None


Url = Annotated[str, Strict(), Field(max_length=URL_LENGTH), AfterValidator(_check_url)]


def _check_email(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise PydanticCustomError("email_format", "bad email", {"value": value, "reason": str(exc)}) from None


Email = Annotated[str, Strict(), AfterValidator(_check_email)]


def _check_country(value: object) -> object:
    if isinstance(value, str) and value not in COUNTRY_CODES:
        raise PydanticCustomError("country_code", "bad country", {"value": value, "suggestion": country_suggestion(value)})
    return value


Country = Annotated[str, Strict(), AfterValidator(_check_country)]


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """The IANA time zone names (from the system's zoneinfo or the tzdata package)."""
    return frozenset(zoneinfo.available_timezones())


def _check_timezone(value: object) -> object:
    if isinstance(value, str) and value not in time_zones():
        raise PydanticCustomError("timezone_unknown", "unknown time zone",
                                  {"value": value, "suggestion": _closest_zone(value)})
    return value


def _closest_zone(value: str) -> str:
    zones = sorted(time_zones())
    wanted = value.strip().replace(" ", "_").casefold()
    for zone in zones:  # `europe/athens`, or only the city: `Athens`
        if zone.casefold() == wanted or zone.rpartition("/")[2].casefold() == wanted:
            return zone
    match = difflib.get_close_matches(value, zones, n=1, cutoff=0.6)
    return match[0] if match else ""


TimeZone = Annotated[str, Strict(), Field(max_length=NAME_LENGTH), AfterValidator(_check_timezone)]


def check_path(value: object) -> object:
    if isinstance(value, str):
        if value.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", value):
            raise PydanticCustomError("file_absolute", "absolute path", {"value": value})
        if ".." in re.split(r"[/\\]", value):
            raise PydanticCustomError("file_parent", "parent path", {"value": value})
        if not value.startswith("media/"):
            raise PydanticCustomError("file_not_media", "not in media", {"value": value})
    return value


FilePath = Annotated[str, Strict(), Field(max_length=NAME_LENGTH), AfterValidator(check_path), FileRef()]
PhotoPath = Annotated[str, Strict(), Field(max_length=NAME_LENGTH), AfterValidator(check_path), FileRef("photo")]
DocumentPath = Annotated[str, Strict(), Field(max_length=NAME_LENGTH), AfterValidator(check_path), FileRef("document")]


# --- language-keyed text -----------------------------------------------------


def _check_language_key(key: str, info: ValidationInfo) -> str:
    """Each key on its own, so that every unknown language of a field is reported."""
    hub = (info.context or {}).get("hub")
    if hub is not None and key not in hub.languages:
        raise PydanticCustomError("language_unknown", "unknown language",
                                  {"key": key, "known": ", ".join(hub.languages)})
    return key


LanguageKey = Annotated[str, Strict(), AfterValidator(_check_language_key)]


def _check_language_keys(value: dict, info: ValidationInfo) -> dict:
    hub = (info.context or {}).get("hub")
    if hub is None:
        return value
    if not (value.get(hub.default_language) or "").strip():
        raise PydanticCustomError("language_default_missing", "default missing", {"lang": hub.default_language})
    return value


def _lang(text, markdown: bool = False):
    return Annotated[dict[LanguageKey, text], AfterValidator(_check_language_keys), Translatable(markdown=markdown)]


LangText = _lang(NameText)  # names, titles, labels: one line, at most NAME_LENGTH
LangShort = _lang(CaptionText)  # alt text, captions, who took part
LangSummary = _lang(SummaryText, markdown=True)  # summaries shown in lists and descriptions
LangMarkdown = _lang(MarkdownText, markdown=True)  # reports, sections, descriptions, notes
