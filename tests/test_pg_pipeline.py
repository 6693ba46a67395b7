"""The sample corpus through PostgreSQL: `newsgraph ingest --db postgresql://...` stores
the same documents, search hits, actors, quotes, events, network and exports (GDELT
too) as the same ingest into SQLite, and a second ingest adds nothing."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

import pgserver
from corpus import CORPUS, load_expected
from newsgraph.graph import EXPORTABLE, Newsgraph
from newsgraph.options import Options
from newsgraph.store.schema import metadata
from newsgraph.store.sql import UTCDateTime

pytestmark = pytest.mark.slow

PAGES = [e for e in load_expected() if not e.get("broken")]
ARTICLES = {e["article"]: e for e in PAGES}  # one entry per article (its last format)
ALL = 100_000  # a limit above any count in the corpus
FIXED_TIME = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
SEARCHES = [
    "ceasefire",
    "hostages",
    "border security",
    '"prisoner exchange"',
    "negot*",
    "talks Nairobi",
    "Hezbollah Israel",
    "minist* said",
]


@dataclass
class Ingested:
    sqlite: Newsgraph
    postgresql: Newsgraph
    first: subprocess.CompletedProcess[str]  # the CLI ingest into PostgreSQL
    again: subprocess.CompletedProcess[str]  # the same ingest once more
    counts_before_again: dict[str, int]


def cli_ingest(db_url: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    command = [sys.executable, "-m", "newsgraph", "ingest", str(CORPUS), "--db", db_url]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def finish(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    stdout, stderr = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def pin_timestamps(graph: Newsgraph) -> None:
    """Set every timestamp to one instant, so the two stores can be compared whole."""
    with graph.store.engine.begin() as connection:
        for table in metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime):
                    connection.execute(
                        update(table).where(column.is_not(None)).values({column.name: FIXED_TIME})
                    )


@pytest.fixture(scope="module")
def ingested(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    sqlite_url = f"sqlite:///{tmp_path_factory.mktemp('pg-parity') / 'corpus.db'}"
    with pgserver.fresh_database(pg_url) as pg_db:
        process = cli_ingest(pg_db)  # the PostgreSQL ingest runs beside the SQLite one
        sqlite = Newsgraph(options=Options.from_env(environ={}, db_url=sqlite_url))
        sqlite.ingest(CORPUS)
        first = finish(process)
        postgresql = Newsgraph(options=Options.from_env(environ={}, db_url=pg_db))
        counts = postgresql.store.counts()
        again = finish(cli_ingest(pg_db))
        for graph in (sqlite, postgresql):
            pin_timestamps(graph)
        yield Ingested(sqlite, postgresql, first, again, counts)
        sqlite.close()
        postgresql.close()


def both(ingested: Ingested, method: str, **kwargs) -> tuple:
    return tuple(getattr(g, method)(**kwargs) for g in (ingested.sqlite, ingested.postgresql))


def summary(output: str, what: str) -> int:
    return int(re.search(rf"{what}\W+(\d+)", output).group(1))


def test_cli_ingest_stores_every_article_and_reports_the_broken_files(ingested) -> None:
    first = ingested.first
    assert first.returncode == 1, first.stderr  # the corpus holds broken files on purpose
    assert first.stderr.count("error: ") == summary(first.stdout, "failed") > 0
    assert ingested.counts_before_again["documents"] == len(ARTICLES)
    assert ingested.counts_before_again == ingested.sqlite.store.counts()


def test_second_ingest_adds_nothing(ingested) -> None:
    again = ingested.again
    assert summary(again.stdout, "new articles") == 0
    assert summary(again.stdout, "new source file") == 0
    assert summary(again.stdout, "already stored") == summary(
        ingested.first.stdout, "new articles"
    ) + summary(ingested.first.stdout, "new source file")
    after = ingested.postgresql.store.counts()
    assert {k: v for k, v in after.items() if k != "rejections"} == {
        k: v for k, v in ingested.counts_before_again.items() if k != "rejections"
    }


def test_documents_and_their_sources_match(ingested) -> None:
    sqlite, postgresql = both(ingested, "documents", limit=ALL)
    assert len(sqlite) == len(ARTICLES)
    assert postgresql == sqlite
    for doc in sqlite:
        assert ingested.postgresql.document(doc["id"]) == ingested.sqlite.document(doc["id"])


@pytest.mark.parametrize("search", SEARCHES)
def test_search_finds_the_same_documents(ingested, search: str) -> None:
    sqlite, postgresql = both(ingested, "documents", search=search, limit=ALL)
    assert sqlite, f"no document matches {search!r}"
    assert [d["id"] for d in postgresql] == [d["id"] for d in sqlite]


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_a_phrase_from_an_article_finds_it_on_both(ingested, article: str) -> None:
    page = ARTICLES[article]
    words = re.findall(r"\w+", page["with"][-1])[2:7]
    for graph in (ingested.sqlite, ingested.postgresql):
        found = graph.documents(search=f'"{" ".join(words)}"', limit=ALL)
        assert page["title"] in [d["title"] for d in found], (graph.store.url, words)


def test_actors_and_a_profile_match(ingested) -> None:
    sqlite, postgresql = both(ingested, "actors", limit=ALL)
    assert len(sqlite) > 20
    assert postgresql == sqlite
    name = sqlite[0]["name"]
    assert ingested.postgresql.actor(name) == ingested.sqlite.actor(name)


def test_quotes_and_events_match(ingested) -> None:
    for method, kwargs in (("quotes", {}), ("events", {"status": None})):
        sqlite, postgresql = both(ingested, method, limit=ALL, **kwargs)
        assert sqlite, method
        assert postgresql == sqlite, method


def test_network_matches(ingested) -> None:
    sqlite, postgresql = both(ingested, "network", limit=ALL)
    assert sqlite
    assert [{**e, "mean_goldstein": None} for e in postgresql] == [
        {**e, "mean_goldstein": None} for e in sqlite
    ]
    assert [e["mean_goldstein"] for e in postgresql] == pytest.approx(
        [e["mean_goldstein"] for e in sqlite]
    )


def export(graph: Newsgraph, table: str, fmt: str) -> bytes:
    out = io.BytesIO()
    graph.export(table, fmt=fmt, out=out)
    return out.getvalue()


@pytest.mark.parametrize("table", sorted(EXPORTABLE))
def test_exports_are_identical(ingested, table: str) -> None:
    for fmt in ("jsonl", "csv"):
        sqlite = export(ingested.sqlite, table, fmt)
        assert sqlite.count(b"\n") > 1, (table, fmt)
        assert export(ingested.postgresql, table, fmt) == sqlite, (table, fmt)


@pytest.mark.parametrize("kind", ["events", "gkg"])
def test_gdelt_exports_are_identical(ingested, kind: str) -> None:
    exported = []
    for graph in (ingested.sqlite, ingested.postgresql):
        out = io.BytesIO()
        graph.export_gdelt(kind, out=out)
        exported.append(out.getvalue())
    assert exported[0].count(b"\n") > 1
    assert exported[1] == exported[0]
