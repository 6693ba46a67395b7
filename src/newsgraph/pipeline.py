"""The ingest pipeline: one orchestrator for every stage.

1. read     — :mod:`newsgraph.readers` turns paths into pages (or rejections);
2. extract  — :mod:`newsgraph.extract` turns a page into a clean article;
3. nlp      — :mod:`newsgraph.nlp` parses each new English article body with spaCy
              (articles already stored and annotated skip it);
4. annotate — :mod:`newsgraph.annotate` components mark actors, dates and places on the
              parse, and :mod:`newsgraph.annotate.records` turns them into plain records;
5. store    — :class:`newsgraph.store.Store` writes each batch in one transaction.

Everything streams: memory holds one batch, whatever the corpus size; a parse lives only
until its records are taken.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike

from newsgraph.annotate.records import doc_annotations
from newsgraph.extract.page import extract
from newsgraph.model import AnnotatedArticle, Annotations, Article, Rejected
from newsgraph.nlp import annotator_pipeline, make_doc
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.store import Item, Store, WriteResult

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
    for item in articles(paths, options=options):  # 1-2
        batch.append(item)
        if len(batch) >= options.batch_size:
            _flush(store, annotate(batch, store=store, options=options), report, on_result)
            batch = []
    _flush(store, annotate(batch, store=store, options=options), report, on_result)
    report.seconds = time.perf_counter() - started
    return report


def annotate(batch: list[Article | Rejected], *, store: Store, options: Options) -> list[Item]:
    """Stages 3-4 for one batch: parse and annotate the articles that need it."""
    todo = [item for item in batch if isinstance(item, Article) and _needs_nlp(item, store)]
    english = [a for a in todo if a.language in (None, "en")]
    found: dict[int, Annotations] = {
        id(a): Annotations(note=f"language {a.language!r}: NLP runs on English text only")
        for a in todo
        if a.language not in (None, "en")
    }
    if english:
        nlp = annotator_pipeline()
        docs = (make_doc(nlp, a.text, published=a.published) for a in english)
        for article, doc in zip(
            english, nlp.pipe(docs, batch_size=options.nlp_batch_size), strict=True
        ):  # 3-4
            found[id(article)] = doc_annotations(doc)
    return [
        AnnotatedArticle(item, found[id(item)]) if id(item) in found else item for item in batch
    ]


def _needs_nlp(article: Article, store: Store) -> bool:
    stored = store.find_document(article)
    return stored is None or not stored[1]


def _flush(
    store: Store, batch: list[Item], report: IngestReport, on_result: OnResult | None
) -> None:
    if not batch:
        return
    for result in store.write_batch(batch):  # 5. store
        report.add(result)
        if result.status == "rejected":
            log.info("rejected %s: %s", result.source_path, result.reason)
        if on_result is not None:
            on_result(result)
