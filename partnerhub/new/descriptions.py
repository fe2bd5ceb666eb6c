"""The field descriptions that ``partnerhub new`` writes into its templates' comments.

They are the models' own (``Field(description=…)``), in English; ``scripts/update_translations.py``
adds them to the catalogs from here, so that ``partnerhub new --lang el`` explains each field
in Greek (``partnerhub/new/comments.py`` looks each one up).
"""

from __future__ import annotations


def field_descriptions() -> list[str]:
    """Every description of a record type's fields, once, in the registry's order."""
    from partnerhub.registry import RECORD_TYPES

    seen: dict[str, None] = {}
    for record_type in RECORD_TYPES:
        for info in record_type.model.model_fields.values():
            if info.description and info.description.strip():
                seen.setdefault(info.description.strip(), None)
    return list(seen)
