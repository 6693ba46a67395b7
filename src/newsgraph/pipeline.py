"""The ingest pipeline: one orchestrator for every stage.

1. read     — :mod:`newsgraph.readers` turns paths into pages (or rejections); input files
              an earlier ingest stored in full, and unchanged since, are skipped unread
              (:mod:`newsgraph.store.progress`), so an interrupted ingest resumes fast;
2. extract  — :mod:`newsgraph.extract` turns a page into a clean article;
3. nlp      — :mod:`newsgraph.nlp` parses each new English article body with spaCy
              (articles already stored and annotated skip it);
4. annotate — :mod:`newsgraph.annotate` components mark actors, dates and places on the
              parse, and :mod:`newsgraph.annotate.records` turns them into plain records;
5. store    — :class:`newsgraph.store.Store` writes each batch in one transaction, in
              input order, from this process only (one writer).

Stages 2-4 are nearly all the CPU. With ``workers`` > 1 they run in that many processes
(:mod:`newsgraph.workers`), a batch at a time; reading stays here, as it costs well under
a millisecond a page and keeps the input order (and with it the stored rows) the same
whatever the number of workers. Everything streams: memory holds a bounded number of
batches, whatever the corpus size; a parse lives only until its records are taken.

The stage functions need no store, so other engines can reuse them:

- :func:`batches` — stage 1: paths to :class:`Batch` values (pages in input order);
- :func:`process_pages` — stages 2-4 for one batch of pages: ``Article``,
  ``AnnotatedArticle`` and ``Rejected`` values ready for :meth:`Store.write_batch`;
- :func:`extract_pages` (stage 2) and :func:`annotate` (stages 3-4), its two halves;
- :func:`articles` — stages 1-2 as one stream of articles and rejections.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from os import PathLike

from newsgraph.annotate.records import doc_annotations
from newsgraph.extract.page import extract
from newsgraph.model import AnnotatedArticle, Annotations, Article, RawPage, Rejected
from newsgraph.nlp import annotator_pipeline, bounded_memory, make_doc, release
from newsgraph.options import Options
from newsgraph.readers import iter_files, read_file, read_paths
from newsgraph.store import Item, Store, WriteResult
from newsgraph.store.progress import FileMark
from newsgraph.workers import run_batches

log = logging.getLogger(__name__)

OnResult = Callable[[WriteResult], None]
Paths = Iterable[str | PathLike[str]]


@dataclass(slots=True)
class IngestReport:
    """What one ingest did. ``failed`` is true when any input was rejected. Pages of
    files skipped as already stored count as ``unchanged``."""

    new: int = 0
    new_sources: int = 0
    unchanged: int = 0
    rejected: list[WriteResult] = field(default_factory=list)
    skipped_files: int = 0
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

    def skip(self, mark: FileMark) -> None:
        self.skipped_files += 1
        self.unchanged += mark.pages


@dataclass(slots=True)
class Batch:
    """Up to ``batch_size`` pages in input order: one unit of work, one transaction.

    ``files`` names the input file of each page (None for a path that could not even be
    walked); ``finished`` holds the files whose last page is in this batch, to be marked
    fully stored when it is written.
    """

    pages: list[RawPage | Rejected] = field(default_factory=list)
    files: list[str | None] = field(default_factory=list)
    finished: list[FileMark] = field(default_factory=list)

    def add(self, page: RawPage | Rejected, file: str | None) -> None:
        self.pages.append(page)
        self.files.append(file)


def batches(
    paths: Paths,
    *,
    options: Options,
    store: Store | None = None,
    on_skip: Callable[[FileMark], None] | None = None,
) -> Iterator[Batch]:
    """Stage 1: the pages under ``paths`` in batches of ``options.batch_size``.

    With a ``store``, a file it holds fully as the file is now (same path, size and
    mtime) is not read; ``on_skip`` hears of it.
    """
    batch = Batch()
    for found in iter_files(paths):
        if isinstance(found, Rejected):
            batch.add(found, None)
        else:
            path, stat = str(found), _size_and_mtime(found)
            known = None if stat is None or store is None else store.finished_pages(path, *stat)
            if known is not None:
                if on_skip is not None:
                    on_skip(FileMark(path, *stat, pages=known))
                continue
            count = 0
            for page in read_file(found, options=options):  # 1. read
                if len(batch.pages) >= options.batch_size:
                    yield batch
                    batch = Batch()
                batch.add(page, path)
                count += 1
            if stat is not None:
                batch.finished.append(FileMark(path, *stat, pages=count))
        if len(batch.pages) >= options.batch_size:
            yield batch
            batch = Batch()
    if batch.pages or batch.finished:
        yield batch


def _size_and_mtime(path: os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None  # the reader says why
    return info.st_size, info.st_mtime_ns


def articles(paths: Paths, *, options: Options) -> Iterator[Article | Rejected]:
    """Stages 1-2 as a stream: every input page as an article or a rejection."""
    for item in read_paths(paths, options=options):  # 1. read
        yield item if isinstance(item, Rejected) else extract(item, options=options)  # 2.


def extract_pages(
    pages: Iterable[RawPage | Rejected], *, options: Options
) -> list[Article | Rejected]:
    """Stage 2 for a batch: each page as a clean article, or why it is not one."""
    return [p if isinstance(p, Rejected) else extract(p, options=options) for p in pages]


def process_pages(
    pages: Sequence[RawPage | Rejected], *, options: Options, store: Store | None = None
) -> list[Item]:
    """Stages 2-4 for one batch, one item per page, in order. This is what a worker
    process runs; ``store`` is only read (see :func:`annotate`)."""
    return annotate(extract_pages(pages, options=options), store=store, options=options)


def annotate(
    batch: list[Article | Rejected], *, options: Options, store: Store | None = None
) -> list[Item]:
    """Stages 3-4 for one batch: parse and annotate the articles that need it, which is
    all of them without a ``store``, else those it does not hold annotated already."""
    todo = [
        item
        for item in batch
        if isinstance(item, Article) and (store is None or _needs_nlp(item, store))
    ]
    english = [a for a in todo if a.language in (None, "en")]
    found: dict[int, Annotations] = {
        id(a): Annotations(note=f"language {a.language!r}: NLP runs on English text only")
        for a in todo
        if a.language not in (None, "en")
    }
    if english:
        nlp = annotator_pipeline()
        # Memory stays flat: the words new in this batch leave the vocabulary after it,
        # and each doc is freed as soon as its records are taken (see newsgraph.nlp).
        with bounded_memory(nlp):
            docs = (make_doc(nlp, a.text, published=a.published) for a in english)
            for article, doc in zip(
                english, nlp.pipe(docs, batch_size=options.nlp_batch_size), strict=True
            ):  # 3-4
                found[id(article)] = doc_annotations(doc)
                release(doc)
    return [
        AnnotatedArticle(item, found[id(item)]) if id(item) in found else item for item in batch
    ]


def _needs_nlp(article: Article, store: Store) -> bool:
    stored = store.find_document(article)
    return stored is None or not stored[1]


def ingest(
    paths: Paths,
    *,
    store: Store,
    options: Options,
    on_result: OnResult | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Run every stage over ``paths`` into ``store``; return what happened.

    ``workers`` (default ``options.workers``) processes run stages 2-4; with 1, or when
    the input fills a single batch, everything runs in this process. Stopped at any
    point (Ctrl-C, a kill, a power cut), the store holds whole batches only, and running
    the same ingest again finishes the job: nothing is lost or stored twice.
    """
    report = IngestReport()
    started = time.perf_counter()
    writer = _Writer(store, report, on_result)
    planned = batches(paths, options=options, store=store, on_skip=report.skip)
    processed = run_batches(
        planned,
        process_pages,
        options=options,
        store=store,
        workers=options.workers if workers is None else workers,
    )
    with closing(processed):  # stops the worker processes, however the loop ends
        for batch, items in processed:
            writer.write(batch, items)
    report.seconds = time.perf_counter() - started
    return report


class _Writer:
    """Stage 5: writes processed batches, in order, and marks the input files they
    complete, unless one of a file's pages was rejected (it is retried next time)."""

    def __init__(self, store: Store, report: IngestReport, on_result: OnResult | None) -> None:
        self.store = store
        self.report = report
        self.on_result = on_result
        self._rejected_files: set[str] = set()  # files, still being written, with a rejection

    def write(self, batch: Batch, items: list[Item]) -> None:
        for item, file in zip(items, batch.files, strict=True):
            if file is not None and isinstance(item, Rejected):
                self._rejected_files.add(file)
        complete = [m for m in batch.finished if m.path not in self._rejected_files]
        self._rejected_files.difference_update(m.path for m in batch.finished)
        if not items and not complete:
            return
        for result in self.store.write_batch(items, files=complete):  # 5. store
            self.report.add(result)
            if result.status == "rejected":
                log.info("rejected %s: %s", result.source_path, result.reason)
            if self.on_result is not None:
                self.on_result(result)
