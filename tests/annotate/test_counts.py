"""The ``newsgraph_counts`` component on real parses: original news sentences for every
count construction and for numbers that are not counts, the sample corpus, and its cost.

Every sentence here was written for these tests; the corpus articles are the project's
own fiction, read from examples/ at test time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.counts import (
    WORDS_FILE,
    CountWords,
    load_count_words,
    number_phrases,
)
from newsgraph.annotate.types import Count, register_extensions
from newsgraph.errors import ConfigError
from newsgraph.nlp import load_model, make_doc

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"
DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data"

Found = tuple[str, int, str | None, str | None]


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_counts")
    return pipeline


def annotate(nlp: Language, text: str) -> Doc:
    return nlp(make_doc(nlp, text, published="2025-03-04"))


def found(nlp: Language, text: str) -> list[Found]:
    return [(c.kind, c.number, c.qualifier, c.object) for c in annotate(nlp, text)._.counts]


def article_text(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}-*.json")
    return "\n\n".join(json.loads(path.read_text(encoding="utf-8"))["paragraphs"])


# --- constructions --------------------------------------------------------------------

COUNTS: list[tuple[str, list[Found]]] = [
    # a verb and its object, with an inclusion
    (
        "Militiamen killed at least 38 villagers, including nine children, in a dawn raid.",
        [("KILL", 38, "at least", "villagers"), ("KILL", 9, None, "children")],
    ),
    (
        "Kidnappers freed four hostages near the border on Sunday.",
        [("RELEASE", 4, None, "hostages")],
    ),
    (
        "Police in the capital detained dozens of students after the rally.",
        [("ARREST", 24, "dozens", "students")],
    ),
    (
        "The flooding has displaced more than 30,000 people across the delta.",
        [("DISPLACED", 30000, "more than", "people")],
    ),
    # passives, and subjects of intransitive verbs
    (
        "More than 30,000 people were displaced by the fighting last month.",
        [("DISPLACED", 30000, "more than", "people")],
    ),
    (
        "At least 52 people, including 11 children, died when the ferry sank.",
        [("KILL", 52, "at least", "people"), ("KILL", 11, None, "children")],
    ),
    (
        "Some 80 migrants drowned when their dinghy capsized off the coast.",
        [("KILL", 80, "some", "migrants")],
    ),
    (
        "Nearly 4,000 residents have fled their homes since the dam burst.",
        [("DISPLACED", 4000, "nearly", "residents")],
    ),
    # participles with no object, and a misparse of "and 14 wounded"
    (
        "At least three soldiers were killed and nine civilians wounded in the shelling.",
        [("KILL", 3, "at least", "soldiers"), ("WOUND", 9, None, "civilians")],
    ),
    (
        "Five people were killed, including a police officer, and 14 wounded, medics said.",
        [("KILL", 5, None, "people"), ("WOUND", 14, None, None)],
    ),
    ("Dozens detained as students rally against tuition rise", [("ARREST", 24, "dozens", None)]),
    # protests: a counted noun, or a verb of gathering
    (
        "Some 2,000 protesters gathered in the main square to demand the mayor's resignation.",
        [("PROTEST", 2000, "some", "protesters")],
    ),
    (
        "Riot police fired tear gas at about 500 demonstrators near the ministry.",
        [("PROTEST", 500, "about", "demonstrators")],
    ),
    (
        "Thousands marched through the old town on Saturday against the pension reform.",
        [("PROTEST", 2000, "thousands", None)],
    ),
    # death tolls and lives
    ("The death toll from the mudslide rose to 61 on Thursday.", [("KILL", 61, None, None)]),
    ("Death toll from coastal cyclone passes 140", [("KILL", 140, None, None)]),
    ("Health officials put the death toll at 38.", [("KILL", 38, None, None)]),
    (
        "The heatwave has claimed at least 40 lives in the province.",
        [("KILL", 40, "at least", "lives")],
    ),
    (
        "The quake's death toll rose to at least 212, including 48 children.",
        [("KILL", 212, "at least", None), ("KILL", 48, None, "children")],
    ),
    # state words
    (
        "Months after the riots left 13 people dead, the curfew was lifted.",
        [("KILL", 13, None, "people")],
    ),
    (
        "More than 20 fishermen are still missing after the storm.",
        [("MISSING", 20, "more than", "fishermen")],
    ),
    (
        "Aid workers handed out blankets to about 18,000 displaced people.",
        [("DISPLACED", 18000, "about", "people")],
    ),
    (
        "The cyclone left 5,000 families homeless along the coast.",
        [("DISPLACED", 5000, None, "families")],
    ),
    (
        "Forty pupils fell ill after a meal at the school canteen.",
        [("SICKENED", 40, None, "pupils")],
    ),
    ("Three reporters remain under arrest in the capital.", [("ARREST", 3, None, "reporters")]),
    # displacement written around the verb
    (
        "The attack forced thousands of families to flee into the hills.",
        [("DISPLACED", 2000, "thousands", "families")],
    ),
    (
        "The drought has forced more than 12 million from their homes.",
        [("DISPLACED", 12000000, "more than", None)],
    ),
    # clauses on the counted noun
    (
        "The 45 people killed in the attack were buried on Sunday.",
        [("KILL", 45, None, "people")],
    ),
    (
        "The agency said 2,500 people who fled the fighting had reached the camp.",
        [("DISPLACED", 2500, None, "people")],
    ),
    # the other count types
    (
        "Gunmen abducted twenty-three students from a boarding school on Tuesday.",
        [("KIDNAP", 23, None, "students")],
    ),
    (
        "The rebels are holding as many as 30 hostages in the forest.",
        [("KIDNAP", 30, "as many as", "hostages")],
    ),
    (
        "Customs officers seized 14 shipping containers at the port.",
        [("SEIZE", 14, None, "shipping containers")],
    ),
    (
        "Authorities evacuated 3,500 residents from the coastal town.",
        [("EVACUATE", 3500, None, "residents")],
    ),
    (
        "About 1,200 residents were evacuated as the wildfire spread.",
        [("EVACUATE", 1200, "about", "residents")],
    ),
    (
        "The floods affected an estimated 1.2 million people across the region.",
        [("AFFECT", 1200000, "an estimated", "people")],
    ),
    (
        "The contaminated well has sickened 150 people in the district.",
        [("SICKENED", 150, None, "people")],
    ),
    (
        "Navy divers rescued a dozen fishermen whose trawler had sunk.",
        [("RESCUE", 12, None, "fishermen")],
    ),
    (
        "Officials said fewer than 10 people had been hurt in the blast.",
        [("WOUND", 10, "fewer than", "people")],
    ),
    ("Police made 120 arrests during the night of rioting.", [("ARREST", 120, None, None)]),
    (
        "Police arrested two hundred and fifty fans after the match.",
        [("ARREST", 250, None, "fans")],
    ),
    (
        "Up to 5,000 refugees crossed the border in a single day.",
        [("DISPLACED", 5000, "up to", "refugees")],
    ),
    (
        "Hundreds of protesters were detained by riot police overnight.",
        [("ARREST", 200, "hundreds", "protesters")],
    ),
    (
        "Scores of people were injured when the stand collapsed.",
        [("WOUND", 40, "scores", "people")],
    ),
    (
        "The conflict has killed tens of thousands of people since 2019.",
        [("KILL", 20000, "tens of thousands", "people")],
    ),
    (
        "At its peak the war displaced about a million people.",
        [("DISPLACED", 1000000, "about", "people")],
    ),
    (
        "The bombing killed 4 soldiers and 2 civilians on the bridge.",
        [("KILL", 4, None, "soldiers"), ("KILL", 2, None, "civilians")],
    ),
    (
        "Rebels freed 12 of the hostages on Monday.",
        [("RELEASE", 12, None, "hostages")],
    ),
    (
        "Nine police officers were wounded in the clashes.",
        [("WOUND", 9, None, "police officers")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t[:40] for t, _ in COUNTS])
def test_counts_found(nlp: Language, text: str, expected: list[Found]) -> None:
    assert found(nlp, text) == expected


NOT_COUNTS = [
    "No one was killed in the explosion, police said.",
    "The attack did not kill 30 people, as first reported.",
    "The two sides agreed to meet again in March.",
    "The council voted 12 to 3 in favour of the resolution.",
    "The resolution passed by 13 votes to two.",
    "Amina Diallo, 41, said she had fled the village with her three children.",
    "A 41-year-old protester was arrested on Friday.",
    "Prices rose 12 percent and 40 shops closed.",
    "Rebels seized 12 percent of the province in a week.",
    "The company was fined $2 million for polluting the river.",
    "The ceasefire was signed in 2019 after 12 days of talks.",
    "Protesters gathered for the third day on 14 March.",
    "The army carried out at least 30 air strikes and sent 200 troops.",
    "At least 9,000 homes were destroyed or badly damaged.",
    "Some twenty civil society groups held a joint news conference.",
    "Troops killed time at the checkpoint for 6 hours.",
]


@pytest.mark.parametrize("text", NOT_COUNTS, ids=[t[:40] for t in NOT_COUNTS])
def test_numbers_that_are_not_counts(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_count_span_covers_qualifier_number_and_object(nlp: Language) -> None:
    doc = annotate(nlp, "Gunmen killed at least 45 civilians, including 12 children, at a market.")
    spans = [doc[c.start : c.end].text for c in doc._.counts]
    assert spans == ["at least 45 civilians", "12 children"]
    doc = annotate(nlp, "Police detained dozens of people outside the court.")
    assert [doc[c.start : c.end].text for c in doc._.counts] == ["dozens of people"]


def test_counts_are_values_of_the_shared_type(nlp: Language) -> None:
    doc = annotate(nlp, "Kidnappers freed four hostages near the border.")
    assert doc._.counts == [Count("RELEASE", 4, None, "hostages", 2, 4)]


def test_document_without_numbers_gets_an_empty_list(nlp: Language) -> None:
    assert annotate(nlp, "The minister resigned on Friday.")._.counts == []
    assert annotate(nlp, "")._.counts == []


# --- reading numbers (tokens only) ----------------------------------------------------

NUMBERS = [
    ("twenty-three", 23, None),
    ("two hundred and fifty", 250, None),
    ("1.2 million", 1200000, None),
    ("30,000", 30000, None),
    ("a dozen", 12, None),
    ("two dozen", 24, None),
    ("a million", 1000000, None),
    ("dozens", 24, "dozens"),
    ("hundreds", 200, "hundreds"),
    ("thousands", 2000, "thousands"),
    ("tens of thousands", 20000, "tens of thousands"),
    ("hundreds of thousands", 200000, "hundreds of thousands"),
]


@pytest.mark.parametrize(("written", "value", "vague"), NUMBERS)
def test_number_phrases_read_digits_words_and_vague_quantities(
    nlp: Language, written: str, value: int, vague: str | None
) -> None:
    doc = nlp.make_doc(f"Officials said {written} people were affected.")
    (phrase,) = number_phrases(doc)
    assert (doc[phrase.start : phrase.end].text, phrase.value, phrase.vague) == (
        written,
        value,
        vague,
    )


def test_scores_alone_is_not_a_number(nlp: Language) -> None:
    assert number_phrases(nlp.make_doc("The team scores often, but scores of fans left.")) != []
    doc = nlp.make_doc("The striker scores often.")
    assert number_phrases(doc) == []


# --- the vocabulary -------------------------------------------------------------------


def test_vocabulary_lists_every_count_type_and_marks_gkgs_seven() -> None:
    rows = [json.loads(line) for line in (DATA / WORDS_FILE).read_text().splitlines() if line]
    kinds = {row["kind"] for row in rows}
    assert kinds == {
        "KILL",
        "WOUND",
        "ARREST",
        "KIDNAP",
        "RELEASE",
        "DISPLACED",
        "EVACUATE",
        "PROTEST",
        "SEIZE",
        "AFFECT",
        "SICKENED",
        "MISSING",
        "RESCUE",
    }
    gkg = {row["kind"] for row in rows if row["gkg"]}
    assert gkg == {"AFFECT", "ARREST", "KIDNAP", "KILL", "PROTEST", "SEIZE", "WOUND"}
    words = load_count_words()
    assert isinstance(words, CountWords)
    assert words.object_verbs["kill"] == "KILL" and words.subject_verbs["flee"] == "DISPLACED"
    assert words.people_nouns["protester"] == "PROTEST" and words.states["missing"] == "MISSING"


def test_unknown_vocabulary_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="count_words.v1.jsonl"):
        load_count_words("count_words.v9.jsonl")


def test_component_declares_what_it_needs(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["newsgraph_counts"] == []
    assert "doc._.counts" in analysis["summary"]["newsgraph_counts"]["assigns"]


# --- the sample corpus ----------------------------------------------------------------


def corpus_counts(nlp: Language, prefix: str) -> set[Found]:
    return {
        (c.kind, c.number, c.qualifier, c.object)
        for c in annotate(nlp, article_text(prefix))._.counts
    }


def test_corpus_massacre_article(nlp: Language) -> None:
    counts = corpus_counts(nlp, "23")
    assert {
        ("KILL", 45, "at least", "civilians"),
        ("KILL", 12, None, "children"),
        ("DISPLACED", 30000, "more than", "people"),
        ("RELEASE", 4, None, "hostages"),
    } <= counts


def test_corpus_shipwreck_article(nlp: Language) -> None:
    counts = corpus_counts(nlp, "30")
    assert {
        ("KILL", 61, "at least", "people"),
        ("KILL", 14, None, "children"),
        ("RESCUE", 38, None, "survivors"),
        ("MISSING", 20, "more than", "people"),
        ("ARREST", 2, None, "smugglers"),
    } <= counts


@pytest.mark.parametrize("prefix", ["10", "32"])
def test_corpus_protest_articles(nlp: Language, prefix: str) -> None:
    counts = corpus_counts(nlp, prefix)
    assert ("PROTEST", 2000, "some", "protesters") in counts
    assert ("ARREST", 24, "dozens", "people") in counts


def test_corpus_counts_nothing_in_a_trade_story(nlp: Language) -> None:
    """Tariff percentages, money and dates are not counts."""
    assert corpus_counts(nlp, "27") == set()
