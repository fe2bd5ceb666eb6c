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
    N_("Menu"), N_("Contribute"), N_("About this hub"), N_("Accessibility statement"), N_("Privacy notice"),
    N_("Open data and licence"), N_("Data and texts: {licence}"), N_("Page not found"),
    N_("If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
    N_("The page may have moved. Start again from the home page, or use the search."),
    N_("Contact: {address}"), N_("Page built on {date}"), N_("Edit this page"), N_("Suggest a correction"),
    # the search dialog (hooks/theme/partials/header.html, assets/ph-search.js)
    N_("{count} result"), N_("{count} results"), N_("No results for “{query}”"), N_("Search is not available."),
    N_("Show more results"), N_("Filters"), N_("Clear filters"),
    N_("Version of {date}"),  # printed pages (partials/footer.html)
]
