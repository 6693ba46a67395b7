"""The /api endpoints: each declares its parameters (types, bounds, allowed values, so
/api/openapi.json is exact and a malformed one is a 422) and hands the work to a query
in :mod:`newsgraph.store`. Query parameters are named like the CLI's flags."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BeforeValidator
from sqlalchemy import Connection, func, select

from newsgraph.graph import ACTOR_TYPES, Newsgraph
from newsgraph.server import models
from newsgraph.server.errors import ApiError, not_found_as
from newsgraph.store import doc_queries, record_queries, schema, timeline_queries

router = APIRouter(
    prefix="/api",
    responses={
        status: {"model": models.ErrorBody, "description": description}
        for status, description in (
            (400, "Refused request"),
            (401, "Missing or wrong token"),
            (404, "No such record"),
            (422, "Malformed parameter"),
        )
    },
)

MAX_TEXT = 200
NO_NUL = r"^[^\x00]*$"
EXPORT_MEDIA = {  # Starlette adds "; charset=utf-8" to the text/* ones
    "csv": ("text/csv", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "gdelt-events": ("text/tab-separated-values", "gdelt.tsv"),
    "gkg": ("text/tab-separated-values", "gkg.tsv"),
}
# Formats bound to one table: GDELT events are events, a GKG record is a document.
GDELT_TABLES = {"gdelt-events": "events", "gkg": "documents"}
ExportTable = Literal[
    "documents", "actors", "mentions", "quotes", "events", "counts", "dates", "places"
]
ExportFormat = Literal["csv", "jsonl", "parquet", "gdelt-events", "gkg"]


def graph(request: Request) -> Newsgraph:
    return request.app.state.graph


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.graph.store.engine.connect() as opened:
        yield opened


Conn = Annotated[Connection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first.")]


def words(description: str, **more: Any) -> Any:
    """A free-text query parameter: at most MAX_TEXT characters, no NUL (which
    PostgreSQL cannot store or compare)."""
    return Query(max_length=MAX_TEXT, pattern=NO_NUL, description=description, **more)


def calendar_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` is a day: pydantic alone would also read a number as a Unix
    time (``since=0`` as 1970-01-01) and accept a date-time."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("must be a day as YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(calendar_day)]
Since = Annotated[Day | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[Day | None, Query(description="On or before this day (YYYY-MM-DD).")]
ActorRef = Annotated[str | None, words("Actor id, name or code.", min_length=1)]


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@router.get("/health", response_model=models.Health)
def health(db: Conn, request: Request) -> dict:
    """Liveness, the store's schema revision and its number of documents."""
    store = request.app.state.graph.store
    return {"status": "ok", "schema": store.schema_version(), "documents": _count_documents(db)}


def _count_documents(db: Connection) -> int:
    return db.execute(select(func.count()).select_from(schema.documents)).scalar_one()


@router.get("/documents", response_model=models.Page[models.DocumentItem])
def documents(
    db: Conn,
    q: Annotated[str | None, words('Full-text search; "a phrase".')] = None,
    search: Annotated[str | None, words("Same as q.")] = None,
    site: Annotated[str | None, words("Only this site (name as stored).")] = None,
    since: Since = None,
    until: Until = None,
    actor: ActorRef = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Documents matching every filter, newest publication first (ties by id)."""
    with not_found_as("actor"):
        return doc_queries.document_page(
            db,
            search=q or search,
            site=site,
            since=iso(since),
            until=iso(until),
            actor=actor,
            limit=limit,
            offset=offset,
        )


@router.get("/documents/{doc_id}", response_model=models.Document)
def document(db: Conn, doc_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)]) -> dict:
    """One document, its text and every annotation with character offsets into it."""
    return doc_queries.document_view(db, doc_id)


@router.get("/actors", response_model=models.Page[models.ActorItem])
def actors(
    db: Conn,
    search: Annotated[str | None, words("Part of a name.")] = None,
    type: Literal["person", "org", "country"] | None = None,  # noqa: A002 - the CLI flag
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Actors, most mentioned first (ties by id)."""
    kind = ACTOR_TYPES[type] if type else None
    return record_queries.actor_page(db, type=kind, search=search, limit=limit, offset=offset)


@router.get("/actors/{actor_id}", response_model=models.ActorProfile)
def actor(db: Conn, actor_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)]) -> dict:
    """One actor: aliases, quotes said, fact events as source and as target (50 newest
    each), actors it shares documents with, events and quotes per day."""
    return timeline_queries.actor_view(db, actor_id)


@router.get("/quotes", response_model=models.Page[models.Quote])
def quotes(
    db: Conn,
    speaker: Annotated[str | None, words("Part of the speaker's name.")] = None,
    about: Annotated[str | None, words("An actor mentioned in the quote.", min_length=1)] = None,
    search: Annotated[str | None, words("Words in the quote.")] = None,
    kind: Literal["direct", "partial", "indirect"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Quotations, newest document first, in text order."""
    with not_found_as("about"):
        return record_queries.quote_page(
            db, speaker=speaker, about=about, search=search, kind=kind, limit=limit, offset=offset
        )


@router.get("/events", response_model=models.Page[models.Event])
def events(
    db: Conn,
    actor: ActorRef = None,
    code: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix.")
    ] = None,
    root: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root code.")
    ] = None,
    since: Since = None,
    until: Until = None,
    status: Literal["fact", "negated", "hypothetical", "question", "future", "all"] = "fact",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Coded events (facts unless ``status`` says otherwise), newest first."""
    with not_found_as("actor"):
        return record_queries.event_page(
            db,
            actor=actor,
            code=code,
            root=root,
            since=iso(since),
            until=iso(until),
            status=None if status == "all" else status,
            limit=limit,
            offset=offset,
        )


@router.get("/network", response_model=models.Network)
def network(
    db: Conn,
    actor: ActorRef = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many edges.")] = 200,
) -> dict:
    """Directed actor-to-actor edges over fact events, most events first."""
    with not_found_as("actor"):
        return record_queries.network_graph(
            db, actor=actor, since=iso(since), until=iso(until), limit=limit
        )


@router.get("/timeline", response_model=models.Timeline)
def timeline(
    db: Conn,
    actor: Annotated[
        list[Annotated[str, words("Actor id, name or code.", min_length=1)]],
        Query(min_length=1, max_length=20, description="Actor id, name or code; repeatable."),
    ],
    since: Since = None,
    until: Until = None,
) -> dict:
    """Fact events and quotes per day for a set of actors, oldest day first."""
    with not_found_as("actor"):
        return timeline_queries.actors_timeline(db, actor, since=iso(since), until=iso(until))


@router.get("/search", response_model=models.SearchResults)
def search(
    db: Conn,
    q: Annotated[str, words("Words to look for.", min_length=1)],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many of each.")] = 10,
) -> dict:
    """Documents (full text), quotes (words in the quote) and actors (part of a name)."""
    page = {"limit": limit, "offset": 0}
    return {
        "documents": doc_queries.document_page(db, search=q, **page)["items"],
        "quotes": record_queries.quote_page(db, search=q, **page)["items"],
        "actors": record_queries.actor_page(db, search=q, **page)["items"],
    }


@router.get(
    "/export/{table}",
    response_class=StreamingResponse,
    responses={200: {"content": {media: {} for media, _ in EXPORT_MEDIA.values()}}},
)
def export(
    table: ExportTable,
    source: Annotated[Newsgraph, Depends(graph)],
    format: ExportFormat = "jsonl",  # noqa: A002 - the CLI flag
) -> StreamingResponse:
    """A whole table as a download: csv, jsonl or parquet; ``gdelt-events`` (events
    only) is GDELT 2.0's events table, ``gkg`` (documents only) GDELT GKG 2.1."""
    bound = GDELT_TABLES.get(format)
    if bound is not None and bound != table:
        raise ApiError(422, f"format: {format} exports the {bound} table only", "format")
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    if format == "gdelt-events":
        source.export_gdelt("events", out=spool)
    elif format == "gkg":
        source.export_gdelt("gkg", out=spool)
    else:
        source.export(table, fmt=format, out=spool)
    spool.seek(0)
    media, suffix = EXPORT_MEDIA[format]
    return StreamingResponse(
        _chunks(spool),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{table}.{suffix}"'},
    )


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(64 * 1024):
            yield chunk
