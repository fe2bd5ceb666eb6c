"""Links that never break: a record renamed (its file, so its id and its URL) lists its old
ids under ``former_ids``; each old URL, in every language, gets a small page that leads to
the new one: a canonical link, a meta refresh, and a visible link for those whose browser
does not follow it. Only the build's visible, public records get them (a redirect names
the record it leads to)."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from partnerhub.i18n import N_, translations
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.csp import with_policy
from partnerhub.render.localize import Localizer
from partnerhub.render.urls import language_root, record_url, relative

MOVED = N_("This page has moved")
PAGE = Markup(
    '<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{moved}: {name}</title>\n"
    '<link rel="canonical" href="{canonical}">\n<meta name="robots" content="noindex">\n'
    '<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
    '<body>\n<p>{moved}: <a href="{target}" lang="{name_lang}">{name}</a></p>\n</body>\n</html>\n')


def redirect_page(lang: str, name: str, name_lang: str, target: str, canonical: str) -> str:
    moved = translations(lang).gettext(MOVED)
    return with_policy(str(PAGE.format(lang=lang, moved=moved, name=name, name_lang=name_lang, target=target,
                                       canonical=canonical)))


def write_redirects(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """A page at each former id's URL in every language; returns no sitemap URL (the
    sitemap lists the records' pages, not where they used to be)."""
    default = hub.config.default_language
    for lang in hub.config.languages:
        loc, root = Localizer(lang, default), language_root(lang, default)
        for record_type in RECORD_TYPES:
            for record in rel.records[record_type.folder].values():
                if record.visibility != "public" or not record.former_ids:
                    continue
                new = root + record_url(record_type.folder, record.id)
                name = loc.pick(record.display_name)
                for old_id in record.former_ids:
                    old = root + record_url(record_type.folder, old_id)
                    path = site_dir / old / "index.html"
                    if path.exists() or old_id in rel.records[record_type.folder]:
                        continue  # never over a page (the validator refuses such ids)
                    target = relative(old, new)
                    canonical = site_url.rstrip("/") + "/" + new if site_url else target
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(redirect_page(lang, name.text, name.lang, target, canonical), encoding="utf-8")
    return []
