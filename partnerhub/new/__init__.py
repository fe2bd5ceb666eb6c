"""``partnerhub new <type>``: start a record from a commented template.

``command.py`` asks the questions (or reads the options) and registers the command,
``checks.py`` checks each answer with the validator's own field types and messages,
``comments.py`` writes the help comments from the model, ``write.py`` fills the template
(``templates/<type>.yml.j2``) and writes the file without ever replacing one.
"""

from partnerhub.new.command import add_parser

__all__ = ["add_parser"]
