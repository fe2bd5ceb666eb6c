"""Amounts of money: an amount and its ISO 4217 currency (budgets of networks and practices)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from partnerhub.model.common import Strict
from partnerhub.model.fields import StrictFloat, vocab

CURRENCIES = ("EUR", "BGN", "CZK", "DKK", "HUF", "PLN", "RON", "SEK", "CHF", "NOK", "ISK", "GBP", "BAM", "RSD", "MKD",
              "ALL", "TRY", "MDL", "UAH", "GEL")
Currency = Literal[CURRENCIES]


class Budget(Strict):
    """A budget: its total, the part the EU pays, and the fund that pays it."""

    total: StrictFloat = Field(ge=0, description="The whole budget, in the currency below.")
    currency: Currency = Field("EUR", description="ISO 4217 currency code.")
    eu_funding: StrictFloat | None = Field(None, ge=0, description="The part paid by EU funds, if known.")
    fund: vocab("funds") | None = Field(None, description="The EU fund that pays it (data/vocabularies/funds.yml).")
