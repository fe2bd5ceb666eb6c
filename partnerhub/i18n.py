"""Gettext catalogs for the hub's interface strings and validation messages.

Catalogs live in ``partnerhub/locale/<lang>/LC_MESSAGES/messages.po`` (and the compiled
``.mo``); ``scripts/update_translations.py`` extracts, updates and compiles them with Babel.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English (the source language) if there is none."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


class _Current:
    lang = "en"


def set_language(lang: str) -> None:
    """Choose the language of validation messages for this process (``--lang``)."""
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
