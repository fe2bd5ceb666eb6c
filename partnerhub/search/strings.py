"""Interface strings of search and maps, through the hub's gettext catalogs.

Strings already in the catalogs (``Country``, ``Theme``…) are translated there. The few that
are new here have a built-in translation until they reach ``partnerhub/locale``: the
catalog wins as soon as it has the string.
"""

from __future__ import annotations

from partnerhub.i18n import N_, translations

_BUILT_IN = {
    "el": {
        "Type": "Τύπος",
        "Good practice": "Καλή πρακτική",
        "Page": "Σελίδα",
        "Search": "Αναζήτηση",
        "Search this site": "Αναζήτηση στον ιστότοπο",
        "Close": "Κλείσιμο",
        "Map of partners": "Χάρτης των εταίρων",
        "Map of meetings": "Χάρτης των συναντήσεων",
        "Partners by country": "Εταίροι ανά χώρα",
        "Meetings by host country": "Συναντήσεις ανά χώρα υποδοχής",
        "Online meetings": "Διαδικτυακές συναντήσεις",
        "Map: {count} places. The same links are listed by country below.":
            "Χάρτης: {count} τοποθεσίες. Οι ίδιοι σύνδεσμοι παρατίθενται ανά χώρα παρακάτω.",
        "Search needs JavaScript. Every record is listed on the catalogue pages.":
            "Η αναζήτηση χρειάζεται JavaScript. Όλες οι εγγραφές υπάρχουν στους καταλόγους.",
        "Country outlines: Natural Earth (public domain).": "Σύνορα χωρών: Natural Earth (κοινό κτήμα).",
    },
    "fr": {
        "Type": "Type",
        "Good practice": "Bonne pratique",
        "Page": "Page",
        "Search": "Rechercher",
        "Search this site": "Rechercher sur ce site",
        "Close": "Fermer",
        "Map of partners": "Carte des partenaires",
        "Map of meetings": "Carte des rencontres",
        "Partners by country": "Partenaires par pays",
        "Meetings by host country": "Rencontres par pays d'accueil",
        "Online meetings": "Rencontres en ligne",
        "Map: {count} places. The same links are listed by country below.":
            "Carte : {count} lieux. Les mêmes liens sont listés par pays ci-dessous.",
        "Search needs JavaScript. Every record is listed on the catalogue pages.":
            "La recherche nécessite JavaScript. Toutes les fiches figurent dans les catalogues.",
        "Country outlines: Natural Earth (public domain).": "Contours des pays : Natural Earth (domaine public).",
    },
}

# Marked for extraction, so that `scripts/update_translations.py` picks them up.
MESSAGES = [
    N_("Type"), N_("Good practice"), N_("Page"), N_("Search"), N_("Search this site"), N_("Close"),
    N_("Map of partners"), N_("Map of meetings"), N_("Partners by country"), N_("Meetings by host country"),
    N_("Online meetings"), N_("Map: {count} places. The same links are listed by country below."),
    N_("Search needs JavaScript. Every record is listed on the catalogue pages."),
    N_("Country outlines: Natural Earth (public domain)."),
]


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang``: the catalog's translation, else the built-in one, else English."""
    translated = translations(lang).gettext(message)
    if translated != message:
        return translated
    return _BUILT_IN.get(lang, {}).get(message, message)
