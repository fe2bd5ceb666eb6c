"""Validation: read every file under ``data/``, check it against the model and across
records, and report all problems of a run at once, each with file, line and column.

Entry point: :func:`partnerhub.validation.run.validate_hub`.
"""
