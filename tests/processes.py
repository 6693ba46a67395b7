"""The real processes tests start (``newsgraph serve``, Dask schedulers and workers): a
free loopback port to start one on, and a stop that never leaves one running."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterable


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_processes(processes: Iterable[subprocess.Popen], *, timeout: float) -> None:
    """Ask every process to stop at once (so none waits on another), then wait for each
    and kill any still running after ``timeout`` seconds."""
    processes = list(processes)
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
