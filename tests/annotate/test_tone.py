"""The ``newsgraph_tone`` component: GDELT V1.5TONE numbers counted by hand on original
sentences, per-sentence tones, agreement in sign with VADER, the sample corpus, and cost.

Every sentence here was written for these tests; the corpus articles are the project's
own fiction, read from examples/ at test time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newsgraph.annotate.tone import load_valences
from newsgraph.annotate.types import Tone, register_extensions
from newsgraph.nlp import load_model, make_doc

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"

NEGATIVE = (
    "Gunmen stormed the market at dawn and killed dozens of traders. Terrified villagers "
    "fled as homes burned, and doctors described a scene of horror and grief. The attack "
    "deepened a crisis that aid agencies have warned could turn into famine."
)
POSITIVE = (
    "Leaders welcomed the agreement warmly and praised the peaceful, constructive talks. "
    "Residents celebrated in the streets, and officials said the deal offered real hope "
    "for a fair and lasting settlement."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_tone")
    return pipeline


def annotate(nlp: Language, text: str) -> Doc:
    return nlp(make_doc(nlp, text, published="2025-03-04"))


def article_text(path: Path) -> str:
    return "\n\n".join(json.loads(path.read_text(encoding="utf-8"))["paragraphs"])


# --- counted by hand ------------------------------------------------------------------


def test_tone_of_a_sentence_counted_by_hand(nlp: Language) -> None:
    # 10 words; positive: praised, peaceful; negative: condemned, attack; verbs: praised,
    # condemned.
    doc = annotate(nlp, "Leaders praised the peaceful talks but condemned the rocket attack.")
    tone = doc._.tone
    assert tone.word_count == 10
    assert tone.positive == pytest.approx(20.0)
    assert tone.negative == pytest.approx(20.0)
    assert tone.tone == pytest.approx(0.0)
    assert tone.polarity == pytest.approx(40.0)
    assert tone.activity_density == pytest.approx(20.0)  # praised, condemned
    assert tone.self_group_density == 0.0


def test_first_person_pronouns_make_self_group_density(nlp: Language) -> None:
    # 10 words, of which We, our, us are first-person pronouns; "US" the country is not.
    doc = annotate(nlp, "We told our neighbours the US would never forget us.")
    assert doc._.tone.word_count == 10
    assert doc._.tone.self_group_density == pytest.approx(30.0)


def test_prepositions_and_names_are_not_scored(nlp: Language) -> None:
    # "like" is a preposition here and "Hope" a place name: neither is positive.
    doc = annotate(nlp, "Hope Town looked like a river port.")
    assert load_valences()["like"] > 0 and load_valences()["hope"] > 0
    assert doc._.tone.positive == 0.0
    # "like" as a verb is scored: 8 words, one positive.
    doc = annotate(nlp, "Most residents say they like the new mayor.")
    assert doc._.tone.positive == pytest.approx(12.5)


def test_word_count_is_the_alphabetic_tokens(nlp: Language) -> None:
    text = "On 4 March, 1,200 workers struck - again - at the port's gates!"
    doc = annotate(nlp, text)
    assert doc._.tone.word_count == sum(1 for token in doc if token.is_alpha)
    assert doc._.tone.word_count == 9  # On March workers struck again at the port gates


def test_empty_document_has_zero_tone_and_no_sentences(nlp: Language) -> None:
    doc = annotate(nlp, "")
    assert doc._.tone == Tone(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0)
    assert doc._.sentence_tones == []


def test_text_without_valence_words_is_neutral(nlp: Language) -> None:
    doc = annotate(nlp, "The committee met in the capital on Tuesday.")
    assert (doc._.tone.tone, doc._.tone.polarity) == (0.0, 0.0)


# --- sanity on paragraphs -------------------------------------------------------------


def test_negative_paragraph_has_negative_tone(nlp: Language) -> None:
    tone = annotate(nlp, NEGATIVE)._.tone
    assert tone.tone < -5
    assert tone.negative > tone.positive


def test_positive_paragraph_has_positive_tone(nlp: Language) -> None:
    tone = annotate(nlp, POSITIVE)._.tone
    assert tone.tone > 5
    assert tone.positive > tone.negative


@pytest.mark.parametrize("text", [NEGATIVE, POSITIVE])
def test_percentages_add_up(nlp: Language, text: str) -> None:
    tone = annotate(nlp, text)._.tone
    assert tone.tone == pytest.approx(tone.positive - tone.negative)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative)
    for share in (tone.positive, tone.negative, tone.activity_density, tone.self_group_density):
        assert 0.0 <= share <= 100.0


@pytest.mark.parametrize("text", [NEGATIVE, POSITIVE])
def test_sign_agrees_with_vader(nlp: Language, text: str) -> None:
    compound = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert (annotate(nlp, text)._.tone.tone > 0) == (compound > 0)


# --- sentence tones -------------------------------------------------------------------


def test_one_tone_per_sentence_in_order(nlp: Language) -> None:
    doc = annotate(nlp, f"{POSITIVE} {NEGATIVE}")
    sentences = list(doc.sents)
    tones = doc._.sentence_tones
    assert len(tones) == len(sentences) == 5
    assert tones[0] > 0 and tones[1] > 0
    assert all(tone < 0 for tone in tones[2:])


def test_sentence_tone_is_the_document_formula_on_the_sentence(nlp: Language) -> None:
    doc = annotate(nlp, f"{POSITIVE} {NEGATIVE}")
    for sent, tone in zip(doc.sents, doc._.sentence_tones, strict=True):
        alone = annotate(nlp, sent.text)._.tone.tone
        assert tone == pytest.approx(alone)


def test_sentence_word_counts_add_up_to_the_document(nlp: Language) -> None:
    """The document's percentages are word-weighted means of the sentences'."""
    doc = annotate(nlp, f"{POSITIVE} {NEGATIVE}")
    words = [sum(1 for t in sent if t.is_alpha) for sent in doc.sents]
    weighted = sum(w * t for w, t in zip(words, doc._.sentence_tones, strict=True))
    assert doc._.tone.word_count == sum(words)
    assert doc._.tone.tone == pytest.approx(weighted / sum(words))


def test_component_declares_what_it_needs(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["newsgraph_tone"] == []


# --- the sample corpus ----------------------------------------------------------------


def test_corpus_tones_are_in_gdelts_usual_range(nlp: Language) -> None:
    paths = sorted(ARTICLES.glob("*.json"))
    assert len(paths) >= 30
    for path in paths:
        doc = annotate(nlp, article_text(path))
        assert -10 < doc._.tone.tone < 10, path.name
        assert doc._.tone.word_count > 300, path.name
        assert len(doc._.sentence_tones) == len(list(doc.sents))


def test_corpus_attack_stories_are_more_negative_than_talks(nlp: Language) -> None:
    def tone(prefix: str) -> float:
        (path,) = ARTICLES.glob(f"{prefix}-*.json")
        return annotate(nlp, article_text(path))._.tone.tone

    attacks = [tone("15"), tone("31")]  # a ship attacked at sea; an insurgent raid
    talks = [tone("18"), tone("20")]  # ceasefire talks; grain talks
    assert max(attacks) < 0 < min(talks)
