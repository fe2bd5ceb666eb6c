"""A small hub for the open-data tests: the base hub with hostile text, hidden records,
personal details without consent, and meetings of every kind of date and status."""

from __future__ import annotations

from pathlib import Path

from partnerhub.hub import load_hub
from partnerhub.render.relations import build_relations
from tests.validation.validation_support import copy_base_hub

SITE_URL = "https://hub.example.org/"
HIDDEN = "zzhiddenmarker"  # in hidden records and in details nobody consented to publish
FORMULA = "=HYPERLINK(\"http://evil.example/\",\"x\")"

RECORDS = {
    "meetings/bi-02-serres.yml": f"""
id: bi-02-serres
network: breaking-isolation
kind: transnational
title: {{en: '{FORMULA.replace("'", "''")}', el: Συνάντηση στις Σέρρες & «Q&A» <2>, fr: Réunion à Serres}}
host: serres
start: 2024-03-12
timezone: Europe/Athens
agenda:
  - {{time: "09:30", title: {{en: Welcome}}}}
  - {{time: "17:00", title: {{en: Close}}}}
status: cancelled
summary: {{en: '-1 summary & more', el: Περίληψη στα ελληνικά}}
""",
    "meetings/bi-03-skofja-loka.yml": """
id: bi-03-skofja-loka
network: breaking-isolation
kind: transnational
title: {en: Meeting in Škofja Loka}
host: serres
start: 2024-06
status: planned
""",
    "meetings/bi-04-agen.yml": """
id: bi-04-agen
network: breaking-isolation
kind: transnational
title: {en: Third meeting in Agen, el: Τρίτη συνάντηση στην Αζέν}
host: agen
start: 2024-09-10
end: 2024-09-12
status: planned
report: {en: 'The partners will meet in Agen.'}
""",
    "practices/agen-lunches.yml": """
id: agen-lunches
title: {en: Shared lunches & talks <Agen>, el: Κοινά γεύματα}
owners: [agen]
network: breaking-isolation
themes: [social-isolation]
status: ongoing
summary: {en: 'Older people & students <meet> over lunch.'}
sources:
  - {url: 'https://example.org/lunches', date: 2024-05-02}
""",
    f"meetings/{HIDDEN}-meeting.yml": f"""
id: {HIDDEN}-meeting
network: breaking-isolation
kind: transnational
title: {{en: {HIDDEN} title}}
host: serres
start: 2024-10-01
publication: draft
""",
    f"partners/{HIDDEN}-partner.yml": f"""
id: {HIDDEN}-partner
name: {{en: {HIDDEN} name}}
kind: municipality
country: MT
coordinates: {{lat: 35.9, lon: 14.5}}
visibility: partners
""",
    f"people/{HIDDEN}-nameless.yml": f"""
id: {HIDDEN}-nameless
name: {{en: {HIDDEN} nameless}}
roles:
  - {{role: coordinator, network: breaking-isolation}}
""",
    "people/maria-papadopoulou.yml": f"""
id: maria-papadopoulou
name: {{en: Maria Papadopoulou, el: Μαρία Παπαδοπούλου}}
publish: [name, roles, email]
roles:
  - {{role: coordinator, network: breaking-isolation}}
email: {HIDDEN}@example.org
phone: "+30 {HIDDEN}"
""",
}


def hostile_root(tmp_path: Path) -> Path:
    root = copy_base_hub(tmp_path)
    for name, text in RECORDS.items():
        (root / "data" / name).write_text(text.lstrip(), encoding="utf-8")
    serres = root / "data" / "partners" / "serres.yml"
    serres.write_text(serres.read_text(encoding="utf-8") + (
        f"contacts:\n  - {{name: Social services, email: {HIDDEN}@serres.gr, phone: '+30 {HIDDEN} 1', publish: false}}\n"
        f"  - {{name: '@Mayor office', phone: '+30 23210 00000', publish: true}}\n"), encoding="utf-8")
    network = root / "data" / "networks" / "breaking-isolation.yml"
    text = network.read_text(encoding="utf-8")
    network.write_text(text.replace("partners:\n", f"partners:\n  - {{partner: {HIDDEN}-partner}}\n", 1),
                       encoding="utf-8")
    assert HIDDEN in network.read_text(encoding="utf-8")
    return root


def load(root: Path, audience: str = "public"):
    hub = load_hub(root)
    assert not hub.errors, [p.as_text() for p in hub.errors]
    return hub, build_relations(hub, audience)
