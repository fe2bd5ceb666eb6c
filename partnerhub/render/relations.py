"""Who links to whom: indexes built once per build, in one pass over the records.

Only public records (published and visible to the public) take part, so a draft or a
partners-only record appears nowhere on the public site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Relations:
    networks: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)
    meetings: dict = field(default_factory=dict)
    practices: dict = field(default_factory=dict)
    partner_networks: dict = field(default_factory=lambda: defaultdict(list))  # partner -> [(network, role)]
    network_meetings: dict = field(default_factory=lambda: defaultdict(list))
    network_practices: dict = field(default_factory=lambda: defaultdict(list))
    partner_practices: dict = field(default_factory=lambda: defaultdict(list))
    partner_hosted: dict = field(default_factory=lambda: defaultdict(list))
    partner_adapted: dict = field(default_factory=lambda: defaultdict(list))
    theme_practices: dict = field(default_factory=lambda: defaultdict(list))
    theme_networks: dict = field(default_factory=lambda: defaultdict(list))

    def public(self, kind: str, record_id: str | None):
        return getattr(self, kind).get(record_id) if record_id else None


def build_relations(hub) -> Relations:
    rel = Relations()
    for kind in ("networks", "partners", "meetings", "practices"):
        setattr(rel, kind, {e.id: e.record for e in hub.records[kind].values() if e.record.is_public})
    for network in rel.networks.values():
        for member in network.partners:
            if member.partner in rel.partners:
                rel.partner_networks[member.partner].append((network, member.role))
        for theme in network.themes:
            rel.theme_networks[theme].append(network)
    for meeting in sorted(rel.meetings.values(), key=lambda m: (m.start, m.id)):
        if meeting.network in rel.networks:
            rel.network_meetings[meeting.network].append(meeting)
        if meeting.host in rel.partners:
            rel.partner_hosted[meeting.host].append(meeting)
    for practice in sorted(rel.practices.values(), key=lambda p: p.id):
        if practice.network in rel.networks:
            rel.network_practices[practice.network].append(practice)
        for owner in practice.owners:
            rel.partner_practices[owner].append(practice)
        for partner in practice.transferred_to:
            rel.partner_adapted[partner].append(practice)
        for theme in practice.themes:
            rel.theme_practices[theme].append(practice)
    return rel
