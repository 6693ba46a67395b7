"""Worker processes: results come back in input order with bounded work in flight, a
failing or dying worker stops the run with a clear error, and a parallel ingest stores
exactly what a one-process ingest stores."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from corpus import CORPUS
from newsgraph.graph import Newsgraph
from newsgraph.model import RawPage
from newsgraph.options import Options
from newsgraph.pipeline import Batch, batches
from newsgraph.store import Store
from newsgraph.workers import WorkerError, run_batches
from store_rows import stored_rows

WORKERS = 2


# Work functions run in spawned processes, so they live at module level.
def echo_shuffled(pages, *, options, store):  # noqa: ANN001, ANN201
    """Finish in a random order: later batches often come back first."""
    time.sleep(random.uniform(0, 0.05))
    return [(page.source_path, os.getpid()) for page in pages]


def fail_on_page_7(pages, *, options, store):  # noqa: ANN001, ANN201
    if any(page.source_path == "page-7" for page in pages):
        raise ValueError("page 7 is bad")
    return [page.source_path for page in pages]


def die_on_page_7(pages, *, options, store):  # noqa: ANN001, ANN201
    if any(page.source_path == "page-7" for page in pages):
        os._exit(3)
    return [page.source_path for page in pages]


def page_batches(count: int, size: int, pulled: list[int] | None = None):  # noqa: ANN201
    for start in range(0, count, size):
        if pulled is not None:
            pulled.append(start // size)
        names = [f"page-{n}" for n in range(start, min(start + size, count))]
        yield Batch(pages=[RawPage(n, "txt", text="x") for n in names], files=[None] * len(names))


@pytest.fixture
def options(db_url: str) -> Options:
    Store(db_url).close()  # workers open the store without migrating it
    return Options.from_env(environ={}, db_url=db_url)


def test_results_come_back_in_input_order_with_bounded_work_in_flight(
    store: Store, options: Options
) -> None:
    pulled: list[int] = []
    seen, pids = [], set()
    for index, (batch, result) in enumerate(
        run_batches(
            page_batches(60, 3, pulled),
            echo_shuffled,
            options=options,
            store=store,
            workers=WORKERS,
        )
    ):
        # No more than 2 x workers batches are read ahead of the one being written.
        assert len(pulled) <= index + 1 + 2 * WORKERS
        assert batch.pages == []  # sent away; the parent keeps only what it writes
        assert len(batch.files) == len(result)
        seen += [name for name, _pid in result]
        pids |= {pid for _name, pid in result}
    assert seen == [f"page-{n}" for n in range(60)]
    assert os.getpid() not in pids  # the work ran in other processes


def test_one_worker_or_one_batch_runs_in_process(store: Store, options: Options) -> None:
    for workers, count in ((1, 12), (WORKERS, 3)):
        results = run_batches(
            page_batches(count, 3), echo_shuffled, options=options, store=store, workers=workers
        )
        assert {pid for _batch, result in results for _name, pid in result} == {os.getpid()}


@pytest.mark.parametrize(
    ("work", "message"),
    [(fail_on_page_7, "ValueError: page 7 is bad"), (die_on_page_7, "exit code 3")],
)
def test_a_failing_worker_stops_the_run_and_the_pool(
    store: Store, options: Options, work, message: str
) -> None:
    results = run_batches(page_batches(30, 2), work, options=options, store=store, workers=WORKERS)
    with pytest.raises(WorkerError, match=message):
        for _ in results:
            pass
    children = [p for p in Path("/proc").glob("[0-9]*") if _is_child(p)]
    assert children == []


def _is_child(proc: Path) -> bool:
    """A worker of this process (multiprocessing's resource tracker is not one)."""
    try:
        stat = (proc / "stat").read_text()
        cmdline = (proc / "cmdline").read_bytes()
    except OSError:
        return False
    return int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid() and b"spawn_main" in cmdline


def test_batches_put_each_file_mark_with_its_last_page(tmp_path: Path) -> None:
    lines = "".join(f'{{"text": "line {n}", "url": "https://x.example/{n}"}}\n' for n in range(5))
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "b.txt").write_text("one page of text", encoding="utf-8")
    planned = list(batches([tmp_path], options=Options(batch_size=2)))
    names = [[Path(f).name for f in batch.files] for batch in planned]
    assert names == [["a.jsonl", "a.jsonl"], ["a.jsonl", "a.jsonl"], ["a.jsonl", "b.txt"]]
    marks = [[(Path(m.path).name, m.pages) for m in batch.finished] for batch in planned]
    assert marks == [[], [], [("a.jsonl", 5), ("b.txt", 1)]]


@pytest.mark.slow
def test_parallel_ingest_stores_what_one_process_stores(tmp_path: Path) -> None:
    stored = {}
    for workers in (1, WORKERS):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        graph = Newsgraph(options=Options.from_env(environ={}, db_url=url, batch_size=6))
        report = graph.ingest(CORPUS, workers=workers)
        graph.close()
        assert report.new > 0 and report.failed
        stored[workers] = stored_rows(url)
    assert stored[WORKERS] == stored[1]
