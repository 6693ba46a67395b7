"""A wall-clock limit on one piece of work, so one pathological page cannot stall a batch.

trafilatura and lxml are fast on real pages, but crafted HTML can make the extractor's
Python loops run for minutes. :func:`time_limit` arms ``SIGALRM`` (``setitimer``) for the
duration of a ``with`` block and raises :class:`TimeLimitExceeded` inside it when time is
up. Signals can only be handled in the main thread, so anywhere else (a thread pool)
the block runs without a limit; a worker *process* has its own main thread, so the limit
works there. The exception derives from :class:`BaseException` on purpose: the
extractor's own ``except Exception`` fallbacks must not swallow it.

A handler only runs between Python bytecodes: one long call into C (lxml parsing a huge
document) finishes before the limit bites. The readers' size limits bound those calls.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

log = logging.getLogger(__name__)

RETRY_SECONDS = 0.05
"""After the limit, the alarm fires again this often until the block has ended."""


class TimeLimitExceeded(BaseException):  # noqa: N818 - read as "raise TimeLimitExceeded"
    """The ``with time_limit(...)`` block ran past its limit."""


def can_limit_time() -> bool:
    """True when :func:`time_limit` can enforce a limit here (Unix, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds`` of wall-clock time.

    ``seconds`` <= 0 means no limit. An alarm armed outside the block (an outer
    ``time_limit``) is put back afterwards, less the time the block took.
    """
    if seconds <= 0 or not can_limit_time():
        if seconds > 0:
            log.debug("not in the main thread: running without a time limit")
        yield
        return
    inside = [True]  # cleared as the block ends, so a late alarm only disarms itself

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        if inside[0]:
            raise TimeLimitExceeded
        signal.setitimer(signal.ITIMER_REAL, 0)

    outer_handler = signal.signal(signal.SIGALRM, on_alarm)
    # The alarm repeats until the block ends: an exception raised while a weakref
    # callback or finaliser runs is printed and dropped by Python ("Exception ignored
    # in ..."), so one alarm alone may be lost (seen with SQLAlchemy's gc callbacks).
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    started = time.monotonic()
    try:
        yield
    finally:
        inside[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_delay > 0:
            left = max(outer_delay - (time.monotonic() - started), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


def over_time_reason(work: str, seconds: float) -> str:
    """The rejection reason when ``work`` ("processing", "reading") hit the limit."""
    return (
        f"{work} took longer than {seconds} s "
        "(setting max_seconds_per_article, NEWSGRAPH_MAX_SECONDS_PER_ARTICLE)"
    )
