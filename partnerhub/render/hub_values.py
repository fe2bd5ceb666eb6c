"""The hub's own settings (``data/hub.yml``) in the pages MkDocs renders: the description of
every page in its language, the contact written into hand-written pages, the footer's
funding line and contact, the hub's colour as a style sheet, and its logo in the header.

A hand-written page (``docs/<lang>/``) asks for a setting with an empty element,
``<span data-ph-hub="contact"></span>``, which :func:`fill_hub_values` replaces with the
value, escaped (the contact as a ``mailto:`` link). A setting the hub does not have is
replaced by a sentence saying so, in the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from partnerhub.hubconfig import colour_rgb
from partnerhub.i18n import N_, gettext
from partnerhub.media import PHOTO, logo_variants

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


def footer_values(hub, lang: str) -> dict[str, Markup]:
    """The footer's funding line (in ``lang``, else the default language's, marked with its
    ``lang``) and contact link, escaped; an empty string for a setting the hub does not have."""
    config, values = hub.config, {"funding": Markup(""), "contact": Markup("")}
    text_lang = lang if config.funding.get(lang) else config.default_language
    if config.funding.get(text_lang):
        marked = Markup(' lang="{}"').format(text_lang) if text_lang != lang else Markup("")
        values["funding"] = Markup('<p class="ph-footer__funding"{}>{}</p>').format(marked, config.funding[text_lang])
    if config.contact:
        values["contact"] = _value(hub, lang, "contact")
    return values


def logo_file(hub):
    """The checked file of the hub's logo (``data/hub.yml`` ``logo``), or None: no logo set
    (the header keeps the theme's mark) or none that passed the media checks."""
    logo = hub.config.logo
    if not logo or hub.media is None:
        return None
    found = hub.media.files.get(logo)
    return found if found is not None and found.kind == PHOTO else None


def header_logo(hub) -> dict | None:
    """What the header's ``<img>`` needs: the published sizes (``media/…``, relative to the
    site root) with their pixel densities, and the 1x size for ``width``/``height``. The
    image is decorative (``alt=""``): the hub's name is written beside it in the same link,
    as GOV.UK's header does with its crown and the WAI's technique H2 advises."""
    found = logo_file(hub)
    if found is None:
        return None
    variants = logo_variants(found)
    base = variants[0]
    return {"src": variants[-1].path, "width": base.width, "height": base.height,
            "srcset": [{"path": v.path, "density": f"{v.height / base.height:g}x"} for v in variants]}


IDENTITY_CSS = "assets/ph-identity.css"  # linked by every page after the theme's styles (mkdocs.yml)


def identity_css(hub) -> str:
    """The hub's colour as the theme's brand colour, written from its three numbers only."""
    r, g, b = colour_rgb(hub.config.colour)
    return f":root {{ --ph-brand: rgb({r:d}, {g:d}, {b:d}); }}\n"


def write_identity(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """The site-wide output (``partnerhub/outputs.py``): ``assets/ph-identity.css``."""
    path = Path(site_dir) / IDENTITY_CSS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(identity_css(hub), encoding="utf-8")
    return []
