from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import inspect, text

from newsgraph.errors import ConfigError, NotFound, StoreError
from newsgraph.extract.fingerprint import fingerprint
from newsgraph.model import Article, Rejected
from newsgraph.store import Store, parse_db_url
from newsgraph.store.schema import metadata

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
        assert {c["name"] for c in inspector.get_columns(name)} == set(table.columns.keys())
    assert store.schema_version() == store.head_version()


def test_migrate_twice_is_harmless(db_url: str) -> None:
    Store(db_url).close()
    with Store(db_url) as again:
        assert set(again.counts().values()) == {0}


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


def test_fts_index_follows_updates(store: Store) -> None:
    dump = make_article(title=None, canonical_url=None, url=None)
    store.write_batch([dump])
    assert store.documents(search="resume") == []
    store.write_batch([make_article(source_path="x.html")])  # fills the missing title
    assert len(store.documents(search="resume")) == 1
    with store.engine.connect() as connection:
        check = connection.execute(
            text("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        )
        assert check is not None


def test_unknown_document_is_a_named_error(store: Store) -> None:
    with pytest.raises(NotFound, match="no document with id 'nope'"):
        store.document("nope")


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db", "redis://localhost"])
def test_bad_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError, match="database URL"):
        parse_db_url(url)


def test_postgres_urls_use_psycopg() -> None:
    assert parse_db_url("postgresql://u@localhost/news").drivername == "postgresql+psycopg"


def test_missing_folder_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="no folder"):
        Store(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")
