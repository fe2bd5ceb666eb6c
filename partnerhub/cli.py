"""The ``partnerhub`` command: ``validate``, ``schema`` (partnerhub/schema.py), ``new`` (partnerhub/new/),
``affected`` (partnerhub/render/affected.py), ``ci`` (partnerhub/ci/), ``serve`` (partnerhub/preview/).

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from partnerhub import __version__
from partnerhub.ci.command import add_parser as add_ci_parser
from partnerhub.hubdata import find_root, read_hub_for_command
from partnerhub.i18n import current_language, gettext_ as _, ngettext, set_language
from partnerhub.writing import LinkedFolder


def _select(paths: list[str], root: Path) -> set[str] | None:
    """Repository-relative files to report on, or None for all."""
    files = set()
    for raw in paths:
        path = Path(raw).resolve()
        if path.is_dir():
            if path in (root, root / "data"):
                return None
            files.update(p.relative_to(root).as_posix() for p in path.rglob("*") if p.is_file())
        else:
            files.add(path.relative_to(root).as_posix())
    return files


def _with_data_folder(start: Path) -> Path | None:
    """The nearest folder, from ``start`` upwards, that holds a ``data/`` folder."""
    start = start.resolve()
    return next((folder for folder in [start, *start.parents] if (folder / "data").is_dir()), None)


def cmd_validate(args: argparse.Namespace) -> int:
    from partnerhub.validation.cache import validate

    started = time.perf_counter()
    targets = args.paths or ["."]
    missing = [p for p in targets if not Path(p).exists()]
    if missing:
        print(_("partnerhub: no such file or folder: {path}").format(path=missing[0]), file=sys.stderr)
        return 2
    start = Path(targets[0]) if Path(targets[0]).is_dir() else Path(targets[0]).parent
    # a hub whose data/hub.yml is missing is still a hub: the missing file is a located error
    root = Path(args.root).resolve() if args.root else find_root(start) or _with_data_folder(start)
    if root is None or not (root / "data").is_dir():
        print(_("partnerhub: no data/hub.yml found in {path} or above it: run this in the hub's folder, or pass --root").format(
            path=targets[0]), file=sys.stderr)
        return 2
    try:
        selected = _select(targets, root)
    except ValueError:
        print(_("partnerhub: {path} is not inside the hub at {root}").format(path=targets[0], root=root), file=sys.stderr)
        return 2
    result = validate(root, use_cache=not args.no_cache)
    problems = [p for p in result.problems if selected is None or p.file in selected]
    if args.quiet:
        problems = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(problem.as_github() if args.format == "github" else problem.as_text())
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    if args.format != "github" or errors == 0:
        summary = ", ".join(ngettext(current_language(), forms, count) for forms, count in result.counts)
        out = sys.stdout if args.format != "github" else sys.stderr
        print(_("{files} files checked in {seconds:.2f} s: {summary}; {vocabularies} vocabularies").format(
            files=result.files_read, seconds=time.perf_counter() - started, summary=summary,
            vocabularies=result.vocabularies), file=out)
        print(_("{errors} error(s), {warnings} warning(s)").format(errors=errors, warnings=warnings), file=out)
    return 1 if errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from partnerhub.schema import NAMES, write_schemas

    root, hub, status = read_hub_for_command(args.root, "partnerhub schema")
    if hub is None:
        return status
    differ = write_schemas(hub, check=args.check)
    if args.check:
        for path in differ:
            print(_("{path} is not up to date").format(path=path), file=sys.stderr)
        if differ:
            print(_("run `partnerhub schema` and commit the files it writes"), file=sys.stderr)
        return 1 if differ else 0
    print(_("{count} schema file(s) written, {same} already up to date").format(
        count=len(differ), same=len(NAMES) - len(differ)))
    return 0


def cmd_affected(args: argparse.Namespace) -> int:
    import json

    from partnerhub.ci.annotate import read_changed_files
    from partnerhub.hub import load_hub
    from partnerhub.render.affected import affected_pages
    from partnerhub.render.relations import build_relations

    root = Path(args.root).resolve() if args.root else find_root(Path.cwd())
    if root is None:
        print(_("partnerhub: no data/hub.yml found in {path} or above it: run this in the hub's folder, or pass --root").format(
            path=Path.cwd()), file=sys.stderr)
        return 2
    hub = load_hub(root)
    if hub.config is None:
        print(_("{errors} error(s), {warnings} warning(s)").format(errors=len(hub.errors), warnings=len(hub.warnings)),
              file=sys.stderr)
        return 1
    paths = list(args.paths)
    if args.changed_files:
        paths += read_changed_files(Path(args.changed_files).read_text(encoding="utf-8"))
    affected = affected_pages(hub, build_relations(hub), paths)
    if args.format == "json":
        print(json.dumps({"everything": affected.everything, "urls": affected.urls}, ensure_ascii=False, indent=1))
    else:
        for url in affected.all_urls():
            print(args.base_url.rstrip("/") + "/" + url if args.base_url else "/" + url)
    return 0


def build_parser(with_new: bool = True) -> argparse.ArgumentParser:
    """The command line; ``with_new=False`` leaves out ``new`` and ``serve``: ``new``'s options come from
    the record models (slow to import, and not needed by ``validate``)."""
    parser = argparse.ArgumentParser(prog="partnerhub", description=_("Knowledge hub for partner networks of cities."))
    parser.add_argument("--version", action="version", version=f"partnerhub {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    validate = sub.add_parser("validate", help=_("check the records under data/ and report every problem"))
    validate.add_argument("paths", nargs="*", metavar="PATH", help=_("files or folders to report on (default: the whole hub)"))
    validate.add_argument("--format", choices=["text", "github"], default="text",
                          help=_("github prints GitHub Actions annotations"))
    validate.add_argument("--lang", default="en", help=_("language of the messages (en, el, fr)"))
    validate.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    validate.add_argument("-q", "--quiet", action="store_true", help=_("print errors only, no warnings"))
    validate.add_argument("--no-cache", action="store_true",
                          help=_("validate everything again, even if nothing changed since the last run"))
    validate.set_defaults(func=cmd_validate)
    schema = sub.add_parser("schema", help=_("write the JSON Schemas of the records to data/schemas/"))
    schema.add_argument("--check", action="store_true",
                        help=_("write nothing; exit 1 if the committed schemas are not up to date"))
    schema.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    schema.set_defaults(func=cmd_schema)
    if with_new:
        from partnerhub.new import add_parser as add_new_parser

        add_new_parser(sub)
    affected = sub.add_parser("affected", help=_("list the pages (every language) that changed files touch"))
    affected.add_argument("paths", nargs="*", metavar="FILE", help=_("changed files, relative to the hub's folder"))
    affected.add_argument("--changed-files", metavar="FILE",
                          help=_("a file listing the changed files, one a line or NUL-separated (git diff --name-only)"))
    affected.add_argument("--format", choices=["text", "json"], default="text")
    affected.add_argument("--base-url", default="", help=_("print full addresses under this URL"))
    affected.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    affected.set_defaults(func=cmd_affected)
    add_ci_parser(sub)
    if with_new:  # like `new`, slow to import (the renderer): not for `validate`
        from partnerhub.preview.command import add_parser as add_serve_parser

        add_serve_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # --lang must act before the parser builds its (translated) help texts
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])
    args = build_parser(with_new=argv[:1] != ["validate"]).parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `partnerhub validate | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except LinkedFolder as exc:
        print(_("partnerhub: {path} is a symbolic link: nothing was written through it; put a real folder there").format(
            path=exc.filename), file=sys.stderr)
        return 1
    except OSError as exc:
        print(_("partnerhub: cannot read {path}: {reason}").format(path=exc.filename, reason=exc.strerror), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
