"""References that may name one record or several: ``network: a`` or ``network: [a, b]``.

Most meetings belong to one network and have one host, so the single id is what people
write; a joint meeting or two co-hosts take a list. Either way the model holds a list, and
the validator reports a problem where the file has it (``network``, not ``network[0]``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from partnerhub.model.fields import ID_PATTERN, StrictInt, ref

_ID_SCHEMA = {"type": "string", "pattern": "^" + ID_PATTERN.pattern + "$"}


def _as_list(value: object) -> object:
    return [value] if isinstance(value, (str, int)) and not isinstance(value, bool) else value


def one_or_more(kind: str, description: str):
    """Ids of records of ``kind`` (a folder): one id, or a list of them."""
    return Annotated[
        list[ref(kind)],
        BeforeValidator(_as_list),
        WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "uniqueItems": True}],
                        "description": description}),
    ]


_NUMBER_SCHEMA = {"type": "integer", "minimum": 0, "maximum": 99}

# A meeting's number in its series, or the numbers of one trip that counts as two meetings.
Numbers = Annotated[
    list[Annotated[StrictInt, Field(ge=0, le=99)]],
    BeforeValidator(_as_list),
    Field(max_length=5),
    WithJsonSchema({"anyOf": [_NUMBER_SCHEMA, {"type": "array", "items": _NUMBER_SCHEMA, "uniqueItems": True,
                                               "maxItems": 5}],
                    "description": "Its number in the series, e.g. 4; or [5, 6] for one trip that counts as two."}),
]


def takes_one_or_more(info) -> bool:
    """Whether a field (its pydantic ``FieldInfo``) takes one value or a list of them."""
    return any(getattr(meta, "func", None) is _as_list for meta in info.metadata)
