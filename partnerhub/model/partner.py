"""Partner records (``data/partners/<id>.yml``): a city or an organisation, whether it is a
member of a network or runs a practice without being one."""

from __future__ import annotations

from pydantic import Field

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Contact, Coordinates, Record, Strict
from partnerhub.model.dates import When
from partnerhub.model.fields import FEW, MANY, SOME, Country, Id, LangMarkdown, LangText, StrictInt, Url, ref, vocab
from partnerhub.model.names import OtherName


class GroupMember(Strict):
    """A member of a partner's local group (an organisation, not a private person)."""

    name: LangText = Field(description="Name of the member organisation.")
    partner: ref("partners") | None = Field(None, description="Its id, if it is also a partner record.")
    website: Url | None = Field(None, description="Its website.")


class LocalGroup(Strict):
    """The partner's local group (URBACT Local Group, local support group…)."""

    name: LangText = Field(description="Name of the group.")
    description: LangMarkdown | None = Field(None, description="What the group does.")
    members: list[GroupMember] = Field(default_factory=list, max_length=MANY, description="Member organisations.")


class Population(Strict):
    """How many people live in the city or area, and when they were counted."""

    count: StrictInt = Field(ge=1, le=100_000_000, description="Number of inhabitants.")
    year: When = Field(description="Year of the count (or its month or day).")
    source: Url | None = Field(None, description="Where the figure comes from.")


class Partner(Record):
    """A city (municipality) or an organisation taking part in networks or practices."""

    SUMMARY_FIELD = "description"

    id: Id = Field(description="Same as the file name, e.g. serres.")
    name: LangText = Field(description="Name, as written in each language (Serres, Σέρρες).")
    other_names: list[OtherName] = Field(default_factory=list, max_length=FEW, description="Other names: short, local, former names and misspellings public sources use, so that search finds them.")
    kind: vocab("organisation-kinds") = Field(description="Kind (data/vocabularies/organisation-kinds.yml).")
    country: Country = Field(description="ISO 3166-1 code in capitals, e.g. GR, in quotes if it is NO.")
    city: LangText | None = Field(None, description="City where an organisation is based, if not a city itself.")
    coordinates: Coordinates | None = Field(None, description="Where to put it on the map (leave out if not reliable).")
    population: Population | None = Field(None, description="Inhabitants of the city or area, with the year of the count.")
    website: Url | None = Field(None, description="Official website.")
    description: LangMarkdown | None = Field(None, description="A short presentation.")
    part_of: ref("partners") | None = Field(None, description="Id of the partner this one belongs to (a municipality's enterprise, a department).")
    local_group: LocalGroup | None = Field(None, description="Its local group, if any.")
    contacts: list[Contact] = Field(default_factory=list, max_length=FEW, description="Contacts; personal details published only with publish: true.")
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)
