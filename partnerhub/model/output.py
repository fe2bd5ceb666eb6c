"""Output records (``data/outputs/<id>.yml``): what networks produce, such as integrated
action plans, studies, toolkits and final reports, with who wrote them and where to read them."""

from __future__ import annotations

from pydantic import ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Record
from partnerhub.model.dates import WhenOrUnknown
from partnerhub.model.fields import FEW, MANY, SOME, DocumentPath, Id, LangSummary, LangText, Url, ref, vocab
from partnerhub.model.names import LanguageCode
from partnerhub.model.refs import one_or_more


class Output(Record):
    """A document or product of a network: a plan, a study, a toolkit, a report."""

    NAME_FIELD = "title"
    model_config = ConfigDict(json_schema_extra={"not": {"required": ["file", "url"]}})  # not both

    id: Id = Field(description="Same as the file name, e.g. regionarts-action-plan-lapland.")
    title: LangText = Field(description="Its title (in each language it has a title in).")
    kind: vocab("output-kinds") = Field(description="Kind (data/vocabularies/output-kinds.yml).")
    network: one_or_more("networks", "Id of the network that produced it, or a list of them.") = Field(
        default_factory=list, max_length=FEW, description="Id of the network that produced it; a list, [a, b], if several.")
    partners: list[ref("partners")] = Field(default_factory=list, max_length=MANY, description="Ids of the partners that wrote it.")
    people: list[ref("people")] = Field(default_factory=list, max_length=FEW, description="Ids of the people who wrote it.")
    date: WhenOrUnknown | None = Field(None, description="When it was published: a day, a month or a year.")
    languages: list[LanguageCode] = Field(default_factory=list, max_length=FEW, description="Languages the document is written in, as two-letter codes (en, el, hr).")
    file: DocumentPath | None = Field(None, description="Path under data/ of the document, e.g. media/plan.pdf.")
    url: Url | None = Field(None, description="Or the address where it can be read.")
    summary: LangSummary = Field(description="What it contains, a few sentences.")
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)

    @field_validator("url")
    @classmethod
    def _not_both(cls, url, info):
        if url is not None and info.data.get("file") is not None:
            raise PydanticCustomError("output_file_and_url", "file and url", {})
        return url

    @property
    def networks(self) -> list[str]:
        return self.network
