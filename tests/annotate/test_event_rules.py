"""newsgraph.annotate.event_rules: clauses, pattern matching, participants, dates and
places, on real parses (the model plus actors, people, dates and places) of sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
import newsgraph.annotate.dates  # noqa: F401
import newsgraph.annotate.people  # noqa: F401
import newsgraph.annotate.places  # noqa: F401
from newsgraph.annotate.event_rules import (
    best_pattern,
    clause,
    date_of,
    document_context,
    group_members,
    noun_pattern,
    participant,
    place_of,
)
from newsgraph.annotate.event_verbs import Pattern, lexicon
from newsgraph.annotate.types import register_extensions
from newsgraph.nlp import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    for name in ("newsgraph_actors", "newsgraph_people", "newsgraph_dates", "newsgraph_places"):
        pipeline.add_pipe(name)
    return pipeline


def _run(nlp: Language, text: str, *, published: str | None = "2025-03-04") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def _texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


# --- clauses ------------------------------------------------------------------------------


def test_active_clause(nlp: Language) -> None:
    doc = _run(nlp, "Egypt and Qatar called on Israel to release the prisoners.")
    found = clause(_word(doc, "called"))
    assert _texts(found.subjects) == ["Egypt", "Qatar"]
    assert _texts(found.prep_objects("on")) == ["Israel"]
    assert _texts(found.complements) == ["release"]
    assert not found.passive


def test_passive_clause_takes_the_agent_as_subject(nlp: Language) -> None:
    doc = _run(nlp, "Protesters were arrested by police in Nairobi.")
    found = clause(_word(doc, "arrested"))
    assert found.passive
    assert _texts(found.subjects) == ["police"]
    assert _texts(found.patients) == ["Protesters"]


def test_prepositions_on_the_object_count_and_dates_do_not(nlp: Language) -> None:
    doc = _run(nlp, "The European Union imposed sanctions on Russia on Monday.")
    found = clause(_word(doc, "imposed"))
    assert _texts(found.patients) == ["sanctions"]
    assert _texts(found.prep_objects("on")) == ["Russia"]


def test_subjects_are_borrowed_by_conjuncts_and_to_clauses(nlp: Language) -> None:
    doc = _run(nlp, "Kenya met Somalia and signed a deal, then sent envoys to explain it.")
    assert _texts(clause(_word(doc, "signed")).subjects) == ["Kenya"]
    assert _texts(clause(_word(doc, "explain")).subjects) != []


def test_object_control_borrows_the_object(nlp: Language) -> None:
    doc = _run(nlp, "The United States urged Israel to release the prisoners.")
    assert _texts(clause(_word(doc, "release")).subjects) == ["Israel"]


def test_noun_clause(nlp: Language) -> None:
    doc = _run(nlp, "China's blockade of the strait angered Taiwan.")
    found = clause(_word(doc, "blockade"))
    assert _texts(found.subjects) == ["China"]
    assert _texts(found.prep_objects("of")) == ["strait"]


def test_adjective_clause(nlp: Language) -> None:
    doc = _run(nlp, "Norway is willing to send troops.")
    found = clause(_word(doc, "willing"))
    assert _texts(found.subjects) == ["Norway"]
    assert _texts(found.complements) == ["send"]


def test_a_split_noun_phrase_counts_once(nlp: Language) -> None:
    doc = _run(nlp, "The militant group al-Shabab is claiming responsibility for the raid.")
    assert len(clause(_word(doc, "claiming")).subjects) == 1


# --- patterns -------------------------------------------------------------------------------


def test_the_most_specific_pattern_wins(nlp: Language) -> None:
    doc = _run(nlp, "The minister released a statement after the militia released two hostages.")
    patterns = lexicon().verbs("release")
    first, second = [t for t in doc if t.lemma_ == "release"]
    assert best_pattern(patterns, clause(first)).code == "010"
    assert best_pattern(patterns, clause(second)).code == "0841"


def test_a_blocking_pattern_wins_over_the_default(nlp: Language) -> None:
    doc = _run(nlp, "The floods killed 40 people.")
    pattern = best_pattern(lexicon().verbs("kill"), clause(_word(doc, "killed")))
    assert pattern.code is None


def test_patterns_check_every_constraint(nlp: Language) -> None:
    doc = _run(nlp, "Gunmen opened fire on the convoy.")
    found = clause(_word(doc, "opened"))
    with_prep = Pattern("open", "193", objects=("fire",), prep="on")
    wrong_prep = Pattern("open", "193", objects=("fire",), prep="at")
    wrong_subject = Pattern("open", "193", subjects=("soldier",))
    assert best_pattern([wrong_prep, wrong_subject, with_prep], found) is with_prep
    assert best_pattern([wrong_prep, wrong_subject], found) is None


def test_objects_match_a_complement_verb(nlp: Language) -> None:
    doc = _run(nlp, "The ministry declined to comment.")
    pattern = best_pattern(lexicon().verbs("decline"), clause(_word(doc, "declined")))
    assert pattern.code == "011"


def test_noun_patterns_read_the_noun_words(nlp: Language) -> None:
    doc = _run(nlp, "An air strike hit the depot during a hunger strike by prisoners.")
    first, second = [t for t in doc if t.text == "strike"]
    assert noun_pattern(lexicon(), first).code == "195"
    assert noun_pattern(lexicon(), second).code == "142"
    effort = _run(nlp, "Qatar launched a mediation effort.")[4]
    assert noun_pattern(lexicon(), effort, compounds=True).code == "045"


# --- participants ----------------------------------------------------------------------------


def test_participants_are_actors_through_modifiers_owners_and_of_phrases(nlp: Language) -> None:
    doc = _run(nlp, "The leaders of Egypt met Kenyan police and Russia's foreign minister.")
    context = document_context(doc)
    leaders = participant(_word(doc, "leaders"), context)
    police = participant(_word(doc, "police"), context)
    minister = participant(_word(doc, "minister"), context)
    assert (leaders.key, leaders.text) == ("country:EGY", "The leaders of Egypt")
    assert police.key == "country:KEN:COP"
    assert minister.key is not None and minister.key.startswith("country:RUS")


def test_a_group_without_an_actor_keeps_its_words(nlp: Language) -> None:
    doc = _run(nlp, "Some twenty opposition groups called for a strike.")
    found = participant(_word(doc, "groups"), document_context(doc))
    assert (found.key, found.text) == (None, "Some twenty opposition groups")


def test_a_demonym_stands_for_its_country_and_is_added_as_an_actor(nlp: Language) -> None:
    doc = _run(nlp, "Israeli shelling hit the camp.")
    found = participant(_word(doc, "Israeli"), document_context(doc))
    assert found.key == "country:ISR"
    assert doc._.actors["country:ISR"].code == "ISR"


def test_a_country_named_as_a_place_is_its_actor(nlp: Language) -> None:
    doc = _run(nlp, "The president visited Kenya.")
    found = participant(_word(doc, "Kenya"), document_context(doc))
    assert found.key == "country:KEN"


def test_a_group_named_by_its_members_is_split(nlp: Language) -> None:
    doc = _run(nlp, "Kenya hosted senior envoys from Somalia and Ethiopia.")
    members = group_members([_word(doc, "envoys")], document_context(doc))
    assert _texts(members) == ["Somalia", "Ethiopia"]


# --- when and where ------------------------------------------------------------------------------


def test_the_date_attached_to_the_trigger_wins(nlp: Language) -> None:
    text = "The coup of July 2023 ended when the juntas met on Thursday."
    doc = _run(nlp, text)
    met = _word(doc, "met")
    assert date_of(met, met.sent, document_context(doc)) == "2025-02-27"


def test_without_a_date_the_publication_date_is_used(nlp: Language) -> None:
    doc = _run(nlp, "The juntas met.", published="2024-11-05")
    met = _word(doc, "met")
    assert date_of(met, met.sent, document_context(doc)) == "2024-11-05"
    undated = _run(nlp, "The juntas met.", published=None)
    met = _word(undated, "met")
    assert date_of(met, met.sent, document_context(undated)) is None


def test_the_place_attached_to_the_trigger_or_its_object(nlp: Language) -> None:
    doc = _run(nlp, "Gunmen attacked a market in Tillaberi, said the mayor of Niamey.")
    place = place_of(clause(_word(doc, "attacked")), document_context(doc))
    assert place is not None and place.startswith("Tillab") and "|NER|" in place


def test_a_place_on_the_subject_is_not_the_event_place(nlp: Language) -> None:
    doc = _run(nlp, "The US commander in Iraq met the president.")
    assert place_of(clause(_word(doc, "met")), document_context(doc)) is None
