"""Rendering: turn a validated hub into pages (HTML fragments) for each site language.

Generator-independent: ``pages.site_pages(hub, lang)`` returns plain page objects that any
static-site adapter (today the MkDocs hooks in ``hooks/``) can place in its build.
"""
