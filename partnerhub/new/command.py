"""``partnerhub new <type>``: start a record of any type of the registry from a commented template.

The essentials (network, host, dates, title…) come from options or, in a terminal, from
questions that are asked again until the answer is valid. The file is written from a Jinja2
template in ``partnerhub/new/templates/`` and is valid at once; it is never written
over an existing file. Exit codes: 0 written, 1 the file exists (or a check failed),
2 usage error (a bad or missing option), 130 cancelled.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

import partnerhub.new.checks as C
from partnerhub.hubdata import HubData, read_hub_for_command
from partnerhub.i18n import current_language, gettext_ as _, language_name, set_language
from partnerhub.new.questions import Question
from partnerhub.new.write import check_rendered, render
from partnerhub.registry import BY_NAME, RECORD_TYPES
from partnerhub.writing import create_file, refuse_links


def _lang(hub) -> str:
    """The default language, named in the language of the questions: ``English (en)``, ``Αγγλικά (en)``."""
    lang = hub.config.default_language
    return f"{language_name(lang, current_language())} ({lang})"


def choose_language(option: str | None, hub, environ=os.environ) -> str:
    """The language of the questions, messages and comments: ``--lang``, else the
    environment's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``el_GR.UTF-8`` -> ``el``) if it is
    one of the hub's, else the hub's default language."""
    if option:
        return option
    languages = hub.config.languages
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = (environ.get(name) or "").split(".")[0].split("_")[0].split("@")[0].lower()
        if code in languages:
            return code
    return hub.config.default_language


# What each record type asks (its entry in the registry), by type name.
QUESTIONS: dict[str, tuple[Question, ...]] = {t.name: t.questions for t in RECORD_TYPES}


class Usage(Exception):
    """A bad or missing option: exit code 2."""


class Cancelled(Exception):
    """The user left the questions (end of input): nothing is written."""


def _is_essential(question: Question, answers: dict) -> bool:
    return question.essential(answers) if callable(question.essential) else question.essential


def _check(question: Question, text: str, answers: dict, hub: HubData):
    value = question.check(text, hub)
    if question.also is not None:
        question.also(value, answers, hub)
    return value


def _ask(question: Question, answers: dict, hub: HubData, ask: Callable[[str], str], out) -> object:
    default = question.default(answers, hub) if question.default else None
    choices = question.choices(hub, answers) if question.choices else []
    prompt = _(question.prompt).format(lang=_lang(hub))
    if choices:
        print(_("  choices: {choices}").format(choices=", ".join(choices)), file=out)
    while True:
        try:
            text = ask(f"{prompt}" + (f" [{default}]" if default else "") + ": ")
        except EOFError:
            raise Cancelled from None
        text = text.strip() or (default or "")
        if not text:
            if not _is_essential(question, answers):
                return None
            print(_("  an answer is needed"), file=out)
            continue
        try:
            return _check(question, text, answers, hub)
        except C.Invalid as exc:
            print(f"  {exc}", file=out)


def gather(kind: str, options: dict, hub: HubData, interactive: bool,
           ask: Callable[[str], str] = input, out=sys.stdout) -> dict:
    """The answers for a new ``kind`` record, from ``options`` and, if ``interactive``, questions."""
    answers: dict = {}
    missing = []
    for question in QUESTIONS[kind]:
        given = options.get(question.name)
        if isinstance(given, list):
            given = ",".join(given)
        if given is not None and str(given).strip():
            try:
                answers[question.name] = _check(question, str(given), answers, hub)
            except C.Invalid as exc:
                if question.name == "id" and hub.id_taken(str(given).strip()):
                    raise FileExistsError(str(exc)) from None
                raise Usage(f"--{question.name}: {exc}") from None
        elif interactive:
            answers[question.name] = _ask(question, answers, hub, ask, out)
        elif question.default is not None and missing:
            continue  # the default may depend on a missing answer; the usage error comes first
        elif question.default is not None:
            value = question.default(answers, hub)
            try:
                answers[question.name] = _check(question, value, answers, hub)
            except C.Invalid as exc:
                if question.name == "id":
                    raise FileExistsError(_("{error} (give one with --id)").format(error=exc)) from None
                raise Usage(f"--{question.name} {value}: {exc}") from None
        elif _is_essential(question, answers):
            missing.append(f"--{question.name}")
        else:
            answers[question.name] = None
    if missing:
        raise Usage(_("missing {options} (give them as options, or run the command in a terminal to be asked)").format(
            options=", ".join(missing)))
    return answers


def _warn_similar(kind: str, answers: dict, hub: HubData, prog: str) -> None:
    """A warning when the new record's name looks like an existing record's (new/similar.py)."""
    from partnerhub.new.similar import similar_records

    name = answers.get("name")
    if not name:
        return
    folder = BY_NAME[kind].folder
    found = similar_records(hub, folder, str(name), answers.get("id"))
    if found:
        print(_("{prog}: warning: {records} already in data/{folder}/ look(s) like `{name}`: check that it is not "
                "the same {kind} (the file is written anyway; delete it if it is)").format(
                    prog=prog, records=", ".join(f"`{record_id}`" for record_id in found), folder=folder, name=name,
                    kind=_(BY_NAME[kind].label)), file=sys.stderr)


def _next_steps(rel: str, kind: str) -> str:
    return _(
        "\nNext:\n"
        "  1. Open {path} and fill in the rest: lines starting with # explain each field.\n"
        "  2. Check it:   partnerhub validate {path}\n"
        "  3. Commit it on a new branch and open a pull request (see CONTRIBUTING.md):\n"
        "       git switch -c add-{kind}-{stem} && git add {path} && git commit -m \"Add {kind} {stem}\"\n"
    ).format(path=rel, kind=kind, stem=Path(rel).stem)


def cmd_new(args: argparse.Namespace) -> int:
    """The ``new`` command; see the module's docstring for the exit codes."""
    kind = args.record_type
    prog = f"partnerhub new {kind}"
    root, hub, status = read_hub_for_command(args.root, prog)
    if hub is None:
        return status
    set_language(choose_language(args.lang, hub))
    interactive = not args.no_input and sys.stdin.isatty()
    options = {q.name: getattr(args, q.name, None) for q in QUESTIONS[kind]}
    try:
        answers = gather(kind, options, hub, interactive)
    except Usage as exc:
        print(f"usage: {prog} [options]  (see: {prog} --help)\n{prog}: error: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"{prog}: {exc}; nothing was written", file=sys.stderr)
        return 1
    except Cancelled:
        print(_("\nCancelled: nothing was written."), file=sys.stderr)
        return 130
    _warn_similar(kind, answers, hub, prog)
    text = render(kind, answers, hub)
    problems = check_rendered(kind, text, hub)
    if problems:
        print(_("{prog}: the new record would not be valid, nothing was written:").format(prog=prog), file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    path = root / "data" / BY_NAME[kind].folder / f"{answers['id']}.yml"
    rel = path.relative_to(root).as_posix()
    try:
        refuse_links(root, path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        create_file(path, text)
    except FileExistsError:
        print(_("{prog}: {path} already exists: it was left as it is. Choose another id with --id, "
                "or edit the existing file").format(prog=prog, path=rel), file=sys.stderr)
        return 1
    print(_("Created {path}").format(path=rel))
    print(_next_steps(rel, kind))
    return 0


def add_parser(sub) -> None:
    """Register ``new`` and the record types of the registry on the CLI's subparsers."""
    new = sub.add_parser("new", help=_("start a new record from a commented template"),
                         description=_("Write data/<type>s/<id>.yml from a commented template. "
                                       "In a terminal, asks for what is not given as an option."))
    types = new.add_subparsers(dest="record_type", metavar="TYPE")
    types.required = True
    for kind, questions in QUESTIONS.items():
        parser = types.add_parser(kind, help=_("a new {kind} record").format(kind=kind))
        for question in questions:
            help_text = _(question.prompt).replace("{lang}", "the default language")
            if question.multiple:
                parser.add_argument(f"--{question.name}", action="append", metavar="ID", help=help_text
                                    + _(" (repeat the option, or separate with commas)"))
            else:
                parser.add_argument(f"--{question.name}", metavar=question.name.upper(), help=help_text)
        parser.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
        parser.add_argument("--no-input", action="store_true", help=_("never ask questions, even in a terminal"))
        parser.add_argument("--lang", help=_("language of the questions, messages and comments (default: LANG if "
                                             "it is one of the hub's, else the hub's default language)"))
        parser.set_defaults(func=cmd_new)
