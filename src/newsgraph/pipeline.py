"""The ingest pipeline: one orchestrator for every stage.

1. read     — :mod:`newsgraph.readers` turns paths into pages (or rejections);
2. extract  — :mod:`newsgraph.extract` turns a page into a clean article;
3. nlp      — (issue 3) spaCy parses the article body;
4. annotate — (issues 3-5) actors, quotes, events, counts, dates, places;
5. store    — :class:`newsgraph.store.Store` writes each batch in one transaction.

Everything streams: memory holds one batch, whatever the corpus size.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike

from newsgraph.extract.page import extract
from newsgraph.model import Article, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.store import Store, WriteResult

log = logging.getLogger(__name__)

OnResult = Callable[[WriteResult], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest did. ``failed`` is true when any input was rejected."""

    new: int = 0
    new_sources: int = 0
    unchanged: int = 0
    rejected: list[WriteResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return self.new + self.new_sources + self.unchanged

    @property
    def failed(self) -> bool:
        return bool(self.rejected)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def add(self, result: WriteResult) -> None:
        if result.status == "rejected":
            self.rejected.append(result)
        elif result.status == "new":
            self.new += 1
        elif result.status == "new-source":
            self.new_sources += 1
        else:
            self.unchanged += 1


def articles(
    paths: Iterable[str | PathLike[str]], *, options: Options
) -> Iterator[Article | Rejected]:
    """Stages 1-2 as a stream: every input page as an article or a rejection."""
    for item in read_paths(paths, options=options):  # 1. read
        if isinstance(item, Rejected):
            yield item
            continue
        yield extract(item, options=options)  # 2. extract


def ingest(
    paths: Iterable[str | PathLike[str]],
    *,
    store: Store,
    options: Options,
    on_result: OnResult | None = None,
) -> IngestReport:
    """Run every stage over ``paths`` into ``store``; return what happened."""
    report = IngestReport()
    started = time.perf_counter()
    batch: list[Article | Rejected] = []
    for item in articles(paths, options=options):
        batch.append(item)
        if len(batch) >= options.batch_size:
            _flush(store, batch, report, on_result)  # 5. store
            batch = []
    _flush(store, batch, report, on_result)  # 5. store
    report.seconds = time.perf_counter() - started
    return report


def _flush(
    store: Store, batch: list[Article | Rejected], report: IngestReport, on_result: OnResult | None
) -> None:
    if not batch:
        return
    for result in store.write_batch(batch):
        report.add(result)
        if result.status == "rejected":
            log.info("rejected %s: %s", result.source_path, result.reason)
        if on_result is not None:
            on_result(result)
