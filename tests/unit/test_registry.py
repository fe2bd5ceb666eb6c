"""Every record type of the registry goes through the whole hub: it loads, validates, is
counted, has a JSON Schema, a `new` template and a page in every language, a catalogue and
a menu entry. A type added to ``partnerhub.registry`` is covered here without a new test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from partnerhub.cli import main
from partnerhub.hub import load_hub
from partnerhub.hubdata import read_hub
from partnerhub.i18n import translations
from partnerhub.new.command import QUESTIONS
from partnerhub.new.write import check_rendered, render
from partnerhub.registry import BY_FOLDER, RECORD_TYPES, VOCABULARIES
from partnerhub.render.pages import SiteBuilder
from partnerhub.render.site import navigation
from partnerhub.schema import all_schemas
from tests.validation.validation_support import BASE_HUB

ROOT = Path(__file__).resolve().parents[2]
TYPES = [pytest.param(t, id=t.name) for t in RECORD_TYPES]
LANGS = ("en", "el", "fr")


@pytest.fixture(scope="module")
def base_hub():
    hub = load_hub(BASE_HUB)
    assert hub.problems == []
    return hub


@pytest.mark.parametrize("record_type", TYPES)
def test_type_loads_and_validates(record_type, base_hub):
    entries = base_hub.records[record_type.folder]
    assert entries, f"the base hub has no {record_type.name}"
    for entry in entries.values():
        assert isinstance(entry.record, record_type.model)
        assert entry.type is record_type
        assert entry.record.display_name["en"]


@pytest.mark.parametrize("record_type", TYPES)
def test_type_is_counted(record_type, capsys):
    assert main(["validate", "--root", str(BASE_HUB), str(BASE_HUB)]) == 0
    summary = capsys.readouterr().out.splitlines()[-2]
    count = len(list((BASE_HUB / "data" / record_type.folder).glob("*.yml")))
    singular, plural = record_type.count
    assert (singular if count == 1 else plural).format(count=count) in summary


@pytest.mark.parametrize("record_type", TYPES)
def test_type_has_a_schema(record_type):
    schemas = all_schemas(read_hub(ROOT))
    assert record_type.name in schemas
    assert (ROOT / "data" / "schemas" / f"{record_type.name}.schema.json").is_file()
    assert set(schemas[record_type.name]["properties"]) == set(record_type.model.model_fields)


@pytest.mark.parametrize("record_type", TYPES)
def test_type_has_a_new_template_that_makes_a_valid_record(record_type, tmp_path):
    template = ROOT / "partnerhub" / "new" / "templates" / f"{record_type.name}.yml.j2"
    assert template.is_file()
    assert QUESTIONS[record_type.name] == record_type.questions and record_type.questions
    hub = read_hub(BASE_HUB)
    answers = {}
    for question in record_type.questions:  # the first choice, or a plain answer
        choices = question.choices(hub, answers) if question.choices else []
        default = question.default(answers, hub) if question.default else None
        text = default or (choices[0] if choices else {"start": "2024-05", "end": "", "number": "", "country": "GR"}.get(
            question.name, "A new record"))
        if not text and not (question.essential(answers) if callable(question.essential) else question.essential):
            answers[question.name] = None
            continue
        if question.name == "id":
            text = "a-new-record"
        answers[question.name] = question.check(text, hub)
    assert check_rendered(record_type.name, render(record_type.name, answers, hub), hub) == []


@pytest.mark.parametrize("record_type", TYPES)
@pytest.mark.parametrize("lang", LANGS)
def test_type_renders_in_every_language(record_type, lang, base_hub):
    builder = SiteBuilder(base_hub, lang)
    assert (ROOT / "partnerhub" / "render" / "templates" / record_type.template).is_file()
    for record in builder.rel.records[record_type.folder].values():
        page = builder.record_page(record_type, record)
        assert page.kind == record_type.name and page.title
        assert 'class="ph-record' in page.html and "data-pagefind-body" in page.html
        assert f'data-value="{builder.texts.translate(record_type.singular_title)}"' in page.html
    catalogue = builder.catalogue(record_type.folder)
    assert catalogue.title == translations(lang).gettext(record_type.title)
    assert f"<h1>{catalogue.title}</h1>" in catalogue.html


@pytest.mark.parametrize("record_type", TYPES)
@pytest.mark.parametrize("lang", ("el", "fr"))
def test_type_words_are_translated(record_type, lang):
    catalog = translations(lang)
    for msgid in (record_type.label, record_type.title, record_type.singular_title):
        assert catalog.gettext(msgid) != msgid, (lang, msgid)
    singular, plural = record_type.count
    assert catalog.ngettext(singular, plural, 5) != plural


@pytest.mark.parametrize("record_type", TYPES)
def test_type_is_in_the_menu_and_its_folder_is_known(record_type):
    entries = [next(iter(item.values())) for item in navigation("en", []) if isinstance(item, dict)]
    assert f"{record_type.folder}/index.md" in entries
    assert BY_FOLDER[record_type.folder] is record_type


def test_vocabularies_follow_the_models():
    """Every vocabulary a model refers to has a file in the demo and in the base hub."""
    for root in (ROOT, BASE_HUB):
        files = {p.stem for p in (root / "data" / "vocabularies").glob("*.yml")}
        assert set(VOCABULARIES) <= files, root


def test_adding_a_type_needs_no_other_list():
    """No module keeps its own list of the record types' folders: each folder name is
    spelt in the registry, the models (references), templates and messages only."""
    allowed = {"registry.py"}
    pattern = re.compile(r"""\(\s*["'](networks|partners|meetings|practices)["']\s*,\s*["'](networks|partners|"""
                         r"""meetings|practices)["']""")
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "partnerhub").rglob("*.py")
                 if p.name not in allowed and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
