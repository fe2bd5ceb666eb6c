"""ISO 3166-1 alpha-2 country codes, taken from CLDR's territory list (via Babel)."""

from babel import Locale

# CLDR also names macro-regions, private-use and "exceptionally reserved" codes that
# are no ISO 3166-1 country. XK (Kosovo, user-assigned) stays: the EU uses it.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}

COUNTRY_CODES = frozenset(
    code for code in Locale("en").territories
    if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
)
