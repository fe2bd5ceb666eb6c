#!/usr/bin/env python3
"""Extract the hub's interface strings and validator messages, update the catalogs, compile them.

    python scripts/update_translations.py          # extract + update .po + compile .mo
    python scripts/update_translations.py --check  # exit 1 if a catalog is stale or incomplete

Uses Babel: strings marked with _(), N_(), gettext() and ngettext() in partnerhub/ and in
the Jinja2 templates (see babel.cfg) go to partnerhub/locale/messages.pot; each language's
messages.po is updated from it (new strings empty, to translate) and compiled to .mo.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from partnerhub.i18n import EXTRACT_KEYWORDS

KEYWORDS = [arg for keyword in EXTRACT_KEYWORDS for arg in ('-k', keyword)]

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "partnerhub" / "locale"
POT = LOCALE / "messages.pot"


def _languages() -> tuple[str, ...]:
    """The catalogs to keep: every existing one, and one for each language of data/hub.yml
    but the source language (a language added there gets its catalog, to translate)."""
    from partnerhub.i18n import SOURCE_LANGUAGE
    from partnerhub.yamlsource import load_yaml

    found = {path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES").is_dir()}
    try:
        configured = load_yaml((ROOT / "data" / "hub.yml").read_text(encoding="utf-8")).data.get("languages") or []
    except (OSError, AttributeError):
        configured = []
    found |= {lang for lang in configured if isinstance(lang, str) and lang.isalpha() and lang != SOURCE_LANGUAGE}
    return tuple(sorted(found))


LANGUAGES = _languages()


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-location", "--sort-output",
            "--omit-header", "-o", str(POT), str(ROOT))
    add_field_descriptions(POT)


def add_field_descriptions(pot: Path) -> None:
    """The models' field descriptions that `partnerhub new` writes as comments
    (partnerhub/new/descriptions.py): strings no extractor finds in the code."""
    from babel.messages.pofile import read_po, write_po

    from partnerhub.new.descriptions import field_descriptions

    with open(pot, "rb") as fh:
        catalog = read_po(fh)
    for description in field_descriptions():
        if description not in catalog:
            catalog.add(description, flags=("python-brace-format",) if "{" in description else ())
    with open(pot, "wb") as fh:
        write_po(fh, catalog, omit_header=True, sort_output=True)


def update() -> None:
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / "messages.po"
        if po.exists():
            pybabel("update", "-i", str(POT), "-d", str(LOCALE), "-l", lang, "--no-fuzzy-matching",
                    "--ignore-obsolete")
        else:
            pybabel("init", "-i", str(POT), "-d", str(LOCALE), "-l", lang)


def compile_all() -> None:
    pybabel("compile", "-d", str(LOCALE), "--use-fuzzy")


def check() -> int:
    """1 if a string of the code is missing from a catalog or not translated there."""
    import tempfile

    from babel.messages.pofile import read_po

    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        pybabel("extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-location", "-o", str(pot), str(ROOT))
        add_field_descriptions(pot)
        with open(pot, "rb") as fh:
            wanted = {m.id for m in read_po(fh) if m.id}
    status = 0
    for lang in LANGUAGES:
        with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
            catalog = read_po(fh, locale=lang)
        have = {m.id for m in catalog if m.id and m.string and (not m.pluralizable or all(m.string))}
        for msgid in sorted(wanted - have, key=str):
            print(f"{lang}: not translated: {msgid!r}", file=sys.stderr)
            status = 1
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile-only", action="store_true", help="only compile the .po files to .mo")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a string is not translated")
    args = parser.parse_args()
    if args.check:
        return check()
    if not args.compile_only:
        extract()
        update()
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
