"""The events stage of ``newsgraph eval``: the sets and scoring rules of
:mod:`newsgraph.evaluate.events`, newsgraph beside a baseline, with a confusion by root.

Baseline. None of the gold sets ships another system's output (the PETRARCH2 gold was
*derived* from PETR-2 output and reviewed, so it is not a separate prediction), so the
baseline is a petrarch-style verb-only lookup: every verb of the ``VERB PATTERNS``
section of petrarch2's ``CAMEO.2.0.txt`` (``../shared/benchmarks/petrarch2-dictionaries``)
with its own code or its block's default code, patterns ignored. Per sentence the
baseline codes one event: the dictionary verb highest in the parse (a statement, 01,
only when no other verb is found), read off the same spaCy docs as newsgraph. It has no
actors, so source and target agreement are newsgraph's only.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from rich.table import Table
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.evaluate import events as ev
from newsgraph.evaluate.report import Miss, StageResult

CAMEO_VERBS = "petrarch2-dictionaries/CAMEO.2.0.txt"
BASELINE = (
    "petrarch-style verb-only lookup in petrarch2's CAMEO.2.0.txt (one event per "
    "sentence: the dictionary verb highest in the parse); no gold set ships another "
    "system's output"
)

_BLOCK = re.compile(r"^---\s+\S+\s+\[([^\]]*)\]\s+---")
_VERB_LINE = re.compile(r"^([A-Z][A-Z'-]*)(?:\s|$)")
_CODE = re.compile(r"\[(\d{3,4})(?::\d{3,4})?\]")  # "[042:043]": the source's code first


# -- the baseline ------------------------------------------------------------------------


def parse_cameo_verbs(text: str) -> dict[str, str]:
    """Lower-cased verb -> CAMEO code from the ``VERB PATTERNS`` section: a verb line's
    own ``[code]``, else its block's default; multi-word entries (``A_B``) and verbs
    with no code (``[---]``) are left out."""
    verbs: dict[str, str] = {}
    inside = False
    block: str | None = None
    for line in text.splitlines():
        if line.startswith("#######"):
            inside = "VERB PATTERNS" in line
            continue
        header = _BLOCK.match(line)
        if not inside or header:
            code = _CODE.match(f"[{header.group(1)}]") if header else None
            block = code.group(1) if code else None
            continue
        verb = _VERB_LINE.match(line)
        if verb is None:
            continue
        own = _CODE.search(line.split("#", 1)[0])
        code = own.group(1) if own else block
        if code:
            verbs.setdefault(verb.group(1).lower(), code)
    return verbs


@cache
def cameo_verbs(path: Path) -> dict[str, str]:
    return parse_cameo_verbs(path.read_text("utf-8", errors="replace"))


def baseline_code(doc: Doc, verbs: dict[str, str]) -> str | None:
    """The code of the dictionary verb highest in the parse; 01 only as a last resort."""
    found = [
        (verbs[t.lemma_.lower()], ev.depth(t), t.i)
        for t in doc
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs
    ]
    if not found:
        return None
    others = [f for f in found if not f[0].startswith("01")] or found
    return min(others, key=lambda f: (f[1], f[2]))[0]


# -- confusion ---------------------------------------------------------------------------

NONE = "none"


def confusion(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, Counter]:
    """gold label -> Counter of predicted labels, per sentence: shared labels pair with
    themselves, the rest pair in order, and what is left pairs with "none"."""
    table: dict[str, Counter] = {}
    for want, got in zip(gold, predicted, strict=True):
        left_want, left_got = Counter(want), Counter(got)
        shared = left_want & left_got
        for label, n in shared.items():
            table.setdefault(label, Counter())[label] += n
        rest_want = sorted((left_want - shared).elements())
        rest_got = sorted((left_got - shared).elements())
        for i in range(max(len(rest_want), len(rest_got))):
            g = rest_want[i] if i < len(rest_want) else NONE
            p = rest_got[i] if i < len(rest_got) else NONE
            table.setdefault(g, Counter())[p] += 1
    return table


def confusion_table(title: str, table: dict[str, Counter]) -> Table:
    """One row per gold label: how often it was found, and what it was taken for."""
    out = Table(title=title, title_justify="left")
    for name, justify in (("gold", "left"), ("n", "right"), ("right", "right")):
        out.add_column(name, justify=justify)
    out.add_column("predicted instead (most often first)")
    for label in sorted(table, key=lambda k: (k == NONE, k)):
        row = table[label]
        wrong = ", ".join(f"{p} x{n}" for p, n in row.most_common() if p != label)
        out.add_row(label, str(sum(row.values())), str(row[label]), wrong)
    return out


def _json(table: dict[str, Counter]) -> dict[str, dict[str, int]]:
    return {g: dict(sorted(row.items())) for g, row in sorted(table.items())}


# -- the sets ----------------------------------------------------------------------------


def _petrarch(result: StageResult, nlp: Language, root: Path, limit: int | None, verbs) -> None:
    records = ev.load_petrarch(root / ev.PETRARCH, limit)
    docs = ev.annotate(nlp, ev.petrarch_texts(records))
    gold = ev.petrarch_gold(records)
    ours = [[e.root for e in ev.facts(doc)] for doc in docs]
    theirs = [[c[:2]] if (c := baseline_code(doc, verbs)) else [] for doc in docs]
    mine, other = ev.score_multisets(gold, ours), ev.score_multisets(gold, theirs)
    result.notes.append(f"PETRARCH2: {len(records)} sentences, {sum(map(len, gold))} events")
    result.add_prf("petrarch.root", "PETRARCH2 root", ev.micro(mine), ev.micro(other))
    for role in ("source", "target"):
        result.add(
            f"petrarch.{role}_agreement",
            f"PETRARCH2 root + {role} agreement",
            ev.actor_agreement(records, docs, role),
        )
    table = confusion(gold, ours)
    result.tables.append(confusion_table("events: PETRARCH2 roots, newsgraph confusion", table))
    result.extra["confusion_petrarch_roots"] = _json(table)
    for record, want, got, doc in zip(records, gold, ours, docs, strict=True):
        found = {"roots": got, "patterns": [e.pattern for e in ev.facts(doc)]}
        for label in (Counter(want) - Counter(got)).elements():
            result.misses.append(
                Miss("petrarch", record["id"], record["text"], label, found, "miss")
            )
        for label in (Counter(got) - Counter(want)).elements():
            result.misses.append(
                Miss("petrarch", record["id"], record["text"], want, label, "false_alarm")
            )


def _plover_source(record: dict, doc: Doc) -> bool:
    codes = {a.get("code", "")[:3] for a in record.get("source") or () if a.get("code")}
    return any(
        ev.plover_category(e.cameo) == record["event"] and ev.actor_code(doc, e.source)[:3] in codes
        for e in ev.facts(doc)
    )


def _plover(result: StageResult, nlp: Language, root: Path, limit: int | None, verbs) -> None:
    records = ev.load_plover_records(root / ev.PLOVER_FILE, limit)
    pairs = [(r["text"], r["event"]) for r in records]
    docs = ev.annotate(nlp, [(text, None) for text, _ in pairs])
    ours = [ev.plover_predicted(doc) for doc in docs]
    theirs = [
        {c} if (code := baseline_code(doc, verbs)) and (c := ev.plover_category(code)) else set()
        for doc in docs
    ]
    mine, _ = ev.score_plover(pairs, ours)
    other, _ = ev.score_plover(pairs, theirs)
    result.notes.append(f"PLOVER: {len(pairs)} sentences")
    result.add_prf("plover", "PLOVER category", ev.micro(mine), ev.micro(other))
    with_source = [(r, d) for r, d in zip(records, docs, strict=True) if r.get("source")]
    if with_source:
        agreed = sum(_plover_source(r, d) for r, d in with_source) / len(with_source)
        result.add("plover.source_agreement", "PLOVER category + source agreement", agreed)
    for record, found in zip(records, ours, strict=True):
        if record["event"] not in found:
            result.misses.append(
                Miss("plover", record["id"], record["text"], record["event"], sorted(found), "miss")
            )
        for label in sorted(found - {record["event"]}):
            result.misses.append(
                Miss("plover", record["id"], record["text"], record["event"], label, "false_alarm")
            )


def _conflibert(
    result: StageResult, nlp: Language, path: Path, name: str, limit: int | None, verbs
) -> None:
    records = ev.load_conflibert(path, limit)
    docs = ev.annotate(nlp, [(text, None) for text, _ in records])
    ours = [ev.conflibert_predicted(doc) for doc in docs]
    theirs = [ev.penta_class(c[:2]) if (c := baseline_code(doc, verbs)) else None for doc in docs]
    mine, covered, errors = ev.score_conflibert(records, ours)
    other, covered_other, _ = ev.score_conflibert(records, theirs)
    result.notes.append(f"ConfliBERT {name}: {len(records)} sentences")
    label = f"ConfliBERT {name}"

    def accuracy(table: dict[str, ev.PRF]) -> float:
        return ev.micro(table).tp / len(records) if records else 0.0

    result.add(f"conflibert_{name}.accuracy", f"{label} accuracy", accuracy(mine), accuracy(other))
    result.add(
        f"conflibert_{name}.macro_f1", f"{label} macro F1", ev.macro_f1(mine), ev.macro_f1(other)
    )
    result.add(f"conflibert_{name}.coverage", f"{label} with an event", covered, covered_other)
    table = confusion([[g] for _, g in records], [[p or NONE] for p in ours])
    result.extra[f"confusion_conflibert_{name}"] = _json(table)
    if name == "test":
        result.tables.append(
            confusion_table("events: ConfliBERT test classes, newsgraph confusion", table)
        )
    for index, (text, gold, guess) in enumerate(errors):
        result.misses.append(Miss(f"conflibert_{name}", str(index), text, gold, guess, "miss"))


def run_events(nlp: Language, root: Path, limits: dict[str, int | None]) -> StageResult:
    """The events stage over the first ``limits[set]`` sentences of each set."""
    result = StageResult("events", "CAMEO event coding (fact events only)", BASELINE)
    verbs = cameo_verbs(root / CAMEO_VERBS)
    _petrarch(result, nlp, root, limits.get("petrarch"), verbs)
    _plover(result, nlp, root, limits.get("plover"), verbs)
    for name, path, key in (
        ("test", ev.CONFLIBERT, "conflibert_test"),
        ("train", ev.CONFLIBERT_HELD_OUT, "conflibert_train"),
    ):
        if limits.get(key, None) != 0:
            _conflibert(result, nlp, root / path, name, limits.get(key), verbs)
    result.notes.append(
        "pipeline: every newsgraph annotator (bench/eval_events.py runs only the "
        "components the events need, so its figures may differ slightly)"
    )
    result.notes.append(
        "ConfliBERT classes are read as CAMEO root groups (see newsgraph.evaluate.events); "
        "train was not read while the patterns were written (the fairer estimate)"
    )
    return result
