"""The Python API. Every CLI command is a thin wrapper over one method here.

>>> from newsgraph import Newsgraph
>>> graph = Newsgraph("sqlite:///news.db")          # doctest: +SKIP
>>> report = graph.ingest("examples/corpus")        # doctest: +SKIP
>>> graph.documents(search="ceasefire", limit=5)    # doctest: +SKIP
"""

from __future__ import annotations

from os import PathLike
from typing import IO, TYPE_CHECKING, Any

from newsgraph.errors import ConfigError
from newsgraph.export import export_columns, write_rows
from newsgraph.options import Options
from newsgraph.store import Store, schema
from newsgraph.store.event_queries import COUNT_EXPORT_COLUMNS, EVENT_EXPORT_COLUMNS

if TYPE_CHECKING:  # the pipeline imports spaCy and trafilatura: only for an ingest
    from newsgraph.pipeline import IngestReport, OnResult

# What `export` writes: the fields of each export, in order. Per-sentence records also
# carry the sentence's text; events and counts use the field names of their JSONL contract.
EXPORTABLE: dict[str, list[str]] = {
    "documents": export_columns(schema.documents),
    "actors": export_columns(schema.actors),
    "mentions": export_columns(schema.mentions, ("sentence_text",)),
    "dates": export_columns(schema.dates, ("sentence_text",)),
    "places": export_columns(schema.places, ("sentence_text",)),
    "quotes": export_columns(schema.quotes, ("speaker", "sentence_text")),
    "events": list(EVENT_EXPORT_COLUMNS),
    "counts": list(COUNT_EXPORT_COLUMNS),
}
ENGINES = ("local", "dask")  # where ingest runs: this machine's processes, or Dask
QUOTE_KINDS = ("direct", "partial", "indirect")
EVENT_STATUSES = ("fact", "negated", "hypothetical", "question", "future", "all")
ACTOR_TYPES = {"person": "person", "org": "organisation", "country": "country"}


class Newsgraph:
    """A store plus the options to fill and read it."""

    def __init__(self, db: str | None = None, *, options: Options | None = None) -> None:
        base = options or Options.from_env()
        self.options = Options.from_env(**{**base.as_dict(), "db_url": db or base.db_url})
        self.store = Store(self.options.db_url)

    def ingest(
        self,
        *paths: str | PathLike[str],
        on_result: OnResult | None = None,
        workers: int | None = None,
        engine: str = "local",
        scheduler: str | None = None,
        parquet_dir: str | PathLike[str] | None = None,
    ) -> IngestReport:
        """Read, extract and store every page under ``paths``, annotating in ``workers``
        processes (default: the ``workers`` setting). Safe to stop and run again.

        ``engine="dask"`` runs the stages on the Dask cluster at ``scheduler`` (default: a
        local cluster of ``workers`` processes), keeping the Parquet partitions every
        table passes through in ``parquet_dir`` when given (see docs/scale.md)."""
        if engine == "dask":
            try:
                from newsgraph.scale import ingest_dask  # imports Dask: only when asked for
            except ModuleNotFoundError as exc:
                if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
                    raise
                raise ConfigError(
                    f"the dask engine needs {exc.name}: install 'newsgraph[dask]'"
                ) from None
            return ingest_dask(
                paths,
                store=self.store,
                options=self.options,
                scheduler=scheduler,
                workers=workers,
                parquet_dir=parquet_dir,
                on_result=on_result,
            )
        if engine != "local":
            raise ConfigError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
        if scheduler or parquet_dir:
            raise ConfigError(
                "a scheduler and a Parquet folder need the dask engine (--engine dask)"
            )
        from newsgraph.pipeline import ingest  # spaCy and trafilatura: only for an ingest

        return ingest(
            paths, store=self.store, options=self.options, on_result=on_result, workers=workers
        )

    def documents(
        self,
        *,
        search: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Documents matching every filter given, newest first; ``actor`` (id, name or
        code) keeps those that mention it."""
        return self.store.documents(
            search=search,
            site=site,
            since=since,
            until=until,
            actor=actor,
            limit=limit,
            offset=offset,
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

    def events(
        self,
        *,
        actor: str | None = None,
        code: str | None = None,
        root: str | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | None = "fact",
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Coded events (``status`` "fact" by default; None for every status)."""
        return self.store.events(
            actor=actor,
            code=code,
            root=root,
            since=since,
            until=until,
            status=status,
            limit=limit,
            offset=offset,
        )

    def network(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 200,
    ) -> list[dict[str, Any]]:
        """Actor-to-actor edges with event counts and mean Goldstein value."""
        return self.store.network(actor=actor, since=since, until=until, limit=limit)

    def rejections(self) -> list[dict[str, Any]]:
        return self.store.rejections()

    def export(self, table: str, *, fmt: str, out: IO[bytes]) -> int:
        """Write ``table`` to ``out`` as jsonl, csv or parquet; return the row count."""
        return write_rows(
            self.store.iter_rows(table),
            table=schema.metadata.tables[table],
            fmt=fmt,
            out=out,
            columns=EXPORTABLE[table],
        )

    def export_gdelt(self, kind: str, *, out: IO[bytes]) -> int:
        """GDELT 2.0 formats: ``kind`` "events" (the 61-column Events table, facts only)
        or "gkg" (one GKG 2.1 record per document). Returns the row count."""
        from newsgraph import gdelt, gdelt_gkg

        with self.store.engine.connect() as connection:
            if kind == "events":
                return gdelt.write_gdelt_events(gdelt.iter_gdelt_event_rows(connection), out)
            return gdelt_gkg.write_gkg(gdelt_gkg.iter_gkg_records(connection), out)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Newsgraph:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
