"""The instant preview (``partnerhub serve``): one full build, then an edit under ``data/``
re-renders only the pages it touches, in every language, from the shells the build kept.

- ``keep.py``: what a build keeps for the preview (each language's shell, the frames of
  the pages the generator renders itself), written by the adapter when asked;
- ``live.py``: the hub kept in memory, an edit re-read and re-checked file by file;
- ``update.py``: from changed files to the pages to rewrite, written atomically;
- ``watch.py``: the files watched (their times and sizes, polled);
- ``server.py``: the HTTP server on 127.0.0.1, its live reload and error panel;
- ``background.py``: the search index and the site-wide files refreshed after an edit;
- ``command.py``: ``partnerhub serve``, which ties them together.
"""
