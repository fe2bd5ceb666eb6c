"""Network records (``data/networks/<id>.yml``): a partnership of cities and organisations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Period, Record, Strict
from partnerhub.model.dates import When, not_before
from partnerhub.model.fields import FEW, MANY, SOME, Id, LangMarkdown, LangSummary, LangText, Name, Url, ref, vocab
from partnerhub.model.money import Budget
from partnerhub.model.names import OtherName

ROLES = ("lead", "co-lead", "partner", "advisory", "observer")


class Phase(Strict):
    """A stage of the network with its own period (Phase 1, Phase 2; activation, planning)."""

    id: Id = Field(description="A short id for it, e.g. phase-1; memberships refer to it.")
    name: LangText = Field(description="Its name, e.g. Phase 1: exchange of experience.")
    period: Period = Field(description="When it ran, as precisely as the sources say.")
    description: LangMarkdown | None = Field(None, description="What the partners did in it.")


class Membership(Strict):
    """A partner's place in a network."""

    partner: ref("partners") = Field(description="Id of the partner (a file in data/partners/).")
    role: Literal[ROLES] = Field("partner", description="lead (exactly one), co-lead, partner, advisory or observer.")
    department: LangText | None = Field(None, description="The department or unit that takes part, if not the whole organisation.")
    funding: vocab("funds") | None = Field(None, description="The fund that pays its share, if it differs from the network's (e.g. ipa for a partner outside the EU).")
    phases: list[Id] = Field(default_factory=list, max_length=FEW, description="Ids of the phases it took part in, if not all.")
    joined: When | None = Field(None, description="When it joined, if later than the start (2024, 2024-03).")
    left: When | None = Field(None, description="When it left, if before the end.")

    _left_after_joined = field_validator("left")(not_before("joined"))


class Network(Record):
    """A network of partners working together for a period under a programme."""

    id: Id = Field(description="Same as the file name, e.g. breaking-isolation.")
    name: LangText = Field(description="Full name of the network.")
    acronym: Name | None = Field(None, description="Short name, e.g. DIGI-INCLUSION.")
    subtitle: LangText | None = Field(None, description="A subtitle or tagline, if the network has one.")
    other_names: list[OtherName] = Field(default_factory=list, max_length=FEW, description="Other spellings and former names, so that search finds them.")
    type: vocab("network-types") | None = Field(None, description="Kind of network (data/vocabularies/network-types.yml).")
    programme: vocab("programmes") = Field(description="Funding programme (data/vocabularies/programmes.yml).")
    themes: list[vocab("themes")] = Field(min_length=1, max_length=FEW, description="Themes (data/vocabularies/themes.yml).")
    period: Period = Field(description="When the network runs.")
    phases: list[Phase] = Field(default_factory=list, max_length=FEW, description="Its phases, each with its own period, in order.")
    follows: ref("networks") | None = Field(None, description="Id of the network it continues, or of the earlier wave it follows.")
    partners: list[Membership] = Field(min_length=1, max_length=MANY, description="Partners with their roles; exactly one lead.")
    budget: Budget | None = Field(None, description="Its budget: total, currency, EU funding.")
    summary: LangSummary = Field(description="What the network is about, a few sentences.")
    website: Url | None = Field(None, description="Official page of the network.")
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)

    @field_validator("partners")
    @classmethod
    def _one_lead(cls, partners: list[Membership]) -> list[Membership]:
        # a field validator, so that it runs even when other fields have errors
        seen: set[str] = set()
        for index, member in enumerate(partners):
            if member.partner in seen:
                raise PydanticCustomError("network_partner_twice", "twice", {"partner": member.partner, "index": index})
            seen.add(member.partner)
        leads = [m.partner for m in partners if m.role == "lead"]
        if len(leads) != 1:
            raise PydanticCustomError("network_lead_count", "one lead", {"count": len(leads)})
        return partners

    @property
    def lead_partner(self) -> str:
        return next(m.partner for m in self.partners if m.role == "lead")

    def member(self, partner_id: str) -> Membership | None:
        return next((m for m in self.partners if m.partner == partner_id), None)
