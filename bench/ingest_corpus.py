"""Ingest speed on the sample corpus, beside bare trafilatura on the same pages.

    python bench/ingest_corpus.py [--repeat 5] [--corpus examples/corpus]

Prints the machine, then the median of ``--repeat`` runs of each: newsgraph's whole
ingest (read + extract + furniture + store into a fresh SQLite file) and
``trafilatura.bare_extraction`` alone over the same pages' HTML (read from memory).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

import trafilatura

from newsgraph.graph import Newsgraph
from newsgraph.model import RawPage
from newsgraph.options import Options
from newsgraph.readers import read_paths


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def time_ingest(corpus: Path) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        options = Options.from_env(environ={}, db_url=f"sqlite:///{tmp}/bench.db")
        with Newsgraph(options=options) as graph:
            started = time.perf_counter()
            report = graph.ingest(corpus)
            seconds = time.perf_counter() - started
            words = sum(len(d["text"].split()) for d in graph.store.iter_rows("documents"))
    return seconds, report.pages, words


def time_bare_trafilatura(pages: list[RawPage]) -> float:
    started = time.perf_counter()
    for page in pages:
        trafilatura.bare_extraction(page.html, with_metadata=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=Path("examples/corpus"))
    args = parser.parse_args()
    html_pages = [
        p for p in read_paths([args.corpus], options=Options()) if isinstance(p, RawPage) and p.html
    ]
    ingest_runs = [time_ingest(args.corpus) for _ in range(args.repeat)]
    bare_runs = [time_bare_trafilatura(html_pages) for _ in range(args.repeat)]
    seconds = statistics.median(run[0] for run in ingest_runs)
    pages, words = ingest_runs[0][1], ingest_runs[0][2]
    bare = statistics.median(bare_runs)
    ingest_rate, bare_rate = pages / seconds, len(html_pages) / bare
    print(f"machine: {machine()}")
    print(f"corpus: {args.corpus} ({pages} articles stored, {len(html_pages)} with HTML)")
    print(f"newsgraph ingest:   {ingest_rate:7.1f} articles/s  {words / seconds:9.0f} words/s")
    print(f"bare trafilatura:   {bare_rate:7.1f} articles/s  (extraction only, HTML pages only)")
    print(f"ratio ingest/bare:  {ingest_rate / bare_rate:7.2f}")


if __name__ == "__main__":
    main()
