"""Linked data and sharing: schema.org JSON-LD, OpenGraph and Twitter cards with share
images, redirects from former ids, the "What's new" page and its feed. Built only from the
build's visible records (``partnerhub.render.relations``), serialised at the boundary."""
