"""The newsgraph_quotes component: quotations, their kinds and their speakers.

All text here is written for these tests (or read at test time from the project's own
sample corpus of original fiction); the pipeline is the real model plus the actors,
people, dates and places components, with newsgraph_quotes last.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
import newsgraph.annotate.dates  # noqa: F401  (registers the factory)
import newsgraph.annotate.people  # noqa: F401  (registers the factory)
import newsgraph.annotate.places  # noqa: F401  (registers the factory)
import newsgraph.annotate.quotes  # noqa: F401  (registers the factory)
from newsgraph.annotate.quotes import Quotes
from newsgraph.annotate.types import register_extensions
from newsgraph.nlp import COMPONENTS, load_model

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"
PIPELINE = ("newsgraph_actors", "newsgraph_people", "newsgraph_dates", "newsgraph_places")


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    for name in (*PIPELINE, "newsgraph_quotes"):
        pipeline.add_pipe(name)
    return pipeline


def _run(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-04"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _quotes(doc: Doc) -> list[Span]:
    return list(doc.spans["quotes"])


def _rows(doc: Doc) -> list[tuple[str, str, str | None]]:
    """(content, kind, speaker key) of every quote, in text order."""
    return [(q.text, q._.quote_kind, q._.speaker) for q in _quotes(doc)]


def _one(doc: Doc, start: str) -> Span:
    found = [q for q in _quotes(doc) if q.text.startswith(start)]
    assert len(found) == 1, f"{start!r} not once among {[q.text for q in _quotes(doc)]}"
    return found[0]


OKAFOR = "person:amara okafor"


# --- the component in the pipeline ----------------------------------------------------


def test_runs_after_the_annotators_it_reads_and_its_requirements_are_met(nlp: Language) -> None:
    assert nlp.pipe_names[-1] == "newsgraph_quotes"
    assert nlp.analyze_pipes()["problems"]["newsgraph_quotes"] == []
    order = list(COMPONENTS)  # the shared pipeline: after the four it reads
    assert all(order.index(name) < order.index("newsgraph_quotes") for name in PIPELINE)


def test_nlp_pipe_gives_the_same_quotes_as_calling_the_components(nlp: Language) -> None:
    text = "Dr Amara Okafor runs the port. “The cranes are ready,” she said on Monday."
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-04"
    (piped,) = nlp.pipe([doc])
    assert _rows(piped) == _rows(_run(nlp, text)) == [("The cranes are ready", "direct", OKAFOR)]


def test_an_empty_document(nlp: Language) -> None:
    assert _quotes(_run(nlp, "")) == []


# --- 1. direct quotes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Amara Okafor runs the port. “The cranes are ready,” said Okafor.",
        "Amara Okafor runs the port. “The cranes are ready,” Okafor said.",
        "Amara Okafor runs the port. Okafor said: “The cranes are ready.”",
        'Amara Okafor runs the port. "The cranes are ready," Okafor said.',
        "Amara Okafor runs the port. « The cranes are ready, » said Okafor.",
        "Amara Okafor runs the port. „The cranes are ready“, said Okafor.",
    ],
)
def test_direct_quote_with_the_speaker_before_or_after(nlp: Language, text: str) -> None:
    quote = _one(_run(nlp, text), "The cranes are ready")
    assert quote.text.rstrip(".") == "The cranes are ready"
    assert (quote._.quote_kind, quote._.speaker, quote._.speaker_text) == (
        "direct",
        OKAFOR,
        "Okafor",
    )
    assert quote._.cue == "said" and quote._.cue_span.text == "said"


def test_single_quotes_as_primary_marks(nlp: Language) -> None:
    text = "Amara Okafor runs the port. ‘We don’t close at night,’ Okafor’s deputy said."
    doc = _run(nlp, text)
    assert [q.text for q in _quotes(doc)] == ["We don’t close at night"]
    assert _quotes(doc)[0]._.quote_kind == "direct"


def test_multi_sentence_quote_with_ellipsis_and_bracketed_insertion(nlp: Language) -> None:
    text = (
        "Amara Okafor runs the port. “If [the unions] agree … we can start in June. "
        "Nobody wants another strike,” Okafor said."
    )
    quote = _one(_run(nlp, text), "If [the unions]")
    assert quote.text == "If [the unions] agree … we can start in June. Nobody wants another strike"
    assert quote._.speaker == OKAFOR


def test_split_quote_gives_two_quotes_with_one_speaker(nlp: Language) -> None:
    text = (
        "Amara Okafor runs the port. “We are not promising miracles,” she said. "
        "“We are promising a port that works.”"
    )
    first, second = _quotes(_run(nlp, text))
    assert first.text == "We are not promising miracles" and first._.cue == "said"
    assert second.text == "We are promising a port that works."
    assert first._.speaker == second._.speaker == OKAFOR
    assert second._.quote_kind == "direct" and second._.cue is None


def test_quote_split_mid_sentence(nlp: Language) -> None:
    text = "Amara Okafor runs the port. “We will come back,” she said, “and next time with more.”"
    assert _rows(_run(nlp, text)) == [
        ("We will come back", "direct", OKAFOR),
        ("and next time with more.", "direct", OKAFOR),
    ]


def test_quote_over_a_paragraph_break_is_one_span(nlp: Language) -> None:
    text = (
        "Amara Okafor runs the port. “We are not promising miracles,” Okafor said. “What we "
        "promise is that a strike will not close the port.\n\n"
        "“It is a shared problem, and from today it has a shared answer.”\n\n"
        "The unions meet on Friday."
    )
    quote = _one(_run(nlp, text), "What we promise")
    assert quote.text.endswith("“It is a shared problem, and from today it has a shared answer.")
    assert "\n\n" in quote.text and quote._.speaker == OKAFOR


def test_uneven_marks_in_one_paragraph_do_not_stop_the_rest(nlp: Language) -> None:
    text = (
        "The strike began at dawn, and a banner read “no pay, no work at the gate.\n\n"
        "Dr Amara Okafor runs the port. “We will talk to them,” Okafor said on Monday."
    )
    assert _rows(_run(nlp, text)) == [("We will talk to them", "direct", OKAFOR)]


def test_question_as_the_quote_with_the_speaker_after(nlp: Language) -> None:
    text = "“Who will pay for the cranes?” asked Dr Amara Okafor, who runs the port."
    quote = _one(_run(nlp, text), "Who will pay")
    assert (quote._.speaker, quote._.cue) == (OKAFOR, "asked")


# --- 2. partial and indirect quotes ---------------------------------------------------


def test_partial_quote_in_reported_speech(nlp: Language) -> None:
    text = (
        "Dr Amara Okafor, an economist in Lagos, doubts that the meeting will lead to any "
        "“long-term seismic change” in the sector."
    )
    quote = _one(_run(nlp, text), "long-term")
    assert (quote.text, quote._.quote_kind) == ("long-term seismic change", "partial")
    assert (quote._.speaker, quote._.cue) == (OKAFOR, "doubts")


def test_partial_quotes_after_call_and_accuse(nlp: Language) -> None:
    text = (
        "The Kremlin called the sanctions „illegal“. Russia's foreign ministry accused "
        "the bloc of „waging economic war on ordinary people“."
    )
    doc = _run(nlp, text)
    assert [(q.text, q._.quote_kind, q._.cue) for q in _quotes(doc)] == [
        ("illegal", "partial", "called"),
        ("waging economic war on ordinary people", "partial", "accused"),
    ]
    assert all((q._.speaker or "").startswith("country:RUS") for q in _quotes(doc))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Dr Amara Okafor said that the talks had failed.", "the talks had failed"),
        ("Dr Amara Okafor said the talks had failed.", "the talks had failed"),
        ("The talks had failed, Dr Amara Okafor said.", "The talks had failed"),
    ],
)
def test_indirect_quote(nlp: Language, text: str, content: str) -> None:
    assert _rows(_run(nlp, text)) == [(content, "indirect", OKAFOR)]


def test_indirect_quote_according_to(nlp: Language) -> None:
    text = "According to the World Food Programme, 40 trucks are waiting at the border."
    (quote,) = _quotes(_run(nlp, text))
    assert (quote.text, quote._.quote_kind) == ("40 trucks are waiting at the border", "indirect")
    assert (quote._.cue, quote._.speaker) == ("According to", "org:world food programme")


def test_indirect_quote_with_an_addressee(nlp: Language) -> None:
    (quote,) = _quotes(_run(nlp, "Dr Amara Okafor told Reuters that the talks had failed."))
    assert (quote.text, quote._.addressee, quote._.addressee_actor) == (
        "the talks had failed",
        "Reuters",
        "org:reuters",
    )


def test_cognition_gives_no_indirect_quote_unless_asked(nlp: Language) -> None:
    text = "Dr Amara Okafor believes the talks will fail."
    doc = _run(nlp, text)
    assert _quotes(doc) == []
    Quotes(cognition=True)(doc)
    assert _rows(doc) == [("the talks will fail", "indirect", OKAFOR)]


def test_indirect_quotes_can_be_switched_off(nlp: Language) -> None:
    doc = _run(nlp, "Dr Amara Okafor said the talks had failed. “We tried,” she said.")
    Quotes(indirect=False)(doc)
    assert _rows(doc) == [("We tried", "direct", OKAFOR)]


def test_no_indirect_quote_for_a_question_or_a_negation(nlp: Language) -> None:
    text = "Okafor did not say whether the port would close. She never said it would."
    assert _quotes(_run(nlp, text)) == []


# --- 3. not quotations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Fighting resumed on Monday despite a so-called “truce” in the east.",
        "China practised a coast guard-led “quarantine” of the island's ports.",
        "The “quarantine” of the island's ports began on Monday.",
        "A report titled “Ports in the Storm” was published by the World Bank on Monday.",
        "Protesters sang “Wind over the Harbour”, a folk song from the 1990s.",
        "The court heard that Ahmed “the Butcher” Hassan had led the militia.",
        "Washington objected to references to “multilateral trade rules” in the text.",
        "The ministers agreed to hold a new “2+2” dialogue every year, officials said.",
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_quotes(nlp: Language, text: str) -> None:
    assert [q for q in _quotes(_run(nlp, text)) if q._.quote_kind != "indirect"] == []


def test_a_headline_is_not_read_for_quotes(nlp: Language) -> None:
    text = (
        "Port chief: ‘We will not close’\n\n"
        "Dr Amara Okafor, who runs the port, said “we will not close” on Monday."
    )
    doc = _run(nlp, text)
    assert [q.text for q in _quotes(doc)] == ["we will not close"]
    assert _quotes(doc)[0]._.speaker == OKAFOR


# --- 4. speakers ----------------------------------------------------------------------


def test_speaker_named_before_with_a_colon_and_an_addressee(nlp: Language) -> None:
    text = "Dr Amara Okafor told the Associated Press: “We are ready to reopen the port.”"
    quote = _one(_run(nlp, text), "We are ready")
    assert (quote._.speaker, quote._.cue) == (OKAFOR, "told")
    assert (quote._.addressee, quote._.addressee_actor) == (
        "the Associated Press",
        "org:associated press",
    )


def test_speaker_by_description(nlp: Language) -> None:
    text = (
        "Peter Langat, a Kenyan economist, studies the border trade. “Every week the "
        "border is shut, a trader loses a month's income,” the Kenyan economist said."
    )
    quote = _one(_run(nlp, text), "Every week")
    assert (quote._.speaker, quote._.speaker_text) == (
        "person:peter langat",
        "the Kenyan economist",
    )


def test_according_to_with_a_direct_quote(nlp: Language) -> None:
    text = "Amara Okafor runs the port. “The cranes are old,” according to Okafor."
    quote = _one(_run(nlp, text), "The cranes are old")
    assert (quote._.speaker, quote._.cue) == (OKAFOR, "according to")


def test_in_an_interview_with_names_the_addressee(nlp: Language) -> None:
    text = "“It was never about money,” Dr Amara Okafor said in an interview with the BBC."
    quote = _one(_run(nlp, text), "It was never")
    assert (quote._.speaker, quote._.addressee, quote._.addressee_actor) == (
        OKAFOR,
        "the BBC",
        "org:bbc",
    )


def test_passive_attribution(nlp: Language) -> None:
    text = (
        "Amara Okafor runs the port. The new terminal was described as “a breathing space "
        "for the whole city” by Okafor."
    )
    quote = _one(_run(nlp, text), "a breathing space")
    assert (quote._.quote_kind, quote._.speaker, quote._.cue) == ("partial", OKAFOR, "described")


def test_organisation_and_country_speakers(nlp: Language) -> None:
    text = (
        "“Our trucks cannot cross,” the World Food Programme said. "
        "“The drills are routine,” Beijing said on Tuesday."
    )
    doc = _run(nlp, text)
    assert [q._.speaker for q in _quotes(doc)] == ["org:world food programme", "country:CHN:GOV"]


def test_anonymous_speaker_has_text_but_no_actor(nlp: Language) -> None:
    text = (
        "“Each time they add one more piece,” said a senior security official, who spoke on "
        "condition of anonymity."
    )
    quote = _one(_run(nlp, text), "Each time")
    assert (quote._.speaker, quote._.speaker_text) == (None, "a senior security official")


def test_unattributed_quote_paragraph_after_the_speaker_is_introduced(nlp: Language) -> None:
    text = (
        "Sister Marie-Claire Habimana, who runs a health centre in Kiliba, described "
        "families arriving on foot.\n\n"
        "“Yesterday we received 400 people before noon. We have no more plastic sheeting.”"
    )
    quote = _one(_run(nlp, text), "Yesterday")
    assert quote._.speaker == "person:marie-claire habimana"
    assert quote._.cue is None


def test_quote_paragraph_after_a_colon(nlp: Language) -> None:
    text = (
        "Dr Amara Okafor, who runs the port, gave reporters her verdict on the strike:\n\n"
        "“Nobody won. The ships waited and the city paid.”"
    )
    assert _one(_run(nlp, text), "Nobody won")._.speaker == OKAFOR


def test_unlinked_pronoun_takes_the_earlier_speaker(nlp: Language) -> None:
    text = (
        "A spokesman for Hezbollah denied on Monday that its fighters had fired on the convoy. "
        "“Our fighters protect aid workers,” he told the Harbour Times."
    )
    quote = _one(_run(nlp, text), "Our fighters")
    assert quote._.speaker == "org:hezbollah"
    assert quote._.addressee == "the Harbour Times"


def test_speaker_after_a_dash(nlp: Language) -> None:
    text = "“The port is our only road to the world.” ― Dr Amara Okafor, harbour master"
    quote = _one(_run(nlp, text), "The port")
    assert (quote._.speaker, quote._.cue) == (OKAFOR, None)


def test_speaker_introduced_by_a_colon_without_a_cue(nlp: Language) -> None:
    text = (
        "Dr Amara Okafor, who runs the port, has a new message for the unions: “The cranes "
        "will not wait for anyone.”"
    )
    assert _one(_run(nlp, text), "The cranes")._.speaker == OKAFOR


def test_frame_only_cues_next_to_a_quote(nlp: Language) -> None:
    text = (
        "Dr Amara Okafor runs the port. As Okafor put it, “a port that closes is a city "
        "that starves.” She continued: “Nobody here can afford that.”"
    )
    doc = _run(nlp, text)
    assert [(q._.cue, q._.speaker) for q in _quotes(doc)] == [
        ("put", OKAFOR),
        ("continued", OKAFOR),
    ]


def test_archive_style_marks(nlp: Language) -> None:
    text = "Dr Amara Okafor runs the port. ''The cranes are ready,'' Okafor said on Monday."
    assert _rows(_run(nlp, text)) == [("The cranes are ready", "direct", OKAFOR)]


# --- the output -----------------------------------------------------------------------


def test_spans_are_sorted_non_overlapping_and_without_marks(nlp: Language) -> None:
    text = (
        "Dr Amara Okafor said the port had reopened. “The cranes work,” she said. "
        "“The ships are back.”\n\n"
        "According to the World Food Programme, 40 trucks are waiting. Okafor told "
        "Reuters that the unions had “given their word”."
    )
    quotes = _quotes(_run(nlp, text))
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert all(a.end <= b.start for a, b in zip(quotes, quotes[1:], strict=False))
    assert not any(q.text[0] in '“”"' or q.text[-1] in '“”"' for q in quotes)
    assert {q._.quote_kind for q in quotes} == {"direct", "partial", "indirect"}


# --- the sample corpus ----------------------------------------------------------------


def _article(nlp: Language, name: str) -> Doc:
    article = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    doc = nlp.make_doc("\n\n".join(article["paragraphs"]))
    doc._.published = article["published"][:10]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_sample_article_with_a_quote_over_a_paragraph_break(nlp: Language) -> None:
    doc = _article(nlp, "01-kenya-somalia-ethiopia-border-talks")
    run_on = _one(doc, "What we are promising")
    assert run_on.text.endswith("it has a shared address.")
    assert run_on._.speaker == "person:miriam achieng otieno"
    partial = _one(doc, "lasting shift on the ground")
    assert (partial._.quote_kind, partial._.speaker) == ("partial", "person:hassan abdi warsame")


def test_sample_article_with_german_marks(nlp: Language) -> None:
    doc = _article(nlp, "13-eu-russia-sanctions-package")
    texts = [q.text for q in _quotes(doc)]
    assert "shadow fleet" not in texts
    assert _one(doc, "illegal")._.quote_kind == "partial"
    run_on = _one(doc, "The shadow fleet is a hydra")
    assert run_on._.quote_kind == "direct" and run_on._.cue == "said"


def test_sample_article_with_guillemets_and_an_unattributed_paragraph(nlp: Language) -> None:
    doc = _article(nlp, "02-ecowas-sahel-talks-abuja")
    assert _one(doc, "We spent two years")._.speaker == "person:ibrahim musa danjuma"
    assert _one(doc, "The people dying")._.speaker == "person:ibrahim musa danjuma"
    doc = _article(nlp, "03-m23-uvira-truce-collapses")
    assert _one(doc, "Yesterday we received")._.speaker == "person:marie-claire habimana"
    assert "truce" not in [q.text for q in _quotes(doc)]


# --- any text -------------------------------------------------------------------------

PIECES = [
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "[", "]", "(", ")", "…", ":", ",", ".",
    "\n\n", " ", "said", "Okafor", "she", "told", "Reuters", "that", "the", "port",
    "don’t", "according to", "北京", "é", "\u00a0", "—",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40))
def test_any_text_gives_valid_spans(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    doc = _run(nlp, text)
    quotes = _quotes(doc)
    for a, b in zip(quotes, quotes[1:], strict=False):
        assert a.end <= b.start
    for q in quotes:
        assert 0 <= q.start_char < q.end_char <= len(doc.text)
        assert doc.text[q.start_char : q.end_char] == q.text
        assert q._.quote_kind in ("direct", "partial", "indirect")
        assert q._.speaker is None or q._.speaker in doc._.actors


def test_a_sign_off_dash_glued_to_the_closing_mark(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Readers wrote to us after the debate.\n\n"
        "“He knows nothing about our lives.”― Amara Okafor\n\n"
        "“The debate made me proud of this city.”― Juan Ortega",
    )
    speakers = [(q.text, q._.speaker_text) for q in _quotes(doc)]
    assert speakers == [
        ("He knows nothing about our lives.", "Amara Okafor"),
        ("The debate made me proud of this city.", "Juan Ortega"),
    ]


def test_demanded_after_a_question_is_a_cue(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Senator Ruth Adeyemi questioned the bank's chief. “Why was nobody fired?” "
        "Senator Paul Mensah demanded.",
    )
    (quote,) = _quotes(doc)
    assert quote._.cue == "demanded" and "Mensah" in quote._.speaker_text


def test_an_apposition_misread_as_a_second_subject(nlp: Language) -> None:
    doc = _run(
        nlp,
        "A convoy of 20 lorries carrying food reached the besieged city of Kadugli on "
        "Sunday, the first aid to get through by road in four months, the United Nations said.",
    )
    (quote,) = _quotes(doc)
    assert quote._.speaker_text == "the United Nations"
    assert quote.text.endswith("the first aid to get through by road in four months")
