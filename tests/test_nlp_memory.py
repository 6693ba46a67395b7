"""Memory stays flat over many batches: parsed docs are freed at once, and the words a
batch brings leave the shared vocabulary after it (newsgraph.nlp.bounded_memory/release).

Each check runs beside a control showing the same input does grow memory without the
measure, so the check can fail."""

from __future__ import annotations

import gc
import uuid
import weakref
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.tokens import Doc

import newsgraph.nlp
from corpus import CORPUS
from newsgraph.annotate.records import doc_annotations
from newsgraph.model import AnnotatedArticle, Article
from newsgraph.nlp import annotator_pipeline, make_doc, release
from newsgraph.options import Options
from newsgraph.pipeline import annotate, articles

TEXT = (
    "Kenyan President William Ruto met envoys from Somalia in Nairobi on Tuesday, "
    '"We will not be the ones to widen it," the foreign ministry said.'
)


@pytest.fixture
def gc_off() -> Iterator[None]:
    """Only reference counting frees objects inside the test."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _article(text: str) -> Article:
    return Article(title=None, text=text, source_path="memory-test", source_format="text")


def _new_words(count: int) -> list[str]:
    """Capitalised words no vocabulary has seen."""
    return [f"Zorvak{uuid.uuid4().hex[:10]}" for _ in range(count)]


def _text_with(words: list[str]) -> str:
    return " ".join(f"{word} met {other} in Nairobi." for word, other in pairwise(words))


def test_a_released_doc_is_freed_without_the_cyclic_collector(gc_off) -> None:
    nlp = annotator_pipeline()
    kept = nlp(make_doc(nlp, TEXT, published=None))
    assert doc_annotations(kept).actors  # the annotators stored spans on it
    freed = nlp(make_doc(nlp, TEXT, published=None))
    kept_ref, freed_ref = weakref.ref(kept), weakref.ref(freed)
    release(freed)
    del kept, freed
    assert freed_ref() is None
    assert kept_ref() is not None  # the control: an annotated doc is in a reference cycle
    gc.collect()
    assert kept_ref() is None


def test_annotate_leaves_no_doc_to_the_cyclic_collector(gc_off) -> None:
    annotate([_article(TEXT), _article(TEXT)], options=Options.from_env(environ={}))
    gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the collector finds, to look at it
    try:
        gc.collect()
        docs = [o for o in gc.garbage if isinstance(o, Doc)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert docs == []


def test_annotate_leaves_the_vocabulary_as_it_found_it() -> None:
    nlp = annotator_pipeline()
    options = Options.from_env(environ={})
    annotate([_article(TEXT)], options=options)  # a pipeline's first batch stays (warm-up)
    strings = len(nlp.vocab.strings)
    for _batch in range(2):
        words = _new_words(6)
        (result,) = annotate([_article(_text_with(words))], options=options)
        assert isinstance(result, AnnotatedArticle) and result.annotations.sentences
        assert not [w for w in words if w in nlp.vocab.strings]
        assert len(nlp.vocab.strings) == strings
    # The control: parsing the same kind of text outside annotate() keeps its words.
    words = _new_words(6)
    for doc in nlp.pipe([make_doc(nlp, _text_with(words), published=None)]):
        release(doc)
    assert all(w in nlp.vocab.strings for w in words)
    assert len(nlp.vocab.strings) > strings


def test_annotations_are_the_same_inside_and_outside_the_zone() -> None:
    nlp = annotator_pipeline()
    options = Options.from_env(environ={})
    found = [a for a in articles([CORPUS / "text"], options=options) if isinstance(a, Article)]
    assert len(found) >= 3
    annotate(found[:1], options=options)  # so that the next batch runs in a zone
    zoned = [item.annotations for item in annotate(found, options=options)]
    bare = [doc_annotations(nlp(make_doc(nlp, a.text, published=a.published))) for a in found]
    assert zoned == bare


def test_the_lemmatizer_memo_is_emptied_past_its_limit(monkeypatch) -> None:
    nlp = annotator_pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer")
    options = Options.from_env(environ={})
    batch = [_article(Path(p).read_text("utf-8")) for p in sorted((CORPUS / "text").iterdir())]
    annotate(batch, options=options)
    assert len(lemmatizer.cache) > 20  # the control: the memo grows as spaCy parses
    kept = [item.annotations for item in annotate(batch, options=options)]
    monkeypatch.setattr(newsgraph.nlp, "LEMMA_CACHE_LIMIT", 20)
    emptied = [item.annotations for item in annotate(batch, options=options)]
    assert len(lemmatizer.cache) == 0
    assert emptied == kept
