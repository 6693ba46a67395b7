"""Ingest on a Dask cluster: the local pipeline's stages, one partition per task.

1. the client walks the inputs and splits the files into partitions
   (:mod:`newsgraph.scale.partitions`);
2. each task, on some worker, reads, extracts, parses and annotates its partition with
   the very stage functions of :mod:`newsgraph.pipeline`, and writes the results as
   Parquet files of every table (:mod:`newsgraph.scale.parquet`); it returns only a
   small :class:`PartitionSummary`;
3. the client reads each partition's Parquet back into records and writes it with
   :meth:`~newsgraph.store.Store.write_batch`, one transaction per partition, in
   partition order: deduplication and cross-document actor resolution are the store's
   own code, and the store ends up as a local ingest of the same files would leave it.

spaCy loads once per worker process (:func:`newsgraph.nlp.get_nlp` caches it), so run
workers with one thread each and as many processes as cores.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from os import PathLike
from pathlib import Path

from distributed import Client, Future, LocalCluster, get_worker

from newsgraph.errors import ConfigError
from newsgraph.model import Rejected
from newsgraph.options import Options
from newsgraph.pipeline import Batch, IngestReport, OnResult, _Writer, batches, process_pages
from newsgraph.scale.parquet import TABLES, read_partition, write_partition
from newsgraph.scale.partitions import MAX_PARTITION_BYTES, Entry, Partition, plan
from newsgraph.store import Item, Store
from newsgraph.store.progress import FileMark

log = logging.getLogger(__name__)

PARTS_PER_THREAD = 4  # enough partitions that a slow one does not leave workers idle
WORKER_WAIT = 60  # seconds to wait for a first worker on a scheduler that has none


@dataclass(frozen=True, slots=True)
class PartitionSummary:
    """What one task did, returned to the client (the records travel as Parquet).
    ``item_files`` names the input file of each item (None for a path the walk
    rejected); ``finished`` holds the files read whole, to mark once stored."""

    index: int
    worker: str
    pid: int
    item_files: tuple[str | None, ...]
    finished: tuple[FileMark, ...]
    rejected: int
    parquet_bytes: int
    seconds: float


@dataclass(slots=True)
class DaskIngestReport(IngestReport):
    """An :class:`~newsgraph.pipeline.IngestReport` plus the partitions and where their
    Parquet files are (``parquet_dir`` is None when they went to a removed temp folder)."""

    partitions: list[PartitionSummary] = field(default_factory=list)
    parquet_dir: str | None = None

    @property
    def workers(self) -> set[str]:
        return {p.worker for p in self.partitions}


def ingest_dask(
    paths: Iterable[str | PathLike[str]],
    *,
    store: Store,
    options: Options,
    scheduler: str | None = None,
    workers: int | None = None,
    parquet_dir: str | PathLike[str] | None = None,
    on_result: OnResult | None = None,
    max_partition_bytes: int = MAX_PARTITION_BYTES,
) -> DaskIngestReport:
    """Ingest ``paths`` into ``store`` on the Dask scheduler at ``scheduler``, or on a
    local cluster of ``workers`` processes (default: one per core) when it is None.

    Workers read the paths as given: on a cluster of several machines give paths, and a
    ``parquet_dir``, on a filesystem they all share with this one.
    """
    started = time.perf_counter()
    with (
        _connect(scheduler, workers=workers or options.workers) as (client, local),
        _output(parquet_dir) as folder,
    ):
        report = DaskIngestReport(parquet_dir=None if parquet_dir is None else str(folder))
        count = _worker_threads(client, scheduler)
        parts = plan(
            paths,
            store=store,
            on_skip=report.skip,
            min_parts=PARTS_PER_THREAD * count,
            max_bytes=max_partition_bytes,
        )
        # Workers skip parsing what is stored already when they can see the store.
        known = options.db_url if local or store.url.get_backend_name() != "sqlite" else None
        run = uuid.uuid4().hex[:8]
        futures = [
            client.submit(
                run_partition,
                part.index,
                part.entries,
                options=options,
                folder=str(folder),
                known_db=known,
                key=f"newsgraph-partition-{run}-{part.index}",
                pure=False,
            )
            for part in parts
        ]
        writer = _Writer(store, report, on_result)  # stage 5, as the local pipeline does it
        for part, future in zip(parts, futures, strict=True):
            writer.write(*_collect(part, future, folder, report))
            future.release()
    report.seconds = time.perf_counter() - started
    return report


def run_partition(
    index: int,
    entries: Sequence[Entry],
    *,
    options: Options,
    folder: str,
    known_db: str | None,
) -> PartitionSummary:
    """The task: stages 1-4 on one partition, written as Parquet under ``folder``."""
    started = time.perf_counter()
    whole = Batch()
    for entry in entries:
        if isinstance(entry, Rejected):
            whole.add(entry, None)
            continue
        for batch in batches([entry], options=options):  # 1, as the local pipeline reads
            whole.pages += batch.pages
            whole.files += batch.files
            whole.finished += batch.finished
    items = process_pages(whole.pages, options=options, store=_known_documents(known_db))
    written = write_partition(folder, index, items)  # 2-4 done: records out as Parquet
    return PartitionSummary(
        index=index,
        worker=_worker_name(),
        pid=os.getpid(),
        item_files=tuple(whole.files),
        finished=tuple(whole.finished),
        rejected=sum(isinstance(item, Rejected) for item in items),
        parquet_bytes=written,
        seconds=time.perf_counter() - started,
    )


@cache
def _known_documents(db_url: str | None) -> Store | None:
    """The store as this worker process sees it, opened once, read only to skip parsing
    what it holds annotated already; None (parse everything) when it cannot be seen.
    Either way the loader annotates each document once."""
    if db_url is None:
        return None
    try:
        return Store(db_url, migrate=False)
    except Exception as exc:  # an optimisation only: parse everything instead
        log.warning("worker cannot open the store (%s); parsing every article", exc)
        return None


def _worker_name() -> str:
    try:
        worker = get_worker()
    except ValueError:  # called outside a worker (tests, debugging)
        return f"pid-{os.getpid()}"
    return str(worker.name)


def _collect(
    part: Partition, future: Future, folder: Path, report: DaskIngestReport
) -> tuple[Batch, list[Item]]:
    """The partition's items, read back from Parquet, with the files they came from;
    if its task failed, one rejection per input so the rest goes on and it is reported."""
    try:
        summary: PartitionSummary = future.result()
    except Exception as exc:  # a worker died or a stage raised: report, go on
        log.warning("partition %d failed: %s", part.index, exc)
        reason = f"dask task failed: {type(exc).__name__}: {exc}"
        items: list[Item] = [
            e if isinstance(e, Rejected) else Rejected(e, reason) for e in part.entries
        ]
        files = [None if isinstance(e, Rejected) else e for e in part.entries]
        return Batch(files=files), items
    report.partitions.append(summary)
    try:
        items = read_partition(folder, part.index)
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None
    return Batch(files=list(summary.item_files), finished=list(summary.finished)), items


def _worker_threads(client: Client, scheduler: str | None) -> int:
    """Threads across the cluster's workers, waiting a while for a first worker."""
    if not client.nthreads():
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError:
            raise ConfigError(
                f"the Dask scheduler at {scheduler} has no workers (waited {WORKER_WAIT} s)"
            ) from None
    return sum(client.nthreads().values())


@contextmanager
def _connect(scheduler: str | None, *, workers: int | None) -> Iterator[tuple[Client, bool]]:
    """A client of the scheduler at ``scheduler``, or of a local cluster we start (and
    stop); the flag says which."""
    if scheduler:
        try:
            client = Client(scheduler, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler}: {message}"
            ) from None
        with client:
            yield client, False
        return
    nanny_log = logging.getLogger("distributed.nanny")
    level = nanny_log.level
    try:
        with LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,  # one spaCy per process; processes give the parallelism
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            try:
                with Client(cluster, set_as_default=False) as client:
                    yield client, True
            finally:
                # A worker that holds spaCy can take over the nanny's 4 s to exit, and
                # is then killed, harmlessly: no warning for that.
                nanny_log.setLevel(logging.ERROR)
    finally:
        nanny_log.setLevel(level)


@contextmanager
def _output(parquet_dir: str | PathLike[str] | None) -> Iterator[Path]:
    """The folder the workers write into: ``parquet_dir`` (kept; old parts of ours in it
    removed first), or a temporary folder removed after loading."""
    if parquet_dir is None:
        folder = Path(tempfile.mkdtemp(prefix="newsgraph-parquet-"))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    folder = Path(parquet_dir).resolve()
    for table in TABLES:
        for stale in (folder / table).glob("part-*.parquet"):
            stale.unlink()
    yield folder
