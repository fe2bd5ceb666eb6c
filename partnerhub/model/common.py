"""Small building blocks shared by several record types: sources, periods, photos, contacts."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.dates import SpanEnd, WhenOrUnknown, check_in_order
from partnerhub.model.fields import (
    FEW, DocumentPath, Email, Id, IsoDate, LangMarkdown, LangShort, LangText, Name, PhotoPath, ShortText, StrictBool, StrictFloat, Url,
    SOME,
)


class Strict(BaseModel):
    """Base of every model: unknown keys are errors (typos must not vanish)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Source(Strict):
    """A public source a fact was taken from."""

    url: Url = Field(description="Address of the source (http or https).")
    title: Name | None = Field(None, description="Title of the page or document, in its own language.")
    publisher: Name | None = Field(None, description="Who published it (a newspaper, a programme).")
    date: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")
    accessed: IsoDate | None = Field(None, description="When it was read, YYYY-MM-DD.")


class Period(Strict):
    """A span of dates, each as precise as the sources give it (``partnerhub.model.dates``)."""

    start: WhenOrUnknown = Field(description="When it began: a year (2019), a month (2019-11), a day (2019-11-25) or unknown.")
    end: SpanEnd | None = Field(None, description="When it ended: a year, a month, a day, ongoing or unknown; leave out if it is not known.")

    _end_after_start = field_validator("end")(check_in_order)


class Coordinates(Strict):
    """A point in WGS 84 decimal degrees."""

    lat: StrictFloat = Field(ge=-90, le=90, description="Latitude, -90 to 90 (north is positive).")
    lon: StrictFloat = Field(ge=-180, le=180, description="Longitude, -180 to 180 (east is positive).")


class Photo(Strict):
    """A photo with alt text (required in the default language, WCAG 1.1.1)."""

    file: PhotoPath = Field(description="Path under data/, e.g. media/serres-town-hall.jpg (JPEG, PNG or WebP).")
    alt: LangShort = Field(description="What the photo shows, for people who cannot see it.")
    caption: LangShort | None = Field(None, description="Caption shown under the photo.")
    credit: Name | None = Field(None, description="Photographer or owner of the rights.")


class Document(Strict):
    """A document attached to a record: a file in the repository or a link."""

    title: LangText = Field(description="Title of the document.")
    file: DocumentPath | None = Field(None, description="Path under data/, e.g. media/agenda.pdf (PDF).")
    url: Url | None = Field(None, description="Or a link to it.")

    @model_validator(mode="after")
    def _file_or_url(self) -> "Document":
        if (self.file is None) == (self.url is None):
            raise PydanticCustomError("document_file_or_url", "file or url", {})
        return self


class Link(Strict):
    """A link with a title."""

    url: Url = Field(description="Address (http or https).")
    title: LangText = Field(description="What the link leads to.")


class Contact(Strict):
    """A contact person or office. E-mail and phone are published only if ``publish`` is true."""

    name: Name = Field(description="Name of the person or office.")
    role: LangText | None = Field(None, description="Role, e.g. head of the social policy department.")
    email: Email | None = Field(None, description="E-mail address.")
    phone: ShortText | None = Field(None, description="Phone number, with country code, in quotes.")
    publish: StrictBool = Field(False, description="true to publish e-mail and phone on the site (GDPR: only with consent).")


class Publication(Strict):
    """Fields every record has: editorial state and who may see it."""

    publication: Literal["published", "draft"] = Field(
        "published", description="draft records are checked but not published.")
    visibility: Literal["public", "partners"] = Field(
        "public", description="partners: kept out of the public site.")
    sources: list[Source] = Field(default_factory=list, max_length=SOME,
                                  description="Public sources of the facts in this record.")
    notes: LangMarkdown | None = Field(None, description="Editorial notes, e.g. where sources disagree.")

    @property
    def is_public(self) -> bool:
        return self.visible_to("public")

    def visible_to(self, audience: str) -> bool:
        """Whether the build for ``audience`` (public, or partners) shows this record."""
        if self.publication != "published":
            return False
        return self.visibility == "public" or audience == "partners"

    def for_audience(self, audience: str) -> "Publication":
        """The record as that build shows it (a person's copy holds only what may be published)."""
        return self


class Record(Publication):
    """Base of every record type: what lists, links, feeds and search need of any record.

    ``NAME_FIELD`` names the field that says what the record is called (``name`` or
    ``title``), ``SUMMARY_FIELD`` the short text shown in lists, cards and descriptions.
    """

    NAME_FIELD: ClassVar[str] = "name"
    SUMMARY_FIELD: ClassVar[str | None] = "summary"

    former_ids: list[Id] = Field(default_factory=list, max_length=FEW, description="Ids this record had before its file was renamed: their pages lead to its page.")

    @property
    def display_name(self) -> dict[str, str]:
        """The record's name or title, per language."""
        return getattr(self, self.NAME_FIELD)

    @property
    def summary_text(self) -> dict[str, str] | None:
        """Its short text for lists and page descriptions, per language (may be None)."""
        return getattr(self, self.SUMMARY_FIELD) if self.SUMMARY_FIELD else None
