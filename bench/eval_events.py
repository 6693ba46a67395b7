"""Event coding measured on public gold data (read from ../shared/benchmarks at run time,
never copied). Only events with status "fact" count as predictions.

1. PETRARCH2 ``PETR2_GSR_validation.jsonl``: 78 real news sentences, 80 gold events with
   CAMEO codes. Per sentence the multiset of gold roots against the multiset of
   predicted roots: precision and recall per root and overall (micro). Also the share of
   gold events matched on root *and* source actor (first three letters of the code).
   The gold was derived from PETR-2 output and reviewed (see its SOURCE.md).
2. PLOVER ``PLOVER_GSR_CAMEO.json``: 322 sentences from the CAMEO manual, one PLOVER
   category each. Our CAMEO codes are read as PLOVER 0.5 categories (:data:`PLOVER`,
   newsgraph's reading, checked against the file's examples: 10 is DEMAND, 057 AGREE,
   08 splits into CONCEDE and RETREAT, 19 and 20 are FIGHT; statements and appeals,
   which the file has no examples of, are no category); a sentence's predicted
   categories are those of its events.
3. ConfliBERT ``cameo_class/test.tsv``: 451 sentences, one five-way class of CAMEO
   roots, undocumented upstream. Read from the 257 sentences it shares with the PLOVER
   file: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = 14, 15, 17-20 (every
   SUPPORT sentence is 1, every SANCTION sentence 3). The predicted class is that of
   the sentence's main event: the highest in the parse, a statement (010) only when
   there is nothing else.
4. ConfliBERT ``cameo_class/train.tsv`` (1,349 sentences, none shared with the PLOVER
   file), scored like 3. The three sets above were read for error analysis while the
   patterns were written; this one was not, so it is the fairer estimate.

    python bench/eval_events.py [--benchmarks ../shared/benchmarks] [--errors 20]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.types import Event
from newsgraph.nlp import load_model, make_doc

ROOT = Path(__file__).resolve().parent.parent
PETRARCH = "petrarch-validation/PETR2_GSR_validation.jsonl"
PLOVER_FILE = "plover-gsr-cameo/PLOVER_GSR_CAMEO.json"
CONFLIBERT = "conflibert-cameo/cameo_class/test.tsv"
CONFLIBERT_HELD_OUT = "conflibert-cameo/cameo_class/train.tsv"
COMPONENTS = (
    "newsgraph_actors",
    "newsgraph_people",
    "newsgraph_dates",
    "newsgraph_places",
    "newsgraph_events",
)

# CAMEO code prefix -> PLOVER 0.5 category (longest prefix wins); statements (01) and
# appeals (02) have none: the GSR has no examples of them.
PLOVER = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "057": "AGREE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "084": "RETREAT", "085": "RETREAT",
    "086": "RETREAT", "087": "RETREAT", "09": "INVESTIGATE", "10": "DEMAND",
    "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "FIGHT",
}  # fmt: skip


@dataclass
class PRF:
    """Counts and scores of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pipeline() -> Language:
    """The model plus the annotators the events component needs."""
    from newsgraph.annotate import actors, dates, events, people, places  # noqa: F401

    nlp = load_model()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def annotate(nlp: Language, texts: list[tuple[str, str | None]]) -> list[Doc]:
    docs = (make_doc(nlp, text, published=published) for text, published in texts)
    return list(nlp.pipe(docs, batch_size=32))


def facts(doc: Doc) -> list[Event]:
    return [e for e in doc._.events or () if e.status == "fact"]


def micro(table: dict[str, PRF]) -> PRF:
    total = PRF()
    for prf in table.values():
        total.tp, total.fp, total.fn = total.tp + prf.tp, total.fp + prf.fp, total.fn + prf.fn
    return total


def score_multisets(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, PRF]:
    """Per label: per-sentence multiset overlap of gold and predicted labels."""
    table: dict[str, PRF] = {}
    for want, got in zip(gold, predicted, strict=True):
        want_count, got_count = Counter(want), Counter(got)
        for label in want_count.keys() | got_count.keys():
            prf = table.setdefault(label, PRF())
            hit = min(want_count[label], got_count[label])
            prf.tp += hit
            prf.fn += want_count[label] - hit
            prf.fp += got_count[label] - hit
    return table


# --- 1. PETRARCH2 GSR -------------------------------------------------------------------


def load_petrarch(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def eval_petrarch(nlp: Language, path: Path) -> tuple[dict[str, PRF], float, list]:
    records = load_petrarch(path)
    texts = [(r["text"], _iso(r["date"])) for r in records]
    docs = annotate(nlp, texts)
    gold = [[e["event"][:2] for e in r["events"]] for r in records]
    predicted = [[e.root for e in facts(doc)] for doc in docs]
    matched = total = 0
    for record, doc in zip(records, docs, strict=True):
        for event in record["events"]:
            total += 1
            matched += any(_same_event(event, ours, doc) for ours in facts(doc))
    errors = [
        (r["text"], g, p, [e.pattern for e in facts(d)])
        for r, g, p, d in zip(records, gold, predicted, docs, strict=True)
        if Counter(g) != Counter(p)
    ]
    return score_multisets(gold, predicted), matched / total, errors


def _same_event(gold: dict, ours: Event, doc: Doc) -> bool:
    if ours.root != gold["event"][:2] or ours.source is None:
        return False
    actor = (doc._.actors or {}).get(ours.source)
    code = (actor.code or actor.country or "") if actor else ""
    return bool(gold["source"]) and code[:3] == gold["source"][:3]


def _iso(yyyymmdd: str) -> str | None:
    if len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return None
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


# --- 2. PLOVER GSR ----------------------------------------------------------------------


def plover_category(code: str) -> str | None:
    for size in (3, 2):
        if code[:size] in PLOVER:
            return PLOVER[code[:size]]
    return None


def load_plover(path: Path) -> list[tuple[str, str]]:
    records = json.loads(path.read_text("utf-8"))
    return [(r["text"], r["event"]) for r in records if r.get("event") != "DOCUMENT"]


def eval_plover(nlp: Language, path: Path) -> tuple[dict[str, PRF], list]:
    records = load_plover(path)
    docs = annotate(nlp, [(text, None) for text, _ in records])
    table: dict[str, PRF] = {}
    errors = []
    for (text, gold), doc in zip(records, docs, strict=True):
        predicted = {c for e in facts(doc) if (c := plover_category(e.cameo))}
        table.setdefault(gold, PRF())
        if gold in predicted:
            table[gold].tp += 1
        else:
            table[gold].fn += 1
            errors.append((text, gold, sorted(predicted), [e.pattern for e in facts(doc)]))
        for label in predicted - {gold}:
            table.setdefault(label, PRF()).fp += 1
    return table, errors


# --- 3. ConfliBERT PentaClass -------------------------------------------------------------


def penta_class(root: str) -> str:
    """ConfliBERT's class of a CAMEO root (see the module docstring)."""
    number = int(root)
    if number <= 2:
        return "0"
    if number <= 5:
        return "1"
    if number <= 8:
        return "2"
    return "3" if number <= 13 or number == 16 else "4"


def main_event(doc: Doc) -> Event | None:
    """The fact event highest in the parse; a statement only when nothing else."""
    events = facts(doc)
    if not events:
        return None
    others = [e for e in events if e.cameo != "010"] or events
    return min(others, key=lambda e: (_depth(doc[e.trigger_start]), e.trigger_start))


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def load_conflibert(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        text, _, label = line.rstrip("\r").rpartition("\t")
        if text:
            rows.append((text, label.strip()))
    return rows


def eval_conflibert(nlp: Language, path: Path) -> tuple[dict[str, PRF], float, list]:
    records = load_conflibert(path)
    docs = annotate(nlp, [(text, None) for text, _ in records])
    table: dict[str, PRF] = {label: PRF() for label in "01234"}
    covered = 0
    errors = []
    for (text, gold), doc in zip(records, docs, strict=True):
        event = main_event(doc)
        predicted = penta_class(event.root) if event else None
        covered += predicted is not None
        if predicted == gold:
            table[gold].tp += 1
            continue
        table[gold].fn += 1
        if predicted is not None:
            table[predicted].fp += 1
        errors.append((text, gold, predicted, [e.pattern for e in facts(doc)]))
    return table, covered / len(records), errors


# --- report -------------------------------------------------------------------------------


def print_table(title: str, table: dict[str, PRF]) -> None:
    print(title)
    print(f"  {'label':12} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label in sorted(table):
        _row(label, table[label])
    _row("overall", micro(table))


def _row(label: str, prf: PRF) -> None:
    gold, pred = prf.tp + prf.fn, prf.tp + prf.fp
    print(
        f"  {label:12} {gold:5d} {pred:5d} {prf.tp:5d} "
        f"{prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}"
    )


def print_errors(errors: list, count: int) -> None:
    for error in errors[:count]:
        print("   ", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors each")
    args = parser.parse_args()
    nlp = pipeline()
    petrarch, actors, errors = eval_petrarch(nlp, args.benchmarks / PETRARCH)
    print_table("PETRARCH2 GSR validation: CAMEO roots (78 sentences, fact events)", petrarch)
    print(f"  gold events matched on root and source actor: {actors:.3f}")
    print_errors(errors, args.errors)
    plover, errors = eval_plover(nlp, args.benchmarks / PLOVER_FILE)
    print_table("PLOVER GSR: PLOVER 0.5 categories (322 sentences)", plover)
    print_errors(errors, args.errors)
    penta, covered, errors = eval_conflibert(nlp, args.benchmarks / CONFLIBERT)
    print_table("ConfliBERT cameo_class test: class of the main event (451)", penta)
    print(f"  sentences with an event: {covered:.3f}")
    print_errors(errors, args.errors)
    penta, covered, _ = eval_conflibert(nlp, args.benchmarks / CONFLIBERT_HELD_OUT)
    print_table("ConfliBERT cameo_class train, held out: class of the main event (1349)", penta)
    print(f"  sentences with an event: {covered:.3f}")


if __name__ == "__main__":
    main()
