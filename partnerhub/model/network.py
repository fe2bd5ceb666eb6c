"""Network records (``data/networks/<id>.yml``): a partnership of cities and organisations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.common import Period, Record, Strict
from partnerhub.model.fields import FEW, MANY, Id, LangSummary, LangText, Name, StrictInt, Url, ref, vocab


class Membership(Strict):
    """A partner's place in a network."""

    partner: ref("partners") = Field(description="Id of the partner (a file in data/partners/).")
    role: Literal["lead", "partner", "observer"] = Field("partner", description="lead, partner or observer.")
    joined: StrictInt | None = Field(None, ge=1990, le=2100, description="Year the partner joined, if later than the start.")


class Network(Record):
    """A network of partners working together for a period under a programme."""

    id: Id = Field(description="Same as the file name, e.g. breaking-isolation.")
    name: LangText = Field(description="Full name of the network.")
    acronym: Name | None = Field(None, description="Short name, e.g. DIGI-INCLUSION.")
    programme: vocab("programmes") = Field(description="Funding programme (data/vocabularies/programmes.yml).")
    themes: list[vocab("themes")] = Field(min_length=1, max_length=FEW, description="Themes (data/vocabularies/themes.yml).")
    period: Period = Field(description="When the network runs.")
    partners: list[Membership] = Field(min_length=1, max_length=MANY, description="Partners with their roles; exactly one lead.")
    lead_expert: Name | None = Field(None, description="Name of the lead expert.")
    summary: LangSummary = Field(description="What the network is about, a few sentences.")
    website: Url | None = Field(None, description="Official page of the network.")

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
