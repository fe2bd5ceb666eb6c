"""Interface strings of search and maps, through the hub's gettext catalogs."""

from __future__ import annotations

from partnerhub.i18n import N_, translations

# Marked for extraction, so that `scripts/update_translations.py` picks them up.
MESSAGES = [
    N_("Type"), N_("Good practice"), N_("Page"), N_("Search"), N_("Search this site"), N_("Close"),
    N_("Map of partners"), N_("Map of meetings"), N_("Partners by country"), N_("Meetings by host country"),
    N_("Online meetings"), N_("Map: {count} places. The same links are listed by country below."),
    N_("Search needs JavaScript. Every record is listed on the catalogue pages."),
    N_("Country outlines: Natural Earth (public domain)."),
    N_("Search the full text too (downloads more)"),  # hooks/theme/partials/header.html
]


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang`` (English if the catalog lacks it)."""
    return translations(lang).gettext(message)
