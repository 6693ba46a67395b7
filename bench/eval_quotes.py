"""Quote extraction measured on gold, newsgraph beside textacy in the same run:

1. PolNeAR (``<benchmarks>/polnear``, read at run time, never copied): attribution
   relations in US political news, direct (content between quotation marks) and
   indirect; the first annotator of each article.
2. The sample corpus gold (``tests/data/quotes_expected.jsonl`` over
   ``examples/corpus_src/articles``): direct, partial and indirect quotes.

Both systems read the same spaCy docs: the pipeline runs once and textacy's
``direct_quotations`` reads the model's parse of each doc. Scoring rules:
``newsgraph.evaluate.quotes`` (a match shares >= 80% of the longer span's characters,
marks and whitespace aside). On PolNeAR, newsgraph's partial quotes count as indirect
(PolNeAR marks a partly quoted clause as one indirect content).

    python bench/eval_quotes.py [--split dev|train] [--limit N] [--benchmarks ../shared/benchmarks]
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections import Counter
from pathlib import Path

import spacy
import textacy

from newsgraph.evaluate.polnear import load_split
from newsgraph.evaluate.quote_stage import run
from newsgraph.evaluate.quotes import (
    PRF,
    Quote,
    load_corpus_gold,
    quote_pipeline,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS_GOLD = ROOT / "tests" / "data" / "quotes_expected.jsonl"
CORPUS_ARTICLES = ROOT / "examples" / "corpus_src" / "articles"

Docs = list[list[Quote]]


def _row(name: str, ours: float | None, theirs: float | None) -> str:
    def cell(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    diff = "n/a" if ours is None or theirs is None else f"{ours - theirs:+.3f}"
    return f"| {name:<46} | {cell(ours):>9} | {cell(theirs):>7} | {diff:>10} |"


def _prf_rows(name: str, ours: PRF, theirs: PRF | None) -> list[str]:
    return [
        _row(f"{name} {label}", getattr(ours, attr), getattr(theirs, attr) if theirs else None)
        for label, attr in (("P", "precision"), ("R", "recall"), ("F1", "f1"))
    ]


def table(
    title: str,
    gold: Docs,
    ours: Docs,
    theirs: Docs,
    *,
    indirect: frozenset[str],
    by_name: Docs | None = None,
) -> list[str]:
    """The comparison as a markdown table; textacy finds direct quotes only. ``by_name``
    (the corpus) is the same gold judged by speaker name alone, the gate's rule; with
    it come the partial quotes and all marked quotes (direct + partial), where textacy,
    which cannot tell the two apart, is scored on everything it finds."""
    direct, marked = {"direct"}, {"direct", "partial"}
    mine, other = score(ours, gold, kinds=direct), score(theirs, gold, kinds=direct)
    rows = [
        *_prf_rows("direct span", mine.spans, other.spans),
        *_prf_rows("direct speaker-and-span", mine.speaker_spans, other.speaker_spans),
        *_prf_rows("indirect span", score(ours, gold, kinds=indirect).spans, None),
    ]
    if by_name is not None:
        rows += _prf_rows("partial span", score(ours, gold, kinds={"partial"}).spans, None)
        rows += _prf_rows(
            "marked span (direct + partial)",
            score(ours, gold, kinds=marked).spans,
            score(theirs, gold, kinds=marked).spans,
        )
    rows.append(
        _row("speaker accuracy, matched direct", mine.speaker_accuracy, other.speaker_accuracy)
    )
    if by_name is None:
        rows.append(_row("speaker accuracy, all matched", score(ours, gold).speaker_accuracy, None))
    else:
        rows += [
            _row(
                "speaker by name, matched direct",
                score(ours, by_name, kinds=direct).speaker_accuracy,
                score(theirs, by_name, kinds=direct).speaker_accuracy,
            ),
            _row("speaker by name, all matched", score(ours, by_name).speaker_accuracy, None),
        ]
    counts = Counter(q.kind for doc in gold for q in doc)
    predicted = Counter(q.kind for doc in ours for q in doc)
    return [
        f"### {title}",
        "",
        f"| {'figure':<46} | newsgraph | textacy | difference |",
        f"| {'-' * 46} | --------- | ------- | ---------- |",
        *rows,
        "",
        "gold quotes: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())),
        "newsgraph found: " + ", ".join(f"{n} {k}" for k, n in sorted(predicted.items())),
        f"textacy found: {sum(len(doc) for doc in theirs)} direct",
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = names[0].split(":", 1)[1].strip() if names else cpu
    return (
        f"{platform.platform()}; {cpu}; {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}; spaCy {spacy.__version__}; textacy {textacy.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N PolNeAR articles")
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = parser.parse_args()

    started = time.perf_counter()
    nlp = quote_pipeline()
    print(f"machine: {machine()}")
    print(f"pipeline: {', '.join(nlp.pipe_names)}")

    articles = load_split(args.benchmarks / "polnear", args.split, limit=args.limit)
    ours, theirs, skipped, seconds = run(nlp, [(a.text, None) for a in articles])
    gold = [a.gold_quotes() for a in articles]
    print()
    title = f"PolNeAR {args.split}: {len(articles)} articles (pipeline {seconds:.1f} s)"
    indirect = frozenset({"indirect", "partial"})
    print("\n".join(table(title, gold, ours, theirs, indirect=indirect)))
    print(f"textacy could not read {skipped} paragraphs (unpaired quotation-mark tokens)")

    corpus = load_corpus_gold(CORPUS_GOLD, CORPUS_ARTICLES, mentions=True)
    by_name = [list(a.quotes) for a in load_corpus_gold(CORPUS_GOLD, CORPUS_ARTICLES)]
    ours, theirs, skipped, seconds = run(nlp, [(a.text, a.published) for a in corpus])
    gold = [list(a.quotes) for a in corpus]
    print()
    title = f"newsgraph sample corpus gold: {len(corpus)} articles (pipeline {seconds:.1f} s)"
    indirect = frozenset({"indirect"})
    print("\n".join(table(title, gold, ours, theirs, indirect=indirect, by_name=by_name)))
    print(f"textacy could not read {skipped} paragraphs (unpaired quotation-mark tokens)")
    print(f"\ntotal {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
