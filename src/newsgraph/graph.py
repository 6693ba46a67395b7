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

EXPORTABLE = ("documents",)


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

    def rejections(self) -> list[dict[str, Any]]:
        return self.store.rejections()

    def export(self, table: str, *, fmt: str, out: IO[bytes]) -> int:
        """Write ``table`` to ``out`` as jsonl, csv or parquet; return the row count."""
        return write_rows(
            self.store.iter_rows(table), table=metadata.tables[table], fmt=fmt, out=out
        )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Newsgraph:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
