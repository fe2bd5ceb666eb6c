"""The hub's own settings (``data/hub.yml``) in the pages MkDocs renders: the description of
every page in its language, and the contact written into hand-written pages.

A hand-written page (``docs/<lang>/``) asks for a setting with an empty element,
``<span data-ph-hub="contact"></span>``, which :func:`fill_hub_values` replaces with the
value, escaped (the contact as a ``mailto:`` link). A setting the hub does not have is
replaced by a sentence saying so, in the page's language.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from partnerhub.i18n import N_, gettext

_PLACEHOLDER = re.compile(r'<span data-ph-hub="([a-z-]+)"></span>')
NO_CONTACT = N_("(no contact address is set in data/hub.yml)")


def site_description(hub, lang: str) -> str:
    """The hub's description in ``lang``, else in the default language ('' if none)."""
    texts = hub.config.description
    return texts.get(lang) or texts.get(hub.config.default_language) or ""


def _value(hub, lang: str, key: str) -> Markup:
    if key == "contact":
        if not hub.config.contact:
            return Markup("{}").format(gettext(lang, NO_CONTACT))
        return Markup('<a href="mailto:{0}">{0}</a>').format(hub.config.contact)
    if key == "name":
        names = hub.config.name
        return Markup("{}").format(names.get(lang) or names.get(hub.config.default_language))
    return Markup("")


def fill_hub_values(html: str, hub, lang: str) -> str:
    """``html`` with each ``<span data-ph-hub="…"></span>`` replaced by that setting."""
    return _PLACEHOLDER.sub(lambda match: str(_value(hub, lang, match.group(1))), html)
