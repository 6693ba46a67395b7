"""The events stage's pieces: the petrarch-style verb-lookup baseline (on dictionary text
and sentences written here, parsed by the real model), the root confusion, and the
package scoring that bench/eval_events.py and ``newsgraph eval`` share."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.evaluate.event_stage import baseline_code, confusion, parse_cameo_verbs
from newsgraph.evaluate.events import PRF, macro_f1, micro, penta_class, score_multisets
from newsgraph.nlp import load_model

DICTIONARY = """\
####### SYNONYM SETS #######
&WEAPON
+GUN

####### VERB PATTERNS #######

---  ACCUSE   [112]  ---
ACCUSE
CHARGE  {CHARGES CHARGED }
- * &WEAPON   [190]  # CHARGE

---  BRING   [---]  ---
BRING
ARREST [173]
EXPLAIN_VERBAL

---  VISIT   [042:043]  ---
VISIT

######## TRANSFORMATIONS ##########
SAY [010]
"""


def test_the_dictionary_gives_each_verb_its_own_or_its_blocks_code() -> None:
    assert parse_cameo_verbs(DICTIONARY) == {
        "accuse": "112",
        "charge": "112",
        "arrest": "173",  # its own code in a block without one
        "visit": "042",  # the source's side of a paired code
    }  # "bring" has no code, multi-word entries and later sections are left out


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_the_baseline_codes_the_verb_highest_in_the_parse(nlp) -> None:
    verbs = {"say": "010", "accuse": "112", "arrest": "173"}
    assert baseline_code(nlp("Police arrested two men on Monday."), verbs) == "173"
    # the statement is highest, but 01 is only the last resort
    doc = nlp("The minister said that Ruritania accused its neighbour of spying.")
    assert baseline_code(doc, verbs) == "112"
    assert baseline_code(nlp("The minister said nothing."), verbs) == "010"
    assert baseline_code(nlp("The weather was fine."), verbs) is None


def test_confusion_pairs_shared_labels_then_the_rest_in_order() -> None:
    table = confusion([["04", "19"], ["11"], []], [["19", "01"], [], ["14"]])
    assert table == {
        "19": Counter({"19": 1}),
        "04": Counter({"01": 1}),
        "11": Counter({"none": 1}),
        "none": Counter({"14": 1}),
    }


def test_multisets_score_each_root_per_sentence() -> None:
    table = score_multisets([["04", "04"], ["19"]], [["04"], ["19", "19"]])
    assert table["04"] == PRF(tp=1, fp=0, fn=1)
    assert table["19"] == PRF(tp=1, fp=1, fn=0)
    assert micro(table).f1 == pytest.approx(2 / 3)
    table["12"] = PRF()  # a label that never occurs does not pull the mean down
    assert macro_f1(table) == pytest.approx((2 / 3 + 2 / 3) / 2)


@pytest.mark.parametrize(
    ("root", "penta"), [("01", "0"), ("05", "1"), ("08", "2"), ("16", "3"), ("15", "4")]
)
def test_conflibert_classes_group_cameo_roots(root: str, penta: str) -> None:
    assert penta_class(root) == penta
