"""partnerhub: a knowledge hub for transnational partner networks of cities.

The package is the generator-independent core: it loads YAML records, validates them
against the record model and renders view models and HTML fragments. It imports nothing
from MkDocs; the adapters in ``hooks/`` call it.
"""

__version__ = "0.1.0"
