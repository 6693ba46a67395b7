"""Tests for newsgraph.extract.language: the numpy walk gives py3langid's own scores."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.extract.language import WINDOW, _has_letters, detect_language, load_model

TEXTS = [
    "",
    "a",
    "abcde",
    "abcdef",
    "ÉTÉ",
    "Kenyan tea growers down tools over falling leaf prices in Kericho.",
    "Les producteurs de thé kényans cessent le travail à cause de la chute des prix.",
    "Die kenianischen Teebauern legen wegen fallender Blattpreise die Arbeit nieder.",
    "Кенийские производители чая прекратили работу из-за падения цен на лист.",
    "ケニアの茶農家は茶葉価格の下落で作業を停止した。",
    "مزارعو الشاي في كينيا يضربون عن العمل بسبب انخفاض أسعار الأوراق",
    "Mixed: the minister said «c'est fini» and left — 2025-03-04, 10:32 EAT.",
]


@functools.cache
def _stock() -> LanguageIdentifier:
    """py3langid's identifier as shipped, its walk in plain Python."""
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _same_scores(text: str) -> bool:
    ours, stock = load_model()._decide(text), _stock()._decide(text)
    return ours.dtype == stock.dtype and np.array_equal(ours.view(np.uint32), stock.view(np.uint32))


@pytest.mark.parametrize("text", TEXTS)
def test_scores_are_py3langids_bit_for_bit(text: str) -> None:
    assert _same_scores(text)
    assert _same_scores(text * 40)  # longer than any window, repeats counted


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_scores_match_on_any_text(text: str) -> None:
    assert _same_scores(text)


def test_states_follow_the_automaton_byte_by_byte() -> None:
    identifier = load_model()
    data = np.frombuffer(" ".join(TEXTS).encode("utf-8"), dtype=np.uint8)
    state, walked = 0, []
    for byte in data.tolist():
        state = identifier.tk_nextmove[identifier._rowbase[state] + byte]
        walked.append(state)
    assert identifier.states(data).tolist() == walked


@pytest.mark.slow
def test_automaton_forgets_its_start_after_window_bytes() -> None:
    """The premise of the numpy walk: after any WINDOW bytes, every state of the installed
    model's automaton has moved to one and the same state (about 3 s)."""
    identifier = load_model()
    moves, offsets = identifier._moves, identifier._offsets
    # The sets of states that some word can lead all states to, one group per set.
    members = np.arange(len(offsets), dtype=np.int64)
    groups = np.zeros(len(members), dtype=np.int64)
    for _ in range(WINDOW):
        still_apart: dict[bytes, np.ndarray] = {}
        for byte in range(256):
            after = moves[offsets[members] + byte].astype(np.int64)
            order = np.lexsort((after, groups))
            group, state = groups[order], after[order]
            new = np.ones(len(state), dtype=bool)
            new[1:] = (group[1:] != group[:-1]) | (state[1:] != state[:-1])
            group, state = group[new], state[new]
            starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
            sizes = np.diff(np.r_[starts, len(group)])
            for start, size in zip(
                starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True
            ):
                states = state[start : start + size]
                still_apart.setdefault(states.tobytes(), states)
        if not still_apart:
            break
        sets = list(still_apart.values())
        members = np.concatenate(sets)
        groups = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
    assert not still_apart


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=700), st.integers(min_value=0, max_value=60))
def test_has_letters_counts_as_a_plain_count_does(text: str, wanted: int) -> None:
    assert _has_letters(text, wanted) == (sum(ch.isalpha() for ch in text) >= wanted)


def test_detect_language() -> None:
    assert detect_language(TEXTS[5] * 3) == "en"
    assert detect_language(TEXTS[6] * 3) == "fr"
    assert detect_language("Too short.", declared="fr-FR") == "fr"
    assert detect_language("Too short.") is None
