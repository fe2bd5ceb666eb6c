"""ISO 3166-1 alpha-2 country codes, taken from CLDR's territory list (via Babel), and the
codes people write instead (``UK``, ``DNK``), from CLDR's territory aliases."""

from babel import Locale
from babel.core import get_global

# CLDR also names macro-regions, private-use and "exceptionally reserved" codes that
# are no ISO 3166-1 country. XK (Kosovo, user-assigned) stays: the EU uses it.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}

COUNTRY_CODES = frozenset(
    code for code in Locale("en").territories
    if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
)

# Alpha-3 codes (`DNK`) and old or informal ones (`UK`) -> the alpha-2 code; `EL` (the EU's
# code for Greece) has a message of its own.
COUNTRY_ALIASES = {
    alias: codes[0] for alias, codes in get_global("territory_aliases").items()
    if alias.isalpha() and alias.isupper() and len(codes) == 1 and codes[0] in COUNTRY_CODES
}


def country_suggestion(value: str) -> str:
    """The code meant by ``value`` (``gr`` -> ``GR``, ``UK`` -> ``GB``, ``dnk`` -> ``DK``), or ''."""
    upper = value.strip().upper()
    if upper in COUNTRY_CODES:
        return upper
    return COUNTRY_ALIASES.get(upper, "")
