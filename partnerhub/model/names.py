"""Other names of a record: short and local names, former names, and misspellings that
public sources use, so that search finds the record whatever name a reader knows it by,
and a page can say which name is which."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, Strict as StrictType, WithJsonSchema
from pydantic_core import PydanticCustomError

from partnerhub.model.common import Strict
from partnerhub.model.dates import When
from partnerhub.model.fields import Name, Url

NAME_KINDS = ("other", "short", "local", "former", "misspelling")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _check_language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise PydanticCustomError("language_code", "bad language", {"value": value})
    return value


# An ISO 639-1 (or 639-3) code: the language a name or a document is in, any language
LanguageCode = Annotated[str, StrictType(), AfterValidator(_check_language),
                         WithJsonSchema({"type": "string", "pattern": "^[a-z]{2,3}$"})]


class OtherName(Strict):
    """Another name of the record, as written somewhere."""

    name: Name = Field(description="The name as it is written, e.g. Cerres, Κέρκυρα, ART-ER.")
    kind: Literal[NAME_KINDS] = Field("other", description="other, short, local (in the local language), former (no longer used) or misspelling (a wrong spelling a public source uses).")
    lang: LanguageCode | None = Field(None, description="Its language, a two-letter code (el, hr, it), if it is in one.")
    until: When | None = Field(None, description="For a former name: when it stopped being used, if known.")
    source: Url | None = Field(None, description="Where it is used (for a misspelling: the source that has it).")
