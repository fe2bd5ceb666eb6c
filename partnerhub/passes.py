"""The other languages' passes of a build, in forked processes beside the default one's.

A site generator builds one language per pass. With two cores or more, the default
language's pass starts the others as forked processes (they inherit the loaded hub:
nothing is pickled) once it has emptied the staging folder, writes the site-wide files
while they run (:meth:`LanguagePasses.wait_for_clean_folders` first: a pass empties its
own folder before it writes), then waits for them (:meth:`LanguagePasses.join`). One core,
or a caller with threads (a server: forked children would inherit them), runs the passes
one after the other instead. The adapter says what a pass is (``run(lang)``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from typing import Callable

log = logging.getLogger("partnerhub.passes")


class LanguagePasses:
    """The processes of the other languages' passes, and an event per language that its
    process sets once its folder is clean."""

    def __init__(self) -> None:
        self.processes: list = []
        self.cleaned: dict = {}

    def __bool__(self) -> bool:
        return bool(self.processes)

    @staticmethod
    def can_fork(languages: list[str]) -> bool:
        return bool(languages) and (os.cpu_count() or 1) >= 2

    def start(self, languages: list[str], run: Callable[[str], None], reported: tuple[type, ...] = (),
              logger: logging.Logger = log) -> None:
        """``run(lang)`` for each language in a forked process. An exception of a
        ``reported`` type already says what went wrong (its message is logged alone);
        any other is logged with its traceback. Either way the process exits with 1."""
        context = multiprocessing.get_context("fork")
        self.cleaned = {lang: context.Event() for lang in languages}
        self.processes = [context.Process(target=self._pass, args=(run, lang, reported, logger),
                                          name=f"partnerhub-{lang}") for lang in languages]
        for process in self.processes:
            process.start()

    def folder_cleaned(self, lang: str) -> None:
        """Called in ``lang``'s process once its folder is empty."""
        if lang in self.cleaned:
            self.cleaned[lang].set()

    def wait_for_clean_folders(self) -> None:
        for process in self.processes:
            event = self.cleaned[_lang(process)]
            while not event.wait(0.2) and process.is_alive():
                pass

    def join(self) -> list[str]:
        """Wait for every pass; returns the languages whose pass failed."""
        processes, self.processes, self.cleaned = self.processes, [], {}
        for process in processes:
            process.join()
        return [_lang(process) for process in processes if process.exitcode != 0]

    def stop(self) -> None:
        """The build failed: the other passes stop too."""
        for process in self.processes:
            process.terminate()
            process.join()
        self.processes, self.cleaned = [], {}


    def _pass(self, run: Callable[[str], None], lang: str, reported: tuple[type, ...], logger) -> None:
        self.processes = []  # in the child: its siblings are the parent's to wait for or stop
        try:
            run(lang)
        except BaseException as exc:  # noqa: BLE001 - reported here, the parent stops the build
            if isinstance(exc, reported):
                logger.error(str(exc))
            else:
                logger.exception(f"partnerhub: the {lang} pass failed")
            os._exit(1)
        os._exit(0)


def _lang(process) -> str:
    return process.name.split("-", 1)[1]
