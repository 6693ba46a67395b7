"""Table definitions (SQLAlchemy Core). Alembic migrations create them; this module is
what queries are written against. Keep the two in step: ``tests/store/test_schema.py``
compares them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from newsgraph.store.sql import UTCDateTime

metadata = MetaData()


def span_columns() -> list[Column]:
    """The key and place of a per-sentence record: its document, character offsets in the
    document text, the text itself and the sentence's index."""
    return [
        Column("doc_id", String(16), primary_key=True),
        Column("start", Integer, primary_key=True),
        Column("end", Integer, primary_key=True),
        Column("text", Text, nullable=False),
        Column("sentence", Integer, nullable=False),
    ]


documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("site", Text),
    Column("published", String(10)),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    Column("source_format", String(8), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("ingested_at", UTCDateTime(), nullable=False),
    Column("annotated_at", UTCDateTime()),
    Column("nlp_note", Text),
    Index("ix_documents_canonical_url", "canonical_url"),
    Index("ix_documents_content_sha256", "content_sha256"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_site", "site"),
)

document_sources = Table(
    "document_sources",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("source_path", Text, primary_key=True),
    Column("source_format", String(8), nullable=False),
    Column("ingested_at", UTCDateTime(), nullable=False),
    Index("ix_document_sources_path", "source_path"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("source_path", Text, primary_key=True),
    Column("source_format", String(8)),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_seen", UTCDateTime(), nullable=False),
)

# Input files fully stored, so a re-run skips them unread (store/progress.py).
ingested_files = Table(
    "ingested_files",
    metadata,
    Column("path", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("ingested_at", UTCDateTime(), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("tone", Float),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("type", String(12), nullable=False),
    Column("country", String(3)),
    Column("role", String(8)),
    Column("code", String(16)),
    Column("aliases", JSON, nullable=False),
    Column("affiliation", Text),
    Column("block", Text, nullable=False),
    Index("ix_actors_block", "block"),
    Index("ix_actors_name", "name"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("actor_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(12), nullable=False),
    Column("sentence", Integer, nullable=False),
    Index("ix_mentions_actor_doc", "actor_id", "doc_id"),
    Index("ix_mentions_doc_actor", "doc_id", "actor_id"),
)

dates = Table(
    "dates",
    metadata,
    *span_columns(),
    Column("date_start", String(10), nullable=False),
    Column("date_end", String(10), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("granularity", String(8), nullable=False),
    Index("ix_dates_date_start", "date_start"),
)

places = Table(
    "places",
    metadata,
    *span_columns(),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("kind", String(10), nullable=False),
    Column("geonameid", Integer),
    Index("ix_places_country", "country"),
)

quotes = Table(
    "quotes",
    metadata,
    *span_columns(),
    Column("kind", String(8), nullable=False),
    Column("speaker_actor", String(16)),
    Column("speaker_text", Text),
    Column("cue", Text),
    Column("addressee", Text),
    Column("addressee_actor", String(16)),
    Index("ix_quotes_speaker", "speaker_actor"),
)

events = Table(
    "events",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("source_actor", String(16)),
    Column("target_actor", String(16)),
    Column("source_text", Text),
    Column("target_text", Text),
    Column("cameo", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("status", String(12), nullable=False),
    Column("date", String(10)),
    Column("place_name", Text),
    Column("place_country", String(3)),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("tone", Float),
    Column("pattern", Text),
    Index("ix_events_date", "date"),
    Index("ix_events_cameo", "cameo"),
)


def _edge_index(name: str, first: str, other: str) -> None:
    """Cover one actor's network edges, timeline and newest events (migration 0007).
    Newest first, undated last, is read from SQLite's ascending index walked backwards;
    PostgreSQL's index holds that order itself (migration 0009), as walking an ascending
    one backwards puts its undated rows first."""
    date = {"sqlite": events.c.date, "postgresql": events.c.date.desc().nulls_last()}
    for dialect, column in date.items():
        columns = (events.c.status, column, events.c[other], events.c.quad_class)
        Index(name, events.c[first], *columns, events.c.goldstein).ddl_if(dialect=dialect)


_edge_index("ix_events_source_edge", "source_actor", "target_actor")
_edge_index("ix_events_target_edge", "target_actor", "source_actor")
# Documents newest first, undated last, ties by id: the listings' order (migration 0009;
# on SQLite ix_documents_published walked backwards gives it).
_newest = documents.c.published.desc().nulls_last()
Index("ix_documents_newest", _newest, documents.c.id).ddl_if(dialect="postgresql")

counts = Table(
    "counts",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("sentence", Integer, nullable=False),
    Column("kind", String(12), nullable=False),
    Column("number", BigInteger, nullable=False),
    Column("qualifier", Text),
    Column("object", Text),
)

tones = Table(
    "tones",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("tone", Float, nullable=False),
    Column("positive", Float, nullable=False),
    Column("negative", Float, nullable=False),
    Column("polarity", Float, nullable=False),
    Column("activity_density", Float, nullable=False),
    Column("self_group_density", Float, nullable=False),
    Column("word_count", Integer, nullable=False),
)

# The actor network summed per directed pair of distinct actors over the events that
# network() counts (status "fact"), kept up to date by the writes (migration 0008), so
# the whole network is read without aggregating every event. Goldstein scores (one
# decimal on the CAMEO scale) are summed in tenths, as integers: exact in any order.
edges = Table(
    "edges",
    metadata,
    Column("source_actor", String(16), primary_key=True),
    Column("target_actor", String(16), primary_key=True),
    Column("events", Integer, nullable=False),
    Column("goldstein_tenths", BigInteger, nullable=False),
    Column("cooperation", Integer, nullable=False),
    Column("conflict", Integer, nullable=False),
    Index("ix_edges_target", "target_actor"),
)
# The heaviest edges first, for the top of the whole network without sorting it.
Index("ix_edges_events", edges.c.events.desc(), edges.c.source_actor, edges.c.target_actor)

# Per-document annotation tables, replaced whole when a document is annotated again.
ANNOTATION_TABLES = (sentences, mentions, dates, places, quotes, events, counts, tones)

DOCUMENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in documents.columns)
