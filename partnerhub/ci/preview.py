"""Where a pull request's preview is published: pluggable hosts, each enabled by its secrets.

The privileged preview job (``.github/workflows/preview.yml``) calls :func:`deploy`: the
first host whose settings are all present in the environment gets the built site (pinned
command-line tools, run with ``npx``); with none, the job prints a notice and succeeds (the
site stays attached to the check as an artifact). A new host is one :class:`Host` entry.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?/?[A-Za-z0-9._~/-]*$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")


@dataclass(frozen=True)
class Host:
    name: str
    settings: tuple[str, ...]  # environment variables that must all be set (secrets and variables)
    command: Callable[[Mapping[str, str], Path, int], list[str]]
    url: Callable[[Mapping[str, str], int, str], str | None]  # (env, pr, the tool's output) -> address


def _netlify_url(env, pr: int, output: str) -> str | None:
    try:
        return json.loads(output).get("deploy_url")
    except (ValueError, AttributeError):
        return None


def _cloudflare_url(env, pr: int, output: str) -> str | None:
    project = env["CLOUDFLARE_PAGES_PROJECT"]
    return f"https://pr-{pr}.{project}.pages.dev/" if _NAME.match(project) else None


HOSTS: tuple[Host, ...] = (
    Host("netlify", ("NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"),
         lambda env, site, pr: ["npx", "--yes", "netlify-cli@27.10.2", "deploy", "--dir", str(site),
                                "--site", env["NETLIFY_SITE_ID"], "--alias", f"pr-{pr}", "--json"],
         _netlify_url),
    Host("cloudflare-pages", ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_PAGES_PROJECT"),
         lambda env, site, pr: ["npx", "--yes", "wrangler@4.164.0", "pages", "deploy", str(site),
                                "--project-name", env["CLOUDFLARE_PAGES_PROJECT"], "--branch", f"pr-{pr}"],
         _cloudflare_url),
)


def choose_host(env: Mapping[str, str]) -> Host | None:
    """The first host whose settings are all set (non-empty) in ``env``."""
    return next((host for host in HOSTS if all((env.get(name) or "").strip() for name in host.settings)), None)


class DeployError(Exception):
    pass


def deploy(host: Host, env: Mapping[str, str], site: Path, pr: int, run=subprocess.run) -> str:
    """Publish ``site`` for pull request ``pr`` on ``host``; its address (checked)."""
    result = run(host.command(env, site, pr), env=dict(env), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise DeployError(f"{host.name}: exit {result.returncode}")
    url = host.url(env, pr, result.stdout)
    if not isinstance(url, str) or not _SAFE_URL.match(url):
        raise DeployError(f"{host.name}: no usable address in the tool's output")
    return url
