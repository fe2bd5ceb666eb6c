"""Labels of the model's fixed values (statuses, roles): one table each, used by the
pages, the catalogue filters and the search filters. Values are gettext msgids."""

from __future__ import annotations

from partnerhub.i18n import N_

PRACTICE_STATUS = {"planned": N_("Planned"), "ongoing": N_("Ongoing"), "completed": N_("Completed"),
                   "discontinued": N_("Discontinued")}
MEETING_STATUS = {"planned": N_("Planned"), "held": N_("Held"), "cancelled": N_("Cancelled")}
ROLE = {"lead": N_("Lead partner"), "partner": N_("Partner"), "observer": N_("Observer")}
