"""Meeting records (``data/meetings/<id>.yml``): transnational meetings, visits, local
groups, webinars; one record for one event, even when it spans several dates (a series of
sessions), serves several networks (a joint meeting) or counts as two numbered meetings.

The report may be written in the YAML (``report:``) or in ``<id>.<lang>.md`` files beside it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Document, Photo, Record, Strict
from partnerhub.model.dates import When, WhenOrUnknown, check_in_order
from partnerhub.model.fields import (
    FEW, MANY, SOME, Id, IsoDate, LangMarkdown, LangShort, LangSummary, LangText, Name, StrictBool, StrictInt, Time,
    TimeZone, ref, vocab,
)
from partnerhub.model.places import Place
from partnerhub.model.refs import Numbers, one_or_more

FORMATS = ("in-person", "online", "hybrid")
STATUSES = ("planned", "held", "postponed", "cancelled")
REPLACEABLE = ("postponed", "cancelled")  # the statuses a meeting can be replaced from


class AgendaItem(Strict):
    """One item of the programme."""

    date: IsoDate | None = Field(None, description="Day, YYYY-MM-DD, if the meeting lasts several days.")
    time: Time | None = Field(None, description='Start time, 24-hour, in quotes: "09:30".')
    title: LangText = Field(description="What happens.")


class Session(Strict):
    """One date of a meeting held over several separate dates (a series of webinars)."""

    date: When = Field(description="The day (2020-10-14), or only the month or year if that is all that is known.")
    time: Time | None = Field(None, description='Start time, 24-hour, in quotes: "10:00".')
    title: LangText | None = Field(None, description="Its subject, if the sessions have their own.")


class SiteVisit(Strict):
    """A place the participants visited."""

    name: LangText = Field(description="Name of the place or service.")
    description: LangMarkdown | None = Field(None, description="What was seen and discussed.")
    partner: ref("partners") | None = Field(None, description="Id of the partner that runs it, if any.")
    practice: ref("practices") | None = Field(None, description="Id of the practice it shows, if it is recorded.")


class Participants(Strict):
    """Who took part (numbers and partners, not private persons)."""

    count: StrictInt | None = Field(None, ge=1, le=100000, description="Number of participants, if known.")
    at_least: StrictBool = Field(False, description="true if the count is a lower bound ('more than 30').")
    partners: list[ref("partners")] = Field(default_factory=list, max_length=MANY, description="Ids of partners represented.")
    description: LangShort | None = Field(None, description="Who took part, in words.")


class Meeting(Record):
    """A meeting of one network or several, or of a local group."""

    NAME_FIELD = "title"
    # what JSON Schema can say of the rule on replaced_by (the validator says it too)
    model_config = ConfigDict(json_schema_extra={
        "if": {"required": ["replaced_by"], "properties": {"replaced_by": {"minItems": 1}}},
        "then": {"required": ["status"], "properties": {"status": {"enum": list(REPLACEABLE)}}},
    })

    id: Id = Field(description="Same as the file name, e.g. breaking-isolation-04-serres.")
    network: one_or_more("networks", "Id of the network; a list of ids for a joint meeting of several.") = Field(
        min_length=1, max_length=FEW, description="Id of the network (a file in data/networks/); a list, [a, b], for a joint meeting.")
    kind: vocab("meeting-kinds") = Field(description="Kind (data/vocabularies/meeting-kinds.yml).")
    number: Numbers | None = Field(None, description="Its number in the series of its (first) network, e.g. 4; [5, 6] for one trip that counts as two.")
    title: LangText = Field(description="Title of the meeting.")
    format: Literal[FORMATS] = Field("in-person", description="in-person, online or hybrid.")
    host: one_or_more("partners", "Id of the hosting partner, or a list of co-hosts.") = Field(
        default_factory=list, max_length=FEW, description="Id of the hosting partner; a list, [a, b], for co-hosts; leave out if no partner hosts it.")
    place: Place | None = Field(None, description="Where it took place if no partner hosts it there (a city, with its country and coordinates).")
    start: WhenOrUnknown = Field(description="First day, YYYY-MM-DD (or YYYY-MM, YYYY, unknown: as far as it is known).")
    end: When | None = Field(None, description="Last day, if more than one day (as precise as it is known).")
    sessions: list[Session] = Field(default_factory=list, max_length=SOME, description="The dates of a meeting held over separate days (a series of webinars), between start and end.")
    timezone: TimeZone | None = Field(None, description="IANA time zone, e.g. Europe/Athens.")
    venue: LangText | None = Field(None, description="The building or room where it took place.")
    status: Literal[STATUSES] = Field("held", description="planned, held, postponed or cancelled.")
    replaced_by: list[ref("meetings")] = Field(default_factory=list, max_length=FEW, description="Ids of the meetings that replaced a postponed or cancelled one.")
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
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)

    _dates_in_order = field_validator("end")(check_in_order)

    @field_validator("replaced_by")
    @classmethod
    def _replaced_only_if_not_held(cls, value: list, info):
        status = info.data.get("status")
        if value and status is not None and status not in REPLACEABLE:
            raise PydanticCustomError("meeting_replaced_status", "replaced", {"status": status})
        if info.data.get("id") in value:
            raise PydanticCustomError("meeting_replaced_by_itself", "itself", {"value": info.data["id"]})
        return value

    # --- what pages, lists and checks ask of a meeting ---------------------------------
    @property
    def networks(self) -> list[str]:
        return self.network

    @property
    def hosts(self) -> list[str]:
        return self.host

    @property
    def numbers(self) -> list[int]:
        return self.number or []

    @property
    def last(self):
        """Its last date as known (the start if it lasts one day)."""
        return self.end or self.start

    @property
    def is_online(self) -> bool:
        return self.format == "online"

    @property
    def took_place(self) -> bool:
        return self.status not in REPLACEABLE
