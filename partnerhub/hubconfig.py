"""The hub's own settings (``data/hub.yml``): name, languages, licence.

Site languages are configured here once; the validator, the site and the exports read them.
"""

from __future__ import annotations

from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.fields import Text, Url


def _check_language_code(code: str) -> str:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        raise PydanticCustomError("hub_language_unknown", "unknown language", {"value": code}) from None
    return code


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$"), AfterValidator(_check_language_code)]


class HubConfig(BaseModel):
    """Settings that apply to the whole hub."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: dict[str, Text] = Field(description="The hub's name, per language.")
    languages: list[LanguageCode] = Field(min_length=1, description="Site languages; the first is listed first in menus.")
    default_language: LanguageCode = Field(description="The language every record must have text in.")
    licence: str = Field("CC-BY-4.0", description="SPDX id of the licence of the data and texts.")
    repository: Url | None = Field(None, description="Where the hub's sources live (for 'edit this page').")

    @model_validator(mode="after")
    def _default_is_a_language(self) -> "HubConfig":
        if self.default_language not in self.languages:
            raise PydanticCustomError("hub_default_not_listed", "default not listed", {"lang": self.default_language})
        return self

    @property
    def other_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang != self.default_language]
