"""Crash safety with the real command: ``kill -9`` at random moments, or Ctrl-C, leaves a
store that opens whole and consistent, no worker process behind, and a re-run that ends
with exactly the rows of one clean run. The delays are random; the assertions hold for
any delay (a kill may land before the store exists or after the ingest is done)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from corpus import CORPUS
from newsgraph.store import Store
from store_rows import assert_consistent, stored_rows

KILLS = 5
# Small batches: many transactions, so kills land between and inside them.
BATCH_SIZE = "3"


class Ingest:
    """``newsgraph ingest`` of the corpus in a subprocess. Its output goes to files, not
    pipes, so that a stray worker holding them open cannot hang the test."""

    def __init__(self, url: str, workers: int, tag: str) -> None:
        command = [sys.executable, "-m", "newsgraph", "ingest", str(CORPUS), "--db", url]
        env = {**os.environ, "NEWSGRAPH_BATCH_SIZE": BATCH_SIZE, "CRASH_TEST_TAG": tag}
        self._out, self._err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [*command, "--workers", str(workers)], env=env, stdout=self._out, stderr=self._err
        )

    def wait(self) -> tuple[int, str, str]:
        """Exit status, stdout and stderr, once it has exited."""
        code = self.process.wait()
        texts = []
        for file in (self._out, self._err):
            file.seek(0)
            texts.append(file.read().decode("utf-8", "replace"))
            file.close()
        return code, texts[0], texts[1]


def tagged_processes(tag: str) -> list[int]:
    """Processes (the ingest and its workers) started with ``tag`` in their environment."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if f"CRASH_TEST_TAG={tag}".encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def assert_all_gone(tag: str) -> None:
    """The workers die with the ingest (on Linux at once); allow them a while to go."""
    for _ in range(200):
        if not tagged_processes(tag):
            return
        time.sleep(0.1)
    assert tagged_processes(tag) == []


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Rows of one uninterrupted ingest (it fails on the corpus's broken files: exit 1)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    code, _out, err = Ingest(url, 1, uuid.uuid4().hex).wait()
    assert code == 1, err
    return stored_rows(url)


def finish(url: str, tag: str) -> None:
    code, out, err = Ingest(url, 2, tag).wait()
    assert code == 1, err  # the broken files of the corpus, only
    assert "ingest summary" in out
    assert_all_gone(tag)


@pytest.mark.slow
def test_kill_9_at_random_moments(tmp_path: Path, clean: dict[str, list[str]]) -> None:
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    tag = uuid.uuid4().hex
    delays = [round(random.uniform(0.5, 8.0), 2) for _ in range(KILLS)]
    for number, delay in enumerate(delays):
        running = Ingest(url, 1 + number % 2, tag)
        time.sleep(delay)
        running.process.kill()  # SIGKILL: no cleanup of any kind
        running.wait()
        assert_all_gone(tag)
        assert_consistent(url)  # after each kill, not only the last
    finish(url, tag)
    assert stored_rows(url) == clean, f"kill delays {delays}"
    assert_consistent(url)


@pytest.mark.slow
def test_ctrl_c_stops_the_workers_and_keeps_whole_batches(
    tmp_path: Path, clean: dict[str, list[str]]
) -> None:
    url = f"sqlite:///{tmp_path / 'interrupted.db'}"
    Store(url).close()
    tag = uuid.uuid4().hex
    running = Ingest(url, 2, tag)
    with Store(url) as store:  # wait for a first batch, then interrupt the next ones
        while running.process.poll() is None and not store.counts()["documents"]:
            time.sleep(0.2)
    running.process.send_signal(signal.SIGINT)
    code, _out, err = running.wait()
    if code == 130:
        assert "interrupted" in err and "Traceback" not in err
    else:  # it had finished before the signal came
        assert code == 1, err
    assert_all_gone(tag)
    assert_consistent(url)
    finish(url, tag)
    assert stored_rows(url) == clean
