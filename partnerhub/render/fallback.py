"""Hand-written pages shown in another language than the page's: marked as such."""

from __future__ import annotations

from markupsafe import Markup

from partnerhub.i18n import translations
from partnerhub.render.localize import Localizer


def fallback_page(html: str, page_lang: str, text_lang: str) -> str:
    """Wrap a whole page body written in ``text_lang`` shown on a ``page_lang`` site."""
    notice = translations(page_lang).gettext(
        "This page is not yet available in this language. It is shown in {language}."
    ).format(language=Localizer(page_lang, text_lang).language(text_lang))
    return str(Markup('<div class="ph-fallback" data-pagefind-ignore="all"><p class="ph-fallback__notice">{}</p>'
                      '<div lang="{}">').format(notice, text_lang)) + html + "</div></div>"
