"""Running one function over many items in this process and forked helpers, in order.

A cold ``partnerhub validate`` spends most of its time reading and parsing YAML files, each
on its own. :func:`map_in_processes` shares such work with helper processes (one per
further core, up to :data:`MAX_PROCESSES` in all): this process and its helpers take chunks
of items from one counter, so that no one waits for another and a busy machine, where a
helper gets no core, costs little more than a plain loop. Helpers send their results back
(pickled) and the results come out in order, exactly as ``[function(item) for item in
items]``; a chunk a helper failed to send is worked out here. A short list is worked
through here alone (starting a helper costs more than it saves), and so is any list where
forking is not safe: from a process with more than one thread (a server's threads may
hold locks) or from a helper itself, and so is a list on a machine with no core to spare
(measured on a 2-core machine with other work running, a helper cost more than it saved).
``$PARTNERHUB_PROCESSES`` sets the number of processes (1: this one only).
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
import threading
from collections.abc import Callable, Sequence

MIN_ITEMS = 400  # below this, a helper costs more than it saves
MAX_PROCESSES = 4
CHUNK = 16  # items taken at a time


def processes() -> int:
    """How many processes to use: ``$PARTNERHUB_PROCESSES`` if set, else one per core
    that this process may run on and that other work leaves free now (on a busy machine
    a helper only adds the cost of sending results back), up to :data:`MAX_PROCESSES`."""
    wanted = os.environ.get("PARTNERHUB_PROCESSES", "").strip()
    if wanted.isdigit():
        return max(1, int(wanted))
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores - _others_running(), MAX_PROCESSES))


def _others_running() -> int:
    """How many other processes are running or waiting for a core now (Linux: the kernel's
    count in ``/proc/loadavg``, less this one); elsewhere, the load of the last minute."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return max(0, int(handle.read().split()[3].split("/")[0]) - 1)
    except (OSError, IndexError, ValueError):
        pass
    try:
        return int(os.getloadavg()[0])
    except (AttributeError, OSError):  # pragma: no cover - no load average
        return 0


def can_fork() -> bool:
    """True if helper processes can be forked from here safely."""
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and not multiprocessing.current_process().daemon)


def _take(counter) -> int:
    with counter.get_lock():
        index = counter.value
        counter.value = index + 1
    return index


def _help(function, items, chunks, counter, results) -> None:
    """A helper: take chunks until none is left, send each one's results, then None."""
    try:
        while (index := _take(counter)) < len(chunks):
            start, end = chunks[index]
            results.put((index, [function(item) for item in items[start:end]]))
    finally:
        results.put(None)


def map_in_processes(function: Callable, items: Sequence, min_items: int | None = None) -> list:
    """``[function(item) for item in items]``, shared with helper processes if there are at
    least ``min_items`` items, more than one core and forking is safe. ``function`` must
    not depend on what it did before (a helper does some items) and its results must pickle."""
    count = processes()
    if len(items) < (MIN_ITEMS if min_items is None else min_items) or count < 2 or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    chunks = [(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
    done: list = [None] * len(chunks)
    counter = context.Value("i", 0)
    results = context.Queue()
    helpers = []
    for _ in range(count - 1):
        helper = context.Process(target=_help, args=(function, items, chunks, counter, results), daemon=True)
        try:
            helper.start()
        except OSError:  # no more processes to be had
            break
        helpers.append(helper)
    finished = 0  # helpers that said they are done

    def receive(timeout: float | None) -> bool:
        nonlocal finished
        try:
            message = results.get(timeout=timeout) if timeout else results.get_nowait()
        except queues.Empty:
            return False
        if message is None:
            finished += 1
        else:
            done[message[0]] = message[1]
        return True

    while (index := _take(counter)) < len(chunks):
        start, end = chunks[index]
        done[index] = [function(item) for item in items[start:end]]
        while receive(None):
            pass
    while finished < len(helpers):
        if not receive(0.2) and not any(helper.is_alive() for helper in helpers):
            while receive(0.05):  # what a helper sent before it ended
                pass
            break
    for helper in helpers:
        helper.join(timeout=1)
        if helper.is_alive():  # pragma: no cover - a helper that hangs
            helper.kill()
    results.close()
    for index, chunk in enumerate(done):
        if chunk is None:  # a helper failed on it: work it out here
            start, end = chunks[index]
            done[index] = [function(item) for item in items[start:end]]
    return [result for chunk in done for result in chunk]
