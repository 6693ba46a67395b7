"""The throwaway PostgreSQL server the tests and benchmarks use (tests/pgserver.py,
scripts/pg_test_server.py), and the rule that CI never passes by skipping it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import pgserver
from corpus import ROOT
from newsgraph.model import Rejected
from newsgraph.store import Store
from pg_fixtures import unavailable

SCRIPT = ROOT / "scripts" / "pg_test_server.py"
A_PG_TEST = "tests/store/test_store.py::test_same_file_twice_is_stored_once[postgresql]"


def script(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def scratch() -> Path:
    if pgserver.find_bindir() is None:
        unavailable(pgserver.NO_BINARIES)
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-pg-script-", dir="/tmp"))
    folder.chmod(0o755)  # as root, the server runs as 'postgres', who must get through
    yield folder / "server"
    script("stop", str(folder / "server"))
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_script_starts_a_server_that_keeps_its_data_until_removed(scratch: Path) -> None:
    started = script("start", str(scratch))
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip()
    assert url.startswith("postgresql://") and str(scratch) in url
    with Store(url) as store:
        store.write_batch([Rejected("a.html", "empty file", "html")])
    assert script("start", str(scratch)).stdout.strip() == url  # already running: same URL
    assert script("stop", str(scratch)).returncode == 0
    assert not pgserver.Server(scratch).running()
    assert script("start", str(scratch)).returncode == 0
    with Store(url) as store:
        assert store.counts()["rejections"] == 1


def test_script_reports_a_folder_it_cannot_use(tmp_path: Path) -> None:
    env = {**os.environ, pgserver.PG_BIN_ENV: str(tmp_path / "no-binaries")}
    command = [sys.executable, str(SCRIPT), "start", str(tmp_path / "server")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'server'}: no PostgreSQL server")


def run_a_pg_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    clean[pgserver.PG_BIN_ENV] = str(tmp_path / "no-binaries")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", A_PG_TEST]
    return subprocess.run(
        command, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_without_a_server_pg_tests_skip_unless_required(tmp_path: Path) -> None:
    skipped = run_a_pg_test(tmp_path)
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout, skipped.stdout
    required = run_a_pg_test(tmp_path, **{pgserver.REQUIRE_ENV: "1"})
    assert required.returncode == 1, required.stdout
    assert "NEWSGRAPH_REQUIRE_PG=1 but: no PostgreSQL server binaries" in required.stdout
