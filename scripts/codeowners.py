"""Write .github/CODEOWNERS from the partners, meetings and practices under data/.

Each partner gets a block of patterns for the records named after it (a meeting's id holds
its host, a practice's starts with its owner); records named otherwise, or with several
owners, get a line of their own at the end, where it wins (the last matching line does).
The team handles are placeholders to replace. Run: .venv/bin/python scripts/codeowners.py
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from partnerhub.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ORG = "partnerhub"  # placeholder: your GitHub organisation
MAINTAINERS = f"@{ORG}/maintainers"

HEADER = f"""# Who reviews what: GitHub asks the owners of the files a pull request changes to review it.
# For each file the LAST matching line wins: general rules first, then one block per partner
# (an id that ends like another, kodep-piraeus after piraeus), then single records.
# Written by scripts/codeowners.py: after adding a partner or a record named unlike the
# rules below, run `.venv/bin/python scripts/codeowners.py` (or edit by hand).
#
# PLACEHOLDERS: every @{ORG}/... handle below is a placeholder. Replace `{ORG}` with your
# GitHub organisation, create one team per partner (Organisation > Teams) with its project
# officer(s) in it, and give each team write access to this repository. A handle that does
# not exist is shown as an error on this file on GitHub and is ignored.
#
# Record ids (what `partnerhub new` proposes): a meeting's id holds its host
# (breaking-isolation-04-serres), a practice's starts with its first owner
# (serres-volunteer-platform), a photo's file name starts with its record's id
# (media/breaking-isolation-04-serres-1.jpg).

*    {MAINTAINERS}

# The hub's settings, vocabularies, networks, code and workflows: maintainers only.
/data/hub.yml             {MAINTAINERS}
/data/vocabularies/       {MAINTAINERS}
/data/networks/           {MAINTAINERS}
/.github/                 {MAINTAINERS}
"""


def team(partner: str) -> str:
    return f"@{ORG}/{partner}"


def patterns(partner: str) -> list[str]:
    return [f"/data/partners/{partner}.yml", f"/data/partners/{partner}.*.md",
            f"/data/meetings/*-{partner}.yml", f"/data/meetings/*-{partner}.*.md", f"/data/meetings/*-{partner}-*",
            f"/data/practices/{partner}-*", f"/data/media/{partner}-*", f"/data/media/*-{partner}-*"]


def _owners(path: Path, field: str, partners: set[str]) -> list[str]:
    data = load_yaml(path.read_text(encoding="utf-8")).data
    value = data.get(field) if isinstance(data, dict) else None
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [v for v in values if v in partners]


def build() -> str:
    partners = sorted((p.stem for p in (DATA / "partners").glob("*.yml")), key=lambda i: (i.count("-"), i))
    rules = [(pattern, partner) for partner in partners for pattern in patterns(partner)]
    lines = [HEADER]
    for partner in partners:
        lines.append(f"# {partner} (placeholder team: {team(partner)})")
        lines += [f"{pattern:44} {team(partner)} {MAINTAINERS}" for pattern in patterns(partner)]
        lines.append("")
    single = []
    for kind, field in (("meetings", "host"), ("practices", "owners")):
        for path in sorted((DATA / kind).glob("*.yml")):
            owners = _owners(path, field, set(partners))
            rel = f"/data/{kind}/{path.stem}"
            matched = [partner for pattern, partner in rules if fnmatch.fnmatchcase(rel + ".yml", pattern)]
            if owners and matched[-1:] != owners:
                handles = " ".join(team(o) for o in owners)
                single += [f"{rel + '.yml':44} {handles} {MAINTAINERS}", f"{rel + '.*.md':44} {handles} {MAINTAINERS}"]
    if single:
        lines.append("# Records named unlike the rules above, or with several owners")
        lines += single
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    (ROOT / ".github" / "CODEOWNERS").write_text(build(), encoding="utf-8")
