"""Interface strings that the theme overrides (``hooks/theme/``) and scripts print.

The overrides translate them with the ``ph_t`` filter the adapter gives them
(:func:`partnerhub.i18n.gettext`); listing them here marks them for extraction into the
catalogs (``scripts/update_translations.py``).
"""

from partnerhub.i18n import N_

THEME_STRINGS = [
    N_("Search"), N_("Search this site"), N_("Close"),
    N_("Search needs JavaScript. Every record is listed on the catalogue pages."),
    N_("Search the full text too (downloads more)"),
]
