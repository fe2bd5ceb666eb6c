"""Writing a new record: the Jinja2 template filled in, checked against the model, and put
on disk without ever replacing an existing file (used by ``partnerhub new``)."""

from __future__ import annotations

import datetime as dt
import json

from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import ValidationError

from partnerhub.hubdata import HubData
from partnerhub.i18n import gettext_
from partnerhub.model.dates import PartialDate
from partnerhub.registry import BY_NAME
from partnerhub.new.comments import comment
from partnerhub.yamlsource import YAML11_BOOLEANS, load_yaml



def _plain_or_quoted(value) -> str:
    """A YAML scalar for ``value``: plain when it cannot be misread, else double-quoted."""
    if isinstance(value, (dt.date, PartialDate)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = load_yaml(f"v: {text}\n")
    if (not plain.problems and plain.data == {"v": text} and text.lower() not in {w.lower() for w in YAML11_BOOLEANS}
            and text.strip() == text and "#" not in text and ":" not in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def render(kind: str, answers: dict, hub: HubData, today: dt.date | None = None) -> str:
    """The text of a new ``kind`` record from ``answers`` (see ``partnerhub/new/templates/``)."""
    env = Environment(loader=PackageLoader("partnerhub.new", "templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters["y"] = _plain_or_quoted
    env.globals["_"] = gettext_  # the template's help in the language of `partnerhub new --lang`
    record_type = BY_NAME[kind]
    model = record_type.model
    config = hub.config
    # a day given as a date (by a caller) is a date known to the day
    answers = {key: PartialDate.of(value) if isinstance(value, dt.date) else value for key, value in answers.items()}

    def about(name: str, indent: int = 0) -> str:
        return comment(model, name, hub, prose=name in record_type.prose.fields, indent=indent)

    def langmap(value: str, indent: int = 2) -> str:
        """The default language's text, and a commented line for each translation."""
        pad = " " * indent
        lines = [f"{pad}{config.default_language}: {_plain_or_quoted(value)}"]
        lines += [f'{pad}# {lang}: ""' for lang in config.other_languages]
        return "\n".join(lines)

    def commented(value: str, indent: int = 2) -> str:
        """Like ``langmap``, all commented out (for an optional field's example)."""
        pad = " " * indent
        lines = [f"# {pad}{config.default_language}: {_plain_or_quoted(value)}"]
        lines += [f'# {pad}{lang}: ""' for lang in config.other_languages]
        return "\n".join(lines)

    return env.get_template(f"{kind}.yml.j2").render(
        a=answers, about=about, langmap=langmap, commented=commented, kind=kind, folder=record_type.folder,
        today=today or dt.date.today(), lang=config.default_language, others=config.other_languages,
    )


def check_rendered(kind: str, text: str, hub: HubData) -> list[str]:
    """Problems of the rendered record as the model sees it (empty if it is valid)."""
    doc = load_yaml(text)
    if doc.problems or not isinstance(doc.data, dict):
        return [p.code for p in doc.problems] or ["not a mapping"]
    try:
        BY_NAME[kind].model.model_validate(doc.data, context={"hub": hub.config})
    except ValidationError as exc:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)]
    return []
