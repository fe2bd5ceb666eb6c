"""Walk a validated record and yield the values of marked fields with their field paths.

Used for the checks across records (references, vocabulary terms, files) and for the
missing-translation warnings, so that adding a field to a model needs no new check code.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel

from partnerhub.model.fields import FileRef, Ref, Translatable, VocabRef

MARKERS = (Ref, VocabRef, FileRef, Translatable)


def literal_values(annotation) -> list:
    """The allowed values of the first ``Literal[...]`` inside ``annotation`` (or ``[]``)."""
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        found = literal_values(arg)
        if found:
            return found
    return []


def markers_of(annotation) -> tuple[object, tuple]:
    """Split an annotation into (its marker or None, the inner types to walk into)."""
    marker = None
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        marker = next((m for m in meta if isinstance(m, MARKERS)), None)
        if marker is not None:
            return marker, ()
        return markers_of(base)
    args = typing.get_args(annotation)
    if args:
        found = [(markers_of(arg)) for arg in args]
        inner_marker = next((m for m, _ in found if m is not None), None)
        inner_types = tuple(t for _, ts in found for t in ts)
        return inner_marker, inner_types
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None, (annotation,)
    return None, ()


@lru_cache(maxsize=None)
def _plan(model: type[BaseModel]) -> tuple:
    plan = []
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, MARKERS)), None)
        inner: tuple = ()
        if marker is None:
            marker, inner = markers_of(info.annotation)
        plan.append((name, marker, inner))
    return tuple(plan)


def _is_list(annotation) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    return any(_is_list(arg) for arg in typing.get_args(annotation) if arg is not type(None)) if (
        typing.get_origin(annotation) in (typing.Union, types.UnionType)) else False


@lru_cache(maxsize=None)
def _lists(model: type[BaseModel]) -> frozenset:
    return frozenset(name for name, info in model.model_fields.items() if _is_list(info.annotation))


@lru_cache(maxsize=None)
def _one_or_more(model: type[BaseModel]) -> frozenset:
    """Fields that take one value or a list (``partnerhub.model.refs``)."""
    from partnerhub.model.refs import takes_one_or_more

    return frozenset(name for name, info in model.model_fields.items() if takes_one_or_more(info))


def walk_data(model: type[BaseModel], data, path: tuple = ()) -> Iterator[tuple[tuple, object, object]]:
    """Like :func:`walk`, over the raw data of a record that did not validate, so that its
    references are checked in the same run as its other errors. Values are as written:
    the caller checks their type."""
    if not isinstance(data, dict):
        return
    for name, marker, inner in _plan(model):
        value = data.get(name)
        if value is None:
            continue
        here = path + (name,)
        if name in _lists(model):
            if not isinstance(value, list):
                if name not in _one_or_more(model):
                    continue
                value = [value]  # `network: a` for `network: [a]`: reported where it is written
                items = [(here, value[0])]
            else:
                items = [(here + (index,), item) for index, item in enumerate(value)]
        else:
            items = [(here, value)]
        for item_path, item in items:
            if marker is not None:
                yield item_path, marker, item
            elif inner and isinstance(item, dict):
                yield from walk_data(inner[0], item, item_path)


def walk(record: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, object, object]]:
    """Yield ``(field path, marker, value)`` for each marked value in ``record``.

    A list of references yields one item per element, with the index in the path.
    """
    for name, marker, inner in _plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        here = path + (name,)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_path = here if index is None else here + (index,)
            if marker is not None:
                yield item_path, marker, item
            elif isinstance(item, BaseModel):
                yield from walk(item, item_path)


def vocabularies_of(model: type[BaseModel]) -> set[str]:
    """The vocabularies that ``model`` and the models inside it refer to."""
    found: set[str] = set()
    seen: set = set()

    def visit(current) -> None:
        if current in seen:
            return
        seen.add(current)
        for _name, marker, inner in _plan(current):
            if isinstance(marker, VocabRef):
                found.add(marker.vocabulary)
            for model_inside in inner:
                visit(model_inside)

    visit(model)
    return found
