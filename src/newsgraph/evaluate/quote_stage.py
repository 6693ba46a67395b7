"""The quotes stage of ``newsgraph eval``: PolNeAR (dev) read by
:mod:`newsgraph.evaluate.polnear`, scored by :mod:`newsgraph.evaluate.quotes`, newsgraph
beside textacy's ``direct_quotations`` on the same spaCy docs (``bench/eval_quotes.py``
prints the same comparison, plus the sample corpus gold and the train split).

On PolNeAR newsgraph's partial quotes count as indirect (PolNeAR marks a partly quoted
clause as one indirect content); textacy finds direct quotes only.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from newsgraph.evaluate.polnear import load_split
from newsgraph.evaluate.quotes import (
    Quote,
    match,
    newsgraph_quotes,
    score,
    speaker_agrees,
    textacy_quotes,
)
from newsgraph.evaluate.report import Miss, StageResult
from newsgraph.nlp import make_doc

Docs = list[list[Quote]]
BASELINE = "textacy.extract.triples.direct_quotations on the same spaCy docs (direct only)"
INDIRECT = frozenset({"indirect", "partial"})


def run(nlp, items: Sequence[tuple[str, str | None]]) -> tuple[Docs, Docs, int, float]:
    """Both systems over (text, published) items: newsgraph's and textacy's quotes per
    doc, the paragraphs textacy could not read, and the pipeline's seconds."""
    ours, theirs, skipped = [], [], 0
    started = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, text, published=published) for text, published in items))
    seconds = time.perf_counter() - started
    for doc in docs:
        ours.append(newsgraph_quotes(doc))
        found, unread = textacy_quotes(doc)
        theirs.append(found)
        skipped += unread
    return ours, theirs, skipped, seconds


def quote_text(text: str, quote: Quote) -> str:
    return " ... ".join(text[start:end] for start, end in quote.fragments)


def _misses(result: StageResult, name: str, text: str, ours: list[Quote], gold: list[Quote]):
    """Unmatched gold (miss), unmatched predictions (false alarm), wrong speakers."""
    for kinds in ({"direct"}, INDIRECT):
        mine = [q for q in ours if q.kind in kinds]
        truth = [q for q in gold if q.kind in kinds]
        pairs = match(mine, truth)
        hit_p, hit_g = {p for p, _ in pairs}, {g for _, g in pairs}
        for g, quote in enumerate(truth):
            if g not in hit_g:
                result.misses.append(
                    Miss(
                        "polnear",
                        name,
                        quote_text(text, quote),
                        {"kind": quote.kind, "speaker": quote.speaker},
                        None,
                        "miss",
                    )
                )
        for p, quote in enumerate(mine):
            if p not in hit_p:
                predicted = {"kind": quote.kind, "speaker": quote.speaker or quote.speaker_text}
                result.misses.append(
                    Miss("polnear", name, quote_text(text, quote), None, predicted, "false_alarm")
                )
        for p, g in pairs:
            if not speaker_agrees(mine[p], truth[g]):
                result.misses.append(
                    Miss(
                        "polnear_speaker",
                        name,
                        quote_text(text, truth[g]),
                        truth[g].speaker,
                        mine[p].speaker or mine[p].speaker_text,
                        "miss",
                    )
                )


def run_quotes(nlp: Language, root: Path, limits: dict[str, int | None]) -> StageResult:
    """The quotes stage over the first ``limits["polnear"]`` PolNeAR dev articles."""
    result = StageResult("quotes", "quotations and their speakers (PolNeAR dev)", BASELINE)
    articles = load_split(root / "polnear", "dev", limit=limits.get("polnear"))
    try:
        ours, theirs, skipped, _ = run(nlp, [(a.text, None) for a in articles])
    except ImportError:  # textacy is a dev dependency
        docs = nlp.pipe(make_doc(nlp, a.text, published=None) for a in articles)
        ours, theirs, skipped = [newsgraph_quotes(d) for d in docs], None, 0
        result.notes.append("textacy is not installed: no baseline")
    gold = [a.gold_quotes() for a in articles]
    direct = {"direct"}
    mine = score(ours, gold, kinds=direct)
    other = score(theirs, gold, kinds=direct) if theirs is not None else None
    result.add_prf("direct_span", "direct span", mine.spans, other and other.spans)
    result.add_prf(
        "direct_speaker_span",
        "direct speaker+span",
        mine.speaker_spans,
        other and other.speaker_spans,
    )
    result.add(
        "direct_speaker_accuracy",
        "direct speaker accuracy, matched",
        mine.speaker_accuracy,
        other and other.speaker_accuracy,
    )
    indirect = score(ours, gold, kinds=INDIRECT)
    result.add_prf("indirect_span", "indirect span", indirect.spans, None)
    result.add_prf("indirect_speaker_span", "indirect speaker+span", indirect.speaker_spans, None)
    result.add(
        "indirect_speaker_accuracy",
        "indirect speaker accuracy, matched",
        indirect.speaker_accuracy,
    )
    if skipped:
        result.notes.append(f"textacy could not read {skipped} paragraphs (unpaired marks)")
    result.notes.append(
        f"{len(articles)} articles; a span matches at >= 80% shared characters (marks "
        "aside); partial quotes count as indirect; the PolNeAR train split: "
        "bench/eval_quotes.py --split train"
    )
    for article, found, truth in zip(articles, ours, gold, strict=True):
        _misses(result, article.name, article.text, found, truth)
    return result
