"""Text shown in another language than the page's (a missing translation), marked as such:
the text's own ``lang``, a line beside it with its language's name, kept out of the page
language's search index; and one visible notice per page in the page's language (at the top
of a record page that has such blocks, or of a hand-written page shown untranslated)."""

from __future__ import annotations

import re

from markupsafe import Markup

from partnerhub.i18n import N_, translations
from partnerhub.render.localize import Localizer

TEXT_NOTICE = N_("This text is not yet available in this language. It is shown in {language}.")
PAGE_NOTICE = N_("This page is not yet available in this language. It is shown in {language}.")
PARTS_NOTICE = N_("Some texts on this page are not yet available in this language. They are shown in {language}, "
                  "marked as such.")
FALLBACK_TEXT_CLASS = "ph-fallback-text"  # a name or a line in another language (render/context.py)
_OTHER_LANGUAGE = re.compile(r'<div class="ph-fallback ph-fallback--part"[^>]*><div lang="([^"]+)">'
                             rf'|<span class="{FALLBACK_TEXT_CLASS}" lang="([^"]+)">')


def fallback_block(html: str, page_lang: str, text_lang: str, notice: str | None = None) -> Markup:
    """``html`` (written in ``text_lang``) on a ``page_lang`` page, marked with its ``lang``
    and its language's name; with ``notice``, the notice too (a whole page), else the page
    says it once (:func:`with_page_notice`)."""
    language = Localizer(page_lang, text_lang).language(text_lang)
    if notice is None:
        return Markup('<div class="ph-fallback ph-fallback--part" data-pagefind-ignore="all" data-ph-language="{}">'
                      '<div lang="{}">{}</div></div>').format(language, text_lang, Markup(html))
    message = translations(page_lang).gettext(notice).format(language=language)
    return Markup(
        '<div class="ph-fallback" data-pagefind-ignore="all">'
        '<p class="ph-fallback__notice">{}</p><div lang="{}">{}</div></div>'
    ).format(message, text_lang, Markup(html))


def with_page_notice(html: Markup, page_lang: str) -> Markup:
    """``html`` (a page's body) with one notice before it if some of its blocks are shown in
    another language, naming those languages."""
    languages = list(dict.fromkeys(block or line for block, line in _OTHER_LANGUAGE.findall(str(html))))
    if not languages:
        return html
    names = ", ".join(Localizer(page_lang, lang).language(lang) for lang in languages)
    message = translations(page_lang).gettext(PARTS_NOTICE).format(language=names)
    notice = Markup('<p class="ph-fallback__notice ph-fallback__notice--page" role="note">{}</p>').format(message)
    at = str(html).find("</h1>")  # under the page's title
    if at < 0:
        return notice + html
    at += len("</h1>")
    return Markup(str(html)[:at]) + notice + Markup(str(html)[at:])


def fallback_page(html: str, page_lang: str, text_lang: str) -> str:
    """A whole hand-written page body shown in ``text_lang`` on a ``page_lang`` site."""
    return str(fallback_block(html, page_lang, text_lang, PAGE_NOTICE))
