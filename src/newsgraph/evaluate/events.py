"""Event coding measured on public gold data (read from ``../shared/benchmarks`` at run
time, never copied). Only events with status "fact" count as predictions.

1. PETRARCH2 ``PETR2_GSR_validation.jsonl``: 78 real news sentences, 80 gold events with
   CAMEO codes. Per sentence the multiset of gold roots against the multiset of
   predicted roots: precision and recall per root and overall (micro). Also the share of
   gold events matched on root *and* source actor (first three letters of the code),
   and on root and target. The gold was derived from PETR-2 output and reviewed (see its
   SOURCE.md).
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

``bench/eval_events.py`` prints these tables; ``newsgraph eval --stage events`` adds a
baseline (:mod:`newsgraph.evaluate.event_stage`).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate.types import Event
from newsgraph.evaluate.prf import PRF
from newsgraph.nlp import load_model, make_doc

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


def macro_f1(table: dict[str, PRF]) -> float:
    """Mean F1 over the labels that occur (in the gold or the predictions): a subset
    without a class must not score that class 0."""
    seen = [prf for prf in table.values() if prf.tp + prf.fp + prf.fn]
    return sum(prf.f1 for prf in seen) / len(seen) if seen else 0.0


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


def load_petrarch(path: Path, limit: int | None = None) -> list[dict]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines[:limit]]


def petrarch_texts(records: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["text"], _iso(r["date"])) for r in records]


def petrarch_gold(records: list[dict]) -> list[list[str]]:
    return [[e["event"][:2] for e in r["events"]] for r in records]


def eval_petrarch(nlp: Language, path: Path) -> tuple[dict[str, PRF], float, list]:
    records = load_petrarch(path)
    docs = annotate(nlp, petrarch_texts(records))
    gold = petrarch_gold(records)
    predicted = [[e.root for e in facts(doc)] for doc in docs]
    errors = [
        (r["text"], g, p, [e.pattern for e in facts(d)])
        for r, g, p, d in zip(records, gold, predicted, docs, strict=True)
        if Counter(g) != Counter(p)
    ]
    return score_multisets(gold, predicted), actor_agreement(records, docs), errors


def actor_agreement(records: list[dict], docs: list[Doc], role: str = "source") -> float:
    """Share of gold events that one of our fact events matches on root and on the
    ``role`` actor (source or target: the first three letters of the codes)."""
    matched = total = 0
    for record, doc in zip(records, docs, strict=True):
        for event in record["events"]:
            total += 1
            matched += any(_same_event(event, ours, doc, role) for ours in facts(doc))
    return matched / total if total else 0.0


def _same_event(gold: dict, ours: Event, doc: Doc, role: str = "source") -> bool:
    key = getattr(ours, role)
    if ours.root != gold["event"][:2] or key is None:
        return False
    return bool(gold[role]) and actor_code(doc, key)[:3] == gold[role][:3]


def actor_code(doc: Doc, key: str | None) -> str:
    """The CAMEO code (else the country) of the actor ``key`` in ``doc``, or ""."""
    actor = (doc._.actors or {}).get(key) if key else None
    return (actor.code or actor.country or "") if actor else ""


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


def load_plover(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    records = json.loads(path.read_text("utf-8"))
    pairs = [(r["text"], r["event"]) for r in records if r.get("event") != "DOCUMENT"]
    return pairs[:limit]


def load_plover_records(path: Path, limit: int | None = None) -> list[dict]:
    """The PLOVER sentences with their actors (the file header left out)."""
    records = json.loads(path.read_text("utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"][:limit]


def score_plover(
    records: list[tuple[str, str]], predicted: list[set[str]]
) -> tuple[dict[str, PRF], list]:
    """Per category: a hit when the sentence's gold category is among the predicted."""
    table: dict[str, PRF] = {}
    errors = []
    for (text, gold), found in zip(records, predicted, strict=True):
        table.setdefault(gold, PRF())
        if gold in found:
            table[gold].tp += 1
        else:
            table[gold].fn += 1
            errors.append((text, gold, sorted(found)))
        for label in found - {gold}:
            table.setdefault(label, PRF()).fp += 1
    return table, errors


def _patterns(records: list[tuple[str, str]], docs: list[Doc]) -> dict[str, list]:
    """Sentence text -> the patterns of its fact events (for error lines)."""
    return {
        text: [e.pattern for e in facts(doc)] for (text, _), doc in zip(records, docs, strict=True)
    }


def plover_predicted(doc: Doc) -> set[str]:
    return {c for e in facts(doc) if (c := plover_category(e.cameo))}


def eval_plover(nlp: Language, path: Path) -> tuple[dict[str, PRF], list]:
    records = load_plover(path)
    docs = annotate(nlp, [(text, None) for text, _ in records])
    table, missed = score_plover(records, [plover_predicted(doc) for doc in docs])
    patterns = _patterns(records, docs)
    return table, [(*error, patterns[error[0]]) for error in missed]


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
    return min(others, key=lambda e: (depth(doc[e.trigger_start]), e.trigger_start))


def depth(token: Token) -> int:
    """Steps from ``token`` up to its sentence's root."""
    steps = 0
    while token.head.i != token.i and steps < 50:
        token, steps = token.head, steps + 1
    return steps


def load_conflibert(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        text, _, label = line.rstrip("\r").rpartition("\t")
        if text:
            rows.append((text, label.strip()))
    return rows[:limit]


def score_conflibert(
    records: list[tuple[str, str]], predicted: list[str | None]
) -> tuple[dict[str, PRF], float, list]:
    """Per class P/R/F1, the share of sentences with a prediction, and the errors."""
    table: dict[str, PRF] = {label: PRF() for label in "01234"}
    covered = 0
    errors = []
    for (text, gold), guess in zip(records, predicted, strict=True):
        covered += guess is not None
        if guess == gold:
            table[gold].tp += 1
            continue
        table[gold].fn += 1
        if guess is not None:
            table[guess].fp += 1
        errors.append((text, gold, guess))
    return table, covered / len(records) if records else 0.0, errors


def conflibert_predicted(doc: Doc) -> str | None:
    event = main_event(doc)
    return penta_class(event.root) if event else None


def eval_conflibert(nlp: Language, path: Path) -> tuple[dict[str, PRF], float, list]:
    records = load_conflibert(path)
    docs = annotate(nlp, [(text, None) for text, _ in records])
    table, covered, missed = score_conflibert(records, [conflibert_predicted(d) for d in docs])
    patterns = _patterns(records, docs)
    return table, covered, [(*error, patterns[error[0]]) for error in missed]
