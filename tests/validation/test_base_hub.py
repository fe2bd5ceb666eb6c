"""The minimal valid hub every other validator test starts from."""

from partnerhub.hub import load_hub
from partnerhub.registry import FOLDERS, VOCABULARIES

from tests.validation.validation_support import BASE_HUB, copy_base_hub, problem_lines, validate


def test_base_hub_has_no_problem(tmp_path):
    root = copy_base_hub(tmp_path)
    code, out, err = validate(root)
    assert problem_lines(out) == []
    assert out.splitlines()[-1] == "0 error(s), 0 warning(s)"
    assert code == 0
    assert err == ""


def test_base_hub_holds_one_record_of_each_kind_and_every_vocabulary():
    hub = load_hub(BASE_HUB)
    assert hub.problems == []
    assert hub.config.languages == ["en", "el", "fr"]
    assert sorted(hub.vocabularies) == sorted(VOCABULARIES)  # every vocabulary the models refer to
    assert {kind: sorted(entries) for kind, entries in hub.records.items()} == {
        "networks": ["breaking-isolation"],
        "partners": ["agen", "serres", "skofja-loka"],
        "meetings": ["breaking-isolation-01-agen"],
        "practices": ["serres-volunteers"],
        "outputs": ["breaking-isolation-baseline-study"],
        "people": ["ian-graham"],
    }
    assert set(hub.records) == set(FOLDERS)


def test_yaml_11_traps_keep_their_text(tmp_path):
    """`NO`, `yes`, `on`, `0123`, `1:30` and dates are text where text is expected."""
    root = copy_base_hub(tmp_path)
    (root / "data" / "partners" / "oslo.yml").write_text(
        "id: oslo\n"
        "name: {en: NO, el: yes, fr: on}\n"
        "kind: municipality\n"
        "country: NO\n"
        "contacts:\n"
        "  - name: 2024-05-06\n"
        "    phone: 0123\n"
        "    role: {en: 1:30, el: off, fr: 0o17}\n",
        encoding="utf-8")
    code, out, _ = validate(root)
    assert problem_lines(out) == []
    assert code == 0
    oslo = load_hub(root).get("partners", "oslo")
    assert oslo.country == "NO"
    assert oslo.name == {"en": "NO", "el": "yes", "fr": "on"}
    assert oslo.contacts[0].name == "2024-05-06"
    assert oslo.contacts[0].phone == "0123"
    assert oslo.contacts[0].role == {"en": "1:30", "el": "off", "fr": "0o17"}
