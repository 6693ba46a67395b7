"""Speech cues and the clauses they report: indirect quotes (newsgraph.annotate.reported).

All text here is written for these tests; the pipeline is the real model plus the
actors and people components.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
import newsgraph.annotate.people  # noqa: F401  (registers the factory)
from newsgraph.annotate.reported import lexicon, reported_clauses
from newsgraph.annotate.types import register_extensions
from newsgraph.nlp import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    for name in ("newsgraph_actors", "newsgraph_people"):
        pipeline.add_pipe(name)
    return pipeline


def _doc(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    found = [t for t in doc if t.text == word]
    assert len(found) > nth, f"{word!r} not in {[t.text for t in doc]}"
    return found[nth]


def _clauses(nlp: Language, text: str, cue: str) -> list[str]:
    doc = _doc(nlp, text)
    spans = reported_clauses(_token(doc, cue), lexicon(), taken=bytes(len(doc)))
    return [doc[start:end].text for start, end in spans]


# --- cues ------------------------------------------------------------------------


def test_the_cue_file_is_well_formed() -> None:
    path = resources.files("newsgraph.data").joinpath("cues.v1.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {r["type"] for r in rows} == {"speech", "cognition", "frame", "phrase"}
    assert all(r["lemma"] and r["note"] for r in rows)
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas))
    assert {"say", "tell", "add", "warn", "accuse", "urge", "according to"} <= set(lemmas)


def test_cue_kinds(nlp: Language) -> None:
    doc = _doc(
        nlp,
        "Okafor said the plan had failed. She thinks it will pass. He pointed out that "
        "the port was shut. According to the ministry, 40 ships wait. The said plan "
        "continued.",
    )
    cues = lexicon()
    assert cues.kind(_token(doc, "said")) == "speech"
    assert cues.kind(_token(doc, "thinks")) == "cognition"
    assert cues.kind(_token(doc, "pointed")) == "speech"
    assert cues.kind(_token(doc, "According")) == "phrase"
    assert cues.kind(_token(doc, "said", 1)) is None  # an adjective: "the said plan"
    assert cues.kind(_token(doc, "continued")) == "frame"
    assert cues.kind(_token(doc, "port")) is None


def test_a_noun_tagged_cue_with_a_subject_counts(nlp: Language) -> None:
    doc = _doc(nlp, "Eze doubts that the plan will bring any change to the sector.")
    assert lexicon().kind(_token(doc, "doubts")) == "cognition"


# --- reported clauses -------------------------------------------------------------------


def test_the_clause_after_that(nlp: Language) -> None:
    text = "Okafor said on Tuesday that the new terminal would open in June."
    assert _clauses(nlp, text, "said") == ["the new terminal would open in June"]


def test_the_clause_without_that(nlp: Language) -> None:
    assert _clauses(nlp, "Okafor said the talks had failed.", "said") == ["the talks had failed"]


def test_the_clause_before_a_final_cue(nlp: Language) -> None:
    text = "Shelling of the market killed 23 civilians, the office said."
    assert _clauses(nlp, text, "said") == ["Shelling of the market killed 23 civilians"]


def test_according_to_before_and_after(nlp: Language) -> None:
    text = "According to the ministry, 40 ships are waiting offshore."
    assert _clauses(nlp, text, "According") == ["40 ships are waiting offshore"]
    text = "Forty ships are waiting offshore, according to the ministry."
    assert _clauses(nlp, text, "according") == ["Forty ships are waiting offshore"]


def test_no_clause_for_a_negated_cue_a_question_or_a_demand(nlp: Language) -> None:
    assert _clauses(nlp, "Okafor did not say that the port would close.", "say") == []
    assert _clauses(nlp, "Okafor did not say whether the port would close.", "say") == []
    text = "The unions demanded that the minister resign."
    assert lexicon().kind(_token(_doc(nlp, text), "demanded")) in (None, "frame")
    assert _clauses(nlp, text, "demanded") == []
    assert _clauses(nlp, "The unions urged that the minister be dismissed.", "urged") == []


def test_no_clause_for_a_relative_with_a_gap(nlp: Language) -> None:
    text = "French officials accused Azerbaijan of fuelling the unrest, a charge Baku denies."
    assert _clauses(nlp, text, "denies") == []


def test_a_reporters_second_verb_ends_the_clause(nlp: Language) -> None:
    text = (
        "Warsame said the monitoring cell was a sensible first step but doubted that it would last."
    )
    assert _clauses(nlp, text, "said") == ["the monitoring cell was a sensible first step"]


def test_a_clause_holding_a_marked_quote_keeps_its_free_parts(nlp: Language) -> None:
    text = (
        "The spokesman told reporters that the army had “acted only in self-defence” "
        "and that Kinshasa remained committed to the peace process."
    )
    doc = _doc(nlp, text)
    taken = bytearray(len(doc))
    opening, closing = _token(doc, "“").i, _token(doc, "”").i
    taken[opening : closing + 1] = b"\x01" * (closing + 1 - opening)
    spans = reported_clauses(_token(doc, "told"), lexicon(), taken=bytes(taken))
    assert [doc[s:e].text for s, e in spans] == ["Kinshasa remained committed to the peace process"]


def test_a_cue_inside_its_clause_reports_the_whole_sentence(nlp: Language) -> None:
    text = "To avoid delays, the minister said, the port should open at night."
    assert _clauses(nlp, text, "said") == [text.rstrip(".")]
    # a parenthetical after its clause still reports only the clause before it
    text = "The convoy was placed on alert, the ministry said, though no shots were fired."
    assert _clauses(nlp, text, "said") == ["The convoy was placed on alert"]


def test_a_relative_cue_with_a_full_clause_reports_it(nlp: Language) -> None:
    text = "Critics seized on the interview, in which he said he was sure of victory."
    assert _clauses(nlp, text, "said") == ["he was sure of victory"]


def test_a_semicolon_ends_the_clause_before_a_cue(nlp: Language) -> None:
    text = "It is an unlikely outcome; the team says she will return to work on Monday."
    assert _clauses(nlp, text, "says") == ["she will return to work on Monday"]
