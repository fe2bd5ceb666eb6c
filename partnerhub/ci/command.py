"""``partnerhub ci annotate`` and ``partnerhub ci comment`` (the pull-request workflows)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from partnerhub.i18n import gettext_ as _, set_language


def _hub(args):
    from partnerhub.hub import load_hub
    from partnerhub.hubdata import find_root

    root = Path(args.root).resolve() if args.root else find_root(Path.cwd())
    if root is None:
        print(_("partnerhub: no data/hub.yml found in {path} or above it: run this in the hub's folder, or pass --root").format(
            path=Path.cwd()), file=sys.stderr)
        return None
    return load_hub(root)


def cmd_annotate(args: argparse.Namespace) -> int:
    from partnerhub.ci.annotate import annotations, job_summary, read_changed_files, split_problems
    from partnerhub.ci.comment import affected_to_json
    from partnerhub.ci.event import pr_language, pr_number, read_event
    from partnerhub.render.affected import affected_pages
    from partnerhub.render.relations import build_relations

    hub = _hub(args)
    if hub is None:
        return 2
    if hub.config is None:  # data/hub.yml itself is broken: report it everywhere
        for problem in hub.problems:
            print(problem.as_github())
        return 1
    event = read_event(args.event or os.environ.get("GITHUB_EVENT_PATH"))
    languages, default = hub.config.languages, hub.config.default_language
    lang = args.lang if args.lang in languages else pr_language(event, languages, default)
    set_language(lang)
    changed = read_changed_files(Path(args.changed_files).read_text(encoding="utf-8")) if args.changed_files else []
    split = split_problems(hub.problems, changed)
    for line in annotations(split):
        print(line)
    affected = affected_pages(hub, build_relations(hub), changed)
    summary_path = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as out:
            out.write(job_summary(split, affected))
    if args.affected_json:
        Path(args.affected_json).write_text(affected_to_json(affected, lang, pr_number(event)), encoding="utf-8")
    return 1 if hub.errors else 0


def cmd_comment(args: argparse.Namespace) -> int:
    from partnerhub.ci.comment import preview_comment, read_affected
    from partnerhub.hubdata import read_hub_for_command

    _root, hub, status = read_hub_for_command(args.root, "partnerhub ci comment")
    if hub is None:
        return status
    affected, lang = read_affected(args.affected, hub.config.languages, hub.config.default_language)
    sys.stdout.write(preview_comment(affected, lang, args.base_url))
    return 0


def add_parser(sub) -> None:
    ci = sub.add_parser("ci", help=_("the pull-request check's reports (GitHub Actions)"))
    ci_sub = ci.add_subparsers(dest="ci_command", metavar="STEP")
    ci_sub.required = True
    annotate = ci_sub.add_parser("annotate", help=_(
        "validate the hub; annotate the changed files, summarise the rest, write the job summary"))
    annotate.add_argument("--changed-files", metavar="FILE",
                          help=_("a file listing the changed files, one a line or NUL-separated (git diff --name-only)"))
    annotate.add_argument("--event", metavar="FILE", help=_("the pull request's event (default: $GITHUB_EVENT_PATH)"))
    annotate.add_argument("--summary", metavar="FILE", help=_("where to append the job summary (default: $GITHUB_STEP_SUMMARY)"))
    annotate.add_argument("--affected-json", metavar="FILE", help=_("write the affected pages and the language as JSON"))
    annotate.add_argument("--lang", help=_("language of the messages (default: the pull request's lang: label or line)"))
    annotate.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    annotate.set_defaults(func=cmd_annotate)
    comment = ci_sub.add_parser("comment", help=_("write the preview comment (Markdown) from affected.json"))
    comment.add_argument("--affected", required=True, metavar="FILE", help=_("affected.json from `ci annotate`"))
    comment.add_argument("--base-url", required=True, help=_("the preview's address"))
    comment.add_argument("--root", help=_("the hub's folder (the one that holds data/)"))
    comment.set_defaults(func=cmd_comment)
    add_preview_parser(ci_sub)


def cmd_preview(args: argparse.Namespace) -> int:
    from partnerhub.ci.annotate import workflow_command
    from partnerhub.ci.preview import DeployError, choose_host, deploy

    host = choose_host(os.environ)
    if host is None:
        print(workflow_command("notice", _(
            "No preview host is configured (NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID, or CLOUDFLARE_API_TOKEN, "
            "CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_PAGES_PROJECT): the preview was not published; the built site "
            "is attached to the check as an artifact"), title=_("No preview")))
        return 0
    try:
        url = deploy(host, os.environ, Path(args.site), args.pr)
    except DeployError as exc:
        print(workflow_command("error", str(exc), title=_("The preview could not be published")))
        return 1
    output = args.output or os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as out:
            out.write(f"url={url}\n")
    print(url)
    return 0


def add_preview_parser(ci_sub) -> None:
    preview = ci_sub.add_parser("preview", help=_("publish the built site on the configured preview host"))
    preview.add_argument("--site", required=True, help=_("the built site's folder"))
    preview.add_argument("--pr", required=True, type=int, help=_("the pull request's number"))
    preview.add_argument("--output", help=_("where to write url=… (default: $GITHUB_OUTPUT)"))
    preview.set_defaults(func=cmd_preview)
