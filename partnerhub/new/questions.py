"""What ``partnerhub new`` asks for each record type: its :class:`Question` objects and
the small helpers they share. Each record type lists its questions in its entry of
``partnerhub.registry``; the command (``command.py``) asks them or reads them as options.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from partnerhub.hubdata import HubData
from partnerhub.i18n import gettext_ as _
from partnerhub.new import checks as C
from partnerhub.text import suggest_id


@dataclass(frozen=True)
class Question:
    """One essential of a new record: its option, its prompt and its check."""

    name: str
    prompt: str
    check: Callable  # (text, hub) -> value, raises C.Invalid
    essential: bool | Callable = True  # must be given when nobody can be asked
    default: Callable | None = None  # (answers, hub) -> str | None
    choices: Callable | None = None  # (hub, answers) -> list[str] shown with the question
    also: Callable | None = None  # (value, answers, hub) -> None, raises C.Invalid
    multiple: bool = False


def members(network: dict) -> set[str]:
    return {m.get("partner") for m in network.get("partners") or [] if isinstance(m, dict) and m.get("partner")}


def host_in_network(host, answers, hub: HubData) -> None:
    if host is None:
        return
    partners = members(hub.read_record("networks", answers["network"]) or {})
    if partners and host not in partners:
        raise C.Invalid(_("`{host}` is not a partner of the network `{network}` (its partners: {members}): "
                          "check the id, or add it to data/networks/{network}.yml first").format(
            host=host, network=answers["network"], members=", ".join(sorted(partners))))


def after_start(end, answers, hub) -> None:
    if end is not None and end.certainly_before(answers["start"]):
        raise C.Invalid(_("the end date {end} is before the start date {start}").format(
            end=end.isoformat(), start=answers["start"].isoformat()))


def meeting_id(a, hub) -> str:
    middle = f"{a['number']:02d}" if a.get("number") is not None else a["start"].isoformat()
    return "-".join(part for part in (a["network"], middle, a.get("host") or "online") if part)


def short_id(*words: str) -> str:
    text = suggest_id(" ".join(w for w in words if w))
    while len(text) > 40 and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text


def ids(kind):
    return lambda hub, answers: hub.record_ids(kind)


def network_members(hub, answers) -> list[str]:
    return sorted(members(hub.read_record("networks", answers["network"]) or {})) or hub.record_ids("partners")


def terms(vocabulary):
    return lambda hub, answers: list(hub.terms.get(vocabulary, {}))


def fixed(*choices: str):
    return lambda hub, answers: list(choices)
