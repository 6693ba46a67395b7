"""Event coding measured on public gold data (read from ../shared/benchmarks at run time,
never copied): PETRARCH2 validation, PLOVER GSR and ConfliBERT cameo_class (test, and
train held out). The loaders and scoring rules live in :mod:`newsgraph.evaluate.events`
(its docstring says how each set is read); this script prints the per-label tables.
``newsgraph eval --stage events`` reports the same sets beside a baseline.

    python bench/eval_events.py [--benchmarks ../shared/benchmarks] [--errors 20]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.events import (
    CONFLIBERT,
    CONFLIBERT_HELD_OUT,
    PETRARCH,
    PLOVER_FILE,
    PRF,
    eval_conflibert,
    eval_petrarch,
    eval_plover,
    micro,
    pipeline,
)

ROOT = Path(__file__).resolve().parent.parent


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
