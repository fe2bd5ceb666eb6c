"""Open data: what the build publishes beside its pages for other programs to read.

Each module writes one kind of site-wide file from the build's visible records only
(``rel``), and is one line of ``partnerhub.outputs.OUTPUTS``: ``exports`` (JSON, CSV,
GeoJSON, JSON Schemas under ``/data/``), ``catalogue`` (the Frictionless Data Package and
the DCAT-AP record), ``calendars`` (iCalendar) and ``feeds`` (Atom). ``records`` turns a
record into the public data all of them share; ``links`` says where each file lives;
``page`` renders the "Open data" page of every language.
"""
