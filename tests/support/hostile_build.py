"""Build a hub's site with hostile text put into its records *after* validation.

The validator refuses markup early, but safety must not rest on it: this builds the site
from records that never went through it, to show that the templates, the shell and the
theme escape every value. Run as a script (the tests do, in a subprocess)::

    python tests/support/hostile_build.py HUB_ROOT SITE_DIR PAYLOAD
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

# plain-text fields (not language-keyed) that pages print
PLAIN_TEXT_FIELDS = {"acronym", "location", "author", "credit", "publisher", "name", "value", "phone"}


def poison(model: BaseModel, payload: str, languages: list[str]) -> BaseModel:
    """``model`` with every language-keyed text and plain text field set to ``payload``."""
    from partnerhub.model.fields import Translatable
    from partnerhub.model.walk import markers_of

    update = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        marker = next((m for m in info.metadata if isinstance(m, Translatable)), None) or markers_of(info.annotation)[0]
        if isinstance(marker, Translatable) and isinstance(value, dict):
            update[name] = {lang: f"{payload} ({lang})" for lang in languages}
        elif name in PLAIN_TEXT_FIELDS and isinstance(value, str):
            update[name] = payload
        elif isinstance(value, BaseModel):
            update[name] = poison(value, payload, languages)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [poison(item, payload, languages) for item in value]
    return model.model_copy(update=update)


def inject(hub, payload: str) -> None:
    languages = hub.config.languages
    hub.config = hub.config.model_copy(update={"name": {lang: payload for lang in languages}})
    for entries in hub.records.values():
        for entry in entries.values():
            entry.record = poison(entry.record, payload, languages)
    themes = hub.vocabularies["themes"]
    for term, value in list(themes.root.items()):
        themes.root[term] = poison(value, payload, languages)


def main(root: str, site: str, payload: str) -> int:
    import partnerhub.validation.run as run
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    validate = run.validate_hub

    def hostile(path, today=None):
        hub = validate(path, today)
        inject(hub, payload)
        return hub

    run.validate_hub = hostile
    build(load_config(str(Path(root) / "mkdocs.yml"), site_dir=site))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
