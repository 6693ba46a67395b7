"""Where the time of an ingest goes: CPU seconds of every stage, beside bare spaCy.

    python bench/stage_costs.py [--articles 300] [--repeat 2]

One process, on the generated corpus (``bench/build_corpus_large.py``): read every page,
extract every article, then ``--repeat`` times over the English bodies: bare
``nlp.pipe`` (the model's own components), the same components inside newsgraph's
pipeline, each newsgraph annotator, the conversion to plain records, and the store's
writes into a fresh SQLite file in batches of ``batch_size``. Times are CPU seconds of
this process (``time.process_time``), the median over the repeats (read and extract run
once), so they hold on a shared machine. The last lines give the share of each part of
newsgraph's overhead and the ratio bare / everything: what ``end_to_end.py`` measures
as throughput, without start-up and without the operating system's share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from build_corpus_large import build  # noqa: E402
from end_to_end import machine  # noqa: E402
from spacy.language import Language  # noqa: E402

from newsgraph.annotate.records import doc_annotations  # noqa: E402
from newsgraph.extract.page import extract  # noqa: E402
from newsgraph.model import AnnotatedArticle, Article, RawPage  # noqa: E402
from newsgraph.nlp import annotator_pipeline, load_model, make_doc  # noqa: E402
from newsgraph.options import Options  # noqa: E402
from newsgraph.readers import read_paths  # noqa: E402
from newsgraph.store import Store  # noqa: E402

cpu = time.process_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    options = Options.from_env(environ={})
    corpus = build(args.articles)
    seconds: dict[str, list[float]] = defaultdict(list)

    started = cpu()
    pages = list(read_paths([corpus], options=options))
    seconds["read"].append(cpu() - started)
    started = cpu()
    found = [extract(p, options=options) if isinstance(p, RawPage) else p for p in pages]
    seconds["extract"].append(cpu() - started)
    articles = [a for a in found if isinstance(a, Article) and a.language in (None, "en")]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare, ours = load_model(), annotator_pipeline()
    list(ours.pipe(make_doc(ours, t, published=None) for t in texts[:5]))  # warm up
    for _ in range(args.repeat):
        started = cpu()
        for _doc in bare.pipe(texts, batch_size=options.nlp_batch_size):
            pass
        seconds["bare nlp.pipe"].append(cpu() - started)
        items = _annotate(ours, articles, options, seconds)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(f"sqlite:///{tmp}/stages.db")
            started = cpu()
            for i in range(0, len(items), options.batch_size):
                store.write_batch(items[i : i + options.batch_size])
            seconds["store writes"].append(cpu() - started)
            store.close()

    median = {name: statistics.median(values) for name, values in seconds.items()}
    print(f"machine: {machine()}")
    print(f"corpus: {corpus} ({len(pages)} pages, {len(articles)} English articles, {words} words)")
    print(f"CPU seconds, median of {args.repeat} (read and extract: one run)\n")
    print("| stage | CPU s | ms / article |")
    print("| --- | ---: | ---: |")
    for name, value in median.items():
        print(f"| {name} | {value:.2f} | {1000 * value / len(articles):.1f} |")
    spacy = median["spacy in pipeline"]
    overhead = {k: v for k, v in median.items() if k not in ("bare nlp.pipe", "spacy in pipeline")}
    total = spacy + sum(overhead.values())
    print()
    print(f"newsgraph's own work: {sum(overhead.values()):.2f} s CPU beside {spacy:.2f} s of spaCy")
    for name, value in sorted(overhead.items(), key=lambda kv: -kv[1]):
        print(f"  {name:22s} {100 * value / spacy:5.1f} % of spaCy's time")
    print(f"ratio bare nlp.pipe / whole pipeline (CPU): {median['bare nlp.pipe'] / total:.2f}")


def _annotate(
    nlp: Language, articles: list[Article], options: Options, seconds: dict[str, list[float]]
) -> list[AnnotatedArticle]:
    """Parse and annotate ``articles`` timing each component, then make the records."""
    per_component: dict[str, float] = defaultdict(float)
    docs = [make_doc(nlp, a.text, published=a.published) for a in articles]
    for name, component in nlp.pipeline:
        started = cpu()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=options.nlp_batch_size))
        else:
            docs = [component(doc) for doc in docs]
        key = name.removeprefix("newsgraph_") if name.startswith("newsgraph_") else "spacy"
        per_component[key] += cpu() - started
    seconds["spacy in pipeline"].append(per_component.pop("spacy"))
    for name, value in per_component.items():
        seconds[f"annotator {name}"].append(value)
    started = cpu()
    records = [doc_annotations(doc) for doc in docs]
    seconds["records"].append(cpu() - started)
    return [AnnotatedArticle(a, r) for a, r in zip(articles, records, strict=True)]


if __name__ == "__main__":
    main()
