"""Worker processes for the CPU-bound stages (extract, nlp, annotate).

:func:`run_batches` applies a stage function to a stream of batches and yields the
results in input order. With one worker, or when the input fills a single batch, it runs
in this process (no start-up cost: loading spaCy takes seconds). Otherwise a
:class:`WorkerPool` of processes does the work while the caller writes what comes back.

Design, and why:

- Processes are started with ``spawn``: forking a parent that has spaCy, SQLAlchemy
  engines and threads loaded is not safe. Each worker loads spaCy once
  (:func:`newsgraph.nlp.get_nlp` caches it per process) and opens the store for reading
  only (to skip the NLP of articles already stored annotated); the caller stays the one
  writer.
- Each batch is split in one task per worker, so all of them work on it, and it is
  written (one transaction) as soon as its parts are back. At most ``2 x workers`` tasks
  (two batches) are out at once and results are handed back in input order, so memory
  stays flat and the store fills in the same order as with one worker.
- Results travel as plain dataclasses, pickled in the worker (so a pickling error is an
  error, not a lost batch).
- Ctrl-C: workers ignore SIGINT; the caller gets ``KeyboardInterrupt``, the pool
  terminates them, and the batch being written rolls back whole. If the caller dies
  (``kill -9``), the kernel kills the workers too on Linux (``PR_SET_PDEATHSIG``);
  elsewhere they notice within a second of finishing their batch and exit, unless the
  parent died halfway through sending them a task (then they wait: kill them).
- A worker that dies (out of memory, killed) or raises stops the ingest with
  :class:`WorkerError`, rather than waiting forever for its batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, count, islice
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.options import Options
from newsgraph.store import Store

if TYPE_CHECKING:
    from newsgraph.pipeline import Batch

log = logging.getLogger(__name__)

Work = Callable[..., list[Any]]  # work(pages, *, options=, store=) -> one item per page
POLL_SECONDS = 1.0  # how often a waiting side checks that the other is still alive
_PR_SET_PDEATHSIG = 1


class WorkerError(NewsgraphError):
    """A worker process failed or died; the batches already written stay."""


def run_batches(
    batches: Iterable[Batch], work: Work, *, options: Options, store: Store, workers: int
) -> Iterator[tuple[Batch, list[Any]]]:
    """``(batch, work(batch.pages, options=, store=))`` for each batch, in input order.

    In-process with one worker, or when there is one batch only; then each batch is
    processed after the caller has written the one before (the generator is lazy).
    ``store`` is given to ``work`` in-process; worker processes open their own.
    """
    stream = iter(batches)
    head = list(islice(stream, 2))
    if workers <= 1 or len(head) < 2:
        for batch in chain(head, stream):
            yield batch, work(batch.pages, options=options, store=store)
        return
    with WorkerPool(workers, work, options=options) as pool:
        yield from pool.ordered(chain(head, stream), limit=2 * workers)


class WorkerPool:
    """``size`` spawned processes running ``work`` on batches of pages."""

    def __init__(self, size: int, work: Work, *, options: Options) -> None:
        context = multiprocessing.get_context("spawn")
        self._tasks = context.Queue()
        self._results = context.Queue()
        self._processes = [
            context.Process(
                target=_serve,
                args=(self._tasks, self._results, work, options, os.getpid()),
                name=f"newsgraph-worker-{number}",
                daemon=True,
            )
            for number in range(1, size + 1)
        ]
        with _sigint_ignored():  # inherited, so a Ctrl-C during start-up spares them too
            for process in self._processes:
                process.start()
        log.info("started %d worker processes", size)

    def ordered(self, batches: Iterable[Batch], *, limit: int) -> Iterator[tuple[Batch, Any]]:
        """Send each batch's pages out, split in one task per worker so that every
        batch is worked on by all of them; yield ``(batch, result)`` in input order, with
        at most ``limit`` tasks out at once. The yielded batch has no pages left (they
        were sent away); its ``files`` and ``finished`` are what the writer needs."""
        waiting: deque[tuple[Batch, list[int]]] = deque()  # batches not yet yielded
        done: dict[int, bytes] = {}  # results back, by task number
        numbers = count()
        for batch in batches:
            tasks = []
            for part in _split(batch.pages, len(self._processes)):
                tasks.append(next(numbers))
                self._tasks.put((tasks[-1], part))
            waiting.append((replace(batch, pages=[]), tasks))
            while sum(len(t) for _, t in waiting) >= limit and not _ready(waiting[0], done):
                self._collect(done, block=True)
            self._collect(done, block=False)
            while waiting and _ready(waiting[0], done):  # write what is ready, as soon as it is
                yield _joined(waiting.popleft(), done)
        while waiting:
            while not _ready(waiting[0], done):
                self._collect(done, block=True)
            yield _joined(waiting.popleft(), done)

    def _collect(self, done: dict[int, bytes], *, block: bool) -> None:
        """Move the results that are back into ``done``; wait for one when ``block``."""
        got = self._receive(block=block)
        while got is not None:
            done[got[0]] = got[1]
            got = self._receive(block=False)

    def _receive(self, *, block: bool) -> Any:
        """The next ``(seq, payload)`` to come back; None when not blocking and there is
        none yet."""
        while True:
            try:
                seq, payload, error = self._results.get(block=block, timeout=POLL_SECONDS)
            except queue.Empty:
                if not block:
                    return None
                self._check_alive()
                continue
            if error is not None:
                raise WorkerError(f"a worker process failed:\n{error}")
            return seq, payload

    def _check_alive(self) -> None:
        for process in self._processes:
            if process.exitcode is not None:
                raise WorkerError(
                    f"{process.name} stopped unexpectedly (exit code {process.exitcode}); "
                    "batches written so far are kept: run the ingest again to go on"
                )

    def close(self) -> None:
        """Let the workers finish and exit (every result has been taken)."""
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes:
            process.join(timeout=10)
        self.terminate()  # any that did not exit in time

    def terminate(self) -> None:
        """Stop the workers now, work in hand or not."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        # Unsent tasks must not keep this process from exiting.
        self._tasks.cancel_join_thread()
        self._tasks.close()
        self._results.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # an error, Ctrl-C, or the consumer stopped early (GeneratorExit)
            self.terminate()


def _split(pages: list[Any], parts: int) -> list[list[Any]]:
    """``pages`` in at most ``parts`` runs of (nearly) equal length, in order."""
    size = max(1, -(-len(pages) // parts))
    return [pages[start : start + size] for start in range(0, len(pages), size)]


def _ready(entry: tuple[Batch, list[int]], done: dict[int, bytes]) -> bool:
    return all(number in done for number in entry[1])


def _joined(entry: tuple[Batch, list[int]], done: dict[int, bytes]) -> tuple[Batch, list[Any]]:
    batch, tasks = entry
    return batch, [item for number in tasks for item in pickle.loads(done.pop(number))]


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may touch signal handlers; workers ignore it anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# -- in the worker process ---------------------------------------------------------------


def _serve(
    tasks: multiprocessing.Queue,
    results: multiprocessing.Queue,
    work: Work,
    options: Options,
    parent: int,
) -> None:
    """A worker's life: take ``(seq, pages)`` tasks until ``None`` (or the parent is
    gone), put back ``(seq, pickled result, None)`` or ``(seq, None, traceback)``."""
    _die_with_parent()
    if os.getppid() != parent:
        return  # the parent died while this process was starting
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    results.cancel_join_thread()  # never hang at exit on a result nobody will read
    store = Store(options.db_url, migrate=False)
    try:
        while (task := _next_task(tasks, parent)) is not None:
            seq, pages = task
            try:
                out = pickle.dumps(work(pages, options=options, store=store), protocol=5)
            except Exception:
                results.put((seq, None, traceback.format_exc()))
            else:
                results.put((seq, out, None))
    finally:
        store.close()


def _next_task(tasks: multiprocessing.Queue, parent: int) -> Any:
    while True:
        try:
            return tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return None  # orphaned: the parent was killed


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this process when its parent dies. Without it a
    worker could wait forever on a task the parent was killed while sending (a message
    cut short, on a pipe this process also holds open); elsewhere that can happen."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        log.debug("prctl(PR_SET_PDEATHSIG) unavailable; relying on polling")
