"""Labels of the model's fixed values (statuses, roles, formats): one table each, used by
the pages, the catalogue filters and the search filters. Values are gettext msgids."""

from __future__ import annotations

from partnerhub.i18n import N_

PRACTICE_STATUS = {"planned": N_("Planned"), "ongoing": N_("Ongoing"), "completed": N_("Completed"),
                   "discontinued": N_("Discontinued"), "unknown": N_("Status unknown")}
MEETING_STATUS = {"planned": N_("Planned"), "held": N_("Held"), "postponed": N_("Postponed"),
                  "cancelled": N_("Cancelled")}
MEETING_FORMAT = {"in-person": N_("In person"), "online": N_("Online"), "hybrid": N_("Hybrid (in person and online)")}
ROLE = {"lead": N_("Lead partner"), "co-lead": N_("Co-lead partner"), "partner": N_("Partner"),
        "advisory": N_("Advisory partner"), "observer": N_("Observer")}
NAME_KIND = {"other": N_("also called"), "short": N_("short name"), "local": N_("local name"),
             "former": N_("former name"), "misspelling": N_("misspelling found in a public source")}
