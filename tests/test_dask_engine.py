"""The Dask engine on a real scheduler and two real worker processes (plus one run on a
local cluster through the CLI): same store as a local ingest, Parquet of every table,
rejections reported, re-runs idempotent, PostgreSQL as the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from distributed import Client

from corpus import CORPUS, load_expected
from newsgraph.graph import Newsgraph
from newsgraph.model import AnnotatedArticle, Annotations, Article, Rejected
from newsgraph.options import Options
from newsgraph.readers import iter_files
from newsgraph.scale import DaskIngestReport, ingest_dask
from newsgraph.scale.parquet import RECORD_TABLES, TABLES, read_partition, write_partition
from newsgraph.scale.partitions import plan
from newsgraph.store import Store, schema
from processes import free_port, stop_processes

EXPECTED = load_expected()
WORKERS = ("w1", "w2")
# Columns that differ between two ingests of the same files: when, and how often.
VOLATILE = {"ingested_at", "annotated_at", "last_seen", "attempts"}


def snapshot(db_url: str) -> dict[str, list[str]]:
    """Every row of every table, less the volatile columns, in a comparable form."""
    with Store(db_url) as store:
        return {
            table: sorted(
                json.dumps(
                    {k: v for k, v in row.items() if k not in VOLATILE}, sort_keys=True, default=str
                )
                for row in store.iter_rows(table)
            )
            for table in schema.metadata.tables
        }


def options_for(db_url: str) -> Options:
    return Options.from_env(environ={}, db_url=db_url)


def run_dask(db_url: str, scheduler: str, parquet_dir: Path) -> DaskIngestReport:
    """Ingest the sample corpus into ``db_url`` on the cluster at ``scheduler``."""
    with Store(db_url) as store:
        return ingest_dask(
            [CORPUS],
            store=store,
            options=options_for(db_url),
            scheduler=scheduler,
            parquet_dir=parquet_dir,
        )


# -- fixtures: a real cluster, a local ingest to compare with, one Dask run ----------------


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-thread workers, each its own process, on 127.0.0.1."""
    work = tmp_path_factory.mktemp("dask-cluster")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    commands = [
        ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port)],
        *(
            ["distributed.cli.dask_worker", address, "--name", name, "--nworkers", "1"]
            + ["--nthreads", "1", "--local-directory", str(work / name)]
            for name in WORKERS
        ),
    ]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for command in commands:
            log = (work / f"{command[0].rsplit('_', 1)[-1]}-{len(processes)}.log").open("wb")
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", *command, "--no-dashboard"],
                    cwd=work,  # not the repository: workers must not find inputs by chance
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        try:
            with Client(address, timeout="60s", set_as_default=False) as client:
                client.wait_for_workers(len(WORKERS), timeout=120)
        except (OSError, TimeoutError) as exc:
            logs = "\n".join(
                f"{log.name}:\n{log.read_text()[-2000:]}" for log in work.glob("*.log")
            )
            pytest.fail(f"the Dask cluster did not start: {exc}\n{logs}")
        yield address
    finally:
        stop_processes(reversed(processes), timeout=30)


@pytest.fixture(scope="module")
def local_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The store a plain local ingest of the corpus leaves."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    with Newsgraph(options=options_for(db_url)) as graph:
        graph.ingest(CORPUS, workers=1)
    return snapshot(db_url)


@dataclass
class DaskRun:
    report: DaskIngestReport
    db_url: str
    parquet_dir: Path


@pytest.fixture(scope="module")
def dask_run(cluster: str, tmp_path_factory: pytest.TempPathFactory) -> DaskRun:
    folder = tmp_path_factory.mktemp("dask-run")
    db_url = f"sqlite:///{folder / 'dask.db'}"
    return DaskRun(run_dask(db_url, cluster, folder / "parquet"), db_url, folder / "parquet")


# -- on a real cluster --------------------------------------------------------------------


@pytest.mark.slow
def test_partitions_ran_on_both_workers(dask_run: DaskRun) -> None:
    partitions = dask_run.report.partitions
    assert dask_run.report.workers == set(WORKERS)
    assert len({p.pid for p in partitions}) == len(WORKERS)
    assert os.getpid() not in {p.pid for p in partitions}
    assert sorted(p.index for p in partitions) == list(range(len(partitions)))


@pytest.mark.slow
def test_store_is_the_one_a_local_ingest_leaves(dask_run: DaskRun, local_rows) -> None:
    rows = snapshot(dask_run.db_url)
    assert rows["documents"] and rows["actors"] and rows["events"]
    for table in ("documents", "actors", "mentions", "quotes", "events", "counts"):
        assert rows[table] == local_rows[table], f"{table} differs from a local ingest"
    assert rows == local_rows


@pytest.mark.slow
def test_bad_files_are_rejected_with_their_reason(dask_run: DaskRun) -> None:
    report = dask_run.report
    assert report.failed
    reasons = {
        Path(r.source_path).relative_to(CORPUS).as_posix(): r.reason for r in report.rejected
    }
    broken = [e for e in EXPECTED if e.get("broken")]
    assert set(reasons) == {e["source"] for e in broken}
    for item in broken:
        assert item["reason_contains"].lower() in reasons[item["source"]].lower()


@pytest.mark.slow
def test_every_table_is_written_as_readable_parquet(dask_run: DaskRun) -> None:
    report, folder = dask_run.report, dask_run.parquet_dir
    for table in TABLES:
        parts = sorted((folder / table).glob("part-*.parquet"))
        assert len(parts) == len(report.partitions), table
        assert pq.read_table(folder / table).schema.names[:2] == ["item", "doc_id"]
    documents = pq.read_table(folder / "documents").to_pylist()
    assert len(documents) == report.pages  # one row per article page read
    rejected = pq.read_table(folder / "rejections", columns=["source_path"]).to_pylist()
    assert {r["source_path"] for r in rejected} == {r.source_path for r in report.rejected}
    events = pq.read_table(folder / "events", columns=["doc_id", "index"]).to_pylist()
    with Store(dask_run.db_url) as store:
        stored_docs = {row["id"] for row in store.iter_rows("documents")}
        stored_events = {(row["doc_id"], row["idx"]) for row in store.iter_rows("events")}
    assert stored_docs <= {d["doc_id"] for d in documents}
    assert stored_events and stored_events <= {(e["doc_id"], e["index"]) for e in events}


@pytest.mark.slow
def test_running_again_stores_nothing_new(cluster: str, dask_run: DaskRun, tmp_path) -> None:
    before = snapshot(dask_run.db_url)
    again = run_dask(dask_run.db_url, cluster, tmp_path / "again")
    assert (again.new, again.new_sources) == (0, 0)
    assert again.unchanged == dask_run.report.new + dask_run.report.new_sources
    assert again.skipped_files == len(before["ingested_files"]) > 0  # stored files not read
    assert {r.source_path for r in again.rejected} == {
        r.source_path for r in dask_run.report.rejected
    }
    assert snapshot(dask_run.db_url) == before


@pytest.mark.slow
def test_dask_output_loads_into_postgresql(
    cluster: str, local_rows, pg_db_url: str, tmp_path: Path
) -> None:
    report = run_dask(pg_db_url, cluster, tmp_path / "parquet")
    assert report.partitions and report.rejected
    assert snapshot(pg_db_url) == local_rows


# -- through the command line -------------------------------------------------------------


def newsgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.slow
def test_cli_on_a_local_cluster(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cli.db'}"
    inputs = [CORPUS / "html", CORPUS / "broken"]
    result = newsgraph(
        "ingest", "--engine", "dask", "--workers", "2", *map(str, inputs), "--db", db_url,
        "--parquet-dir", str(tmp_path / "parquet"),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    broken = [e for e in EXPECTED if e.get("broken") and e["source"].startswith("broken/")]
    assert len(errors) == len(broken)
    for item in broken:
        assert any(line.startswith(f"error: {CORPUS / item['source']}: ") for line in errors)
    assert "partitions on 2 workers" in result.stdout
    articles = {e["article"] for e in EXPECTED if e["source"].startswith("html/")}
    with Store(db_url) as store:
        assert len(store.documents(limit=1000)) == len(articles)
    assert pq.read_table(tmp_path / "parquet" / "documents").num_rows == len(
        [e for e in EXPECTED if e["source"].startswith("html/")]
    )


@pytest.mark.slow
def test_cli_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    result = newsgraph(
        "ingest", "--engine", "dask", "--scheduler", address, str(CORPUS / "html"),
        "--db", f"sqlite:///{tmp_path / 'x.db'}",
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"error: cannot reach the Dask scheduler at {address}"
    )


def test_cli_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = newsgraph(
        "ingest", "--scheduler", "tcp://127.0.0.1:8786", str(CORPUS / "html"),
        "--db", f"sqlite:///{tmp_path / 'x.db'}",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: ") and "--engine dask" in result.stderr


# -- the parts, without a cluster ---------------------------------------------------------


def sample(cls: type, n: int) -> Any:
    """A record of ``cls`` with every field set from its type (optional ones left None
    when ``n`` is odd), so a round trip exercises every column type."""
    values = {}
    for f in fields(cls):
        hint = typing.get_type_hints(cls)[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if type(None) in typing.get_args(hint) and n % 2:
            values[f.name] = None
            continue
        kind = args[0] if args else hint
        if typing.get_origin(hint) is tuple:
            values[f.name] = (f"{f.name}-{n}", f"{f.name}-{n + 1}") if kind is str else (n + 0.25,)
        else:
            values[f.name] = {str: f"{f.name}-{n}", int: n, float: n + 0.5}[kind]
    return cls(**values)


def test_parquet_round_trip_keeps_every_record_and_the_order(tmp_path: Path) -> None:
    def annotated(n: int) -> AnnotatedArticle:
        found = {
            name: sample(cls, n) if name == "tone" else (sample(cls, n), sample(cls, n + 1))
            for cls, name in RECORD_TABLES.values()
        }
        note = None if n % 2 else "a note"
        return AnnotatedArticle(
            sample(Article, n), Annotations(**found, sentence_tones=(0.5, -1.0), note=note)
        )

    items = [
        Rejected("bad.html", "empty file"),
        annotated(0),
        sample(Article, 2),  # stored without annotations
        annotated(1),  # every optional field None, no tone
        AnnotatedArticle(sample(Article, 4), Annotations(note="language 'fr'")),
        Rejected("worse.warc", "truncated", "warc"),
    ]
    write_partition(tmp_path, 7, items)
    assert read_partition(tmp_path, 7) == items
    write_partition(tmp_path, 8, [])
    assert read_partition(tmp_path, 8) == []


def test_partitions_are_contiguous_runs_of_the_walk() -> None:
    walked = [item if isinstance(item, Rejected) else str(item) for item in iter_files([CORPUS])]
    for kwargs in ({"min_parts": 5}, {"max_files": 3}, {"max_bytes": 20_000}, {}):
        parts = plan([CORPUS], **kwargs)
        assert [e for p in parts for e in p.entries] == walked, kwargs
        assert [p.index for p in parts] == list(range(len(parts)))
    assert len(plan([CORPUS], min_parts=5)) == 5
    assert max(len(p.entries) for p in plan([CORPUS], max_files=3)) == 3
    assert all(p.nbytes <= 20_000 or len(p.entries) == 1 for p in plan([CORPUS], max_bytes=20_000))
    assert len(plan([CORPUS, CORPUS / "missing"], min_parts=100)) == len(walked) + 1
