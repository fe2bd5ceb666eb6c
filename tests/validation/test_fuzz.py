"""No input file makes the validator crash: random text and mutated records only ever
come back as problems, each printable on one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerhub.messages import MESSAGES
from partnerhub.validation.run import validate_hub
from partnerhub.yamlsource import load_yaml

from tests.validation.validation_support import BASE_HUB, copy_base_hub

RECORDS = {
    "meetings": (BASE_HUB / "data/meetings/breaking-isolation-01-agen.yml").read_bytes(),
    "networks": (BASE_HUB / "data/networks/breaking-isolation.yml").read_bytes(),
    "partners": (BASE_HUB / "data/partners/serres.yml").read_bytes(),
    "practices": (BASE_HUB / "data/practices/serres-volunteers.yml").read_bytes(),
    "vocabularies": (BASE_HUB / "data/vocabularies/themes.yml").read_bytes(),
    "hub": (BASE_HUB / "data/hub.yml").read_bytes(),
    "prose": "## The problem {#problem}\n\nOlder people live *alone*.\n\n## What was done {#actions}\n\n"
             "- Volunteers [visit](https://example.org) them.\n\n```\n## not a heading {#results}\n```\n".encode(),
}
TARGETS = {
    "meetings": "meetings/breaking-isolation-01-agen.yml",
    "networks": "networks/breaking-isolation.yml",
    "partners": "partners/serres.yml",
    "practices": "practices/serres-volunteers.yml",
    "vocabularies": "vocabularies/themes.yml",
    "hub": "hub.yml",
    "prose": "practices/serres-volunteers.en.md",
}

SCALARS = [b"NO", b"no", b"yes", b"on", b"off", b"~", b"null", b"0123", b"0x1F", b"1:30", b"12:30:45", b"2024-02-30",
           b"2024-01-01", b"2024-01-01T10:00:00Z", b"1e999", b".nan", b"-.inf", b"[]", b"{}", b"[a, [b, {c: d}]]",
           b"{en: x, de: y}", b"''", b'""', b"|", b">-", b"&a x", b"*a", b"!!binary aGVsbG8=", b"!!python/object:os.system",
           b"? x", b"- - -", b'"\\u0007"', b'"\\x00"', b"<script>", b"javascript:alert(1)", b"media/../../etc/passwd",
           b"/etc/passwd", b"a\xcc\x80", b"\xff\xfe", b"\xef\xbb\xbf", b"\t", b"%YAML 1.1", b"---", b"...", b"@x", b"`x`"]
INSERTS = [b":", b": ", b"-", b"- ", b"[", b"]", b"{", b"}", b"\t", b"\x00", b"\x07", b"\x1b", b"\x85", b"\r", b"\r\n",
           b"\xc3", b"\xff", b"\xed\xa0\x80", b"#", b"&", b"*", b"!", b"|", b">", b"'", b'"', b"%", b"@", b"\\", b"  ", b"\n"]


def _split(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(RECORDS)))
    lines = _split(RECORDS[kind])
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [b""]
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(
            ["delete", "duplicate", "swap", "indent", "dedent", "insert", "value", "truncate", "join"]))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif operation == "indent":
            lines[index] = draw(st.sampled_from([b" ", b"  ", b"\t", b"    "])) + line
        elif operation == "dedent":
            lines[index] = line.lstrip()
        elif operation == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(INSERTS)) + line[at:]
        elif operation == "value":
            key, colon, _ = line.partition(b":")
            lines[index] = (key + b": " if colon else line + b" ") + draw(st.sampled_from(SCALARS))
        elif operation == "truncate":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        elif operation == "join" and index + 1 < len(lines):
            lines[index: index + 2] = [line + lines[index + 1]]
    return kind, b"\n".join(lines)


@st.composite
def random_text(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(RECORDS)))
    data = draw(st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet=":-[]{}\n\t #&*!|>'\"?,abcNOyes0123", max_size=200).map(str.encode),
    ))
    return kind, data


@pytest.fixture(scope="module")
def hub_root(tmp_path_factory) -> Path:
    return copy_base_hub(tmp_path_factory.mktemp("fuzz"))


def _check(root: Path, kind: str, data: bytes) -> None:
    target = root / "data" / TARGETS[kind]
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(data)
    try:
        hub = validate_hub(root)  # must not raise
        for problem in hub.problems:
            text = problem.as_text()
            github = problem.as_github()
            assert "\n" not in text and "\r" not in text
            assert "\n" not in github and "\r" not in github
            assert problem.line >= 1 and problem.column >= 1
            # every pydantic error the model can raise has a code of its own
            assert problem.code != "invalid_value", text
            MESSAGES[problem.code].format(**problem.params)  # every placeholder has its value
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutated())
def test_mutated_records_never_crash(hub_root, case):
    _check(hub_root, *case)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=random_text())
def test_random_text_never_crashes(hub_root, case):
    _check(hub_root, *case)


_URL_PARTS = ["https://", "http://", "ftp://", "//", "[", "]", "::1", "@", ":", "80", "99999", "/", "?", "#", "%",
              ".", "..", "-", "xn--", "exаmple", "example", "org", " ", "\t", "\n", "\x00", "\u200b", "\u202e",
              "ü", "javascript:", "a" * 70, "1.2.3.4", "256.1.1.1", "_", "~", "\\"]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_URL_PARTS), max_size=10), tail=st.text(max_size=20))
def test_no_address_gets_pydantic_words(parts, tail):
    """Whatever a `url:` holds, its error has a message of the hub's own (never invalid_value)."""
    from pydantic import ValidationError

    from partnerhub.model.common import Source
    from partnerhub.validation.pydantic_errors import problems_from
    from partnerhub.yamlsource import Positions

    data = {"url": "".join(parts) + tail}
    try:
        Source.model_validate(data)
    except ValidationError as exc:
        for _path, code, params, _at_key in problems_from(exc, Source, data, Positions(), None):
            assert code != "invalid_value", data
            MESSAGES[code].format(**params)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_loader_returns_problems_not_exceptions(text):
    document = load_yaml(text)
    assert document.problems or document.data is not None or document.positions.values
