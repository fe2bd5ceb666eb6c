"""Field types shared by every record: ids, language-keyed text, dates, URLs, references.

Each type carries its own check and, where a later pass needs to find it (references,
vocabulary terms, files, translations), a marker object in its ``Annotated`` metadata:
``walk_markers`` in ``partnerhub.model.walk`` finds the markers in any record.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, Strict, ValidationInfo
from pydantic_core import PydanticCustomError

from partnerhub.countries import COUNTRY_CODES
from partnerhub.text import suggest_id

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
# Unicode category Cc (C0 and C1 controls) but tab, line feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKUP_HINT = re.compile(r"[<=:&]")
# Browsers drop tabs and line breaks inside a URL and decode character references
# (`jav&#x61;script:`) before they look at its scheme.
_SCHEME = re.compile(r"(javascript|vbscript)\s*:", re.I)
_URL_IGNORED = re.compile(r"[\t\n\r]")
_EVENT_ATTRIBUTE = re.compile(r"on[a-z]+\s*=$", re.I)  # point at the attribute, not at its tag
_UNSAFE_MARKUP = [
    (re.compile(r"<\s*script\b", re.I), "<script>"),
    (re.compile(r"<\s*iframe\b", re.I), "<iframe>"),
    (re.compile(r"<\s*(style|object|embed|base|meta|link|form)\b", re.I), "<{0}>"),
    # an event handler is an attribute, so inside a tag: "one = two" in a sentence is fine
    (re.compile(r"<[^>]*?\bon[a-z]+\s*=", re.I), "on…= attribute"),
    (re.compile(r"(javascript|vbscript)\s*:", re.I), "{0}: link"),
    # a data: URI has a media type (data:text/html,…) or goes straight to its data; plain
    # words such as "Open data: …" are no link
    (re.compile(r"(data)\s*:\s*(?:[a-z]+/[a-z0-9.+-]+|[;,])", re.I), "{0}: link"),
]


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


def _check_text(value: str) -> str:
    # ``snippet``: the text to point at, so that an error inside a long block of text gets
    # the line it is on rather than the line the block starts on
    if not unicodedata.is_normalized("NFC", value):
        word = next((w for w in value.split() if not unicodedata.is_normalized("NFC", w)), value[:20])
        raise PydanticCustomError("text_not_nfc", "not NFC", {"word": word, "snippet": word})
    found_control = _CONTROL.search(value)
    control = found_control.group(0) if found_control else None
    if control is not None:
        raise PydanticCustomError("text_control_character", "control character",
                                  {"code_point": f"U+{ord(control):04X}", "snippet": control})
    if not _MARKUP_HINT.search(value):  # fast path: no character any unsafe markup needs
        return value
    for pattern, label in _UNSAFE_MARKUP:
        found = pattern.search(value)
        if found:
            raise PydanticCustomError(
                "text_unsafe_markup", "unsafe markup",
                {"markup": label.format((found.group(1) if found.groups() else "").lower()),
                 "snippet": _EVENT_ATTRIBUTE.search(found.group(0)).group(0)
                 if label == "on…= attribute" else found.group(0)},
            )
    if "&" in value or "\t" in value:  # a disguised link: `jav&#x61;script:`, `java&#9;script:`
        # (text line breaks stay: a link cannot span lines, and `&lt;script&gt;` is text)
        probe = _URL_IGNORED.sub("", html.unescape(value.replace("\n", "\x00")))
        found = _SCHEME.search(probe)
        if found:
            raise PydanticCustomError("text_unsafe_markup", "unsafe markup",
                                      {"markup": f"{found.group(1).lower()}: link", "snippet": ""})
    return value


Text = Annotated[str, Strict(), AfterValidator(_check_text)]
Name = Annotated[str, Strict(), AfterValidator(_check_text), Field(min_length=1, max_length=300)]
StrictInt = Annotated[int, Strict()]
StrictFloat = Annotated[float, Strict()]  # a whole number is fine; "41.1" in quotes and true are not
StrictBool = Annotated[bool, Strict()]


def _check_id(value: object) -> object:
    if isinstance(value, str) and not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError("id_format", "bad id", {"suggestion": suggest_id(value)})
    return value


Id = Annotated[str, Strict(), BeforeValidator(_check_id)]


def ref(kind: str):
    """An id that must name an existing record in ``data/<kind>/``."""
    return Annotated[str, Strict(), BeforeValidator(_check_id), Ref(kind)]


def vocab(vocabulary: str):
    """A term id of ``data/vocabularies/<vocabulary>.yml``."""
    return Annotated[str, Strict(), BeforeValidator(_check_id), VocabRef(vocabulary)]


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
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError("url_scheme", "bad url", {"value": value})
    return value


Url = Annotated[str, Strict(), AfterValidator(_check_url)]


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
        upper = value.upper()
        raise PydanticCustomError(
            "country_code", "bad country",
            {"value": value, "suggestion": upper if upper in COUNTRY_CODES else ""},
        )
    return value


Country = Annotated[str, Strict(), AfterValidator(_check_country)]


def check_path(value: object) -> object:
    if isinstance(value, str):
        if value.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", value):
            raise PydanticCustomError("file_absolute", "absolute path", {"value": value})
        if ".." in re.split(r"[/\\]", value):
            raise PydanticCustomError("file_parent", "parent path", {"value": value})
    return value


FilePath = Annotated[str, Strict(), AfterValidator(check_path), FileRef()]
PhotoPath = Annotated[str, Strict(), AfterValidator(check_path), FileRef("photo")]
DocumentPath = Annotated[str, Strict(), AfterValidator(check_path), FileRef("document")]


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


LangText = Annotated[dict[LanguageKey, Text], AfterValidator(_check_language_keys), Translatable()]
LangMarkdown = Annotated[dict[LanguageKey, Text], AfterValidator(_check_language_keys), Translatable(markdown=True)]
