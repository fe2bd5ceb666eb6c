"""A record as open data: its model's dump, cut to what the build may publish.

The dump (``model_dump``) is the record as its YAML says it, language-keyed text and all,
so a new field is exported without code here. Then, whatever the record type:

* a reference to a record the build does not show goes: an item of a list of ids, or the
  whole entry of a list that holds it (a network's membership of a hidden partner, a
  site visit of a hidden practice), or the field; so a hidden record's id appears nowhere;
* a file under ``data/media`` becomes the address it is published at, or goes if the build
  does not publish it;
* e-mail addresses never appear (exports are plain text that scrapers read), nor a
  contact's phone without its ``publish: true`` (a person's record is already cut to what
  its ``publish`` allows, ``partnerhub.model.person``);
* the record's page in every language (``urls``) and every visible record it refers to,
  with its page (``references``), are added.
"""

from __future__ import annotations

import typing
from functools import lru_cache

from pydantic import BaseModel

from partnerhub.media.publish import document_path, photo_variants
from partnerhub.media.records import PHOTO
from partnerhub.model.common import Contact
from partnerhub.model.fields import Email, FileRef, Ref
from partnerhub.model.walk import walk
from partnerhub.opendata import links

# fields of a model that are published only with that entry's own consent (``publish``)
_CONSENTED = {Contact: ("phone",)}
_DROP = object()


def _is_email(annotation) -> bool:
    return annotation == Email or any(arg == Email for arg in typing.get_args(annotation))


@lru_cache(maxsize=None)
def _email_fields(model_type: type) -> frozenset[str]:
    return frozenset(name for name, info in model_type.model_fields.items() if _is_email(info.annotation))


def _private_fields(model: BaseModel) -> set[str]:
    """The fields of this model instance that the exports leave out."""
    out = set(_email_fields(type(model)))
    for kind, names in _CONSENTED.items():
        if isinstance(model, kind) and not getattr(model, "publish", False):
            out.update(names)
    return out


def _strip_private(model: BaseModel, data: dict) -> None:
    """Remove e-mails and unconsented details from ``data`` (the dump of ``model``), deeply."""
    for name in _private_fields(model):
        data.pop(name, None)
    for name in type(model).model_fields:
        value, dumped = getattr(model, name), data.get(name)
        if isinstance(value, BaseModel) and isinstance(dumped, dict):
            _strip_private(value, dumped)
        elif isinstance(value, list) and isinstance(dumped, list) and len(value) == len(dumped):
            for item, item_data in zip(value, dumped):
                if isinstance(item, BaseModel) and isinstance(item_data, dict):
                    _strip_private(item, item_data)


def _media_url(rel, path: str, site_url: str) -> str | None:
    found = rel.media.get(path)
    if found is None:
        return None
    if found.kind == PHOTO:
        published = max(photo_variants(found), key=lambda variant: variant.width).path
    else:
        published = document_path(found)
    return links.absolute(site_url, published)


def _container(data, path: tuple):
    """The object holding the value at ``path``, and the key or index of the value in it."""
    for part in path[:-1]:
        data = data[part]
    return data, path[-1]


def _drop(data: dict, path: tuple) -> None:
    """Remove what ``path`` leads to: a list item of ids, else the entry of the innermost
    list that holds it, else the field."""
    last_list = max((i for i, part in enumerate(path) if isinstance(part, int)), default=None)
    if last_list is not None and last_list != len(path) - 1:
        path = path[:last_list + 1]  # the whole entry of the list
    holder, key = _container(data, path)
    if isinstance(holder, list):
        holder[key] = _DROP
    else:
        holder.pop(key, None)


def _prune(value):
    if isinstance(value, dict):
        return {key: _prune(item) for key, item in value.items() if item is not _DROP}
    if isinstance(value, list):
        return [_prune(item) for item in value if item is not _DROP]
    return value


def public_data(record, folder: str, rel, config, site_url: str) -> dict:
    """``record`` as the exports publish it (see the module's description)."""
    data = record.model_dump(mode="json", exclude_none=True)
    _strip_private(record, data)
    references: dict[tuple[str, str], None] = {}
    drops: list[tuple] = []
    for path, marker, value in walk(record):
        try:
            holder, key = _container(data, path)
            holder[key]
        except (KeyError, IndexError, TypeError):
            continue  # left out above
        if isinstance(marker, Ref):
            if rel.visible(marker.kind, value) is None:
                drops.append(path)
            else:
                references[(marker.kind, value)] = None
        elif isinstance(marker, FileRef):
            url = _media_url(rel, value, site_url)
            if url is None:
                drops.append(path)
            else:
                holder[key] = url
    for path in sorted(drops, key=len, reverse=True):
        try:
            _drop(data, path)
        except (KeyError, IndexError, TypeError):
            continue  # its entry went already
    data = _prune(data)
    data["urls"] = links.page_urls(site_url, config, folder, record.id)
    data["references"] = [{"type": kind, "id": ref_id, "url": links.page(site_url, config, config.default_language,
                                                                          kind, ref_id)}
                          for kind, ref_id in references]
    return data
