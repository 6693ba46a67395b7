"""The server under load from another process keeps answering: a bounded mix of every
read endpoint (tests/server/loadgen.py, 16 threads, at most 3,000 requests or 20 s) on
127.0.0.1 gets only 2xx and no transport error, while this process checks /api/health
answers throughout; and readers keep being served while an ingest writes into the same
SQLite store. Throughput is printed (run with -s), never asserted: speed lives in bench/."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.store import Store
from served_corpus import CORPUS, Served, start_server, stop_server

pytestmark = pytest.mark.slow

LOADGEN = Path(__file__).resolve().with_name("loadgen.py")
REQUESTS, SECONDS, CONCURRENCY = 3000, 20, 16
WAIT = 120  # seconds a bounded load may take at most, with the machine busy elsewhere
WRITER_TIMEOUT = 300


def start_load(url: str, token: str | None, requests: int, seconds: float) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    if token:
        env["NEWSGRAPH_TOKEN"] = token
    command = [sys.executable, str(LOADGEN), url, "--requests", str(requests)]
    command += ["--seconds", str(seconds), "--concurrency", str(CONCURRENCY)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def health_while_running(served_url: str, headers: dict, process: subprocess.Popen) -> int:
    """Ask /api/health until ``process`` ends; every answer must be a 200 with the health
    body (a generous timeout: the point is that it answers, not how fast)."""
    checks = 0
    deadline = time.monotonic() + SECONDS + WAIT
    with httpx.Client(base_url=served_url, headers=headers, timeout=60) as client:
        while process.poll() is None:
            assert time.monotonic() < deadline, "the load generator overran its bound"
            response = client.get("/api/health")
            assert response.status_code == 200, response.text
            assert response.json()["status"] == "ok"
            checks += 1
            try:
                process.wait(timeout=0.25)
            except subprocess.TimeoutExpired:
                pass
    return checks


def summary_of(process: subprocess.Popen) -> dict:
    stdout, stderr = process.communicate(timeout=WAIT)
    assert stdout, stderr.decode(errors="replace")[-2000:]
    return json.loads(stdout.decode().splitlines()[-1])


def assert_all_served(summary: dict) -> None:
    """Nothing lost: every request sent was answered with a 2xx."""
    assert summary["errors"] == {}, summary["samples"]
    assert summary["sent"] > 0
    assert summary["ok"] == summary["answered"] == summary["sent"], summary["samples"]
    assert set(summary["statuses"]) == {"200"}, summary["samples"]


def run_load(served: Served, requests: int = REQUESTS, seconds: float = SECONDS) -> dict:
    process = start_load(served.url, served.token, requests, seconds)
    try:
        checks = health_while_running(served.url, served.headers, process)
    finally:
        if process.poll() is None:
            process.kill()
    summary = summary_of(process)
    summary["health_checks"] = checks
    sys.stdout.write(f"\nload: {json.dumps(summary)}\n")
    return summary


def documents_in(url: str, headers: dict) -> int:
    response = httpx.get(f"{url}/api/health", headers=headers, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()["documents"]


def test_server_keeps_answering_under_load(served: Served):
    before = documents_in(served.url, {})
    summary = run_load(served)
    assert_all_served(summary)
    assert process_bounded(summary)
    assert len(summary["by_path"]) >= 15, "every endpoint of the mix was asked"
    assert documents_in(served.url, {}) == before


def test_token_server_keeps_answering_under_load(served_with_token: Served):
    summary = run_load(served_with_token, requests=600, seconds=10)
    assert_all_served(summary)
    assert process_bounded(summary)


def process_bounded(summary: dict) -> bool:
    """The load stopped at its bound: the request cap or the time limit (plus the time to
    finish the requests in flight)."""
    return summary["sent"] <= REQUESTS and summary["seconds"] < SECONDS + WAIT


def copy_store(db_url: str, target: Path) -> str:
    """A consistent copy of a SQLite store (the backup API sees through the WAL)."""
    source = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    copy = sqlite3.connect(target)
    with source, copy:
        source.backup(copy)
    source.close()
    copy.close()
    return f"sqlite:///{target}"


def new_pages(folder: Path) -> None:
    """Copies of the sample corpus' text pages with one extra line, so the store takes
    (most of) them as new documents; the cleaner may drop the line as furniture."""
    folder.mkdir()
    for page in sorted((CORPUS / "text").glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        extra = "\n\nCorrection: an earlier version of this story misspelt a name.\n"
        (folder / page.name).write_text(text + extra, encoding="utf-8")


def test_readers_keep_being_served_while_an_ingest_writes(served_db_url: str, tmp_path: Path):
    db_url = copy_store(served_db_url, tmp_path / "load.db")
    new_pages(tmp_path / "new")
    process, url = start_server(db_url, log=tmp_path / "serve.log")
    served = Served(url=url, db_url=db_url)
    try:
        before = documents_in(url, {})
        env = {**os.environ, "NEWSGRAPH_BATCH_SIZE": "1", "NEWSGRAPH_WORKERS": "1"}
        env.pop("NEWSGRAPH_DB", None)
        command = [sys.executable, "-m", "newsgraph", "ingest", str(tmp_path / "new")]
        log = tmp_path / "ingest.log"
        with log.open("wb") as output:  # a file: a full pipe would stall the writer
            writer = subprocess.Popen(
                [*command, "--db", db_url], env=env, stdout=output, stderr=subprocess.STDOUT
            )
        rounds, deadline = [], time.monotonic() + WRITER_TIMEOUT
        try:
            while writer.poll() is None:  # load in bounded rounds for as long as it writes
                rounds.append(run_load(served, requests=400, seconds=10))
                assert time.monotonic() < deadline, "the ingest did not finish"
        finally:
            if writer.poll() is None:
                writer.kill()
        writer.wait(timeout=WAIT)
        assert writer.returncode == 0, log.read_text(errors="replace")[-2000:]
        assert rounds, "the ingest ended before any load was sent"
        for summary in rounds:
            assert_all_served(summary)
        sys.stdout.write(
            f"\nwhile writing: {len(rounds)} rounds, "
            f"{sum(s['sent'] for s in rounds)} requests, all 2xx\n"
        )
        with Store(db_url) as store:
            stored = store.counts()["documents"]
        assert documents_in(url, {}) == stored > before, "the server sees what was written"
    finally:
        stop_server(process)
