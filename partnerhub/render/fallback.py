"""Text shown in another language than the page's (a missing translation), marked as such:
a visible notice in the page's language, the text's own ``lang``, and kept out of the
page language's search index."""

from __future__ import annotations

from markupsafe import Markup

from partnerhub.i18n import N_, translations
from partnerhub.render.localize import Localizer

TEXT_NOTICE = N_("This text is not yet available in this language. It is shown in {language}.")
PAGE_NOTICE = N_("This page is not yet available in this language. It is shown in {language}.")


def fallback_block(html: str, page_lang: str, text_lang: str, notice: str = TEXT_NOTICE) -> Markup:
    """``html`` (written in ``text_lang``) on a ``page_lang`` page, with its notice."""
    language = Localizer(page_lang, text_lang).language(text_lang)
    message = translations(page_lang).gettext(notice).format(language=language)
    return Markup(
        '<div class="ph-fallback" data-pagefind-ignore="all">'
        '<p class="ph-fallback__notice">{}</p><div lang="{}">{}</div></div>'
    ).format(message, text_lang, Markup(html))


def fallback_page(html: str, page_lang: str, text_lang: str) -> str:
    """A whole hand-written page body shown in ``text_lang`` on a ``page_lang`` site."""
    return str(fallback_block(html, page_lang, text_lang, PAGE_NOTICE))
