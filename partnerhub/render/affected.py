"""Which pages a change touches: from changed files to the URLs, in every language.

Used by ``partnerhub affected FILES…``, by the pull-request check's job summary and
preview comment (``partnerhub/ci/``), and usable by an incremental build. A changed file
maps to pages through the records' relations (``partnerhub/render/relations.py``), so only
the records the build shows count:

- a record's YAML or prose file: its page, its type's catalogue, the pages of the records
  it names (they list it: backlinks), the pages of the records that name it (they show its
  name), the theme pages of its themes; a record with errors, or deleted, its page and its
  catalogue; a draft or a partners-only record no public page;
- a file under ``data/media/``: the pages of the records that use it (the hub's logo: every page);
- a hand-written page ``docs/<lang>/x.md``: its page in that language, and in every
  language that has no translation of it (they show the default language's text);
- ``data/hub.yml``, a vocabulary, the code or the theme: every page (``everything``);
- anything else (tests, schemas for editors, workflows): no page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from partnerhub.model.fields import FileRef, Ref, VocabRef
from partnerhub.model.walk import walk, walk_data
from partnerhub.registry import FOLDERS
from partnerhub.render.urls import language_root, record_url

THEMES = "themes"  # the vocabulary that has pages of its own (render/pages.py theme_page)
# files that change every page
_EVERYTHING_FILES = ("data/hub.yml", "mkdocs.yml", "pyproject.toml", "requirements.lock")
_EVERYTHING_FOLDERS = ("data/vocabularies/", "partnerhub/", "hooks/")
# files that change no page
_NO_PAGE_FOLDERS = ("data/schemas/", "tests/", ".github/", "scripts/", ".vscode/")


@dataclass
class Affected:
    """Pages a change touches: URLs relative to the site's root, per language."""

    urls: dict[str, list[str]] = field(default_factory=dict)  # lang -> URLs ("el/meetings/x/")
    everything: bool = False  # a setting, a vocabulary or the code changed: every page

    def all_urls(self) -> list[str]:
        return [url for urls in self.urls.values() for url in urls]


def _record_of(path: str) -> tuple[str, str] | None:
    """``data/meetings/x.yml`` or ``data/meetings/x.el.md`` -> ``("meetings", "x")``."""
    parts = PurePosixPath(path).parts
    if len(parts) != 3 or parts[0] != "data" or parts[1] not in FOLDERS:
        return None
    name = parts[2]
    if name.endswith(".yml"):
        return parts[1], name[: -len(".yml")]
    if name.endswith(".md") and name.count(".") == 2:
        return parts[1], name.split(".", 1)[0]
    return None


def _record_urls(hub, rel, folder: str, record_id: str) -> list[str]:
    """The pages that show the record ``record_id`` of ``folder`` or its name; a record
    with errors (or deleted) is its page and its catalogue, a hidden one no page."""
    record = rel.visible(folder, record_id)
    if record is None:
        if record_id in hub.records[folder]:
            return []  # a draft or a partners-only record: no public page
        # with errors (or deleted): its page, and those its file names as far as it can be read
        return [record_url(folder, record_id), f"{folder}/", *_named_by_raw(hub, rel, folder, record_id)]
    urls = [record_url(folder, record_id), f"{folder}/"]
    for path, marker, value in walk(record):
        if isinstance(marker, Ref) and rel.visible(marker.kind, value) is not None:
            urls.append(record_url(marker.kind, value))
        elif isinstance(marker, VocabRef) and marker.vocabulary == THEMES:
            urls.append(f"{THEMES}/{value}/")
    urls.extend(record_url(source, other.id) for source, other in rel.referred_by(folder, record_id))
    return urls


def _named_by_raw(hub, rel, folder: str, record_id: str) -> list[str]:
    """The pages of the records (and themes) that a record file with errors names."""
    from partnerhub.registry import BY_FOLDER
    from partnerhub.yamlsource import load_yaml

    try:
        data = load_yaml((hub.data_dir / folder / f"{record_id}.yml").read_text(encoding="utf-8")).data
    except (OSError, UnicodeError):
        return []
    urls, themes = [], hub.vocabularies.get(THEMES)
    for _path, marker, value in walk_data(BY_FOLDER[folder].model, data):
        if not isinstance(value, str):
            continue
        if isinstance(marker, Ref) and rel.visible(marker.kind, value) is not None:
            urls.append(record_url(marker.kind, value))
        elif isinstance(marker, VocabRef) and marker.vocabulary == THEMES and themes is not None and value in themes.root:
            urls.append(f"{THEMES}/{value}/")
    return urls


def _media_urls(rel, path: str) -> list[str]:
    """The pages of the visible records that use the file ``data/<path>``."""
    value = path[len("data/"):]
    return [record_url(folder, record.id)
            for folder in FOLDERS for record in rel.records[folder].values()
            if any(isinstance(marker, FileRef) and found == value for _p, marker, found in walk(record))]


def _doc_url(src: str) -> str:
    """``contribute/index.md`` -> ``contribute/``; ``about.md`` -> ``about/`` (MkDocs'
    directory URLs)."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def affected_pages(hub, rel, paths: list[str]) -> Affected:
    """The pages that the files ``paths`` (relative to the hub's root, forward slashes)
    touch, in every language of ``hub``, among the records ``rel`` shows."""
    config = hub.config
    languages, default = config.languages, config.default_language
    result = Affected()
    neutral: list[str] = []  # URLs relative to a language root, for every language
    per_lang: dict[str, list[str]] = {lang: [] for lang in languages}
    for raw in paths:
        path = PurePosixPath(raw.strip()).as_posix()
        if not raw.strip():
            continue
        if path in _EVERYTHING_FILES or path.startswith(_EVERYTHING_FOLDERS):
            result.everything = True
        elif path.startswith(_NO_PAGE_FOLDERS):
            continue
        elif config.logo and path == f"data/{config.logo}":
            result.everything = True  # the hub's logo: in every page's header
        elif path.startswith("data/media/"):
            neutral.extend(_media_urls(rel, path))
        elif (record := _record_of(path)) is not None:
            neutral.extend(_record_urls(hub, rel, *record))
        elif path.startswith("docs/") and path.endswith(".md"):
            parts = PurePosixPath(path).parts
            if len(parts) < 3 or parts[1] not in languages:
                continue
            lang, src = parts[1], "/".join(parts[2:])
            per_lang[lang].append(_doc_url(src))
            if lang == default:  # languages without a translation show this text
                for other in config.other_languages:
                    if not (hub.root / "docs" / other / src).is_file():
                        per_lang[other].append(_doc_url(src))
    if result.everything:
        neutral.append("")  # the home page stands for the whole site
    for lang in languages:
        urls = list(dict.fromkeys(neutral + per_lang[lang]))
        prefix = language_root(lang, default)
        result.urls[lang] = [prefix + url for url in urls]
    return result
