"""'Edit this page' and 'Suggest a correction': from a page to its file and to an issue form.

Configured once in ``data/hub.yml`` (``repository: https://github.com/OWNER/REPO``,
``branch``); without a repository no page has these links. The edit link opens the file in
GitHub's web editor (which offers a fork to whoever may not write to the repository); the
correction link opens the issue form ``.github/ISSUE_TEMPLATE/correction.yml`` with its
fields filled in through the query string (record id, page address, language). Every part
of a URL is percent-encoded here; the markup escapes the URLs again as attributes.
Record pages get the markup from :func:`edit_links_html` (``render/pages.py``); hand-written
pages get :func:`edit_links` through ``page.meta`` and ``hooks/theme/partials/ph-edit-links.html``.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup

from partnerhub.i18n import N_, gettext

ISSUE_FORM = "correction.yml"  # .github/ISSUE_TEMPLATE/<this>; its field ids are the query's keys
EDIT_THIS_PAGE = N_("Edit this page")
SUGGEST_A_CORRECTION = N_("Suggest a correction")
CORRECTION_TITLE = N_("Correction: {what}")


def edit_links(config, file: str, page_url: str, lang: str, record_id: str | None = None) -> dict[str, str] | None:
    """``{"edit": URL, "correct": URL}`` for the page at ``page_url`` (its address, absolute
    if the site's is known) made from ``file`` (relative to the repository); None without
    a configured repository."""
    repository = getattr(config, "repository", None)
    if not repository:
        return None
    base = repository.rstrip("/")
    edit = f"{base}/edit/{quote(config.branch, safe='/')}/{quote(file, safe='/')}"
    query = urlencode({
        "template": ISSUE_FORM,
        "title": gettext(lang, CORRECTION_TITLE).format(what=record_id or file),
        "record": record_id or file,
        "page": page_url,
        "language": lang,
    }, quote_via=quote)
    return {"edit": edit, "correct": f"{base}/issues/new?{query}"}


def edit_links_html(links: dict[str, str] | None, lang: str) -> Markup:
    """The links' markup (the same as ``ph-edit-links.html``'s), or nothing."""
    if not links:
        return Markup("")
    return Markup(
        '<ul class="ph-edit-links" data-pagefind-ignore>'
        '<li><a class="ph-edit-links__edit" href="{edit}" rel="noopener noreferrer">{edit_text}</a></li>'
        '<li><a class="ph-edit-links__correct" href="{correct}" rel="noopener noreferrer">{correct_text}</a></li></ul>'
    ).format(edit=links["edit"], correct=links["correct"],
             edit_text=gettext(lang, EDIT_THIS_PAGE), correct_text=gettext(lang, SUGGEST_A_CORRECTION))


def page_address(site_url: str, lang_root: str, url: str) -> str:
    """The page's address: absolute under ``site_url`` if known, else from the site's root."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + lang_root + url


def hand_written_links(config, root, source: str, page_url: str, lang: str, site_url: str) -> dict[str, str] | None:
    """:func:`edit_links` of a hand-written page whose Markdown file is ``source``
    (absolute; ``docs/<lang>/…`` in the repository at ``root``), at ``page_url`` (relative
    to the language's root)."""
    from pathlib import Path

    try:
        file = Path(source).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return None
    from partnerhub.render.urls import language_root

    address = page_address(site_url, language_root(lang, config.default_language), page_url)
    return edit_links(config, file, address, lang)


def file_links(config, file: str, line: int = 0) -> dict[str, str] | None:
    """``{"edit": URL, "view": URL}`` of ``file`` in the repository (``view`` at ``line`` if
    known), or None without a configured repository."""
    repository = getattr(config, "repository", None)
    if not repository:
        return None
    base, branch, path = repository.rstrip("/"), quote(config.branch, safe="/"), quote(file, safe="/")
    return {"edit": f"{base}/edit/{branch}/{path}",
            "view": f"{base}/blob/{branch}/{path}" + (f"#L{int(line)}" if line and line > 0 else "")}
