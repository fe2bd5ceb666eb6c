"""No text stalls the validator or the renderer: hostile texts of 100,000 characters each pass
through every text check and through ``markdown_to_html`` within a small time budget.

The budget is an assertion, not a benchmark: each of these took minutes before the checks
and the Markdown guard were made linear (a summary of `<` kept ``validate`` busy for over
20 s, 15,000 `[` took Markdown 38 s); on the 2-core test machine each now takes well under
half a second, and the limit leaves a wide margin for a busy machine.
"""

from __future__ import annotations

import time

import pytest
from pydantic_core import PydanticCustomError

from partnerhub.markdown_guard import find_excess, too_costly
from partnerhub.model import fields as F
from partnerhub.render.markup import markdown_to_html, plain_words

from tests.validation.validation_support import copy_base_hub, problem_lines, validate

LENGTH = 100_000
BUDGET = 2.0  # seconds, for each text and each step


def _fill(unit: str, length: int = LENGTH) -> str:
    return (unit * (length // len(unit) + 1))[:length]


HOSTILE = {
    "lt": _fill("<"),
    "bracket": _fill("["),
    "open_tag": _fill("<a "),
    "open_tag_quote": _fill('<a x="'),
    "char_ref": _fill("&#"),
    "javascript": _fill("javascript:"),
    "javascript_encoded": _fill("jav&#x61;script:"),
    "javascript_tab": _fill("java&#9;script:"),
    "javascript_line_break": _fill("java\nscript:"),
    "data_colon": _fill("data&colon;"),
    "emphasis": _fill("*_"),
    "emphasis_strong": _fill("**_"),
    "quote_nesting": _fill("> "),
    "quote_lines": "".join("> " * i + "x\n" for i in range(1, 400))[:LENGTH],
    "list_nesting": _fill("- "),
    "ordered_list_nesting": _fill("1. "),
    "list_indentation": "".join("    " * i + "- x\n" for i in range(300))[:LENGTH],
    "link_open": _fill("[a]("),
    "link_stray_quote": _fill('[a](b"c)'),
    "image_open": _fill("!["),
    "reference_open": _fill("[a]["),
    "backticks": _fill("``a`"),
    "comment_open": _fill("<!--"),
    "html_blocks": _fill("<div>"),
    "backslashes": _fill("\\"),
    "links": _fill("[x](y) "),
    "inline_tags": _fill("<b>x</b>"),
    "event_handler": _fill("<a onclick=x "),
    "quote_breakout": _fill('" x'),
    "equals": _fill("a=\"b\" "),
}


def _timed(function, *args):
    started = time.perf_counter()
    try:
        function(*args)
    except PydanticCustomError:
        pass  # refused: what matters here is how long it took
    return time.perf_counter() - started


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_checks_and_rendering_take_linear_time(name):
    text = HOSTILE[name]
    steps = {
        "name check": _timed(F._check_name, text),
        "text check": _timed(F._check_text, text),
        "Markdown check": _timed(F._check_markdown, text),
        "render": _timed(markdown_to_html.__wrapped__, text),
        "plain words": _timed(plain_words, text),
    }
    slow = {step: round(seconds, 2) for step, seconds in steps.items() if seconds > BUDGET}
    assert not slow, f"{name}: {slow}"


@pytest.mark.parametrize("name", ["bracket", "emphasis", "quote_nesting", "list_nesting", "ordered_list_nesting",
                                  "link_open", "backticks", "open_tag", "comment_open"])
def test_the_validator_refuses_what_the_renderer_would_choke_on(name):
    assert find_excess(HOSTILE[name]) is not None
    assert too_costly(HOSTILE[name])


def test_too_costly_text_is_shown_escaped():
    html = markdown_to_html.__wrapped__("<b onclick=x>" + "[" * 200 + "\n\nend")
    assert html == "<p>&lt;b onclick=x&gt;" + "[" * 200 + "</p>\n<p>end</p>"


def test_a_whole_hub_of_hostile_reports_validates_quickly(tmp_path):
    """Each hostile text as the report of a meeting, cut to fit the field's limit, and once
    more at full length in a prose file: one run of the validator over all of them."""
    root = copy_base_hub(tmp_path)
    meetings = root / "data" / "meetings"
    for index, (name, text) in enumerate(sorted(HOSTILE.items())):
        record_id = f"hostile-{index}"
        (meetings / f"{record_id}.yml").write_text(
            f"id: {record_id}\nnetwork: breaking-isolation\nkind: transnational\n"
            "title: {en: Visit, el: Επίσκεψη, fr: Visite}\nhost: agen\nstart: 2024-03-05\n", encoding="utf-8")
        (meetings / f"{record_id}.en.md").write_text(text[:F.LONG_TEXT_LENGTH - 1000], encoding="utf-8")
        (meetings / f"{record_id}.el.md").write_text("x" + text, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = validate(root)
    seconds = time.perf_counter() - started
    assert "Traceback" not in err
    assert code == 1
    too_long = [line for line in problem_lines(out) if ".el.md:" in line and "is too long" in line]
    assert len(too_long) == len(HOSTILE)
    assert seconds < 3 * BUDGET, f"validate took {seconds:.1f} s"
