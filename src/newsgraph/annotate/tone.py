"""``newsgraph_tone``: GDELT's V1.5TONE for a document on ``Doc._.tone``
(:class:`~newsgraph.annotate.types.Tone`), and the tone of each sentence on
``Doc._.sentence_tones`` (one float per ``doc.sents``, in order; an event's AvgTone).

Words are the alphabetic tokens. A word is positive (negative) when VADER's lexicon
gives its lower-case form a mean valence above (below) zero. Then, in percent of words:

- positive, negative: the positive and negative words; tone = positive - negative,
  polarity = positive + negative (tone lies in -100..100, and in news mostly -10..10);
- activity density: verbs, as spaCy tags them (``VERB``, not ``AUX``), standing in for
  GDELT's list of "active words";
- self/group reference density: first-person pronouns, I, me, my, mine, myself, we, us,
  our, ours, ourselves (GDELT's "self/group reference"; "US" the country is a proper
  noun, not a pronoun).

Relation to VADER: the same lexicon (``vader_lexicon.txt``, shipped inside the
vaderSentiment package and read once per process), but only the sign of each word.
VADER's ``SentimentIntensityAnalyzer`` also weighs intensity, negation ("not good"),
boosters ("very"), capitals, "but" and punctuation, and scales a compound score to
-1..1; here, as in GDELT, tone is a difference of word percentages, so "not good" is one
positive word. Words tagged as proper nouns, adpositions, determiners, pronouns,
conjunctions, particles, auxiliaries or numbers are not scored: "like" in "like other
cities", "no" in "no agreement", "Hope" as a name. The analyzer is never called; the
work is one pass over the token array of each document.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

import numpy as np
from spacy.attrs import IS_ALPHA, LOWER, POS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import IDS
from spacy.tokens import Doc

from newsgraph.annotate.types import Tone, register_extensions

log = logging.getLogger(__name__)

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
FIRST_PERSON = ("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves")
UNSCORED_POS = ("PROPN", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "AUX", "NUM")

# Columns of the per-token indicator matrix.
_WORD, _POSITIVE, _NEGATIVE, _VERB, _SELF = range(5)


@cache
def load_valences() -> dict[str, float]:
    """VADER's mean valence of every alphabetic word in its lexicon, read once."""
    path = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE)
    valences: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, mean = line.split("\t")[:2]
        if word.isalpha():
            valences[word] = float(mean)
    return valences


def _percent(part: int, words: int) -> float:
    return 100.0 * part / words if words else 0.0


def tone_of(totals: np.ndarray) -> Tone:
    """The :class:`Tone` of a row of totals (words, positive, negative, verbs, self)."""
    words = int(totals[_WORD])
    positive = _percent(int(totals[_POSITIVE]), words)
    negative = _percent(int(totals[_NEGATIVE]), words)
    return Tone(
        tone=positive - negative,
        positive=positive,
        negative=negative,
        polarity=positive + negative,
        activity_density=_percent(int(totals[_VERB]), words),
        self_group_density=_percent(int(totals[_SELF]), words),
        word_count=words,
    )


class ToneAnnotator:
    """Sets ``Doc._.tone`` and ``Doc._.sentence_tones`` (see the module docs)."""

    def __init__(self, valences: dict[str, float]) -> None:
        # Hash of a lower-case word -> its column (positive, negative or self): one dict
        # lookup a token (numpy's isin sorts the lexicon again on every call).
        self._columns: dict[int, int] = {}
        for word, value in valences.items():
            if value:
                self._columns[get_string_id(word)] = _POSITIVE if value > 0 else _NEGATIVE
        self._self = {get_string_id(word) for word in FIRST_PERSON}
        self._unscored = {IDS[tag] for tag in UNSCORED_POS}
        self._verb, self._pronoun = IDS["VERB"], IDS["PRON"]

    def __call__(self, doc: Doc) -> Doc:
        running = self._running_totals(doc)
        bounds = _sentence_bounds(doc)
        doc._.sentence_tones = [
            tone_of(running[end] - running[start]).tone for start, end in bounds
        ]
        doc._.tone = tone_of(running[-1])
        return doc

    def _running_totals(self, doc: Doc) -> np.ndarray:
        """Row ``i``: the totals of tokens ``0:i`` (so ``len(doc) + 1`` rows)."""
        table = doc.to_array([LOWER, IS_ALPHA, POS]).reshape(len(doc), 3).tolist()
        flags = np.zeros((len(doc) + 1, 5), dtype=np.int64)
        columns, unscored = self._columns, self._unscored
        for row, (lower, alpha, pos) in enumerate(table, start=1):
            if pos == self._pronoun and lower in self._self:
                flags[row, _SELF] = 1
            if not alpha:
                continue
            flags[row, _WORD] = 1
            if pos == self._verb:
                flags[row, _VERB] = 1
            if pos not in unscored and (column := columns.get(lower)) is not None:
                flags[row, column] = 1
        return np.cumsum(flags, axis=0)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of each sentence; the whole document when it has no sentences set."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))]
    return [(sent.start, sent.end) for sent in doc.sents]


@Language.factory(
    "newsgraph_tone",
    # token.pos comes from the tag, through an attribute_ruler that declares nothing
    requires=["token.tag", "token.is_sent_start"],
    assigns=["doc._.tone", "doc._.sentence_tones"],
    default_config={},
)
def make_tone(nlp: Language, name: str) -> ToneAnnotator:
    """The ``newsgraph_tone`` component (VADER's lexicon, read once per process)."""
    register_extensions()
    return ToneAnnotator(load_valences())
