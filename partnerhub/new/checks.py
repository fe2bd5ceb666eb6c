"""Checks of the answers given to ``partnerhub new``: each returns the value or raises ``Invalid``.

They use the model's own field types (so a date, an id or a text is accepted here exactly
when ``partnerhub validate`` would accept it) and the validator's plain-language messages.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pydantic import TypeAdapter, ValidationError

from partnerhub.countries import COUNTRY_CODES
from partnerhub.hubdata import HubData
from partnerhub.i18n import gettext_ as _
from partnerhub.model import fields as F
from partnerhub.text import suggest_id
from partnerhub.messages import MESSAGES, render
from partnerhub.validation.pydantic_errors import did_you_mean


class Invalid(ValueError):
    """An answer that cannot be used; the message says why and what to write."""


@lru_cache(maxsize=None)
def _adapter(annotation) -> TypeAdapter:
    return TypeAdapter(annotation)


def _parse(annotation, value: str):
    try:
        return _adapter(annotation).validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        code = error["type"]
        params = {"value": value, "field": "", "length": len(value), **(error.get("ctx") or {})}
        if code in ("string_too_short", "missing"):
            raise Invalid(_("an answer is needed")) from None
        raise Invalid(render(code, params) if code in MESSAGES else error["msg"]) from None


def text(value: str, hub: HubData | None = None) -> str:
    """A text in the default language: not empty, no control characters or unsafe markup."""
    value = value.strip()
    if not value:
        raise Invalid(_("an answer is needed"))
    return _parse(F.Name if len(value) <= 300 else F.Text, value)


def long_text(value: str, hub: HubData | None = None) -> str:
    """Like :func:`text`, without the 300-character limit of names and titles."""
    value = value.strip()
    if not value:
        raise Invalid(_("an answer is needed"))
    return _parse(F.Text, value)


def date(value: str, hub: HubData | None = None) -> dt.date:
    return _parse(F.IsoDate, value.strip())


def when(value: str, hub: HubData | None = None):
    """A date as precise as it is known: 2024, 2024-05 or 2024-05-12."""
    from partnerhub.model.dates import When

    return _parse(When, value.strip())


def record_id(value: str, hub: HubData) -> str:
    """A new record id: kebab-case and used by no file yet (ids are unique across the hub)."""
    value = value.strip()
    if not F.ID_PATTERN.fullmatch(value):
        raise Invalid(render("id_format", {"value": value, "suggestion": suggest_id(value)}))
    taken = hub.id_taken(value)
    if taken is not None:
        raise Invalid(_("{path} already exists: choose another id").format(
            path=taken.relative_to(hub.root).as_posix()))
    return value


def existing(kind: str):
    """A check that the answer is the id of an existing record of ``kind`` (folder name)."""
    def check(value: str, hub: HubData) -> str:
        value = value.strip()
        ids = hub.record_ids(kind)
        if value not in ids:
            from partnerhub.registry import BY_FOLDER  # the registry reads these checks

            known = ", ".join(ids) or _("none yet")
            raise Invalid(_("there is no {kind} `{value}`{did_you_mean}: known {kinds}: {known}").format(
                kind=BY_FOLDER[kind].name, value=value, did_you_mean=did_you_mean(value, ids), kinds=kind, known=known))
        return value
    return check


def term(vocabulary: str):
    """A check that the answer is a term id of ``vocabulary``."""
    def check(value: str, hub: HubData) -> str:
        value = value.strip()
        terms = list(hub.terms.get(vocabulary, {}))
        if value not in terms:
            raise Invalid(render("vocab_unknown", {
                "value": value, "vocabulary": vocabulary,
                "did_you_mean": did_you_mean(value, terms), "known": ", ".join(terms)}))
        return value
    return check


def choice(*choices: str):
    def check(value: str, hub: HubData | None = None) -> str:
        value = value.strip()
        if value not in choices:
            raise Invalid(render("literal_error", {
                "value": value, "expected": ", ".join(f"`{c}`" for c in choices),
                "did_you_mean": did_you_mean(value, choices)}))
        return value
    return check


def many(check):
    """Several answers separated by commas (or given by repeating the option)."""
    def check_all(value: str, hub: HubData) -> list:
        items = [item.strip() for item in value.split(",") if item.strip()]
        if not items:
            raise Invalid(_("an answer is needed"))
        out = []
        for item in items:
            parsed = check(item, hub)
            if parsed not in out:
                out.append(parsed)
        return out
    return check_all


def number(value: str, hub: HubData | None = None) -> int:
    value = value.strip()
    if not value.isdigit():
        raise Invalid(render("int_type", {"value": value}))
    result = int(value)
    if result > 99:
        raise Invalid(render("less_than_equal", {"value": value, "le": 99}))
    return result


def country(value: str, hub: HubData | None = None) -> str:
    value = value.strip()
    if value.upper() in COUNTRY_CODES:
        return value.upper()
    hint = render("country_greece", {}) if value.upper() == "EL" else render("country_list", {})
    raise Invalid(render("country_code", {"value": value, "country_hint": hint}))
