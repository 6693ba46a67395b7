"""The Python API. Every CLI command is a thin wrapper over one method here.

>>> from newsgraph import Newsgraph
>>> graph = Newsgraph("sqlite:///news.db")          # doctest: +SKIP
>>> report = graph.ingest("examples/corpus")        # doctest: +SKIP
>>> graph.documents(search="ceasefire", limit=5)    # doctest: +SKIP
"""

from __future__ import annotations

from os import PathLike
from typing import IO, Any

from newsgraph.export import write_rows
from newsgraph.options import Options
from newsgraph.pipeline import IngestReport, OnResult, ingest
from newsgraph.store import Store
from newsgraph.store.schema import metadata

# Tables that `export` writes; per-sentence tables also carry the sentence's text.
EXPORTABLE: dict[str, tuple[str, ...]] = {
    "documents": (),
    "actors": (),
    "mentions": ("sentence_text",),
    "dates": ("sentence_text",),
    "places": ("sentence_text",),
    "quotes": ("speaker", "sentence_text"),
}
QUOTE_KINDS = ("direct", "partial", "indirect")
ACTOR_TYPES = {"person": "person", "org": "organisation", "country": "country"}


class Newsgraph:
    """A store plus the options to fill and read it."""

    def __init__(self, db: str | None = None, *, options: Options | None = None) -> None:
        base = options or Options.from_env()
        self.options = Options.from_env(**{**base.as_dict(), "db_url": db or base.db_url})
        self.store = Store(self.options.db_url)

    def ingest(
        self, *paths: str | PathLike[str], on_result: OnResult | None = None
    ) -> IngestReport:
        """Read, extract and store every page under ``paths``."""
        return ingest(paths, store=self.store, options=self.options, on_result=on_result)

    def documents(
        self,
        *,
        search: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Documents matching every filter given, newest first."""
        return self.store.documents(
            search=search, site=site, since=since, until=until, limit=limit, offset=offset
        )

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document with its text and every source path it was read from."""
        return self.store.document(doc_id)

    def actors(
        self,
        *,
        type: str | None = None,  # noqa: A002 - the CLI flag's name
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Actors (``type`` person, org or country), most mentioned first."""
        kind = ACTOR_TYPES.get(type, type) if type else None
        return self.store.actors(type=kind, search=search, limit=limit, offset=offset)

    def actor(self, name: str, *, limit: int = 20) -> dict[str, Any]:
        """One actor by id, name or code: aliases, mentions, co-occurring actors."""
        return self.store.actor_profile(name, limit=limit)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        search: str | None = None,
        kind: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotations: by speaker name, about an actor (mentioned inside the quote),
        containing ``search``, of one ``kind`` (direct, partial, indirect)."""
        return self.store.quotes(
            speaker=speaker, about=about, search=search, kind=kind, limit=limit, offset=offset
        )

    def rejections(self) -> list[dict[str, Any]]:
        return self.store.rejections()

    def export(self, table: str, *, fmt: str, out: IO[bytes]) -> int:
        """Write ``table`` to ``out`` as jsonl, csv or parquet; return the row count."""
        return write_rows(
            self.store.iter_rows(table),
            table=metadata.tables[table],
            fmt=fmt,
            out=out,
            extra=EXPORTABLE[table],
        )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Newsgraph:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
