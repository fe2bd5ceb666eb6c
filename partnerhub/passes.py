"""The other languages' passes of a build, in forked processes beside the default one's.

A site generator builds one language per pass. With two cores or more, the default
language's pass starts the others as forked processes (they inherit the loaded hub:
nothing is pickled) once it has emptied the staging folder, and waits for them
(:meth:`LanguagePasses.join`) once its own pages are written. One core,
or a caller with threads (a server: forked children would inherit them), runs the passes
one after the other instead. The adapter says what a pass is (``run(lang)``).

The site-wide files (exports, calendars, feeds…) need no page: with the passes forked,
they are written by one more forked process (:meth:`LanguagePasses.start_beside`) from the
start, instead of by the default language's process once its pages are written, where the
other core would wait for them at the end of the build.
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
        self.beside = None  # (process, receiving end of its pipe) of start_beside's function

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

    def start_beside(self, run: Callable[[], object], what: str, logger: logging.Logger = log) -> None:
        """``run()`` in one more forked process, once every pass has emptied its folder (it
        may write into them); :meth:`result` gives what it returned (it must pickle).
        ``what`` names its work in the error logged if it fails."""
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        events = list(self.cleaned.values())
        process = context.Process(target=self._beside, args=(run, events, sender, what, logger),
                                  name="partnerhub-beside")
        process.start()
        sender.close()
        self.beside = (process, receiver)

    def result(self):
        """What :meth:`start_beside`'s function returned. Call it after :meth:`join`
        succeeded (a pass that failed before emptying its folder would leave it waiting).
        Raises RuntimeError if it failed (its error is logged)."""
        (process, receiver), self.beside = self.beside, None
        try:
            value = receiver.recv()
        except EOFError:  # it ended without sending: its error is logged
            value = None
        finally:
            receiver.close()
            process.join()
        if process.exitcode != 0:
            raise RuntimeError("the process beside the passes failed (see above)")
        return value

    def join(self) -> list[str]:
        """Wait for every pass; returns the languages whose pass failed."""
        processes, self.processes, self.cleaned = self.processes, [], {}
        for process in processes:
            process.join()
        return [_lang(process) for process in processes if process.exitcode != 0]

    def stop(self) -> None:
        """The build failed: the other passes stop too, and start_beside's process."""
        beside = [self.beside[0]] if self.beside else []
        for process in self.processes + beside:
            process.terminate()
            process.join()
        self.processes, self.cleaned, self.beside = [], {}, None

    def _beside(self, run: Callable[[], object], events: list, sender, what: str, logger) -> None:
        self.processes, self.beside = [], None  # in the child: the parent's to wait for or stop
        try:
            for event in events:
                event.wait()
            sender.send(run())
        except BaseException:  # noqa: BLE001 - reported here, the parent stops the build
            logger.exception(f"partnerhub: {what} failed")
            os._exit(1)
        os._exit(0)

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
