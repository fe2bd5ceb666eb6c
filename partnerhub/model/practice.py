"""Good-practice records (``data/practices/<id>.yml``).

The sections (problem, actions, …) may be written in the YAML or in ``<id>.<lang>.md``
files beside it, each section introduced by a heading ending in ``{#<section>}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Contact, Link, Period, Photo, Record, Strict
from partnerhub.model.fields import (
    FEW, MANY, MAX_AMOUNT, SOME, Id, LangMarkdown, LangSummary, LangText, ShortText, StrictBool, StrictFloat, StrictInt,
    ref, vocab,
)
from partnerhub.model.money import Currency
from partnerhub.model.refs import one_or_more

# The sections every practice database converges on, in reading order; ``adaptation``
# says what a practice adapted from another changed.
SECTIONS = ("problem", "actions", "results", "resources", "success_factors", "transferability", "adaptation")
STATUSES = ("planned", "ongoing", "completed", "discontinued", "unknown")


class PracticeLabel(Strict):
    """A label or award the practice received (an URBACT Good Practice label, 2017)."""

    label: vocab("practice-labels") = Field(description="The label (data/vocabularies/practice-labels.yml).")
    year: StrictInt | None = Field(None, ge=1950, le=2100, description="The year it was given, if a source says.")


class Funding(Strict):
    """How the practice is funded."""

    programme: vocab("programmes") | None = Field(None, description="Programme (data/vocabularies/programmes.yml).")
    amount: StrictFloat | None = Field(None, ge=0, le=MAX_AMOUNT, description="Budget, in the currency below.")
    currency: Currency = Field("EUR", description="ISO 4217 currency code.")
    description: LangMarkdown | None = Field(None, description="Sources of funding, in words.")


class Practice(Record):
    """A good practice: something a partner did that others can learn from."""

    NAME_FIELD = "title"

    id: Id = Field(description="Same as the file name, e.g. serres-volunteer-platform.")
    title: LangText = Field(description="Title of the practice.")
    owners: list[ref("partners")] = Field(min_length=1, max_length=FEW, description="Ids of the partners who run it.")
    network: one_or_more("networks", "Id of the network it belongs to, or a list of them.") = Field(
        default_factory=list, max_length=FEW, description="Id of the network it belongs to, if any; a list, [a, b], if several.")
    labels: list[PracticeLabel] = Field(default_factory=list, max_length=FEW, description="Labels and awards it received, each with its year.")
    themes: list[vocab("themes")] = Field(min_length=1, max_length=FEW, description="Themes (data/vocabularies/themes.yml).")
    target_groups: list[vocab("target-groups")] = Field(default_factory=list, max_length=FEW, description="Target groups (data/vocabularies/target-groups.yml).")
    status: Literal[STATUSES] = Field(description="planned, ongoing, completed, discontinued, or unknown if no source says.")
    period: Period | None = Field(None, description="When it ran.")
    featured: StrictBool = Field(False, description="true to show it on the home page.")
    summary: LangSummary = Field(description="The practice in two or three sentences.")
    problem: LangMarkdown | None = Field(None, description="The problem it addresses.")
    actions: LangMarkdown | None = Field(None, description="What was done.")
    results: LangMarkdown | None = Field(None, description="Results and evidence.")
    resources: LangMarkdown | None = Field(None, description="Staff, money and partners it takes.")
    success_factors: LangMarkdown | None = Field(None, description="What made it work, or fail.")
    transferability: LangMarkdown | None = Field(None, description="How others could adapt it.")
    adapted_from: ref("practices") | None = Field(None, description="Id of the practice this one adapts (a transfer); say what was changed under adaptation.")
    adaptation: LangMarkdown | None = Field(None, description="What was changed in adapting it from the practice under adapted_from.")
    transferred_to: list[ref("partners")] = Field(default_factory=list, max_length=MANY, description="Ids of partners that adapted it (when their adaptation has no practice record of its own).")
    funding: Funding | None = Field(None, description="How it is funded.")
    contact: Contact | None = Field(None, description="Who to contact; details published only with publish: true.")
    links: list[Link] = Field(default_factory=list, max_length=SOME, description="Further reading.")
    photos: list[Photo] = Field(default_factory=list, max_length=SOME, description="Photos, each with alt text.")
    location: ShortText | None = Field(None, description="Where, if narrower than the owner (a village, a district).")
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)

    @property
    def networks(self) -> list[str]:
        return self.network
