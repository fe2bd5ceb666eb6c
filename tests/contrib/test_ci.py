"""The pull-request check (partnerhub/ci/) and `partnerhub affected`, on a copy of the base
hub with a broken meeting report, a fake pull-request event and a changed-files list."""

from __future__ import annotations

import json
from types import SimpleNamespace
from pathlib import Path

import pytest

from partnerhub.ci.annotate import md_cell, read_changed_files, workflow_command
from partnerhub.ci.comment import MARKER, preview_comment, read_affected
from partnerhub.ci.event import pr_language, pr_number
from partnerhub.cli import main
from partnerhub.hub import load_hub
from partnerhub.i18n import gettext, set_language
from partnerhub.messages import MESSAGES
from partnerhub.render.affected import affected_pages
from partnerhub.render.relations import build_relations
from partnerhub.render.urls import language_root
from tests.support.site import base_hub_in, replace_in

MEETING = "data/meetings/breaking-isolation-01-agen.yml"
PARTNER = "data/partners/serres.yml"


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


@pytest.fixture
def hub(tmp_path) -> Path:
    return base_hub_in(tmp_path)



def _event(tmp_path: Path, labels=(), body="") -> Path:
    event = tmp_path.parent / f"{tmp_path.name}-event.json"
    event.write_text(json.dumps({"number": 42, "pull_request": {
        "number": 42, "body": body, "labels": [{"name": name} for name in labels]}}), encoding="utf-8")
    return event


def _languages(root: Path):
    config = load_hub(root).config
    return config, config.other_languages[0]


def _annotate(root: Path, capsys, monkeypatch, changed: list[str], event: Path, *extra) -> tuple[int, list[str], str]:
    monkeypatch.chdir(root)
    listing = root.parent / f"{root.name}-changed.txt"
    listing.write_text("\n".join(changed) + "\n", encoding="utf-8")
    summary = root.parent / f"{root.name}-summary.md"
    status = main(["ci", "annotate", "--changed-files", str(listing), "--event", str(event),
                   "--summary", str(summary), *extra])
    out = capsys.readouterr().out
    return status, out.splitlines(), summary.read_text(encoding="utf-8")


# --- the contributor's language ---------------------------------------------------
def test_language_from_label_then_body_then_default():
    langs = ["en", "xx", "yy"]
    assert pr_language({"pull_request": {"labels": [{"name": "lang:xx"}]}}, langs, "en") == "xx"
    assert pr_language({"pull_request": {"labels": [{"name": "Lang: YY"}]}}, langs, "en") == "yy"
    assert pr_language({"pull_request": {"body": "Hello\r\nlang: yy\r\n"}}, langs, "en") == "yy"
    assert pr_language({"pull_request": {"body": "- lang: xx"}}, langs, "en") == "xx"
    # not a language of the hub, or not a line of its own: the default
    assert pr_language({"pull_request": {"labels": [{"name": "lang:zz"}], "body": "lang: zz"}}, langs, "en") == "en"
    assert pr_language({"pull_request": {"body": "my lang: xx is best"}}, langs, "en") == "en"
    assert pr_language({"pull_request": {"labels": "lang:xx", "body": None}}, langs, "en") == "en"
    assert pr_language({}, langs, "en") == "en"


def test_pr_number_is_a_positive_integer_only():
    assert pr_number({"pull_request": {"number": 7}}) == 7
    assert pr_number({"pull_request": {"number": "7; rm -rf /"}}) is None
    assert pr_number({"number": True}) is None


def test_changed_files_lines_or_nul():
    assert read_changed_files("a.yml\nb c.yml\n\n") == ["a.yml", "b c.yml"]
    assert read_changed_files("a\nb.yml\0c.yml\0") == ["a\nb.yml", "c.yml"]


# --- annotations -----------------------------------------------------------------
def test_workflow_command_escaping():
    line = workflow_command("error", "50% done\r\nnext", file="a:b,c%.yml", title="x")
    assert line == "::error file=a%3Ab%2Cc%25.yml,title=x::50%25 done%0D%0Anext"


def test_her_errors_in_her_language_on_her_lines(hub, tmp_path, capsys, monkeypatch):
    config, lang = _languages(hub)
    replace_in(hub, MEETING, "start: 2023-09-12", "start: 12/09/2023")
    replace_in(hub, PARTNER, "country: GR", "country: XX")  # an error in a file she did not touch
    status, lines, summary = _annotate(hub, capsys, monkeypatch, [MEETING], _event(hub, labels=[f"lang:{lang}"]))
    assert status == 1
    hers = [line for line in lines if f"file={MEETING}," in line]
    problem = next(p for p in load_hub(hub).problems if p.file == MEETING and p.field == "start")
    set_language(lang)
    expected = problem.message
    assert expected.startswith(gettext(lang, MESSAGES[problem.code]).split("`")[0])
    assert hers and hers[0].startswith("::error file=")
    assert hers[0].endswith("::start: " + expected.replace("%", "%25"))
    # her file's line: the line of `start:` in the file
    line_no = next(i for i, text in enumerate((hub / MEETING).read_text().splitlines(), 1) if text.startswith("start:"))
    assert f",line={line_no}," in hers[0]
    # no annotation on the partner's file, one line for the errors elsewhere
    assert not any(f"file={PARTNER}" in line for line in lines)
    others = [line for line in lines if line.startswith("::error title=")]
    assert len(others) == 1 and PARTNER in others[0]
    # the job summary: her problem in the table with the English severity word, the other error, the pages
    assert f"| `error` | {md_cell(MEETING)} | {line_no} | start |" in summary
    assert md_cell(expected) in summary
    assert summary.startswith("## " + gettext(lang, "Check of the records"))
    assert PARTNER.replace("_", "\\_") in summary
    root = language_root(lang, config.default_language)
    assert f"`/{root}meetings/breaking-isolation-01-agen/`" in summary
    # the pages its file names, read from the file with errors
    assert f"`/{root}networks/breaking-isolation/`" in summary and f"`/{root}partners/agen/`" in summary


def test_errors_before_warnings_and_a_notice_when_github_hides_some(hub, capsys, monkeypatch):
    config, _lang = _languages(hub)
    # eleven warnings of one file would hide its error if it came last: drop every translation
    path = hub / MEETING
    text = path.read_text(encoding="utf-8")
    for other in config.other_languages:
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(f"{other}:")) + "\n"
    text = text.replace("start: 2023-09-12", "start: 2023-13-45")
    path.write_text(text, encoding="utf-8")
    status, lines, _summary = _annotate(hub, capsys, monkeypatch, [MEETING], _event(hub))
    mine = [line for line in lines if f"file={MEETING}" in line]
    assert mine[0].startswith("::error ")
    assert all(line.startswith("::warning ") for line in mine[1:])


def test_warnings_only_pass_and_the_language_falls_back_to_the_hubs_default(hub, capsys, monkeypatch):
    config, _lang = _languages(hub)
    other = config.other_languages[0]
    text = (hub / MEETING).read_text(encoding="utf-8")
    (hub / MEETING).write_text("\n".join(l for l in text.splitlines() if not l.lstrip().startswith(f"{other}:")) + "\n",
                               encoding="utf-8")
    status, lines, summary = _annotate(hub, capsys, monkeypatch, [MEETING], _event(hub, body="lang: zz"))
    assert status == 0
    assert any(line.startswith(f"::warning file={MEETING},") for line in lines)
    assert "| `warning` |" in summary


def test_escaped_file_names_in_annotations(hub, capsys, monkeypatch):
    odd = "data/meetings/a,b:c%d.yml"
    (hub / odd).write_text((hub / MEETING).read_text(encoding="utf-8"), encoding="utf-8")
    _status, lines, summary = _annotate(hub, capsys, monkeypatch, [odd], _event(hub))
    assert any(line.startswith("::error file=data/meetings/a%2Cb%3Ac%25d.yml,") for line in lines)
    assert "|" not in md_cell("a|b") .replace("\\|", "")


def test_affected_json_for_the_preview(hub, capsys, monkeypatch):
    config, lang = _languages(hub)
    out = hub.parent / "affected.json"
    _annotate(hub, capsys, monkeypatch, [MEETING], _event(hub, body=f"lang: {lang}"), "--affected-json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pr"] == 42 and data["lang"] == lang
    assert set(data["urls"]) == set(config.languages)


# --- affected pages ---------------------------------------------------------------
def test_affected_pages_through_relations(hub):
    loaded = load_hub(hub)
    config, rel = loaded.config, build_relations(loaded)
    result = affected_pages(loaded, rel, [PARTNER])
    for lang in config.languages:
        root = language_root(lang, config.default_language)
        urls = result.urls[lang]
        assert urls[0] == f"{root}partners/serres/" and f"{root}partners/" in urls
        # the network that lists it as a partner shows its name
        assert f"{root}networks/breaking-isolation/" in urls
    assert not result.everything


def test_affected_prose_media_docs_and_settings(hub):
    loaded = load_hub(hub)
    config, rel = loaded.config, build_relations(loaded)
    default, other = config.default_language, config.other_languages[0]
    prose = affected_pages(loaded, rel, [f"data/meetings/breaking-isolation-01-agen.{other}.md"])
    assert "meetings/breaking-isolation-01-agen/" in prose.urls[default]
    docs = hub / "docs"
    (docs / default).mkdir(parents=True)
    (docs / default / "about.md").write_text("# About\n", encoding="utf-8")
    (docs / other).mkdir()
    (docs / other / "about.md").write_text("# About\n", encoding="utf-8")
    page = affected_pages(loaded, rel, [f"docs/{default}/about.md"])
    assert page.urls[default] == ["about/"]
    assert page.urls[other] == []  # it has its own translation
    assert all(page.urls[lang] == [language_root(lang, default) + "about/"]
               for lang in config.other_languages if lang != other)
    assert affected_pages(loaded, rel, ["data/hub.yml"]).everything
    logo = SimpleNamespace(config=loaded.config.model_copy(update={"logo": "media/logo.png"}))
    assert affected_pages(logo, rel, ["data/media/logo.png"]).everything  # in every page's header
    assert not affected_pages(loaded, rel, ["data/media/logo.png"]).everything
    assert affected_pages(loaded, rel, ["data/vocabularies/themes.yml"]).everything
    nothing = affected_pages(loaded, rel, ["tests/x.py", ".github/workflows/pr.yml", "data/schemas/meeting.json"])
    assert not nothing.everything and not nothing.all_urls()
    # a draft shows no page
    replace_in(hub, PARTNER, "id: serres", "id: serres\npublication: draft")
    loaded = load_hub(hub)
    assert not affected_pages(loaded, build_relations(loaded), [PARTNER]).all_urls()


def test_affected_command(hub, capsys, monkeypatch):
    monkeypatch.chdir(hub)
    assert main(["affected", PARTNER, "--base-url", "https://preview.example/"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "https://preview.example/partners/serres/"
    assert main(["affected", "--format", "json", "data/hub.yml"]) == 0
    assert json.loads(capsys.readouterr().out)["everything"] is True


# --- the preview comment ------------------------------------------------------------
def test_preview_comment_checks_the_artifact(hub, tmp_path):
    config = load_hub(hub).config
    default, other = config.default_language, config.other_languages[0]
    hostile = tmp_path / "affected.json"
    hostile.write_text(json.dumps({"lang": other, "everything": False, "urls": {
        default: ["partners/serres/", "javascript:alert(1)", "../../x", "a) [b](https://evil"],
        other: [f"{other}/partners/serres/"], "zz": ["x/"]}}), encoding="utf-8")
    affected, lang = read_affected(hostile, config.languages, default)
    assert lang == other
    assert affected.urls[default] == ["partners/serres/"] and "zz" not in affected.urls
    comment = preview_comment(affected, lang, "https://pr-42.preview.example/")
    assert comment.startswith(MARKER)
    assert "(https://pr-42.preview.example/partners/serres/)" in comment
    assert f"(https://pr-42.preview.example/{other}/partners/serres/)" in comment
    assert "evil" not in comment and "javascript" not in comment
    assert gettext(other, "Preview of this pull request") in comment
    assert read_affected(tmp_path / "missing.json", config.languages, default)[1] == default


# --- the preview host ---------------------------------------------------------------
def test_no_host_without_its_settings_then_a_notice(tmp_path, capsys, monkeypatch):
    from partnerhub.ci.preview import HOSTS, choose_host

    assert choose_host({}) is None
    for host in HOSTS:
        env = {name: "x" for name in host.settings}
        assert choose_host(env) is host
        assert choose_host({**env, host.settings[-1]: " "}) is not host  # an empty secret is no secret
    for name in {n for host in HOSTS for n in host.settings}:
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "output"
    assert main(["ci", "preview", "--site", str(tmp_path), "--pr", "3", "--output", str(out)]) == 0
    assert capsys.readouterr().out.startswith("::notice title=")
    assert not out.exists()  # no url: the comment steps are skipped


def test_deploy_runs_the_hosts_tool_and_checks_its_address(tmp_path):
    from types import SimpleNamespace

    from partnerhub.ci.preview import HOSTS, DeployError, deploy

    netlify, cloudflare = HOSTS
    calls = []

    def run(command, **kwargs):
        calls.append((command, kwargs["env"]))
        return SimpleNamespace(returncode=0, stdout=json.dumps({"deploy_url": "https://pr-3--hub.netlify.app"}))

    env = {"NETLIFY_AUTH_TOKEN": "t", "NETLIFY_SITE_ID": "s"}
    assert deploy(netlify, env, tmp_path, 3, run=run) == "https://pr-3--hub.netlify.app"
    command, passed = calls[0]
    assert command[:3] == ["npx", "--yes", command[2]] and "@" in command[2]  # a pinned version
    assert "t" not in command and passed["NETLIFY_AUTH_TOKEN"] == "t"  # the token only in the environment
    assert ["--alias", "pr-3"] == command[command.index("--alias"):command.index("--alias") + 2]
    hostile = lambda command, **kw: SimpleNamespace(returncode=0, stdout='{"deploy_url": "javascript:alert(1)"}')
    with pytest.raises(DeployError):
        deploy(netlify, env, tmp_path, 3, run=hostile)
    failing = lambda command, **kw: SimpleNamespace(returncode=1, stdout="")
    with pytest.raises(DeployError):
        deploy(netlify, env, tmp_path, 3, run=failing)
    cf_env = {"CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_ACCOUNT_ID": "a", "CLOUDFLARE_PAGES_PROJECT": "hub"}
    ok = lambda command, **kw: SimpleNamespace(returncode=0, stdout="Deployment complete")
    assert deploy(cloudflare, cf_env, tmp_path, 3, run=ok) == "https://pr-3.hub.pages.dev/"
    with pytest.raises(DeployError):
        deploy(cloudflare, {**cf_env, "CLOUDFLARE_PAGES_PROJECT": "a/../b"}, tmp_path, 3, run=ok)
