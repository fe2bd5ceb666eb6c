"""`partnerhub new` in the contributor's language (questions, choices, errors, the template's
help) and its near-duplicate warning (partnerhub/new/similar.py). The languages are read from
the hub's settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnerhub.cli import main
from partnerhub.hubdata import read_hub
from partnerhub.i18n import gettext, language_name, set_language
from partnerhub.new.command import choose_language, gather
from partnerhub.new.similar import alike, similar_records
from partnerhub.registry import BY_NAME, RECORD_TYPES
from tests.contrib.test_new import EXPECTED_FILE, GOOD
from tests.support.site import ROOT


@pytest.fixture(autouse=True)
def _source_language_afterwards():
    yield
    set_language("en")


@pytest.fixture()
def hub(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _other(root: Path) -> str:
    return read_hub(root).config.other_languages[0]


def test_every_record_type_has_new_with_lang(capsys):
    for record_type in RECORD_TYPES:  # tests/unit/test_registry.py writes one of each
        assert record_type.questions
        with pytest.raises(SystemExit):
            main(["new", record_type.name, "--help"])
        assert "--lang" in capsys.readouterr().out


def test_language_from_option_environment_or_hub(hub):
    data = read_hub(hub)
    other, default = data.config.other_languages[0], data.config.default_language
    assert choose_language(other, data, {}) == other
    assert choose_language(None, data, {"LANG": f"{other}_XX.UTF-8"}) == other
    assert choose_language(None, data, {"LC_ALL": "C.UTF-8", "LANG": f"{other}_XX.UTF-8"}) == other
    assert choose_language(None, data, {"LANG": "zz_ZZ.UTF-8"}) == default
    assert choose_language(None, data, {}) == default


def test_template_help_and_messages_in_her_language(hub, capsys, monkeypatch):
    lang = _other(hub)
    monkeypatch.chdir(hub)
    args = GOOD["meeting"]
    code = main(["new", "meeting", "--lang", lang, "--no-input", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    path = hub / EXPECTED_FILE["meeting"]
    text = path.read_text(encoding="utf-8")
    for msgid in ("Required.", "Optional.",
                  'Lines starting with "#" are help: they are not part of the record.'):
        assert gettext(lang, msgid) != msgid and gettext(lang, msgid) in text
    assert gettext(lang, "Created {path}").split("{")[0] in out
    # the fields' own descriptions too (partnerhub/new/descriptions.py puts them in the catalogs)
    model = BY_NAME["meeting"].model
    for name in ("id", "network", "title"):
        description = model.model_fields[name].description.strip()
        assert gettext(lang, description) != description
        assert gettext(lang, description).split()[0] in text
    # the record is valid at once
    assert main(["validate", "--root", str(hub), str(path)]) == 0


def _next(answers):
    try:
        return next(answers)
    except StopIteration:
        raise EOFError from None


def test_questions_choices_and_errors_in_her_language(hub, monkeypatch):
    lang = _other(hub)
    monkeypatch.chdir(hub)
    set_language(lang)
    data = read_hub(hub)
    asked, printed = [], []
    answers = iter(["no-such-network"])

    class Out:
        def write(self, text):
            printed.append(text)

    from partnerhub.new.command import Cancelled

    with pytest.raises(Cancelled):
        gather("meeting", {}, data, True, ask=lambda prompt: (asked.append(prompt), _next(answers))[1], out=Out())
    network_prompt = gettext(lang, BY_NAME["meeting"].questions[0].prompt)
    assert asked[0].startswith(network_prompt)
    text = "".join(printed)
    assert gettext(lang, "  choices: {choices}").split("{")[0] in text
    # the check's message for the unknown network, in her language
    assert gettext(lang, "there is no {kind} `{value}`{did_you_mean}: known {kinds}: {known}").split("{")[0] in text


def test_prompts_name_the_language_in_her_language(hub, monkeypatch):
    lang = _other(hub)
    set_language(lang)
    data = read_hub(hub)
    asked = []

    def ask(prompt):
        asked.append(prompt)
        raise EOFError

    from partnerhub.new.command import Cancelled

    with pytest.raises(Cancelled):
        gather("partner", {}, data, True, ask=ask, out=open("/dev/null", "w"))
    default = data.config.default_language
    assert f"{language_name(default, lang)} ({default})" in asked[0]


@pytest.mark.parametrize("new,existing", [
    ("gdansk", "Gdańsk Entrepreneurship Foundation"),
    ("Gdańsk", "gdansk-entrepreneurship-foundation"),
    ("pireas", "Piraeus"),
    ("Πειραιάς", "Piraeus"),
    ("Municipality of Serres", "Serres"),
])
def test_names_alike(new, existing):
    assert alike(new, existing)


@pytest.mark.parametrize("new,existing", [("Agen", "Serres"), ("Pombal", "Roman"), ("Digital", "Social isolation")])
def test_names_not_alike(new, existing):
    assert not alike(new, existing)


def test_near_duplicate_warning_for_the_demos_partners(hub, capsys, monkeypatch):
    data = read_hub(hub)
    gdansk = similar_records(data, "partners", "gdansk")
    assert any(record_id.startswith("gdansk") for record_id in gdansk)
    assert "piraeus" in similar_records(data, "partners", "pireas")
    assert similar_records(data, "partners", "Zzyzx Quarry") == []
    lang = _other(hub)
    monkeypatch.chdir(hub)
    code = main(["new", "partner", "--lang", lang, "--no-input", "--name", "Pireas", "--country", "GR", "--id",
                 "pireas-new"])
    out, err = capsys.readouterr()
    assert code == 0  # a warning: the file is written
    assert "`piraeus`" in err and gettext(lang, BY_NAME["partner"].label) in err
    assert (hub / "data" / "partners" / "pireas-new.yml").is_file()


def test_field_descriptions_are_in_the_catalogs():
    from babel.messages.pofile import read_po

    from partnerhub.i18n import LOCALE_DIR
    from partnerhub.new.descriptions import field_descriptions

    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    descriptions = field_descriptions()
    assert len(descriptions) > 50
    assert all(description in template for description in descriptions)
