"""Speakers and addressees of a cue (newsgraph.annotate.attribution).

All text here is written for these tests; the pipeline is the real model plus the
actors, people and places components, whose mentions the speakers resolve to.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
import newsgraph.annotate.people  # noqa: F401  (registers the factory)
import newsgraph.annotate.places  # noqa: F401  (registers the factory)
from newsgraph.annotate.attribution import Mentions, attribute, speaker_head
from newsgraph.annotate.types import register_extensions
from newsgraph.nlp import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    for name in ("newsgraph_actors", "newsgraph_people", "newsgraph_places"):
        pipeline.add_pipe(name)
    return pipeline


def _doc(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-04"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    found = [t for t in doc if t.text == word]
    assert len(found) > nth, f"{word!r} not in {[t.text for t in doc]}"
    return found[nth]


def _speaker(nlp: Language, text: str, cue: str) -> tuple[str | None, str | None]:
    doc = _doc(nlp, text)
    found = attribute(_token(doc, cue), Mentions(doc))
    return (None if found.speaker is None else found.speaker.text), found.actor


# --- speakers ---------------------------------------------------------------------------


def test_subject_of_the_cue(nlp: Language) -> None:
    text = "Amara Okafor, a port official in Lagos, said the cranes were ready."
    assert _speaker(nlp, text, "said") == ("Amara Okafor", "person:amara okafor")


def test_inverted_subject(nlp: Language) -> None:
    text = "“The cranes are ready,” said Amara Okafor, a port official in Lagos."
    assert _speaker(nlp, text, "said") == ("Amara Okafor", "person:amara okafor")


def test_pronoun_linked_by_the_people_component(nlp: Language) -> None:
    text = "Amara Okafor runs the port in Lagos. She said the cranes were ready."
    assert _speaker(nlp, text, "said") == ("She", "person:amara okafor")


def test_description_linked_by_the_people_component(nlp: Language) -> None:
    text = (
        "Peter Langat, a Kenyan economist, studies the border trade. The border closures "
        "are costly, the Kenyan economist said."
    )
    assert _speaker(nlp, text, "said") == ("the Kenyan economist", "person:peter langat")


def test_second_verb_shares_the_subject(nlp: Language) -> None:
    text = "Amara Okafor praised the workers and added that the cranes were ready."
    assert _speaker(nlp, text, "added") == ("Amara Okafor", "person:amara okafor")


def test_relative_pronoun_stands_for_its_noun(nlp: Language) -> None:
    text = "Amara Okafor, who said the cranes were ready, left the port on Monday."
    assert _speaker(nlp, text, "said") == ("Amara Okafor", "person:amara okafor")


def test_passive_cue_takes_its_agent(nlp: Language) -> None:
    text = "Amara Okafor, the harbour master, met the unions. The plan was announced by Okafor."
    assert _speaker(nlp, text, "announced") == ("Okafor", "person:amara okafor")


def test_quoted_as_saying(nlp: Language) -> None:
    text = "Amara Okafor was quoted as saying that the cranes were ready."
    assert _speaker(nlp, text, "saying") == ("Amara Okafor", "person:amara okafor")


def test_it_was_said_has_no_speaker(nlp: Language) -> None:
    doc = _doc(nlp, "It was said that the cranes were ready.")
    assert speaker_head(_token(doc, "said")) is None


def test_anonymous_speaker_keeps_its_phrase_without_relative_clause(nlp: Language) -> None:
    text = "A senior diplomat who asked not to be named said the talks had stalled."
    assert _speaker(nlp, text, "said") == ("A senior diplomat", None)


def test_a_named_apposition_speaks(nlp: Language) -> None:
    text = "The head of the sub-delegation, Tomás Echeverría Ruiz, said the road was open again."
    assert _speaker(nlp, text, "said") == ("Tomás Echeverría Ruiz", "person:tomas echeverria ruiz")


def test_an_organisation_speaks(nlp: Language) -> None:
    text = "The World Food Programme said its trucks could not cross the river."
    assert _speaker(nlp, text, "said") == (
        "The World Food Programme",
        "org:world food programme",
    )


def test_a_spokesman_speaks_for_his_organisation(nlp: Language) -> None:
    text = "Hezbollah buried two fighters. A spokesman for Hezbollah denied the report."
    assert _speaker(nlp, text, "denied") == ("A spokesman for Hezbollah", "org:hezbollah")


def test_the_group_is_the_organisation_named_before(nlp: Language) -> None:
    text = (
        "Al-Shabaab fighters attacked a bus near Elwak on Monday. The group said it had "
        "targeted police officers."
    )
    phrase, actor = _speaker(nlp, text, "said")
    assert phrase == "The group" and actor == "org:al-shabaab"


def test_officials_in_a_capital_speak_for_its_government(nlp: Language) -> None:
    text = (
        "Taiwan scrambled jets on Monday. Officials in Taipei said they could not yet "
        "tell what the drills meant."
    )
    phrase, actor = _speaker(nlp, text, "said")
    assert phrase == "Officials in Taipei"
    assert actor is not None and actor.startswith("country:TWN")


def test_a_demonym_title_speaks_for_the_country(nlp: Language) -> None:
    text = "Serbia closed a crossing. The Serbian president said Serbia would not stand by."
    phrase, actor = _speaker(nlp, text, "said")
    assert phrase == "The Serbian president"
    assert actor is not None and actor.startswith("country:SRB")


def test_an_unlinked_it_is_the_subject_above(nlp: Language) -> None:
    text = "Washington criticised Pristina for what it called unilateral actions."
    phrase, actor = _speaker(nlp, text, "called")
    assert phrase == "Washington" and actor is not None and actor.startswith("country:USA")


# --- addressees -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "addressee", "actor"),
    [
        ("Okafor told Reuters the cranes were ready.", "told", "Reuters", "org:reuters"),
        ("Okafor told reporters that the cranes were ready.", "told", "reporters", None),
        (
            "Speaking to the BBC, Okafor said the cranes were ready.",
            "said",
            "the BBC",
            "org:bbc",
        ),
        (
            "In an interview with Reuters, Okafor said the cranes were ready.",
            "said",
            "Reuters",
            "org:reuters",
        ),
        ("Okafor said to reporters that the cranes were ready.", "said", "reporters", None),
    ],
)
def test_addressees(nlp: Language, text: str, cue: str, addressee: str, actor: str | None) -> None:
    doc = _doc(nlp, text)
    found = attribute(_token(doc, cue), Mentions(doc))
    assert found.addressee is not None and found.addressee.text == addressee
    assert found.addressee_actor == actor
    assert found.cue is not None and found.cue.text == cue


def test_no_addressee(nlp: Language) -> None:
    doc = _doc(nlp, "Okafor said the cranes were ready.")
    found = attribute(_token(doc, "said"), Mentions(doc))
    assert found.addressee is None and found.addressee_actor is None
