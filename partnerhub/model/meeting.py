"""Meeting records (``data/meetings/<id>.yml``): transnational meetings, visits, local groups.

The report may be written in the YAML (``report:``) or in ``<id>.<lang>.md`` files beside it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from partnerhub.model.common import Document, Photo, Record, Strict
from partnerhub.model.fields import (
    MANY, SOME, Id, IsoDate, LangMarkdown, LangShort, LangSummary, LangText, Name, StrictBool, StrictInt, Time, TimeZone,
    check_end_after_start, ref, vocab,
)


class AgendaItem(Strict):
    """One item of the programme."""

    date: IsoDate | None = Field(None, description="Day, YYYY-MM-DD, if the meeting lasts several days.")
    time: Time | None = Field(None, description='Start time, 24-hour, in quotes: "09:30".')
    title: LangText = Field(description="What happens.")


class SiteVisit(Strict):
    """A place the participants visited."""

    name: LangText = Field(description="Name of the place or service.")
    description: LangMarkdown | None = Field(None, description="What was seen and discussed.")
    partner: ref("partners") | None = Field(None, description="Id of the partner that runs it, if any.")


class Participants(Strict):
    """Who took part (numbers and partners, not private persons)."""

    count: StrictInt | None = Field(None, ge=1, le=100000, description="Number of participants, if known.")
    at_least: StrictBool = Field(False, description="true if the count is a lower bound ('more than 30').")
    partners: list[ref("partners")] = Field(default_factory=list, max_length=MANY, description="Ids of partners represented.")
    description: LangShort | None = Field(None, description="Who took part, in words.")


class Meeting(Record):
    """A meeting of a network or of a local group."""

    NAME_FIELD = "title"

    id: Id = Field(description="Same as the file name, e.g. breaking-isolation-04-serres.")
    network: ref("networks") = Field(description="Id of the network (a file in data/networks/).")
    kind: vocab("meeting-kinds") = Field(description="Kind (data/vocabularies/meeting-kinds.yml).")
    number: StrictInt | None = Field(None, ge=0, le=99, description="Its number in the series, e.g. 4 for the 4th.")
    title: LangText = Field(description="Title of the meeting.")
    host: ref("partners") | None = Field(None, description="Id of the hosting partner; leave out for online meetings.")
    start: IsoDate = Field(description="First day, YYYY-MM-DD.")
    end: IsoDate | None = Field(None, description="Last day, YYYY-MM-DD, if more than one day.")
    date_precision: Literal["day", "month"] = Field("day", description="month if only the month is known.")
    timezone: TimeZone | None = Field(None, description="IANA time zone, e.g. Europe/Athens.")
    online: StrictBool = Field(False, description="true if the meeting was held online.")
    venue: LangText | None = Field(None, description="Where it took place.")
    status: Literal["planned", "held", "cancelled"] = Field("held", description="planned, held or cancelled.")
    participants: Participants | None = Field(None, description="Who took part.")
    summary: LangSummary | None = Field(None, description="Two or three sentences for lists and feeds.")
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=MANY, description="The programme.")
    site_visits: list[SiteVisit] = Field(default_factory=list, max_length=SOME, description="Places visited.")
    outcomes: LangMarkdown | None = Field(None, description="What was decided or produced.")
    report: LangMarkdown | None = Field(None, description="The report; or write it in <id>.<lang>.md beside this file.")
    photos: list[Photo] = Field(default_factory=list, max_length=SOME, description="Photos, each with alt text.")
    documents: list[Document] = Field(default_factory=list, max_length=SOME, description="Agenda, presentations, minutes.")
    practices: list[ref("practices")] = Field(default_factory=list, max_length=MANY, description="Ids of practices presented.")
    author: Name | None = Field(None, description="Who wrote the report (an office or a person).")

    _dates_in_order = field_validator("end")(check_end_after_start)

    @property
    def last_day(self):
        return self.end or self.start
