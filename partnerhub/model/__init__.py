"""The record model: one pydantic class per record type, and where each one lives.

``RECORD_TYPES`` maps a folder of ``data/`` to its model: a newcomer looking for how a
meeting is defined opens ``partnerhub/model/meeting.py``; its checks across records are in
``partnerhub/validation/``; its page is ``partnerhub/render/templates/meeting.html``.
"""

from partnerhub.model.meeting import Meeting
from partnerhub.model.network import Network
from partnerhub.model.partner import Partner
from partnerhub.model.practice import Practice
from partnerhub.model.vocabulary import VOCABULARIES, Vocabulary

RECORD_TYPES = {
    "networks": Network,
    "partners": Partner,
    "meetings": Meeting,
    "practices": Practice,
}

# Singular names, as used in messages, URLs and the `new` command.
SINGULAR = {"networks": "network", "partners": "partner", "meetings": "meeting", "practices": "practice"}

__all__ = ["RECORD_TYPES", "SINGULAR", "VOCABULARIES", "Meeting", "Network", "Partner", "Practice", "Vocabulary"]
