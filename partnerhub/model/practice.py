"""Good-practice records (``data/practices/<id>.yml``).

The sections (problem, actions, …) may be written in the YAML or in ``<id>.<lang>.md``
files beside it, each section introduced by a heading ending in ``{#<section>}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from partnerhub.model.common import Contact, Link, Period, Photo, Record, Strict
from partnerhub.model.fields import (
    FEW, MANY, MAX_AMOUNT, SOME, Id, LangMarkdown, LangSummary, LangText, ShortText, StrictBool, StrictFloat, ref, vocab,
)

# The sections every practice database converges on, in reading order.
SECTIONS = ("problem", "actions", "results", "resources", "success_factors", "transferability")


class Funding(Strict):
    """How the practice is funded."""

    programme: vocab("programmes") | None = Field(None, description="Programme (data/vocabularies/programmes.yml).")
    amount: StrictFloat | None = Field(None, ge=0, le=MAX_AMOUNT, description="Budget, in the currency below.")
    currency: Literal["EUR", "BGN", "CZK", "DKK", "HUF", "PLN", "RON", "SEK", "CHF", "NOK", "ISK", "GBP", "BAM", "RSD", "MKD", "ALL", "TRY"] = Field(
        "EUR", description="ISO 4217 currency code.")
    description: LangMarkdown | None = Field(None, description="Sources of funding, in words.")


class Practice(Record):
    """A good practice: something a partner did that others can learn from."""

    NAME_FIELD = "title"

    id: Id = Field(description="Same as the file name, e.g. serres-volunteer-platform.")
    title: LangText = Field(description="Title of the practice.")
    owners: list[ref("partners")] = Field(min_length=1, max_length=FEW, description="Ids of the partners who run it.")
    network: ref("networks") | None = Field(None, description="Id of the network it belongs to, if any.")
    themes: list[vocab("themes")] = Field(min_length=1, max_length=FEW, description="Themes (data/vocabularies/themes.yml).")
    target_groups: list[vocab("target-groups")] = Field(default_factory=list, max_length=FEW, description="Target groups (data/vocabularies/target-groups.yml).")
    status: Literal["planned", "ongoing", "completed", "discontinued"] = Field(description="planned, ongoing, completed or discontinued.")
    period: Period | None = Field(None, description="When it ran.")
    featured: StrictBool = Field(False, description="true to show it on the home page.")
    summary: LangSummary = Field(description="The practice in two or three sentences.")
    problem: LangMarkdown | None = Field(None, description="The problem it addresses.")
    actions: LangMarkdown | None = Field(None, description="What was done.")
    results: LangMarkdown | None = Field(None, description="Results and evidence.")
    resources: LangMarkdown | None = Field(None, description="Staff, money and partners it takes.")
    success_factors: LangMarkdown | None = Field(None, description="What made it work, or fail.")
    transferability: LangMarkdown | None = Field(None, description="How others could adapt it.")
    transferred_to: list[ref("partners")] = Field(default_factory=list, max_length=MANY, description="Ids of partners that adapted it.")
    funding: Funding | None = Field(None, description="How it is funded.")
    contact: Contact | None = Field(None, description="Who to contact; details published only with publish: true.")
    links: list[Link] = Field(default_factory=list, max_length=SOME, description="Further reading.")
    photos: list[Photo] = Field(default_factory=list, max_length=SOME, description="Photos, each with alt text.")
    location: ShortText | None = Field(None, description="Where, if narrower than the owner (a village, a district).")
