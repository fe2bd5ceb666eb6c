"""The gettext catalogs: every interface string and message translated in el and fr,
placeholders intact, catalogs in step with the code, compiled .mo files current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface

from partnerhub.i18n import EXTRACT_KEYWORDS

KEYWORDS = [arg for keyword in EXTRACT_KEYWORDS for arg in ('-k', keyword)]
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.support.site import ROOT  # noqa: E402
LOCALE = ROOT / "partnerhub" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[ds]")


def catalog(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=lang)


def extracted_ids(tmp_path: Path) -> set:
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-location", "-o", str(pot), str(ROOT)])
    with open(pot, "rb") as fh:
        return {m.id for m in read_po(fh) if m.id}


@pytest.mark.parametrize("lang", ["el", "fr"])
def test_every_string_is_translated(lang):
    missing = [m.id for m in catalog(lang) if m.id and (not m.string or (m.pluralizable and not all(m.string)))]
    assert missing == [], f"{len(missing)} untranslated {lang} strings; run scripts/update_translations.py and translate them"


@pytest.mark.parametrize("lang", ["el", "fr"])
def test_catalog_covers_the_code(lang, tmp_path):
    ids = {m.id for m in catalog(lang) if m.id}
    missing = extracted_ids(tmp_path) - ids
    assert not missing, f"strings in the code missing from {lang}: {sorted(missing, key=str)[:5]} (run scripts/update_translations.py)"


@pytest.mark.parametrize("lang", ["el", "fr"])
def test_placeholders_survive_translation(lang):
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, (lang, message.id, text)


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


@pytest.mark.parametrize("lang", ["el", "fr"])
def test_compiled_catalog_is_current(lang):
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.mo", "rb") as fh:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(fh) if m.id}
    for message in catalog(lang):
        if message.id and message.string:
            assert compiled.get(_key(message.id)) == _key(message.string), f"{lang}: .mo is stale; run scripts/update_translations.py"
