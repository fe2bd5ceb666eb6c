"""One fixture per rule and per message code: the exact lines `partnerhub validate` prints.

Single-file fixtures live in tests/fixtures/invalid/ (their header is described in
validation_support.py); cases that need a second file (a prose .md, a symlink, a
non-UTF-8 file beside a record) are in ``validation_support.CASES``.
"""

from __future__ import annotations

import re
import string

import pytest

from partnerhub.hub import load_hub
from partnerhub.messages import MESSAGES

from tests.validation.validation_support import (
    CASES, PROBLEM_LINE, all_fixtures, copy_base_hub, install_case, install_fixture, problem_lines, validate,
)

FIXTURES = all_fixtures()

# Codes no contributor can cause, and why.
UNTRIGGERABLE = {
    # the fallback for a pydantic error type the converter does not know; every type the
    # record model can raise is mapped to a code of its own (the fuzz test checks this)
    "invalid_value": "fallback for unmapped pydantic errors",
    # a file the build cannot open (no read permission): tests may run as root, who can
    "file_unreadable": "needs a file the test user cannot read",
    "media_unreadable": "needs a file the test user cannot read",
    # the build's publishing step, not the validator, meets these (tests/media covers them)
    "media_changed": "a photo changes between validation and publishing",
    "media_name_clash": "two files would be published under one name",
    "media_output_failed": "the output folder cannot be written",
}

# Codes that need more than a fixture, and the test that shows their exact message.
COVERED_ELSEWHERE = {
    # a language without a catalog also lacks every record's and term's text: dozens of lines
    "interface_translation_missing": "tests/i18n/test_translation_status.py",
}

# Codes that are parts of another message (a hint), not problems of their own.
FRAGMENTS = {
    "did_you_mean", "known_fields", "quote_hint", "text_not_list", "text_not_map", "country_upper",
    "country_greece", "country_list", "country_alias", "known_ids", "known_terms", "state_draft", "state_partners",
    "date_also_unknown", "date_also_ongoing",
}


def _check_output(expected: list[str], code: int, out: str, err: str) -> None:
    lines = problem_lines(out)
    assert "Traceback" not in err
    missing = [line for line in expected if line not in lines]
    assert not missing, "not printed:\n" + "\n".join(missing) + "\n\nprinted:\n" + "\n".join(lines)
    assert sorted(lines) == sorted(expected), "printed more than expected:\n" + "\n".join(
        line for line in lines if line not in expected)
    has_error = any(PROBLEM_LINE.match(line)["severity"] == "error" for line in expected)
    assert code == (1 if has_error else 0)


def test_there_are_fixtures():
    assert len(FIXTURES) > 60


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_fixture(fixture, tmp_path):
    root = copy_base_hub(tmp_path)
    install_fixture(fixture, root)
    code, out, err = validate(root)
    if fixture.valid:
        assert not fixture.expected, "a `# valid: true` fixture expects nothing"
    else:
        assert fixture.expected, f"{fixture.source.name} has no `# expect:` line"
    _check_output(fixture.expected, code, out, err)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_with_several_files(case, tmp_path):
    root = copy_base_hub(tmp_path)
    install_case(case, root)
    code, out, err = validate(root)
    _check_output(case.expected, code, out, err)


def test_country_no_is_norway(tmp_path):
    fixture = next(f for f in FIXTURES if f.name == "country_no_norway")
    root = copy_base_hub(tmp_path)
    install_fixture(fixture, root)
    hub = load_hub(root)
    assert hub.get("partners", "country-no-norway").country == "NO"


def _template_regex(template: str) -> re.Pattern:
    """A message template as a regex: its fixed words, anything for each placeholder."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.S)


def test_every_message_code_has_a_fixture(tmp_path):
    """Each code a contributor can cause appears in a fixture's or a case's output."""
    raised: set[str] = set()
    for number, fixture in enumerate(FIXTURES):
        root = copy_base_hub(tmp_path / f"f{number}")
        install_fixture(fixture, root)
        raised |= {problem.code for problem in load_hub(root).problems}
    for number, case in enumerate(CASES):
        root = copy_base_hub(tmp_path / f"c{number}")
        install_case(case, root)
        raised |= {problem.code for problem in load_hub(root).problems}
    problems = set(MESSAGES) - FRAGMENTS - set(UNTRIGGERABLE) - set(COVERED_ELSEWHERE)
    assert sorted(problems - raised) == []
    assert sorted(raised & set(UNTRIGGERABLE)) == []
    # hints: their fixed words stand in an expected line
    expected = [line for f in FIXTURES for line in f.expected] + [line for c in CASES for line in c.expected]
    for code in sorted(FRAGMENTS):
        pattern = _template_regex(MESSAGES[code])
        assert any(pattern.search(line) for line in expected), f"no fixture shows the hint {code!r}"


def test_fixture_names_say_field_and_problem():
    for fixture in FIXTURES:
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", fixture.name), fixture.name
