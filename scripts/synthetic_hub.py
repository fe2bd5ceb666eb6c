#!/usr/bin/env python3
"""Generate a synthetic hub (for benchmarks): N practices, with partners, meetings and
networks in proportion, text in every configured language.

    python scripts/synthetic_hub.py OUT_DIR 1000

``make_hub(root, practices)`` writes OUT_DIR/{data,docs,hooks,mkdocs.yml} using this
repository's settings, vocabularies, hand-written pages, hooks and configuration.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from partnerhub.registry import FOLDERS  # noqa: E402  (the record folders, from the registry)
COUNTRIES = ["GR", "FR", "PT", "IT", "SI", "RO", "ME", "ES", "DK", "HU", "LV", "PL", "BA", "DE", "NL", "BE"]
WORDS = {
    "en": "community social isolation older people volunteers digital skills neighbourhood support centre city "
          "service inclusion poverty housing youth training network partners care health library".split(),
    "el": "κοινότητα κοινωνική απομόνωση ηλικιωμένοι εθελοντές ψηφιακές δεξιότητες γειτονιά στήριξη κέντρο πόλη "
          "υπηρεσία ένταξη φτώχεια στέγαση νεολαία εκπαίδευση δίκτυο εταίροι φροντίδα υγεία βιβλιοθήκη".split(),
    "fr": "communauté isolement social personnes âgées bénévoles compétences numériques quartier soutien centre ville "
          "service inclusion pauvreté logement jeunesse formation réseau partenaires soins santé bibliothèque".split(),
}


def _text(rng: random.Random, lang: str, words: int) -> str:
    return " ".join(rng.choice(WORDS[lang]) for _ in range(words)).capitalize() + "."


def _langmap(rng, words: int, indent: str = "  ", block: bool = False) -> str:
    lines = []
    for lang in ("en", "el", "fr"):
        if block:
            paragraphs = "\n\n".join(_text(rng, lang, words) for _ in range(3))
            body = "\n".join(indent + "  " + line if line else "" for line in paragraphs.splitlines())
            lines.append(f"{indent}{lang}: |\n{body}")
        else:
            lines.append(f"{indent}{lang}: {_text(rng, lang, words)}")
    return "\n".join(lines)


def make_hub(root: Path, practices: int, seed: int = 1) -> dict[str, int]:
    """Write a hub of ``practices`` practices into ``root``; returns the record counts."""
    rng = random.Random(seed)
    root = Path(root)
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    data = root / "data"
    shutil.copytree(ROOT / "data" / "vocabularies", data / "vocabularies", dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "hub.yml", data / "hub.yml")
    logo = (yaml.safe_load((ROOT / "data" / "hub.yml").read_text(encoding="utf-8")) or {}).get("logo")
    if logo:  # the hub's logo, which hub.yml names
        (data / logo).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "data" / logo, data / logo)
    for folder in FOLDERS:
        (data / folder).mkdir(parents=True, exist_ok=True)
    themes = _terms(data / "vocabularies" / "themes.yml")
    groups = _terms(data / "vocabularies" / "target-groups.yml")
    n_partners, n_networks, n_meetings = max(10, practices // 10), max(1, practices // 100), max(5, practices // 5)
    partners = [f"city-{i:05d}" for i in range(n_partners)]
    networks = [f"network-{i:04d}" for i in range(n_networks)]
    for i, pid in enumerate(partners):
        (data / "partners" / f"{pid}.yml").write_text(
            f"id: {pid}\nname:\n  en: City {i}\n  el: Πόλη {i}\n  fr: Ville {i}\nkind: municipality\n"
            f"country: {rng.choice(COUNTRIES)}\ncoordinates: {{lat: {rng.uniform(36, 60):.4f}, lon: {rng.uniform(-9, 28):.4f}}}\n"
            f"description:\n{_langmap(rng, 30)}\n", encoding="utf-8")
    members = {nid: partners[(k * 10) % n_partners:(k * 10) % n_partners + 10] or partners[:10] for k, nid in enumerate(networks)}
    for nid, who in members.items():
        rows = "\n".join(f"  - {{partner: {p}{', role: lead' if j == 0 else ''}}}" for j, p in enumerate(who))
        (data / "networks" / f"{nid}.yml").write_text(
            f"id: {nid}\nname:\n  en: Network {nid}\n  el: Δίκτυο {nid}\n  fr: Réseau {nid}\nprogramme: urbact-iv\n"
            f"themes: [{rng.choice(themes)}]\nperiod: {{start: 2023-01-01, end: 2025-12-31}}\npartners:\n{rows}\n"
            f"summary:\n{_langmap(rng, 40)}\n", encoding="utf-8")
    for i in range(n_meetings):
        nid = networks[i % n_networks]
        host = members[nid][i % len(members[nid])]
        month, day = 1 + i % 12, 1 + i % 27
        (data / "meetings" / f"meeting-{i:05d}.yml").write_text(
            f"id: meeting-{i:05d}\nnetwork: {nid}\nkind: transnational\ntitle:\n  en: Meeting {i}\n  el: Συνάντηση {i}\n"
            f"  fr: Réunion {i}\nhost: {host}\nstart: {2023 + i % 3}-{month:02d}-{day:02d}\n"
            f"end: {2023 + i % 3}-{month:02d}-{day + 1:02d}\nreport:\n{_langmap(rng, 60, block=True)}\n", encoding="utf-8")
    for i in range(practices):
        nid = networks[i % n_networks]
        owner = members[nid][i % len(members[nid])]
        sections = "\n".join(f"{key}:\n{_langmap(rng, 50, block=True)}" for key in ("problem", "actions", "results"))
        (data / "practices" / f"practice-{i:05d}.yml").write_text(
            f"id: practice-{i:05d}\ntitle:\n  en: Practice {i}\n  el: Πρακτική {i}\n  fr: Pratique {i}\n"
            f"owners: [{owner}]\nnetwork: {nid}\nthemes: [{rng.choice(themes)}]\ntarget_groups: [{rng.choice(groups)}]\n"
            f"status: ongoing\nsummary:\n{_langmap(rng, 40)}\n{sections}\n", encoding="utf-8")
    return {"networks": n_networks, "partners": n_partners, "meetings": n_meetings, "practices": practices}


def _terms(path: Path) -> list[str]:
    return [line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith((" ", "#"))]


if __name__ == "__main__":
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    print(make_hub(out, count))
