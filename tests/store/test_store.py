from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import inspect, select, text, update

from newsgraph.errors import ConfigError, NotFound, StoreError
from newsgraph.extract.fingerprint import fingerprint
from newsgraph.model import AnnotatedArticle, Annotations, Article, CountRecord, Rejected, Sentence
from newsgraph.store import Store, parse_db_url
from newsgraph.store.schema import counts, metadata


@pytest.fixture
def db_url(backend_url: str) -> str:
    """Every store test here runs on SQLite and on PostgreSQL."""
    return backend_url


BODY = (
    "Kenyan and Somali negotiators met in Nairobi on Tuesday to settle the border dispute. "
    "The talks, hosted by the African Union, ran late into the night."
)


def make_article(**changes) -> Article:
    base = Article(
        title="Border talks resume",
        text=BODY,
        source_path="html/01.html",
        source_format="html",
        url="https://meridianpost.example/world/01",
        canonical_url="https://meridianpost.example/world/01",
        authors=("Amina Wanjiru",),
        site="The Meridian Post",
        published="2025-03-04",
        language="en",
        content_sha256=fingerprint(BODY),
    )
    return replace(base, **changes)


def test_migrations_create_the_declared_schema(store: Store) -> None:
    inspector = inspect(store.engine)
    for name, table in metadata.tables.items():
        columns = {c["name"] for c in inspector.get_columns(name)}
        if name == "documents" and store.engine.dialect.name == "postgresql":
            columns.remove("search")  # the generated tsvector column, PostgreSQL's FTS index
        assert columns == set(table.columns.keys())
    assert store.schema_version() == store.head_version()


def test_migrate_twice_is_harmless(db_url: str) -> None:
    Store(db_url).close()
    with Store(db_url) as again:
        assert set(again.counts().values()) == {0}


def test_migrations_build_the_tsvector_index_on_an_empty_postgresql_database(
    pg_db_url: str,
) -> None:
    with Store(pg_db_url) as store:
        assert store.schema_version() == store.head_version()
        indexes = {i["name"]: i for i in inspect(store.engine).get_indexes("documents")}
        assert indexes["ix_documents_search"]["column_names"] == ["search"]
        with store.engine.connect() as connection:
            kind = "SELECT data_type FROM information_schema.columns WHERE column_name = 'search'"
            assert connection.execute(text(kind)).scalar_one() == "tsvector"
    with Store(pg_db_url) as again:
        assert again.schema_version() == again.head_version()


def test_upgrade_to_big_counts_keeps_the_rows(store: Store) -> None:
    with store.engine.begin() as connection:
        command.downgrade(store._alembic_config(connection), "0005")
    with store.engine.begin() as connection:
        row = {"doc_id": "d", "start": 0, "end": 1, "sentence": 0, "kind": "KILL", "number": 7}
        connection.execute(counts.insert().values(**row))
    store.migrate()
    assert store.schema_version() == store.head_version()
    with store.engine.begin() as connection:
        connection.execute(update(counts).values(number=counts.c.number * 1_000_000_000))
        assert connection.execute(select(counts.c.number)).scalar_one() == 7_000_000_000


def test_same_file_twice_is_stored_once(store: Store) -> None:
    first = store.write_batch([make_article()])
    second = store.write_batch([make_article()])
    assert first[0].status == "new"
    assert second[0].status == "unchanged"
    assert second[0].doc_id == first[0].doc_id
    counts = store.counts()
    assert (counts["documents"], counts["sources"], counts["rejections"]) == (1, 1, 0)


def test_same_page_in_another_format_adds_a_source(store: Store) -> None:
    store.write_batch([make_article()])
    other = make_article(source_path="mhtml/01.mhtml", source_format="mhtml")
    [result] = store.write_batch([other])
    assert result.status == "new-source"
    record = store.document(result.doc_id)
    assert [s["source_path"] for s in record["sources"]] == ["html/01.html", "mhtml/01.mhtml"]


def test_text_dump_without_url_matches_by_fingerprint_and_fills_gaps(store: Store) -> None:
    dump = make_article(
        source_path="text/01.txt", source_format="txt", url=None, canonical_url=None, site=None
    )
    [first] = store.write_batch([dump])
    [second] = store.write_batch([make_article()])
    assert second.status == "new-source" and second.doc_id == first.doc_id
    record = store.document(first.doc_id)
    assert record["canonical_url"] == "https://meridianpost.example/world/01"
    assert record["site"] == "The Meridian Post"


def test_different_articles_are_different_documents(store: Store) -> None:
    other_body = BODY.replace("Tuesday", "Friday")
    store.write_batch(
        [
            make_article(),
            make_article(
                source_path="html/02.html",
                canonical_url="https://meridianpost.example/world/02",
                text=other_body,
                content_sha256=fingerprint(other_body),
            ),
        ]
    )
    assert store.counts()["documents"] == 2


def test_rejections_are_stored_counted_and_cleared_on_success(store: Store) -> None:
    store.write_batch([Rejected("html/01.html", "empty file", "html")])
    store.write_batch([Rejected("html/01.html", "empty file", "html")])
    [row] = store.rejections()
    assert row["attempts"] == 2 and row["reason"] == "empty file"
    store.write_batch([make_article()])
    assert store.rejections() == []


def test_search_filters_and_stable_order(store: Store) -> None:
    store.write_batch(
        [
            make_article(),
            make_article(
                source_path="b.html",
                canonical_url="https://harbourtimes.example/b",
                site="Harbour Times",
                published="2025-05-01",
                title="Tariffs on steel",
                text="Brazil answered Washington's steel tariffs with a complaint.",
                content_sha256="b" * 64,
            ),
        ]
    )
    assert [d["title"] for d in store.documents()] == ["Tariffs on steel", "Border talks resume"]
    assert [d["title"] for d in store.documents(search="nairobi border")] == ["Border talks resume"]
    assert store.documents(search='"steel tariffs"')[0]["site"] == "Harbour Times"
    assert store.documents(search='AND OR NOT ( " *') == []
    assert [d["site"] for d in store.documents(site="harbour times")] == ["Harbour Times"]
    assert [d["published"] for d in store.documents(since="2025-04-01")] == ["2025-05-01"]
    assert store.documents(limit=1, offset=1)[0]["title"] == "Border talks resume"


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("NAIROBI border", ["Border talks resume"]),  # every word, any case
        ("nairobi steel", []),
        ("tariff", ["Tariffs on steel"]),  # stemmed
        ('"steel tariffs"', ["Tariffs on steel"]),  # a phrase keeps its order
        ('"tariffs steel"', []),
        ("Nairo", []),
        ("Nairo* negot*", ["Border talks resume"]),  # prefixes
        ("steel -brazil", ["Tariffs on steel"]),  # no operators: '-' is not NOT
        ("steel | volcano", []),  # nor '|' OR
    ],
)
def test_search_reads_words_phrases_and_prefixes_alike(
    store: Store, search: str, found: list[str]
) -> None:
    store.write_batch(
        [
            make_article(),
            make_article(
                source_path="b.html",
                canonical_url="https://harbourtimes.example/b",
                title="Tariffs on steel",
                text="Brazil answered Washington's steel tariffs with a complaint.",
                content_sha256="b" * 64,
            ),
        ]
    )
    assert [d["title"] for d in store.documents(search=search)] == found


def test_fts_index_follows_updates(store: Store) -> None:
    dump = make_article(title=None, canonical_url=None, url=None)
    store.write_batch([dump])
    assert store.documents(search="resume") == []
    store.write_batch([make_article(source_path="x.html")])  # fills the missing title
    assert len(store.documents(search="resume")) == 1
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's tsvector is a generated column: nothing to check further
    with store.engine.connect() as connection:
        check = connection.execute(
            text("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        )
        assert check is not None


def test_annotations_round_trip_including_counts_above_two_billion(store: Store) -> None:
    # "3 billion people": PostgreSQL's INTEGER stops at 2**31 - 1, SQLite's does not.
    count = CountRecord("AFFECT", 3_000_000_000, "some", "people", 0, 6, 0)
    annotations = Annotations(
        sentences=(Sentence(0, 0, 85), Sentence(1, 86, len(BODY))), counts=(count,)
    )
    [result] = store.write_batch([AnnotatedArticle(make_article(), annotations)])
    [row] = store.iter_rows("counts")
    assert (row["number"], row["object"], row["doc_id"]) == (3_000_000_000, "people", result.doc_id)
    assert row["sentence_text"] == BODY[:85]
    assert store.document(result.doc_id)["annotated_at"].tzinfo is not None


def test_unknown_document_is_a_named_error(store: Store) -> None:
    with pytest.raises(NotFound, match="no document with id 'nope'"):
        store.document("nope")


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db", "redis://localhost"])
def test_bad_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError, match="database URL"):
        parse_db_url(url)


def test_postgres_urls_use_psycopg() -> None:
    assert parse_db_url("postgresql://u@localhost/news").drivername == "postgresql+psycopg"


def test_postgres_without_its_driver_is_a_config_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what `import psycopg` meets uninstalled
    with pytest.raises(ConfigError, match=r"pip install 'newsgraph\[postgres\]'"):
        Store("postgresql://u@localhost/news")


def test_missing_folder_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="no folder"):
        Store(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")
