"""What lacks a translation (partnerhub/validation/translations.py): the validator's warnings
and the translations dashboard come from one function, so their counts are equal; a language
added to data/hub.yml gets a warning for each missing piece, interface included. The
languages are read from the hubs' settings, never written here."""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from partnerhub.hub import load_hub
from partnerhub.i18n import LOCALE_DIR, SOURCE_LANGUAGE, set_language
from partnerhub.messages import MESSAGES
from partnerhub.render.pages import SiteBuilder
from partnerhub.render.relations import build_relations
from partnerhub.render.translations_page import count_pieces, dashboard
from partnerhub.validation.translations import CATEGORIES, missing_pieces, untranslated_strings
from tests.support.site import BASE_HUB, ROOT

CODES = {"translation_missing": "record", "page_translation_missing": "page",
         "vocabulary_translation_missing": "vocabulary", "interface_translation_missing": "interface"}


def _warnings_by_lang(hub) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for problem in hub.problems:
        if problem.code in CODES:
            counts.setdefault(problem.params["lang"], Counter())[CODES[problem.code]] += 1
    return counts


def _new_language(hub) -> str:
    """A language with dates in CLDR, no catalog and not in the hub."""
    catalogs = {path.name for path in LOCALE_DIR.iterdir() if path.is_dir()}
    for code in ("de", "it", "es", "pt", "nl", "pl", "sv"):
        if code not in catalogs and code not in hub.config.languages and code != SOURCE_LANGUAGE:
            return code
    pytest.skip("every candidate language has a catalog")


@pytest.fixture
def base(tmp_path):
    shutil.copytree(BASE_HUB, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_the_hubs_catalogs_are_complete():
    hub = load_hub(ROOT)
    for lang in hub.config.languages:
        assert untranslated_strings(lang) == (), lang


def test_a_new_language_warns_for_every_missing_piece(base):
    before = load_hub(base)
    assert not before.problems
    new = _new_language(before)
    hub_yml = base / "data" / "hub.yml"
    text = hub_yml.read_text(encoding="utf-8")
    languages = before.config.languages
    hub_yml.write_text(re.sub(r"^languages:.*$", f"languages: [{', '.join([*languages, new])}]", text, flags=re.M),
                       encoding="utf-8")
    hub = load_hub(base)
    assert not hub.errors
    counts = _warnings_by_lang(hub)[new]
    records = sum(len(entries) for entries in hub.records.values())
    terms = sum(len(vocabulary.root) for vocabulary in hub.vocabularies.values())
    assert counts == Counter({"record": records, "vocabulary": terms, "interface": 1})
    # the interface's warning, exactly, on the line of `languages`
    (interface,) = [p for p in hub.problems if p.code == "interface_translation_missing"]
    pot_ids = untranslated_strings(new)
    assert len(pot_ids) > 100
    line = next(n for n, l in enumerate(hub_yml.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("languages"))
    set_language(SOURCE_LANGUAGE)
    from partnerhub.i18n import language_name

    assert interface.as_text() == (
        f"data/hub.yml:{line}:1: warning: the interface has no {language_name(new, SOURCE_LANGUAGE)} ({new}) "
        f"translation for {len(pot_ids)} text(s) in partnerhub/locale/{new}/LC_MESSAGES/messages.po: translate "
        "them (the site's translations page lists them); until then they are shown in English")
    assert MESSAGES["interface_translation_missing"]
    # and the other languages are unchanged
    assert all(_warnings_by_lang(hub).get(lang, Counter()) == Counter() for lang in languages)


@pytest.mark.parametrize("where", ["base", "demo"])
def test_dashboard_counts_are_the_validators(where, base):
    hub = load_hub(base if where == "base" else ROOT)
    if where == "base":  # some of every kind: a page, a term, fields of a record
        other = hub.config.other_languages[-1]
        (base / "docs" / hub.config.default_language).mkdir(parents=True)
        (base / "docs" / hub.config.default_language / "about.md").write_text("# About\n", encoding="utf-8")
        themes = base / "data" / "vocabularies" / "themes.yml"
        themes.write_text(re.sub(rf", {other}: [^,}}]*}}", "}", themes.read_text(encoding="utf-8"), count=1),
                          encoding="utf-8")
        hub = load_hub(base)
    validator = _warnings_by_lang(hub)
    assert count_pieces(missing_pieces(hub)).keys() <= set(hub.config.other_languages)
    rel = build_relations(hub)
    assert any(validator.values())
    for lang in hub.config.other_languages:
        board = dashboard(hub, rel, lang)
        for category in CATEGORIES:
            assert board.counts[lang][category] == validator.get(lang, Counter())[category], (lang, category)
        assert board.total(lang) == sum(validator.get(lang, Counter()).values())
        # per record type: the validator's warnings of that folder's files
        for folder in hub.records:
            expected = sum(1 for p in hub.problems if p.code == "translation_missing" and p.params["lang"] == lang
                           and p.file.startswith(f"data/{folder}/"))
            assert board.counts[lang][("record", folder)] == expected
        # every piece of the page's language is listed (or counted as not shown)
        listed = sum(len(rows) for rows in board.rows.values()) + board.hidden
        assert listed == board.total(lang)


def test_dashboard_page_lists_the_pieces(base):
    hub = load_hub(base)
    default = hub.config.default_language
    (base / "docs" / default).mkdir(parents=True)
    (base / "docs" / default / "about.md").write_text("# About\n", encoding="utf-8")
    hub = load_hub(base)
    for lang in hub.config.other_languages:
        html = str(SiteBuilder(hub, lang).translations_page().html)
        assert f"docs/{lang}/about.md" in html
        assert f'data-ph-total="{lang}">1<' in html
    page = SiteBuilder(hub, default).translations_page()
    assert page.noindex and page.url == "translations/"
