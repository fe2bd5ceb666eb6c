"""Every problem the media pipeline can report has a message, and the message's
placeholders are exactly the parameters the code gives it."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import partnerhub.media
from partnerhub.messages import MESSAGES

PACKAGE = Path(partnerhub.media.__file__).parent


def reported() -> dict[str, set[frozenset]]:
    """code -> the sets of parameter names it is reported with, read from the source."""
    found: dict[str, set[frozenset]] = {}
    for source in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Refused", "MediaProblem") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                continue
            if node.func.id == "Refused":
                names = {keyword.arg for keyword in node.keywords}
            elif len(node.args) > 1 and isinstance(node.args[1], ast.Dict):
                names = {key.value for key in node.args[1].keys}
            else:
                continue
            found.setdefault(node.args[0].value, set()).add(frozenset(names))
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_message_with_matching_placeholders():
    codes = reported()
    assert len(codes) >= 20
    for code, variants in codes.items():
        assert code in MESSAGES, code
        for names in variants:
            assert placeholders(MESSAGES[code]) == names, (code, sorted(names))


def test_every_media_message_is_used():
    media_codes = {code for code in MESSAGES if code.startswith("media_")}
    assert media_codes <= set(reported())

