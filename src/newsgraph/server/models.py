"""Response schemas of the JSON API. They make /api/openapi.json say exactly what each
endpoint returns, and FastAPI checks every response against them. Every ``start``/``end``
is a character offset into the document's ``text``."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="bad_parameter, not_found, unauthorized, ...")
    message: str
    parameter: str | None = Field(description="The offending parameter, if one is to blame.")


class ErrorBody(BaseModel):
    """Every 4xx and 5xx from /api has this shape."""

    error: ErrorDetail


class Health(BaseModel):
    status: str
    schema_revision: str | None = Field(alias="schema", description="Alembic revision.")
    documents: int


class Page(BaseModel, Generic[T]):
    """One page of a list in a stable order; ``total`` counts every match."""

    items: list[T]
    limit: int
    offset: int
    total: int


class DocumentItem(BaseModel):
    id: str
    title: str | None
    authors: list[str]
    site: str | None
    url: str | None = Field(
        description="The page's http(s) URL, or null. Untrusted: a store filled by an older "
        "newsgraph may hold any scheme."
    )
    published: str | None = Field(description="YYYY-MM-DD")
    language: str | None
    words: int | None = Field(description="Word count; null until annotated.")


class Span(BaseModel):
    start: int
    end: int


class Sentence(Span):
    index: int


class Mention(Span):
    actor_id: str
    actor: str = Field(description="The actor's canonical name.")
    type: str
    code: str | None
    kind: str = Field(description="name, surname, title, description, pronoun, ...")
    text: str
    sentence: int


class Quote(Span):
    id: str
    doc_id: str
    title: str | None
    published: str | None
    text: str
    kind: str = Field(description="direct, partial or indirect")
    speaker: str | None = Field(description="The speaker's canonical name, else as written.")
    speaker_actor_id: str | None
    speaker_text: str | None
    cue: str | None
    addressee: str | None
    addressee_actor_id: str | None
    sentence_text: str = Field(description="Every sentence the quote overlaps.")


class Event(Span):
    """A coded event; ``start``/``end`` cover its trigger words."""

    id: str
    doc_id: str
    title: str | None = Field(description="The document's title.")
    date: str | None
    code: str = Field(description="CAMEO event code")
    root: str = Field(description="CAMEO root code, 01 to 20")
    quad_class: int = Field(description="1 verbal and 2 material cooperation, 3 and 4 conflict")
    goldstein: float
    status: str
    source: str | None
    source_actor_id: str | None
    source_code: str | None
    target: str | None
    target_actor_id: str | None
    target_code: str | None
    tone: float | None
    place_name: str | None
    place_country: str | None
    sentence_text: str


class DocumentEvent(Event):
    trigger_text: str


class Count(Span):
    number: int
    kind: str
    qualifier: str | None
    object: str | None
    sentence: int


class DateMention(Span):
    text: str
    sentence: int
    value: str = Field(description="YYYY-MM-DD, or a range as YYYY-MM-DD/YYYY-MM-DD.")
    date_start: str
    date_end: str
    confidence: float
    granularity: str


class Place(Span):
    text: str
    sentence: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    geonameid: int | None


class Document(DocumentItem):
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[DocumentEvent]
    counts: list[Count]
    dates: list[DateMention]
    places: list[Place]


class ActorFields(BaseModel):
    """Who an actor is: the fields every actor view shares."""

    id: str
    name: str
    type: str = Field(description="person, organisation or country")
    code: str | None
    country: str | None
    role: str | None
    aliases: list[str]
    affiliation: str | None
    mentions: int


class ActorItem(ActorFields):
    documents: int


class CoActor(BaseModel):
    id: str
    name: str
    type: str
    count: int = Field(description="Documents both actors are mentioned in.")


class Day(BaseModel):
    date: str
    events: int
    quotes: int


class ActorProfile(ActorFields):
    quotes: list[Quote]
    events_as_source: list[Event]
    events_as_target: list[Event]
    co_occurring: list[CoActor]
    timeline: list[Day]


class NetworkNode(BaseModel):
    id: str
    name: str
    type: str
    code: str | None
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float
    cooperation: int
    conflict: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Timeline(BaseModel):
    actors: list[str]
    days: list[Day]


class SearchResults(BaseModel):
    documents: list[DocumentItem]
    quotes: list[Quote]
    actors: list[ActorItem]
