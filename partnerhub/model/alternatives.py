"""Where sources disagree: a field's value as other sources give it.

A record holds one value per fact, the one its editors judged best; ``alternatives`` keeps
what other sources say (``number: 1`` on the programme's page where the city says 2),
each with its source, so that a page can show it as a short note beside the value rather
than in an editorial paragraph::

    alternatives:
      - field: number
        value: "1"
        source: {url: https://urbact.eu/networks/breaking-isolation, publisher: URBACT}

``field`` names a field of the record, dotted for a field inside another (``period.start``);
``partnerhub.validation.alternatives`` checks that it exists.
"""

from __future__ import annotations

from pydantic import Field

from partnerhub.model.common import Source, Strict
from partnerhub.model.fields import LangText, Name


class Alternative(Strict):
    """What another source gives for one field of this record."""

    field: Name = Field(description="The field it concerns, e.g. number, or period.start for a field inside another.")
    value: Name = Field(description="The value as that source gives it, in quotes, e.g. \"1\" or \"Cerres\".")
    source: Source = Field(description="The source that gives it.")
    note: LangText | None = Field(None, description="A few words on it, e.g. a misspelling, or calls it the first meeting.")


ALTERNATIVES_DESCRIPTION = "Values that other sources give for a field of this record, each with its source."
