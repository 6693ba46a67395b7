"""Plain dataclasses passed between the stages.

Readers yield :class:`RawPage` (or :class:`Rejected`); extraction turns a page into an
:class:`Article` (or :class:`Rejected`); the store keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page as a reader found it, before extraction.

    ``source_path`` names the file, with ``#record-N`` or ``#line-N`` appended when one
    file holds several pages (WARC, JSONL). Exactly one of ``html`` and ``text`` is set.
    ``title`` and ``published`` are hints a container gave (JSONL fields, text export
    headers); extraction prefers them when the page itself is silent. ``author`` holds
    several names joined with '; ' (the separator extraction splits on).
    """

    source_path: str
    source_format: str
    url: str | None = None
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """A file or page that could not be taken in, and why. Stored and reported."""

    source_path: str
    reason: str
    source_format: str | None = None

    def __str__(self) -> str:
        return f"{self.source_path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body without page furniture, plus its metadata."""

    title: str | None
    text: str
    source_path: str
    source_format: str
    url: str | None = None
    canonical_url: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    site: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None
    content_sha256: str = ""  # fingerprint of the normalised body


# -- annotations: what the NLP stage found, as plain records (annotate/records.py) --------


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor as one document knows it; ``key`` is document-independent for countries
    and organisations and a normalised name for people. The store resolves it to a
    global actor id across documents."""

    key: str
    name: str
    type: str  # person | organisation | country
    country: str | None = None
    role: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    actor_key: str
    text: str
    start: int
    end: int
    sentence: int
    kind: str  # name | surname | title | description | pronoun | metonym | demonym


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    sentence: int
    date_start: str
    date_end: str
    confidence: float
    granularity: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    sentence: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A quotation: ``start``/``end`` cover its content without quotation marks."""

    text: str
    start: int
    end: int
    sentence: int
    kind: str  # direct | partial | indirect
    speaker_key: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    addressee: str | None = None
    addressee_key: str | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A coded event; ``start``/``end`` are character offsets of its trigger words."""

    index: int
    sentence: int
    start: int
    end: int
    source_key: str | None
    target_key: str | None
    source_text: str | None
    target_text: str | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    status: str
    date: str | None
    place: str | None  # "name|ISO3|lat|lon"
    tone: float | None  # the sentence's tone (GDELT AvgTone of the event)
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class CountRecord:
    kind: str
    number: int
    qualifier: str | None
    object: str | None
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class ToneRecord:
    """GDELT V1.5TONE of a document: tone = positive - negative (percent of words),
    polarity = positive + negative; activity and self/group reference densities in percent
    of words; word_count."""

    tone: float
    positive: float
    negative: float
    polarity: float
    activity_density: float
    self_group_density: float
    word_count: int


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the annotators found in one article body; offsets index ``Article.text``."""

    sentences: tuple[Sentence, ...] = ()
    actors: tuple[ActorRecord, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    counts: tuple[CountRecord, ...] = ()
    tone: ToneRecord | None = None
    sentence_tones: tuple[float, ...] = ()  # per sentence, same order as ``sentences``
    note: str | None = None  # why NLP was skipped (e.g. "language 'fr': NLP runs on English only")


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    annotations: Annotations
