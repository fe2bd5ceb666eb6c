"""JSON Schemas of the record types, generated from the pydantic models (``partnerhub schema``).

Editors that understand ``# yaml-language-server: $schema=../schemas/<type>.schema.json``
(VS Code with the YAML extension, github.dev) use them to complete field names, list the
vocabulary terms and underline mistakes while a record is typed. ``partnerhub validate``
stays the judge: a schema cannot see other files (references, prose files, media), so it
checks only what one file can show. The schemas depend on ``data/hub.yml`` (languages) and
the vocabularies (terms), hence ``partnerhub schema --check`` in the tests.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from babel import Locale
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from partnerhub.countries import COUNTRY_CODES
from partnerhub import hubconfig
from partnerhub.hubconfig import HubConfig
from partnerhub.hubdata import HubData
from partnerhub.model import fields as F
from partnerhub.model.vocabulary import Vocabulary
from partnerhub.model.walk import markers_of
from partnerhub.registry import RECORD_TYPES
from partnerhub.writing import refuse_links, replace_file

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_REGEX = "^" + F.ID_PATTERN.pattern + "$"


def _case_insensitive(pattern: str) -> str:
    """``pattern`` (written for ``re.I``) with each letter as ``[xX]``: JSON Schema has no flags."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char.islower() and pattern[i + 1:i + 2] == "-" and pattern[i + 2:i + 3].islower():
                char = pattern[i:i + 3] + pattern[i:i + 3].upper()
                i += 2
            elif char.islower():
                char += char.upper()
        elif char == "[":
            in_class = True
        elif char.isalpha():
            char = f"[{char.lower()}{char.upper()}]"
        out.append(char)
        i += 1
    return "".join(out)


def _ranges(codes) -> str:
    """Code points as the inside of a character class: ``\\u0000-\\u0008\\u000B``…"""
    codes, out, index = sorted(codes), [], 0
    while index < len(codes):
        end = index
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        first, last = f"\\u{codes[index]:04X}", f"\\u{codes[end]:04X}"
        out.append(first if index == end else f"{first}-{last}")
        index = end + 1
    return "".join(out)


_CONTROLS = [c for c in range(0xA0) if c < 0x20 and c not in (9, 10, 13) or c >= 0x7F]
# Format characters (Cf) of the Basic Multilingual Plane: a JSON Schema pattern cannot name
# the astral ones portably (the validator refuses those too).
_FORMAT = [c for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_NAME_CHARACTER = f"[^{_ranges(_CONTROLS + _FORMAT)}]"
_TEXT_CHARACTER = f"[^{_ranges(_CONTROLS + _BIDI)}]"
# the unsafe markup partnerhub.model.fields refuses (<script>, on…=, javascript:…), the same rules
_NO_MARKUP = "(?![\\s\\S]*(?:" + "|".join(_case_insensitive(rule.pattern) for rule in F.UNSAFE_MARKUP) + "))"
NAME_CHARACTERS = f"^{_NO_MARKUP}{_NAME_CHARACTER}*$"
TEXT_CHARACTERS = f"^{_NO_MARKUP}{_TEXT_CHARACTER}*$"
NOT_BLANK = "^(?=[\\s\\S]*\\S)"  # some visible text: added to the default language's pattern
RELATIVE_PATH = r"^(?![/\\])(?![A-Za-z]:)(?!(?:.*[/\\])?\.\.(?:[/\\]|$))media/"
# http(s), no user name before `@`, a host with a dot (or an IPv6 address), no space or
# invisible character anywhere
_URL_CHARACTER = f"[^\\s{_ranges(_CONTROLS + _FORMAT)}]"
_HOST_CHARACTER = f"[^\\s/?#@:.\\[\\]{_ranges(_CONTROLS + _FORMAT)}]"
URL = (f"^https?://(?:(?:{_HOST_CHARACTER}+\\.)+{_HOST_CHARACTER}+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]+)?"
       f"(?:[/?#]{_URL_CHARACTER}*)?$")
NAMES = (*(t.name for t in RECORD_TYPES), "vocabulary", "hub")  # data/schemas/<name>.schema.json

# What each field check of partnerhub.model.fields becomes in JSON Schema.
_CHECKS = {
    F._check_id: {"pattern": ID_REGEX},
    F._parse_date: {"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
    F._check_time: {"type": "string", "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$"},
    F._check_url: {"format": "uri", "pattern": URL},
    F._check_email: {"format": "email"},
    F._check_country: {"enum": sorted(COUNTRY_CODES)},
    F.check_path: {"pattern": RELATIVE_PATH},
    F._check_name: {"pattern": NAME_CHARACTERS},
    F._check_text: {"pattern": TEXT_CHARACTERS},
    F._check_markdown: {"pattern": TEXT_CHARACTERS},
    F._check_timezone: {"enum": sorted(F.time_zones())},
    hubconfig._check_licence: {"enum": sorted(hubconfig.spdx_licences().values(), key=str.casefold)},
}

# Rules of model validators that JSON Schema can state (the others are left to `validate`).
_MODEL_RULES = {
    "Document": {"oneOf": [{"required": ["file"]}, {"required": ["url"]}]},
    "HubConfig": {"properties": {"languages": {"uniqueItems": True}}},
    "Network": {"properties": {"partners": {
        "contains": {"properties": {"role": {"const": "lead"}}, "required": ["role"]},
        "minContains": 1, "maxContains": 1,
    }}},
}


def _leaves(schema: dict):
    """The non-null alternatives of a field's schema, looking through lists and unions."""
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            yield from _leaves(option)
    elif schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        yield from _leaves(schema["items"])
    elif schema.get("type") != "null":
        yield schema


def _field_marker(model: type[BaseModel], name: str):
    info = model.model_fields[name]
    marker = next((m for m in info.metadata if isinstance(m, (F.Ref, F.VocabRef, F.Translatable))), None)
    return marker or markers_of(info.annotation)[0]


class _Generator(GenerateJsonSchema):
    """pydantic's generator, plus the hub's languages, terms and field checks."""

    hub: HubData  # set by schema_for

    def _with_check(self, schema, json_schema: dict) -> dict:
        check = _CHECKS.get(schema.get("function", {}).get("function"))
        if check and "$ref" not in json_schema:
            json_schema = {**json_schema, **check}
        return json_schema

    def function_before_schema(self, schema):
        return self._with_check(schema, super().function_before_schema(schema))

    def function_after_schema(self, schema):
        return self._with_check(schema, super().function_after_schema(schema))

    def dict_schema(self, schema):
        json_schema = super().dict_schema(schema)
        keys = schema.get("keys_schema", {})
        if keys.get("type") == "function-before" and keys["function"]["function"] is F._check_id:
            json_schema["propertyNames"] = {"pattern": ID_REGEX}
        return json_schema

    def model_schema(self, schema):
        json_schema = super().model_schema(schema)
        cls = schema["cls"]
        if not issubclass(cls, BaseModel) or "properties" not in json_schema:
            return json_schema
        record_type = next((t for t in RECORD_TYPES if t.model is cls), None)
        prose = set(record_type.prose.fields) if record_type else set()
        for name, prop in json_schema["properties"].items():
            marker = _field_marker(cls, name)
            if isinstance(marker, (F.Ref, F.VocabRef)) and prop.get("type") == "array":
                prop["uniqueItems"] = True  # like the validator's list_repeated
            if isinstance(marker, F.VocabRef):
                self._add_terms(prop, marker.vocabulary)
            elif isinstance(marker, F.Translatable):
                self._language_map(prop, default_required=name not in prose)
        if cls is HubConfig:  # the hub's name: a text per configured language, the default one required
            self._language_map(json_schema["properties"]["name"], default_required=True)
        if prose:
            json_schema["required"] = [f for f in json_schema.get("required", []) if f not in prose]
        for key, rule in _MODEL_RULES.get(cls.__name__, {}).items():
            if key == "properties":
                for name, extra in rule.items():
                    json_schema["properties"][name].update(extra)
            else:
                json_schema[key] = rule
        return json_schema

    def _add_terms(self, prop: dict, vocabulary: str) -> None:
        terms = self.hub.terms.get(vocabulary, {})
        for leaf in _leaves(prop):
            leaf.pop("pattern", None)
            leaf["enum"] = list(terms)
            leaf["enumDescriptions"] = list(terms.values())  # shown by VS Code's completion
        prop["description"] = prop.get("description", "") + f" One of: {', '.join(terms)}."

    def _language_map(self, prop: dict, default_required: bool) -> None:
        config = self.hub.config
        names = Locale("en").languages
        for leaf in _leaves(prop):
            text = dict(leaf.get("additionalProperties") or {"type": "string"})
            properties = {}
            for lang in config.languages:
                properties[lang] = {**text, "description": f"Text in {names.get(lang, lang)} ({lang})."}
            default = properties[config.default_language]
            default.update(minLength=1, pattern=NOT_BLANK + default.get("pattern", "^").removeprefix("^"))
            default["description"] += " Required." if default_required else " Required here or in the .md file."
            leaf.update(type="object", properties=properties, additionalProperties=False)
            if default_required:
                leaf["required"] = [config.default_language]


def schema_for(model, hub: HubData, title: str, description: str) -> dict:
    """The JSON Schema of ``model`` with the terms and languages of ``hub``."""
    generator = type("Generator", (_Generator,), {"hub": hub})
    schema = model.model_json_schema(schema_generator=generator)
    schema["$schema"] = DIALECT
    schema["title"] = title
    schema["description"] = description
    return schema


def all_schemas(hub: HubData) -> dict[str, dict]:
    """Record type (singular) -> schema, for every record type, vocabularies and hub.yml."""
    out = {}
    for record_type in RECORD_TYPES:
        name, model = record_type.name, record_type.model
        out[name] = schema_for(model, hub, f"partnerhub {name}",
                               f"A {name} record, data/{record_type.folder}/<id>.yml. {model.__doc__.strip()} "
                               "Check it with: partnerhub validate.")
    out["vocabulary"] = schema_for(Vocabulary, hub, "partnerhub vocabulary",
                                   "A vocabulary, data/vocabularies/<name>.yml: term id -> label per language.")
    out["hub"] = schema_for(HubConfig, hub, "partnerhub hub settings",
                            "The hub's settings, data/hub.yml: name, languages, licence.")
    return out


def render(schema: dict) -> str:
    """Deterministic JSON text: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_dir(root: Path) -> Path:
    return root / "data" / "schemas"


def _current(path: Path) -> str | None:
    """The text of ``path`` if it is a plain file (a link counts as out of date)."""
    if path.is_symlink() or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def write_schemas(hub: HubData, check: bool = False) -> list[str]:
    """Write (or, with ``check``, compare) every schema; returns the files that differ."""
    folder = schema_dir(hub.root)
    refuse_links(hub.root, folder)
    differ = []
    for name, schema in all_schemas(hub).items():
        path = folder / f"{name}.schema.json"
        text = render(schema)
        if _current(path) != text:
            differ.append(path.relative_to(hub.root).as_posix())
            if not check:
                folder.mkdir(parents=True, exist_ok=True)
                replace_file(path, text)
    return differ


__all__ = ["all_schemas", "render", "schema_for", "write_schemas"]
