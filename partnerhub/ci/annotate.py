"""The pull-request check's report: annotations on her files, one line for the rest, a job summary.

The whole hub is validated (an error anywhere fails the check), but only the files the
pull request changes get annotations: errors first, then warnings, because GitHub shows
at most ten of each per step. Errors in other files are one summary line. The job summary
(Markdown, ``$GITHUB_STEP_SUMMARY``) has a table of her problems and the pages her change
affects. Messages are in the contributor's language; the severity stays the English word
(``error``, ``warning``), which tools and people can search for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnerhub.i18n import gettext_ as _, language_name, ngettext_
from partnerhub.problems import Problem, _escape_data, _escape_property

# GitHub shows at most this many annotations of one kind per step
SHOWN_PER_KIND = 10
MAX_ROWS = 200  # rows of the job summary's table (a summary holds at most 1 MiB)
SEVERITIES = ("error", "warning")


@dataclass
class Split:
    """The hub's problems, split by whether the pull request changes their file."""

    hers: list[Problem]
    elsewhere: list[Problem]

    @property
    def errors_elsewhere(self) -> list[Problem]:
        return [p for p in self.elsewhere if p.severity == "error"]

    def count(self, severity: str) -> int:
        return sum(1 for p in self.hers if p.severity == severity)


def read_changed_files(text: str) -> list[str]:
    """File names as ``git diff --name-only`` writes them: one a line, or NUL-separated (``-z``)."""
    parts = text.split("\0") if "\0" in text else text.splitlines()
    return [p for p in (part.strip("\r") for part in parts) if p.strip()]


def split_problems(problems: list[Problem], changed: list[str]) -> Split:
    changed_set = set(changed)
    hers = [p for p in problems if p.file in changed_set]
    hers.sort(key=lambda p: (SEVERITIES.index(p.severity) if p.severity in SEVERITIES else 2, *p.sort_key()))
    return Split(hers, [p for p in problems if p.file not in changed_set])


def workflow_command(command: str, message: str, **properties: str) -> str:
    """``::command key=value,…::message`` with GitHub's escaping of data and properties."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{command}{' ' + props if props else ''}::{_escape_data(message)}"


def annotations(split: Split) -> list[str]:
    """The workflow commands to print: her problems on their lines, then one line for the
    errors in other files, then a notice if GitHub will not show all of hers."""
    lines = [problem.as_github() for problem in split.hers]
    elsewhere = split.errors_elsewhere
    if elsewhere:
        first = elsewhere[0]
        lines.append(workflow_command("error", _(
            "{count} error(s) in files this pull request does not change (the first: {file}, line {line}): "
            "the check fails until they are corrected; they are listed in the job summary").format(
                count=len(elsewhere), file=first.file, line=first.line), title=_("Errors in other files")))
    hidden = sum(max(0, split.count(severity) - SHOWN_PER_KIND) for severity in SEVERITIES)
    if hidden:
        lines.append(workflow_command("notice", _(
            "GitHub shows only {shown} annotations of each kind: {count} more problem(s) of your files are in "
            "the job summary (Summary at the top of this page)").format(shown=SHOWN_PER_KIND, count=hidden),
            title=_("More problems")))
    return lines


_MD_SPECIAL = re.compile(r"([\\|*_\[\]<>#!~])")


def md_cell(text: str) -> str:
    """Text for one Markdown table cell: one line, no markup, no HTML, no broken table.

    Backquoted parts of a message (`` `12/05/2025` ``) stay code spans."""
    text = " ".join(str(text).split())
    out = []
    for index, part in enumerate(text.split("`")):
        if index % 2:  # inside a code span: only the table's pipe needs escaping
            out.append(part.replace("|", "\\|"))
        else:
            out.append(_MD_SPECIAL.sub(r"\\\1", part).replace("&", "&amp;").replace("@", "@\u200b"))
    joined = "`".join(out)
    return joined if text.count("`") % 2 == 0 else joined.replace("`", "\\`")


def md_link(text: str, url: str) -> str:
    return f"[{md_cell(text)}]({url.replace(' ', '%20').replace(')', '%29').replace('(', '%28')})"


def problem_table(problems: list[Problem]) -> list[str]:
    headings = [_("Severity"), _("File"), _("Line"), _("Field"), _("Message")]
    lines = [
        "| " + " | ".join(headings) + " |",
        "|---|---|---:|---|---|",
    ]
    for problem in problems[:MAX_ROWS]:
        lines.append(f"| `{problem.severity}` | {md_cell(problem.file)} | {problem.line} | "
                     f"{md_cell(problem.field) if problem.field else ''} | {md_cell(problem.message)} |")
    if len(problems) > MAX_ROWS:
        lines.append("")
        lines.append(md_cell(_("… and {count} more").format(count=len(problems) - MAX_ROWS)))
    return lines


def job_summary(split: Split, affected, base_url: str = "") -> str:
    """The job summary (Markdown) in the current language."""
    errors, warnings = split.count("error"), split.count("warning")
    lines = ["## " + _("Check of the records"), ""]
    mark = "❌" if errors else "✅"
    lines.append(f"{mark} " + md_cell(ngettext_("{count} error", "{count} errors", errors).format(count=errors)
                                       + ", " + ngettext_("{count} warning", "{count} warnings", warnings).format(
                                           count=warnings)
                                       + " " + _("in the files this pull request changes")))
    lines.append("")
    if split.hers:
        lines.extend(problem_table(split.hers))
        lines.append("")
    elsewhere = split.errors_elsewhere
    if elsewhere:
        lines.append("### " + _("Errors in other files"))
        lines.append("")
        lines.append(md_cell(_("The check fails until these are corrected; they are not in your files.")))
        lines.append("")
        lines.extend(problem_table(elsewhere))
        lines.append("")
    lines.extend(affected_section(affected, base_url))
    return "\n".join(lines) + "\n"


def affected_section(affected, base_url: str = "") -> list[str]:
    """The pages a change affects, per language, as Markdown (links if ``base_url``)."""
    if affected is None:
        return []
    lines = ["### " + _("Pages your change affects"), ""]
    if affected.everything:
        lines.append(md_cell(_("Your change affects every page (settings, a vocabulary or the code).")))
        lines.append("")
    if not affected.all_urls():
        lines.append(md_cell(_("No page of the site.")))
        return lines
    from partnerhub.i18n import current_language

    for lang, urls in affected.urls.items():
        if not urls:
            continue
        lines.append(f"**{md_cell(language_name(lang, current_language()))}**")
        lines.append("")
        for url in urls:
            lines.append(f"- {md_link('/' + url, base_url.rstrip('/') + '/' + url) if base_url else '`/' + url.replace('`', '') + '`'}")
        lines.append("")
    return lines
