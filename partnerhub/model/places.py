"""A place that is not a partner record: a city or a venue, with its country and where it
is on the map (a network meeting in Brussels, where no partner is)."""

from __future__ import annotations

from pydantic import Field

from partnerhub.model.common import Coordinates, Strict
from partnerhub.model.fields import Country, LangText


class Place(Strict):
    """A city or a venue named per language, with its country and, if known, its coordinates."""

    name: LangText = Field(description="Its name in each language, e.g. en: Brussels, el: Βρυξέλλες.")
    country: Country = Field(description="ISO 3166-1 code in capitals, e.g. BE.")
    coordinates: Coordinates | None = Field(None, description="Where to put it on the map (leave out if not reliable).")

    @property
    def display_name(self) -> dict[str, str]:
        return self.name

    @property
    def part_of(self) -> None:  # like a partner: a place belongs to no other
        return None
