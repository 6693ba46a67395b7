"""Shared fixtures: real SQLite stores in tmp_path, the sample corpus and its manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.options import Options
from newsgraph.store import Store

# Session fixture `pg_url` (a real PostgreSQL server), `pg_db_url` (a fresh database on it)
# and `backend_url` (each test once on SQLite, once on PostgreSQL): tests/pg_fixtures.py.
from pg_fixtures import backend_url, pg_db_url, pg_migrated, pg_url  # noqa: F401

# Session fixtures `served` / `served_with_token`: a real `newsgraph serve` on the sample
# corpus plus tests/data/hostile (see tests/served_corpus.py).
from served_corpus import served, served_db_url, served_with_token  # noqa: F401


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def store(db_url: str) -> Store:
    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def options(db_url: str) -> Options:
    return Options.from_env(environ={}, db_url=db_url)
