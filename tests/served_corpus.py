"""Session fixtures: the sample corpus (plus the hostile pages in tests/data/hostile)
ingested once into a real SQLite store, served by a real ``newsgraph serve`` process on a
free loopback port. Imported by tests/conftest.py so tests/server and tests/web share them.

Use ``served`` (no token) or ``served_with_token`` (every /api request needs
``Authorization: Bearer <token>``); both return a :class:`Served`.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from processes import free_port, stop_processes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
START_SECONDS = 60.0


@dataclass(frozen=True)
class Served:
    """A running server. ``url`` has no trailing slash (``http://127.0.0.1:PORT``);
    ``db_url`` is the store it serves (read it directly with ``newsgraph.store.Store``);
    ``token`` is None when the server takes no token. ``headers`` carries the token."""

    url: str
    db_url: str
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def client(self, **kwargs: object) -> httpx.Client:
        """An httpx client on ``url`` that sends the token, if any."""
        return httpx.Client(base_url=self.url, headers=self.headers, timeout=30.0, **kwargs)


def start_server(
    db_url: str, *, log: Path, token: str | None = None
) -> tuple[subprocess.Popen, str]:
    """Start ``newsgraph serve`` on a free port and wait for /api/health; retry a
    few ports in case another process took the one probed. The server's output goes to
    ``log`` (a file, so a chatty server never blocks on a full pipe)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSGRAPH_TOKEN", "NEWSGRAPH_DB")}
    if token:
        env["NEWSGRAPH_TOKEN"] = token  # not on the command line, where `ps` shows it
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    for _attempt in range(3):
        port = free_port()
        command = [sys.executable, "-m", "newsgraph", "serve", "--db", db_url, "--port", str(port)]
        with log.open("ab") as output:
            process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_SECONDS
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/health", headers=headers, timeout=2).status_code == 200:
                    return process, url
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        stop_server(process)
    output = log.read_text(encoding="utf-8", errors="replace")
    raise RuntimeError(f"newsgraph serve did not start: {output[-2000:]}")


def stop_server(process: subprocess.Popen) -> None:
    stop_processes([process], timeout=10)


@pytest.fixture(scope="session")
def served_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding examples/corpus and tests/data/hostile, ingested once."""
    from newsgraph import Newsgraph

    db_url = f"sqlite:///{tmp_path_factory.mktemp('served') / 'served.db'}"
    with Newsgraph(db_url) as graph:
        graph.ingest(CORPUS, HOSTILE)
    return db_url


def _serve(db_url: str, token: str | None, log: Path) -> Iterator[Served]:
    process, url = start_server(db_url, log=log, token=token)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        yield Served(url=url, db_url=db_url, token=token, headers=headers)
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def served(served_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``newsgraph serve`` without a token on the served corpus (``.url``, ``.db_url``,
    ``.token`` None)."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    yield from _serve(served_db_url, None, log)


@pytest.fixture(scope="session")
def served_with_token(
    served_db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """``newsgraph serve`` with NEWSGRAPH_TOKEN=T on the same store; ``.token`` is T and
    ``.headers`` carries it. /api requests without it get 401."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    yield from _serve(served_db_url, secrets.token_urlsafe(24), log)
