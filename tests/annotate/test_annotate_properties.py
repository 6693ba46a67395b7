"""Properties of the whole annotator pipeline on any text.

Hypothesis builds texts from news vocabulary (names, countries, organisations, places,
dates, numbers, event verbs, negations), every kind of quotation mark and bracket,
paragraph breaks and odd Unicode (RTL, CJK, combining marks, zero-width characters, NBSP,
line separators, emoji, control characters), then runs them through
``annotator_pipeline()`` and ``doc_annotations`` exactly as ingest does. Whatever the
text:

- nothing raises;
- every span lies inside the text, ``start <= end``, and a span's text is the text at
  its offsets (mentions, dates, places, quotes);
- sentences are in order, do not overlap, and each record's sentence holds its start;
- records point at actors the document knows; event codes are coherent.

A short run of the same texts goes through the store, whose ``doctor`` checks agree.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsgraph.annotate.records import doc_annotations
from newsgraph.extract.fingerprint import fingerprint
from newsgraph.extract.page import valid_unicode
from newsgraph.model import AnnotatedArticle, Annotations, Article
from newsgraph.nlp import annotator_pipeline, make_doc
from newsgraph.store import Store
from newsgraph.store.doctor import examine

WORDS = [
    "Okafor", "Dr Amina Wanjiru", "President Ruto", "she", "he", "they", "the minister",
    "Russia", "China", "Kenya", "Israel", "Hamas", "the United Nations", "NATO", "the army",
    "rebels", "police", "Gaza", "Nairobi", "Tripoli", "Kyiv", "Beijing", "the border",
    "on Monday", "last week", "yesterday", "3 March 2025", "in 2024", "next month",
    "2025-01-31", "at least 45", "dozens of", "12", "1,200", "three", "civilians",
    "killed", "wounded", "attacked", "met", "condemned", "signed an agreement with",
    "did not attack", "may sanction", "will visit", "accused", "according to", "said",
    "told", "Reuters", "that", "the", "a", "of", "and", "in", "was", "is", "not", "who",
]  # fmt: skip
MARKS = [
    "“", "”", '"', "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』",
    "[", "]", "(", ")", "{", "}", "<", ">", "…", ":", ";", ",", ".", "?", "!", "—", "–",
    "-", "/", "\\", "*", "#", "@", "%", "&",
]  # fmt: skip
ODD = [
    "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "\u200d", "\u2028", "\u2029",
    "\ufeff", "\u202e", "\x00", "\r\n", "é", "e\u0301", "ß", "İ", "ﬁ", "北京", "서울",
    "القاهرة", "שלום", "Кремль", "🇺🇦", "👍🏽", "\U0001f600", "½", "Ⅻ", "٣",
]  # fmt: skip
piece = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.sampled_from(ODD) | st.text(max_size=6)
OPENING, CLOSING = (
    ["“", '"', "‘", "'", "«", "„", "「", "("],
    ["”", '"', "’", "'", "»", "“", "」", ")"],
)
SPEAKERS = ["Okafor", "Dr Amina Wanjiru", "the minister", "a spokesman for Hamas", "she"]
ACTORS = ["Russia", "Rebels", "Israeli troops", "Police", "The army", "Hamas", "Kenya"]
VERBS = ["attacked", "killed", "met", "condemned", "shelled", "did not attack", "may sanction"]
COUNTS = ["at least 45", "12", "dozens of", "more than 1,200", "three", "about 30"]
OBJECTS = ["civilians", "people", "soldiers", "children", "homes", "protesters"]
DATES = ["on Monday", "last week", "on 3 March 2025", "yesterday", "in 2024", ""]
PLACES = ["in Gaza", "near Kyiv", "in Nairobi", "in Tripoli", "at the border", ""]


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A sentence of the shapes the annotators look for (a quote with a speaker, an
    event with actors, a count, a date and a place), with marks that may not match and
    noise spliced in anywhere."""
    pick = lambda items: draw(st.sampled_from(items))  # noqa: E731
    quote = " ".join(draw(st.lists(piece, min_size=1, max_size=8)))
    quoted = f"{pick(OPENING)}{quote}{pick(CLOSING)}"
    shape = draw(st.integers(0, 3))
    if shape == 0:
        sentence = f"{quoted}, {pick(['said', 'told Reuters'])} {pick(SPEAKERS)}."
    elif shape == 1:
        sentence = f"{pick(SPEAKERS)} said: {quoted}"
    elif shape == 2:
        sentence = (
            f"{pick(ACTORS)} {pick(VERBS)} {pick(ACTORS).lower()} {pick(PLACES)} "
            f"{pick(DATES)}, killing {pick(COUNTS)} {pick(OBJECTS)}, according to "
            f"{pick(SPEAKERS)}."
        )
    else:
        sentence = (
            f"{pick(COUNTS).capitalize()} {pick(OBJECTS)} were {pick(['killed', 'wounded'])} "
            f"{pick(PLACES)} {pick(DATES)} [{quote}]."
        )
    words = sentence.split(" ")
    for _ in range(draw(st.integers(0, 3))):
        words.insert(draw(st.integers(0, len(words))), draw(piece))
    return " ".join(words)


texts = (
    st.lists(news_sentence() | piece, max_size=20).map(" ".join)
    | st.lists(piece, max_size=60).map(" ".join)
    | st.text(max_size=300)
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))  # raise for a longer local run
CHECK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
EVENT_STATUSES = {"fact", "negated", "hypothetical", "question", "future"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return annotator_pipeline()


def annotate(nlp: Language, text: str) -> Annotations:
    docs = [make_doc(nlp, text, published="2025-03-04")]
    [doc] = nlp.pipe(docs)
    return doc_annotations(doc)


def check(text: str, found: Annotations) -> None:
    """Every invariant of one text's records (see the module docstring)."""
    sentences = found.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for a, b in zip(sentences, sentences[1:], strict=False):
        assert a.end <= b.start
    for s in sentences:
        assert 0 <= s.start <= s.end <= len(text)

    def inside(record, *, aligned: bool) -> None:
        assert 0 <= record.start <= record.end <= len(text), record
        assert 0 <= record.sentence < len(sentences), record
        sentence = sentences[record.sentence]
        assert sentence.start <= record.start < max(sentence.end, sentence.start + 1), record
        if aligned:
            assert text[record.start : record.end] == record.text, record
            assert record.start < record.end

    keys = {actor.key for actor in found.actors}
    assert len(keys) == len(found.actors)
    for mention in found.mentions:
        inside(mention, aligned=True)
        assert mention.actor_key in keys
    for date in found.dates:
        inside(date, aligned=True)
        assert date.date_start <= date.date_end and 0 <= date.confidence <= 1
    for place in found.places:
        inside(place, aligned=True)
        assert place.lat is None or -90 <= place.lat <= 90
    for quote in found.quotes:
        inside(quote, aligned=True)
        assert quote.kind in ("direct", "partial", "indirect")
        assert quote.speaker_key is None or quote.speaker_key in keys
    for count in found.counts:
        inside(count, aligned=False)
        assert isinstance(count.number, int) and count.number >= 0
    for event in found.events:
        inside(event, aligned=False)
        assert event.source_key is None or event.source_key in keys
        assert event.target_key is None or event.target_key in keys
        assert event.cameo.startswith(event.root) and event.quad_class in (1, 2, 3, 4)
        assert -10 <= event.goldstein <= 10 and event.status in EVENT_STATUSES
    assert [e.index for e in found.events] == list(range(len(found.events)))
    if found.tone is not None:
        assert all(math.isfinite(v) for v in (found.tone.tone, found.tone.polarity))
        assert found.tone.word_count >= 0
    assert len(found.sentence_tones) in (0, len(sentences))


@pytest.mark.slow
@CHECK
@given(text=texts)
def test_any_text_gives_records_inside_and_aligned_to_it(nlp: Language, text: str) -> None:
    check(text, annotate(nlp, text))


@pytest.mark.slow
@settings(CHECK, max_examples=max(EXAMPLES // 4, 10))
@given(
    parts=st.lists(
        st.lists(news_sentence() | piece, min_size=1, max_size=8).map(" ".join), max_size=8
    )
)
def test_paragraphs_of_noise_and_news_in_one_article(nlp: Language, parts: list[str]) -> None:
    text = "\n\n".join(parts)
    check(text, annotate(nlp, text))


def test_the_invariants_hold_on_a_real_sentence_and_see_its_records(nlp: Language) -> None:
    text = (
        "“We will not give up,” said Dr Amina Wanjiru in Nairobi on Monday. Rebels attacked "
        "a convoy near the border with Somalia last week, killing at least 12 civilians."
    )
    found = annotate(nlp, text)
    check(text, found)
    assert found.quotes and found.mentions and found.dates and found.places
    assert found.counts and found.events  # the property tests are not vacuous


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('props') / 'props.db'}"
    with Store(url) as opened:
        yield opened


@pytest.mark.slow
@settings(CHECK, max_examples=max(EXAMPLES // 6, 10))
@given(text=st.lists(news_sentence() | piece, min_size=10, max_size=30).map(" ".join))
def test_stored_annotations_pass_the_doctor(nlp: Language, store: Store, text: str) -> None:
    text = valid_unicode(text) or ""  # as extract() leaves every body
    article = Article(
        title=None,
        text=text,
        source_path=f"fuzz/{fingerprint(text)[:12]}.txt",
        source_format="txt",
        published="2025-03-04",
        language="en",
        content_sha256=fingerprint(text),
    )
    store.write_batch([AnnotatedArticle(article, annotate(nlp, text))])
    database = Path(store.url.database or "")
    problems = {c.name: c.detail for c in examine(f"sqlite:///{database}") if not c.ok}
    assert problems == {}
