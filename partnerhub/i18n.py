"""Gettext catalogs for the hub's interface strings and messages, and language names.

Catalogs live in ``partnerhub/locale/<lang>/LC_MESSAGES/messages.po`` (and the compiled
``.mo``); ``scripts/update_translations.py`` extracts, updates and compiles them with Babel.
Two ways to translate: :func:`gettext` for a page of a given language, and
:func:`gettext_` for the command line's messages in the language chosen with ``--lang``.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"  # the language of the msgids: it needs no catalog
DOMAIN = "messages"
# The marker functions Babel looks for when it extracts the strings (scripts/update_translations.py).
EXTRACT_KEYWORDS = ("N_", "Np_:1,2", "gettext_", "ngettext_:1,2")


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair (``{count} partner``) for extraction."""
    return singular, plural


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog for ``lang``; English (the source language) if there is none."""
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang`` (English if the catalog lacks it)."""
    return translations(lang).gettext(message)


def ngettext(lang: str, forms: tuple[str, str], count: int) -> str:
    """The form of ``forms`` (an :func:`Np_` pair) for ``count`` in ``lang``, ``{count}`` filled in."""
    return translations(lang).ngettext(forms[0], forms[1], count).format(count=count)


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale("en")


def language_name(code: str, in_lang: str) -> str:
    """``el`` -> ``Greek`` in English, ``grec`` in French."""
    return _locale(in_lang).languages.get(code) or code


class _Current:
    lang = "en"


def set_language(lang: str) -> None:
    """Choose the language of the command line's messages for this process (``--lang``)."""
    _Current.lang = lang


def current_language() -> str:
    return _Current.lang


def gettext_(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations(_Current.lang).gettext(message)


def ngettext_(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a number, with the language's plural rules."""
    return translations(_Current.lang).ngettext(singular, plural, count)


_ = gettext_
