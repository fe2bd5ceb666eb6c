"""``partnerhub new <type>``: start a record from a commented template.

``questions.py`` holds what a new record needs (each record type's questions are part of
its entry in ``partnerhub.registry``), ``command.py`` asks them (or reads the options) and
registers the command, ``checks.py`` checks each answer with the validator's own field
types and messages, ``comments.py`` writes the help comments from the model, ``write.py``
fills the template (``templates/<type>.yml.j2``) and writes the file without ever replacing one.
"""


def add_parser(sub) -> None:
    """Register ``new`` on the CLI's subparsers (imported here late: the registry, which the
    command reads, itself reads this package's questions)."""
    from partnerhub.new.command import add_parser as add

    add(sub)


__all__ = ["add_parser"]
