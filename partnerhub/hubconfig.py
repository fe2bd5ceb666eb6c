"""The hub's own settings (``data/hub.yml``): name, languages, licence, colour, logo.

Site languages are configured here once; the validator, the site and the exports read them.
Settings are checked as strictly as records: whatever ``validate`` accepts, the build can
use (a name in the default language, languages that Babel can format dates in, an SPDX
licence id). The logo's file is checked by the media pipeline once ``data/media`` has been
scanned (``partnerhub.validation.hub_settings``).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.fields import FEW, Email, NameText, PhotoPath, SummaryText, Url

SPDX_LIST = Path(__file__).with_name("spdx_licences.txt")


_LANGUAGE_NAMES = Locale("en").languages  # `und` (the root locale) and the like are no language


def _check_language_code(code: str) -> str:
    try:
        locale = Locale.parse(code)
        has_dates = locale.language in _LANGUAGE_NAMES and bool(locale.date_formats) and bool(locale.months)
    except (ValueError, UnknownLocaleError, KeyError):
        has_dates = False
    if not has_dates:  # the site formats every date in every language with CLDR's data
        raise PydanticCustomError("hub_language_unknown", "unknown language", {"value": code})
    return code


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$"), AfterValidator(_check_language_code)]


@lru_cache(maxsize=1)
def spdx_licences() -> dict[str, str]:
    """SPDX licence ids, by their case-folded form."""
    lines = SPDX_LIST.read_text(encoding="utf-8").splitlines()
    return {line.casefold(): line for line in lines if line and not line.startswith("#")}


def _check_licence(value: str) -> str:
    ids = spdx_licences()
    if value not in ids.values():
        suggestion = ids.get(value.strip().casefold()) or next(
            iter(difflib.get_close_matches(value.casefold(), list(ids), n=1, cutoff=0.6)), None)
        raise PydanticCustomError("licence_unknown", "not SPDX",
                                  {"value": value, "suggestion": ids[suggestion.casefold()] if suggestion else ""})
    return value


Licence = Annotated[str, Field(max_length=100), AfterValidator(_check_licence)]


_GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")


def _check_repository(value: str) -> str:
    """``https://github.com/OWNER/REPO``: the pages' edit and correction links are GitHub's."""
    parts = urlsplit(value)
    names = [part for part in parts.path.split("/") if part]
    suggestion = ""
    if parts.hostname == "github.com" and len(names) >= 2:
        suggestion = "https://github.com/" + "/".join([names[0], names[1].removesuffix(".git")])
    if (parts.scheme != "https" or parts.hostname != "github.com" or parts.port or parts.query or parts.fragment
            or len(names) != 2 or not all(_GITHUB_NAME.match(n) for n in names) or names[1].endswith(".git")
            or names[1] in (".", "..")):
        raise PydanticCustomError("hub_repository_not_github", "not a GitHub repository",
                                  {"value": value, "suggestion": suggestion or "https://github.com/OWNER/REPO"})
    return value.rstrip("/")


_BRANCH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def _check_branch(value: str) -> str:
    if not _BRANCH.match(value) or ".." in value or value.endswith((".", ".lock")):
        raise PydanticCustomError("hub_branch_format", "bad branch", {"value": value})
    return value


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for the header's white text on the hub's colour


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def colour_rgb(value: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three integers (the only form in which the colour reaches a page)."""
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _check_colour(value: str) -> str:
    if not _COLOUR.fullmatch(value):
        raise PydanticCustomError("hub_colour_format", "bad colour", {"value": value})
    contrast = 1.05 / (_luminance(colour_rgb(value)) + 0.05)  # white text on it
    if contrast < MIN_CONTRAST:
        raise PydanticCustomError("hub_colour_contrast", "low contrast",
                                  {"value": value, "ratio": f"{contrast:.1f}", "minimum": str(MIN_CONTRAST)})
    return value.lower()


class HubConfig(BaseModel):
    """Settings that apply to the whole hub."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: dict[str, NameText] = Field(description="The hub's name, per language; required in the default language.")
    languages: list[LanguageCode] = Field(min_length=1, max_length=FEW,
                                          description="Site languages; the first is listed first in menus.")
    default_language: LanguageCode = Field(description="The language every record must have text in.")
    licence: Licence = Field("CC-BY-4.0", description="SPDX id of the licence of the data and texts, e.g. CC-BY-4.0.")
    repository: Annotated[Url, AfterValidator(_check_repository)] | None = Field(
        None, description="The hub's repository on GitHub, https://github.com/OWNER/REPO: every page links to its "
                          "file in the web editor ('Edit this page') and to the correction issue form; none: no links.",
        json_schema_extra={"pattern": r"^https://github\.com/[A-Za-z0-9_.-]{1,100}/(?!.*\.git/?$)(?!\.\.?/?$)[A-Za-z0-9_.-]{1,100}/?$"})
    branch: Annotated[str, Field(max_length=100), AfterValidator(_check_branch)] = Field(
        "main", description="The repository's branch that the site is built from (for 'Edit this page').",
        json_schema_extra={"pattern": r"^(?!.*\.\.)(?!.*\.$)(?!.*\.lock$)[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*$"})
    description: dict[str, SummaryText] = Field(
        default_factory=dict, description="What the hub is, in a sentence, per language (the pages' description).")
    contact: Email | None = Field(None, description="Where readers write about the site (accessibility feedback).")
    funding: dict[str, SummaryText] = Field(
        default_factory=dict, description="Who funds the hub, per language, shown in every page's footer, "
                                          "e.g. 'Co-funded by the European Union (URBACT IV)'.")
    colour: Annotated[str, Field(max_length=100), AfterValidator(_check_colour)] = Field(
        "#0b3a6e", description="The hub's colour (#rrggbb) for the header; white text on it must reach 4.5:1.",
        json_schema_extra={"pattern": "^#[0-9a-fA-F]{6}$"})
    logo: PhotoPath | None = Field(
        None, description="The hub's logo in the header of every page: a PNG, JPEG or WebP file under media/ "
                          "(no SVG), at least 80 pixels tall and at most three times as wide as tall. The hub's "
                          "name is always written beside it, so the logo needs no text of its own.")

    @field_validator("languages")
    @classmethod
    def _each_language_once(cls, languages: list[str]) -> list[str]:
        for index, lang in enumerate(languages):
            if lang in languages[:index]:
                raise PydanticCustomError("hub_language_twice", "twice", {"value": lang, "index": index})
        return languages

    @model_validator(mode="after")
    def _default_is_a_language(self) -> "HubConfig":
        if self.default_language not in self.languages:
            raise PydanticCustomError("hub_default_not_listed", "default not listed", {"lang": self.default_language})
        for lang in [*self.name, *self.description, *self.funding]:
            if lang not in self.languages:
                raise PydanticCustomError("hub_name_language", "name language",
                                          {"key": lang, "known": ", ".join(self.languages)})
        if not (self.name.get(self.default_language) or "").strip():
            raise PydanticCustomError("hub_name_default_missing", "no default name", {"lang": self.default_language})
        return self

    @property
    def other_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang != self.default_language]


# Where the common open licences are read; any other SPDX id links to its SPDX page.
_LICENCE_PAGES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "EUPL-1.2": ("EUPL 1.2", "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
}


def licence_link(spdx_id: str) -> dict[str, str]:
    """``{"id", "name", "url"}`` of a licence, for a footer or a data package."""
    name, url = _LICENCE_PAGES.get(spdx_id, (spdx_id, f"https://spdx.org/licenses/{spdx_id}.html"))
    return {"id": spdx_id, "name": name, "url": url}
