"""``partnerhub new meeting|practice|partner|network``: start a record from a commented template.

The essentials (network, host, dates, title…) come from options or, in a terminal, from
questions that are asked again until the answer is valid. The file is written from a Jinja2
template in ``partnerhub/new/templates/`` and is valid at once; it is never written
over an existing file. Exit codes: 0 written, 1 the file exists (or a check failed),
2 usage error (a bad or missing option), 130 cancelled.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from babel import Locale

import partnerhub.new.checks as C
from partnerhub.hubdata import HubData, read_hub_for_command
from partnerhub.i18n import gettext_ as _
from partnerhub.text import suggest_id
from partnerhub.new.write import check_rendered, render
from partnerhub.writing import create_file, refuse_links
from partnerhub.registry import BY_NAME



@dataclass(frozen=True)
class Question:
    """One essential of a new record: its option, its prompt and its check."""

    name: str
    prompt: str
    check: Callable  # (text, hub) -> value, raises C.Invalid
    essential: bool | Callable = True  # must be given when nobody can be asked
    default: Callable | None = None  # (answers, hub) -> str | None
    choices: Callable | None = None  # (hub, answers) -> list[str] shown with the question
    also: Callable | None = None  # (value, answers, hub) -> None, raises C.Invalid
    multiple: bool = False


def _host_in_network(host, answers, hub: HubData) -> None:
    if host is None:
        return
    members = _members(hub.read_record("networks", answers["network"]) or {})
    if members and host not in members:
        raise C.Invalid(_("`{host}` is not a partner of the network `{network}` (its partners: {members}): "
                          "check the id, or add it to data/networks/{network}.yml first").format(
            host=host, network=answers["network"], members=", ".join(sorted(members))))


def _after_start(end, answers, hub) -> None:
    if end is not None and end < answers["start"]:
        raise C.Invalid(_("the end date {end} is before the start date {start}").format(
            end=end.isoformat(), start=answers["start"].isoformat()))


def _meeting_id(a, hub) -> str:
    middle = f"{a['number']:02d}" if a.get("number") is not None else a["start"].isoformat()
    return "-".join(part for part in (a["network"], middle, a.get("host") or "online") if part)


def _short_id(*words: str) -> str:
    text = suggest_id(" ".join(w for w in words if w))
    while len(text) > 40 and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text


def _members(network: dict) -> set[str]:
    return {m.get("partner") for m in network.get("partners") or [] if isinstance(m, dict) and m.get("partner")}


def _ids(kind):
    return lambda hub, answers: hub.record_ids(kind)


def _network_members(hub, answers) -> list[str]:
    return sorted(_members(hub.read_record("networks", answers["network"]) or {})) or hub.record_ids("partners")


def _terms(vocabulary):
    return lambda hub, answers: list(hub.terms.get(vocabulary, {}))


def _lang(hub) -> str:
    """The default language, named: ``English (en)``."""
    lang = hub.config.default_language
    return f"{Locale('en').languages.get(lang, lang)} ({lang})"


QUESTIONS: dict[str, list[Question]] = {
    "meeting": [
        Question("network", "Network id", C.existing("networks"), choices=_ids("networks")),
        Question("kind", "Kind of meeting", C.term("meeting-kinds"), default=lambda a, h: "transnational",
                 choices=_terms("meeting-kinds")),
        Question("number", "Number of the meeting in the network's series (empty if none)", C.number, essential=False),
        Question("host", "Host partner id", C.existing("partners"), essential=lambda a: a.get("kind") != "online",
                 choices=_network_members, also=_host_in_network),
        Question("start", "First day (YYYY-MM-DD)", C.date),
        Question("end", "Last day (YYYY-MM-DD, empty if one day)", C.date, essential=False, also=_after_start),
        Question("title", "Title in {lang}", C.text),
        Question("id", "Id (the file name)", C.record_id, default=_meeting_id),
    ],
    "practice": [
        Question("title", "Title in {lang}", C.text),
        Question("owner", "Id(s) of the partner(s) that run it, separated by commas", C.many(C.existing("partners")),
                 choices=_ids("partners"), multiple=True),
        Question("theme", "Theme(s), separated by commas", C.many(C.term("themes")), choices=_terms("themes"),
                 multiple=True),
        Question("status", "Status", C.choice("planned", "ongoing", "completed", "discontinued"),
                 default=lambda a, h: "ongoing", choices=lambda h, a: ["planned", "ongoing", "completed", "discontinued"]),
        Question("summary", "The practice in one or two sentences, in {lang}", C.long_text),
        Question("network", "Network id (empty if none)", C.existing("networks"), essential=False,
                 choices=_ids("networks")),
        Question("id", "Id (the file name)", C.record_id, default=lambda a, h: _short_id(a["owner"][0], a["title"])),
    ],
    "partner": [
        Question("name", "Name in {lang}", C.text),
        Question("country", "Country code (ISO 3166-1, e.g. GR)", C.country),
        Question("kind", "Kind of organisation", C.term("organisation-kinds"), default=lambda a, h: "municipality",
                 choices=_terms("organisation-kinds")),
        Question("id", "Id (the file name)", C.record_id, default=lambda a, h: _short_id(a["name"])),
    ],
    "network": [
        Question("name", "Full name in {lang}", C.text),
        Question("acronym", "Acronym (empty if none)", C.text, essential=False),
        Question("programme", "Funding programme", C.term("programmes"), choices=_terms("programmes")),
        Question("theme", "Theme(s), separated by commas", C.many(C.term("themes")), choices=_terms("themes"),
                 multiple=True),
        Question("lead", "Id of the lead partner", C.existing("partners"), choices=_ids("partners")),
        Question("start", "First day (YYYY-MM-DD)", C.date),
        Question("end", "Last day (YYYY-MM-DD, empty if open)", C.date, essential=False, also=_after_start),
        Question("summary", "What the network is about, one or two sentences in {lang}", C.long_text),
        Question("id", "Id (the file name)", C.record_id,
                 default=lambda a, h: _short_id(a.get("acronym") or a["name"])),
    ],
}


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
    """Register ``new`` and its four record types on the CLI's subparsers."""
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
        parser.set_defaults(func=cmd_new)
