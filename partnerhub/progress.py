"""Progress of a long build, one line per step: records loaded, pages written per language
(and every few seconds while a language's pages are written), the search index.

The lines go through ``emit`` (the adapter gives its generator's logger, which prints them
on stderr and not at all with ``-q``); the package prints nothing itself.
"""

from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator

from partnerhub.i18n import gettext_ as _, ngettext_

Emit = Callable[[str], None]
EVERY_SECONDS = 5.0  # at most one line this often while pages are written


class Progress:
    """Lines with the seconds since the build started."""

    def __init__(self, emit: Emit, started: float | None = None) -> None:
        self.emit = emit
        self.started = time.perf_counter() if started is None else started

    def _line(self, text: str) -> None:
        self.emit(_("partnerhub: {step} ({seconds:.1f} s)").format(step=text, seconds=time.perf_counter() - self.started))

    def records(self, count: int) -> None:
        self._line(ngettext_("{count} record loaded and checked", "{count} records loaded and checked",
                             count).format(count=count))

    def pages(self, lang: str, pages: Iterable) -> Iterator:
        """Yield from ``pages``, with a line every few seconds and one at the end."""
        written, last = 0, time.perf_counter()
        for page in pages:
            yield page
            written += 1
            if time.perf_counter() - last >= EVERY_SECONDS:
                last = time.perf_counter()
                self._line(_("{lang}: {count} record pages so far").format(lang=lang, count=written))
        self._line(ngettext_("{lang}: {count} record page written", "{lang}: {count} record pages written",
                             written).format(lang=lang, count=written))

    def search(self, done: bool = False) -> None:
        self._line(_("search index written") if done else _("building the search index"))
