"""Vocabularies (``data/vocabularies/<name>.yml``): term id -> label per language.

Which vocabularies a hub has follows from the models: every ``vocab("<name>")`` field
(``partnerhub.registry.VOCABULARIES``)."""

from __future__ import annotations

from pydantic import Field, RootModel

from partnerhub.model.common import Strict
from partnerhub.model.fields import Id, LangMarkdown, LangText



class Term(Strict):
    """One term of a vocabulary."""

    label: LangText = Field(description="Label shown on the site, per language.")
    description: LangMarkdown | None = Field(None, description="What the term covers.")


class Vocabulary(RootModel[dict[Id, Term]]):
    """A vocabulary file: a mapping from term id to its term."""

    def labels(self, term: str) -> dict[str, str]:
        return self.root[term].label
