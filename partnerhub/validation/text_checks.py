"""Warnings about the text of valid records: look-alike letters and internationalised hosts.

Neither is an error (a Greek word may quote a Latin acronym, a site may have an
internationalised name), but both are how a name or a link is spoofed: ``ѕerres`` with a
Cyrillic ``ѕ`` sorts, searches and links differently from ``serres``; ``exаmple.org`` with a
Cyrillic ``а`` is another site. Each warning points at the value and names what to check.
"""

from __future__ import annotations

import typing
from functools import lru_cache
from urllib.parse import urlsplit

from pydantic import BaseModel

from partnerhub.i18n import N_
from partnerhub.messages import Msg, Word
from partnerhub.model import fields as F
from partnerhub.text import describe_character, mixed_script_words

SCRIPT_NAMES = {"LATIN": N_("Latin"), "GREEK": N_("Greek"), "CYRILLIC": N_("Cyrillic")}


def _is_url(info) -> bool:
    """True if the field's type is (a list of, or an optional) :data:`~partnerhub.model.fields.Url`."""
    def check(annotation) -> bool:
        if typing.get_origin(annotation) is typing.Annotated:
            return any(getattr(meta, "func", None) is F._check_url for meta in typing.get_args(annotation)[1:])
        return any(check(arg) for arg in typing.get_args(annotation))
    return any(getattr(meta, "func", None) is F._check_url for meta in info.metadata) or check(info.annotation)


@lru_cache(maxsize=None)
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """(name, is a URL) for each field of ``model``: worked out once per model."""
    return tuple((name, _is_url(info)) for name, info in model.model_fields.items())


def strings(record: BaseModel, path: tuple = ()):
    """``(field path, text, is a URL)`` for every text of ``record``, language maps included."""
    for name, url in _fields(type(record)):
        value = getattr(record, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = path + (name,) if index is None else path + (name, index)
            if isinstance(item, str):
                yield here, item, url
            elif isinstance(item, dict):
                for key, text in item.items():
                    if isinstance(text, str):
                        yield here + (key,), text, False
            elif isinstance(item, BaseModel):
                yield from strings(item, here)


def mixed_script_warnings(text: str):
    """(message parameters) for each word of ``text`` that mixes alphabets."""
    for mixed in mixed_script_words(text):
        char = mixed.strangers[0]
        reading = mixed.latin_reading()
        yield {
            "word": mixed.word, "char": char, "character": describe_character(char),
            "script": Word(SCRIPT_NAMES.get(mixed.script, mixed.script.title())),
            "did_you_mean": Msg("did_you_mean", {"suggestion": reading}) if reading else "",
            "snippet": mixed.word,
        }


def idn_host(url: str) -> dict | None:
    """The parameters of a ``url_idn`` warning if ``url``'s host is internationalised."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    ascii_host = F.host_ascii(host)
    if ascii_host is None or not (not host.isascii() or any(p.startswith("xn--") for p in ascii_host.split("."))):
        return None
    unicode_host = host if not host.isascii() else ascii_host.encode("ascii").decode("idna")
    return {"host": unicode_host, "ascii": ascii_host, "value": url, "snippet": url}


def check_entry(entry, report) -> None:
    """The warnings about one valid record (``partnerhub.hub.Entry``)."""
    for path, text, is_url in strings(entry.record):
        if is_url:
            params = idn_host(text)
            if params:
                report.at_path(entry.file, entry.positions, path, "url_idn", params,
                               severity="warning", prose=entry.prose)
            continue
        if text.isascii():
            continue
        for params in mixed_script_warnings(text):
            report.at_path(entry.file, entry.positions, path, "text_mixed_script", params,
                           severity="warning", prose=entry.prose)
