"""The extraction scores on hand-computed cases: Zyte's word 4-gram shingles (as its
``evaluate.py`` defines them) and trafilatura's with/without snippets. Texts written here."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.extraction import (
    Snippets,
    page_precision,
    page_recall,
    same_authors,
    same_date,
    same_title,
    shingle_counts,
    shingle_scores,
    shingles,
    tokens,
)

GOLD = "The cat sat on the mat."
LONGER = "The cat sat on the mat. Today"


def test_tokens_are_word_runs_so_punctuation_and_spacing_do_not_count() -> None:
    assert tokens("Zürich's  mayor,\nsaid: 'no'.") == ["Zürich", "s", "mayor", "said", "no"]


def test_shingles_are_overlapping_word_4_grams() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }  # fmt: skip


def test_a_text_under_four_words_is_one_shingle_and_an_empty_one_none() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_one_page_counts_are_normalised_by_their_sum() -> None:
    # gold: 3 shingles; predicted adds "on the mat Today": TP 3, FP 1, FN 0 -> / 4
    assert shingle_counts(GOLD, LONGER) == (0.75, 0.25, 0.0)
    assert page_precision(*shingle_counts(GOLD, LONGER)) == 0.75
    assert page_recall(*shingle_counts(GOLD, LONGER)) == 1.0
    # the prediction misses the last two words: 1 shared shingle of 3 gold
    assert shingle_counts(GOLD, "The cat sat on") == pytest.approx((1 / 3, 0.0, 2 / 3))


def test_f1_is_the_harmonic_mean_of_mean_precision_and_mean_recall() -> None:
    # page 1: P 0.75, R 1. Page 2 predicts nothing: TP + FP = 0, so it is left out of
    # the precision mean (as upstream does) but counts 0 in the recall mean.
    scores = shingle_scores([(GOLD, LONGER), ("one two three four five", "")])
    assert scores.precision == 0.75
    assert scores.recall == 0.5
    assert scores.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)  # 0.6, not mean page F1
    assert scores.accuracy == 0.0


def test_exact_body_accuracy_ignores_punctuation_and_spacing() -> None:
    scores = shingle_scores([(GOLD, "The  cat sat on the mat"), (GOLD, LONGER)])
    assert scores.accuracy == 0.5
    assert scores.precision == pytest.approx((1.0 + 0.75) / 2)


def test_snippets_count_as_upstream_with_whitespace_normalised() -> None:
    item = {"with": ["cat sat", "the  mat", "a dog"], "without": ["Subscribe now", "Home"]}
    snippets = Snippets()
    missed, alarms = snippets.add(item, "The cat sat\non the mat. Home")
    assert (missed, alarms) == (["a dog"], ["Home"])
    assert (snippets.tp, snippets.fn, snippets.fp, snippets.tn) == (2, 1, 1, 1)
    assert snippets.precision == 2 / 3
    assert snippets.recall == 2 / 3
    assert snippets.f1 == pytest.approx(2 / 3)
    assert snippets.accuracy == 3 / 5


def test_metadata_comparisons() -> None:
    assert same_title("Budget  talks resume", "budget talks resume")
    assert not same_title("Budget talks resume", "Budget talks resume | Site")
    assert same_date("2020-01-27", "2020-01-27")
    assert not same_date("2020-01-27", None)
    assert same_authors("Ana Ruiz; Li Wei", ("li wei", "Ana Ruiz"))
    assert same_authors(["Ana Ruiz"], ("Ana Ruiz",))
    assert not same_authors("Ana Ruiz", ())
