"""``newsgraph doctor``: a sound store passes every check; each kind of damage, done on
purpose behind the store's back, fails the check that names it. Runs on SQLite and on
PostgreSQL (``backend_url``); the file-level damage is SQLite's alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import StoreError
from newsgraph.extract.fingerprint import fingerprint
from newsgraph.model import (
    ActorRecord,
    AnnotatedArticle,
    Annotations,
    Article,
    DateMention,
    Mention,
    QuoteRecord,
    Sentence,
)
from newsgraph.store import Store, parse_db_url
from newsgraph.store.doctor import Check, examine

BODY = (
    "Kenyan and Somali negotiators met in Nairobi on Tuesday to settle the border dispute. "
    "“We are close,” said Amina Wanjiru, the African Union envoy."
)


@pytest.fixture
def db_url(backend_url: str) -> str:
    return backend_url


def span(body: str, word: str) -> tuple[int, int]:
    start = body.index(word)
    return start, start + len(word)


def annotated(title: str = "Border talks resume", body: str = BODY) -> AnnotatedArticle:
    article = Article(
        title=title,
        text=body,
        source_path=f"html/{title}.html",
        source_format="html",
        site="The Meridian Post",
        published="2025-03-04",
        language="en",
        content_sha256=fingerprint(body),
    )
    first_end = body.index(". ") + 1
    day = "Tuesday" if "Tuesday" in body else "Monday"
    nairobi, when, quote = (span(body, word) for word in ("Nairobi", day, "We are close"))
    annotations = Annotations(
        sentences=(Sentence(0, 0, first_end), Sentence(1, first_end + 1, len(body))),
        actors=(ActorRecord(key="country:KEN", name="Kenya", type="country", country="KEN"),),
        mentions=(Mention("country:KEN", "Nairobi", *nairobi, sentence=0, kind="metonym"),),
        dates=(DateMention(day, *when, 0, "2025-03-04", "2025-03-04", 0.9, "day"),),
        quotes=(QuoteRecord("We are close", *quote, sentence=1, kind="direct"),),
    )
    return AnnotatedArticle(article, annotations)


@pytest.fixture
def filled(db_url: str) -> str:
    """A store holding two annotated articles, closed again."""
    with Store(db_url) as store:
        store.write_batch([annotated(), annotated("Second", BODY.replace("Tuesday", "Monday"))])
    return db_url


def run_sql(url: str, *statements: str) -> None:
    """Change the store behind its back, as a user with a SQL shell would."""
    engine = create_engine(parse_db_url(url))
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


def failed(checks: list[Check]) -> dict[str, str]:
    return {check.name: check.detail for check in checks if not check.ok}


def doctor(url: str):
    return CliRunner().invoke(app, ["doctor", "--db", url])


def test_fresh_store_passes_every_check(db_url: str) -> None:
    Store(db_url).close()
    checks = examine(db_url)
    assert failed(checks) == {}
    names = set(by_name(checks))
    assert {"open", "schema version", "orphan rows", "spans in range", "full-text index"} <= names
    result = doctor(db_url)
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output and "schema version" in result.output


def test_filled_store_passes_and_counts_its_index(filled: str) -> None:
    checks = by_name(examine(filled))
    assert all(check.ok for check in checks.values()), checks
    if filled.startswith("sqlite"):
        assert checks["full-text index"].detail == "FTS5 integrity-check ok, 2 documents indexed"
        assert checks["sqlite integrity"].ok and checks["sqlite foreign keys"].ok


def test_deleted_document_leaves_orphans_that_are_reported(filled: str) -> None:
    with Store(filled) as store:
        doc_id = store.documents(search=None, limit=10)[0]["id"]
    run_sql(filled, f"DELETE FROM documents WHERE id = '{doc_id}'")
    problems = failed(examine(filled))
    assert set(problems) == {"orphan rows"}
    detail = problems["orphan rows"]
    for table in ("sentences", "mentions", "dates", "quotes", "document_sources"):
        assert f"{table} without document: " in detail, detail
    assert f"e.g. {doc_id}:" in detail
    result = doctor(filled)
    assert result.exit_code == 1
    assert "error: orphan rows: " in result.stderr


def test_spans_outside_the_text_or_off_their_words_are_reported(filled: str) -> None:
    run_sql(
        filled,
        'UPDATE mentions SET "end" = 100000',
        'UPDATE quotes SET start = start + 1, "end" = "end" + 1',
    )
    problems = failed(examine(filled))
    assert set(problems) == {"spans in range"}
    assert "mentions out of range: 2 " in problems["spans in range"]
    assert "quotes text mismatch: 2 " in problems["spans in range"]


def test_mention_of_a_missing_actor_is_an_orphan(filled: str) -> None:
    run_sql(filled, "DELETE FROM actors")
    assert failed(examine(filled)) == {
        "orphan rows": f"mentions without actor: 2 (e.g. {_mention_keys(filled)})"
    }


def test_broken_pipeline_promises_are_orphan_rows_too(filled: str) -> None:
    """The rules of newsgraph.store.consistency (the crash tests' invariants) are the
    doctor's: a document that lost its sentences or its sources, a quote in no sentence."""
    with Store(filled) as store:
        doc_id = store.documents(search=None, limit=10)[0]["id"]
    run_sql(
        filled,
        f"DELETE FROM sentences WHERE doc_id = '{doc_id}'",
        f"DELETE FROM document_sources WHERE doc_id = '{doc_id}'",
    )
    problems = failed(examine(filled))
    assert set(problems) == {"orphan rows"}
    found = dict(line.split(": ", 1) for line in problems["orphan rows"].split("; "))
    assert set(found) == {
        "mentions without sentence",
        "dates without sentence",
        "quotes without sentence",
        "annotated documents without sentences",
        "documents without a source",
    }
    assert all(detail.startswith(f"1 (e.g. {doc_id}") for detail in found.values()), found
    assert found["documents without a source"] == f"1 (e.g. {doc_id})"
    result = doctor(filled)
    assert result.exit_code == 1
    assert "documents without a source: 1" in result.stderr


def _mention_keys(url: str) -> str:
    engine = create_engine(parse_db_url(url))
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT doc_id, start FROM mentions ORDER BY 1")).all()
    engine.dispose()
    found = [f"{doc}:{start}" for doc, start in rows]
    return ", ".join(found)


@pytest.mark.parametrize(
    ("version", "says"),
    [
        ("bogus", "'bogus' is unknown to this newsgraph"),
        ("0001", "0001 is behind"),
    ],
)
def test_wrong_schema_version_is_reported(filled: str, version: str, says: str) -> None:
    run_sql(filled, f"UPDATE alembic_version SET version_num = '{version}'")
    problems = failed(examine(filled))
    assert set(problems) == {"schema version"}
    assert problems["schema version"].startswith(says)
    result = doctor(filled)
    assert result.exit_code == 1
    assert f"error: schema version: {problems['schema version']}" in result.stderr
    if version != "bogus":
        assert "`newsgraph ingest`" in problems["schema version"]


def test_database_without_newsgraph_schema_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    assert failed(examine(f"sqlite:///{path}")) == {
        "schema version": "no schema revision: not a newsgraph store (expected "
        f"{Store(f'sqlite:///{path}', migrate=False).head_version()})"
    }


def test_broken_full_text_index_is_reported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    with Store(url) as store:
        store.write_batch([annotated()])
    # New documents no longer get indexed.
    run_sql(url, "DROP TRIGGER documents_fts_ai", "DROP TRIGGER documents_fts_au")
    with Store(url) as store:
        store.write_batch([annotated("Second", BODY.replace("Tuesday", "Monday"))])
    assert failed(examine(url)) == {"full-text index": "1 documents indexed, 2 stored"}


def test_fts_index_told_to_forget_a_row_is_reported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    with Store(url) as store:
        store.write_batch([annotated()])
    run_sql(
        url,
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', 1, 'nothing like it', 'completely different words')",
    )
    assert failed(examine(url)) == {"full-text index": "0 documents indexed, 1 stored"}


def test_damaged_fts_pages_fail_the_fts5_integrity_check(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    with Store(url) as store:
        store.write_batch([annotated()])
    # Zero the index's term pages (ids above 10; 1 and 10 are FTS5's own bookkeeping).
    run_sql(url, "UPDATE documents_fts_data SET block = zeroblob(length(block)) WHERE id > 10")
    assert failed(examine(url)) == {
        "full-text index": "FTS5 integrity-check failed: database disk image is malformed"
    }


def test_truncated_file_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    with Store(f"sqlite:///{path}") as store:
        store.write_batch([annotated()])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    result = doctor(f"sqlite:///{path}")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"error: cannot open store sqlite:///{path}: database disk image is malformed"
    )


def test_damaged_table_page_fails_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    with Store(f"sqlite:///{path}") as store:
        store.write_batch([annotated()])
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        [page] = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'mentions'")
    connection.close()
    data = bytearray(path.read_bytes())
    start = (page[0] - 1) * page_size + 8  # keep the page header, zero its cells
    data[start : start + page_size - 8] = bytes(page_size - 8)
    path.write_bytes(bytes(data))
    result = doctor(f"sqlite:///{path}")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors[0].startswith("error: sqlite integrity: ")
    assert "page" in errors[0] and len(errors) == len(result.stderr.splitlines())


def test_file_that_is_not_a_database_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="file is not a database"):
        examine(f"sqlite:///{path}")
    result = doctor(f"sqlite:///{path}")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open store ")


def test_missing_file_exits_2_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.db"
    result = doctor(f"sqlite:///{path}")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: no store at {path}: the file does not exist"
    assert not path.exists()


def test_unreachable_postgresql_server_exits_2() -> None:
    result = doctor("postgresql://nobody@127.0.0.1:9/none")  # port 9: nothing listens
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open store postgresql+psycopg://nobody@")


def test_check_whose_query_fails_is_a_failed_check_and_the_rest_still_run(filled: str) -> None:
    run_sql(filled, 'ALTER TABLE mentions RENAME COLUMN "end" TO stop')  # altered by hand
    problems = failed(examine(filled))
    assert list(problems) == ["spans in range"]
    assert problems["spans in range"].startswith("the check's query failed: ")
    assert "end" in problems["spans in range"]
