"""Annotation overhead: newsgraph's components beside bare spaCy on the same texts.

    python bench/annotate_overhead.py [--docs 300] [--repeat 3]

Texts are the sample corpus's article bodies, cycled to ``--docs`` documents. Both runs
use the same loaded model: first bare ``nlp.pipe`` with the model's own components, then
the newsgraph pipeline (model + actors, people, dates, places) including the conversion
to plain records. Prints the median seconds of each and their ratio (target: <= 1.25).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

from newsgraph.annotate.records import doc_annotations
from newsgraph.nlp import annotator_pipeline, load_model, make_doc

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "corpus_src" / "articles"


def corpus_texts(count: int) -> list[tuple[str, str]]:
    articles = [json.loads(p.read_text("utf-8")) for p in sorted(ARTICLES.glob("*.json"))]
    pairs = [("\n\n".join(a["paragraphs"]), a["published"]) for a in articles]
    return list(islice(cycle(pairs), count))


def time_bare(texts: list[tuple[str, str]]) -> float:
    nlp = load_model()
    started = time.perf_counter()
    for _doc in nlp.pipe((t for t, _ in texts), batch_size=32):
        pass
    return time.perf_counter() - started


def time_newsgraph(texts: list[tuple[str, str]]) -> float:
    nlp = annotator_pipeline()
    started = time.perf_counter()
    docs = (make_doc(nlp, text, published=published) for text, published in texts)
    for doc in nlp.pipe(docs, batch_size=32):
        doc_annotations(doc)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_texts(args.docs)
    words = sum(len(t.split()) for t, _ in texts)
    time_newsgraph(texts[:10])  # warm up: load pipelines and data files once
    bare = statistics.median(time_bare(texts) for _ in range(args.repeat))
    ours = statistics.median(time_newsgraph(texts) for _ in range(args.repeat))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"texts: {len(texts)} article bodies, {words} words")
    print(f"bare nlp.pipe:        {bare:6.2f} s  {words / bare:8.0f} words/s")
    print(f"newsgraph annotators: {ours:6.2f} s  {words / ours:8.0f} words/s")
    print(f"ratio newsgraph/bare: {ours / bare:6.2f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
