"""Person records (``data/people/<id>.yml``): lead experts, coordinators, contact persons.

A person is one record however many networks and partners they work with; the networks'
and partners' pages list them from their ``roles``. Nothing about a person is published
unless the record says so: ``publish`` lists what may be shown (``all``, or some of
:data:`PUBLISHABLE`), and a person whose ``name`` may not be shown has no page and appears
nowhere. E-mail and phone, when they may be shown, are never written as plain text.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from partnerhub.model.alternatives import ALTERNATIVES_DESCRIPTION, Alternative
from partnerhub.model.common import Period, Record, Strict
from partnerhub.model.fields import FEW, SOME, Email, Id, LangMarkdown, LangText, ShortText, Url, ref, vocab

# What a record may allow to be shown, field by field.
PUBLISHABLE = ("name", "roles", "affiliations", "biography", "website", "email", "phone")


def _all(value: object) -> object:
    return list(PUBLISHABLE) if value == "all" else value


class Role(Strict):
    """A role the person holds in a network or at a partner."""

    role: vocab("person-roles") = Field(description="The role (data/vocabularies/person-roles.yml).")
    network: ref("networks") | None = Field(None, description="Id of the network it is held in.")
    partner: ref("partners") | None = Field(None, description="Id of the partner it is held at (or for).")
    title: LangText | None = Field(None, description="The role as the person's title says it, if more precise.")
    period: Period | None = Field(None, description="When the person held it, if known.")

    @model_validator(mode="after")
    def _held_somewhere(self) -> "Role":
        if self.network is None and self.partner is None:
            raise PydanticCustomError("person_role_where", "role where", {})
        return self


class Affiliation(Strict):
    """An organisation the person works for."""

    partner: ref("partners") | None = Field(None, description="Id of the organisation, if it is a partner record.")
    organisation: LangText | None = Field(None, description="Or its name, if it has no record.")
    title: LangText | None = Field(None, description="The person's position there.")


class Person(Record):
    """A person named in the hub's records, with what may be published about them."""

    SUMMARY_FIELD = "biography"

    id: Id = Field(description="Same as the file name, e.g. christophe-gouache.")
    name: LangText = Field(description="The name in each language's script (en: Christophe Gouache, el: Κριστόφ Γκουάς).")
    publish: Annotated[list[Literal[PUBLISHABLE]], BeforeValidator(_all)] = Field(
        default_factory=list, max_length=FEW, description="What may be published: all, or a list of name, roles, affiliations, biography, website, email, phone. Nothing is published without name.")
    roles: list[Role] = Field(default_factory=list, max_length=SOME, description="Roles in networks and at partners.")
    affiliations: list[Affiliation] = Field(default_factory=list, max_length=FEW, description="Organisations the person works for.")
    biography: LangMarkdown | None = Field(None, description="A few sentences about the person's work.")
    website: Url | None = Field(None, description="A professional page.")
    email: Email | None = Field(None, description="E-mail address (shown only if publish lists email, never as plain text).")
    phone: ShortText | None = Field(None, description="Phone number, with country code, in quotes (shown only if publish lists phone).")
    alternatives: list[Alternative] = Field(default_factory=list, max_length=SOME, description=ALTERNATIVES_DESCRIPTION)

    def may_publish(self, what: str) -> bool:
        return "name" in self.publish and what in self.publish

    def visible_to(self, audience: str) -> bool:
        return super().visible_to(audience) and self.may_publish("name")

    def for_audience(self, audience: str) -> "Person":
        """A copy holding only what may be published (the pages and the search see this)."""
        hidden = {name: type(self).model_fields[name].get_default(call_default_factory=True)
                  for name in PUBLISHABLE if name != "name" and not self.may_publish(name)}
        return self.model_copy(update=hidden) if hidden else self
