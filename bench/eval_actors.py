"""Actor recognition measured on public gold data (read from ../shared/benchmarks at run
time, never copied):

1. ConfliBERT ``cameo_ner/test.txt``: source and target actor spans (B/I-S, B/I-T, B/I-R)
   of 451 event sentences. Recall = gold spans overlapped by a newsgraph actor mention;
   precision is a lower bound: mentions overlapping any gold span (the gold marks only
   event participants, so other correct actors count as false alarms).
2. PETRARCH2 ``PETR2_GSR_validation.jsonl``: CAMEO actor codes of 80 gold events.
   Agreement = gold source/target codes whose first three letters (a country, or IGO,
   NGO ...) are the country or code prefix of an actor newsgraph finds in the sentence.

    python bench/eval_actors.py [--benchmarks ../shared/benchmarks]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.nlp import annotator_pipeline, make_doc

ROOT = Path(__file__).resolve().parent.parent


def conll_sentences(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, gold spans as character offsets) per sentence; tokens joined by spaces."""
    sentences, tokens, tags = [], [], []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.strip():
            token, tag = line.rsplit(" ", 1)
            tokens.append(token)
            tags.append(tag)
        elif tokens:
            sentences.append(_with_spans(tokens, tags))
            tokens, tags = [], []
    return sentences


def _with_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, offset, current = [], 0, None
    for token, tag in zip(tokens, tags, strict=True):
        start, end = offset, offset + len(token)
        offset = end + 1
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            if current:
                spans.append(current)
            current = (start, end)
        elif tag.startswith("I-"):
            current = (current[0], end)
        elif current:
            spans.append(current)
            current = None
    if current:
        spans.append(current)
    return " ".join(tokens), spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def eval_conflibert(nlp, path: Path) -> dict[str, float]:
    data = conll_sentences(path)
    found = gold_hit = predicted = predicted_hit = 0
    docs = nlp.pipe(make_doc(nlp, text, published=None) for text, _ in data)
    for (_text, gold), doc in zip(data, docs, strict=True):
        ours = [(s.start_char, s.end_char) for s in doc.spans.get("actors", [])]
        found += len(gold)
        gold_hit += sum(any(overlaps(g, o) for o in ours) for g in gold)
        predicted += len(ours)
        predicted_hit += sum(any(overlaps(o, g) for g in gold) for o in ours)
    return {
        "sentences": len(data),
        "gold_spans": found,
        "recall": gold_hit / found,
        "precision_lower_bound": predicted_hit / predicted if predicted else 0.0,
    }


def eval_petrarch(nlp, path: Path) -> dict[str, float]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    with_events = [r for r in records if r["events"]]
    total = agreed = 0
    docs = nlp.pipe(make_doc(nlp, r["text"], published=None) for r in with_events)
    for record, doc in zip(with_events, docs, strict=True):
        actors = (doc._.actors or {}).values()
        countries = {a.country for a in actors if a.country} | {
            a.code[:3] for a in actors if a.code
        }
        codes = {e[k][:3] for e in record["events"] for k in ("source", "target") if e[k]}
        total += len(codes)
        agreed += len(codes & countries)
    return {
        "sentences": len(with_events),
        "gold_actor_countries": total,
        "agreement": agreed / total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = parser.parse_args()
    nlp = annotator_pipeline()
    conflibert = eval_conflibert(nlp, args.benchmarks / "conflibert-cameo/cameo_ner/test.txt")
    petrarch = eval_petrarch(
        nlp, args.benchmarks / "petrarch-validation/PETR2_GSR_validation.jsonl"
    )
    print("ConfliBERT cameo_ner test (source/target actor spans):")
    print(f"  sentences {conflibert['sentences']}, gold spans {conflibert['gold_spans']}")
    recall, precision = conflibert["recall"], conflibert["precision_lower_bound"]
    print(f"  recall {recall:.3f}, precision (lower bound) {precision:.3f}")
    print("PETRARCH2 GSR validation (actor countries of gold events):")
    sentences, codes = petrarch["sentences"], petrarch["gold_actor_countries"]
    print(f"  sentences {sentences}, gold actor code prefixes {codes}")
    print(f"  agreement {petrarch['agreement']:.3f}")


if __name__ == "__main__":
    main()
