"""The record model: one pydantic class per record type, one module each.

The list of record types, with everything the hub does with each, is
``partnerhub.registry.RECORD_TYPES``; a newcomer looking for how a meeting is defined opens
``partnerhub/model/meeting.py``, for how it is checked across records
``partnerhub/validation/``, for how it is shown ``partnerhub/render/templates/meeting.html``.
"""
