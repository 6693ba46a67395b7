"""Table definitions (SQLAlchemy Core). Alembic migrations create them; this module is
what queries are written against. Keep the two in step: ``tests/store/test_schema.py``
compares them."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

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
    Column("ingested_at", DateTime(timezone=True), nullable=False),
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
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_document_sources_path", "source_path"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("source_path", Text, primary_key=True),
    Column("source_format", String(8)),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
)

DOCUMENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in documents.columns)
