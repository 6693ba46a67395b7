"""Fixtures for a real PostgreSQL server (imported by conftest.py).

``pg_url`` starts one private server for the whole run (tests/pgserver.py); without
PostgreSQL binaries the tests that need it skip, unless ``NEWSGRAPH_REQUIRE_PG=1`` (set
by CI), which turns the skip into a failure so that CI never passes by skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

import pgserver
from newsgraph.store import Store


def unavailable(reason: object) -> None:
    """Skip the test for want of PostgreSQL, or fail it when CI requires PostgreSQL."""
    if os.environ.get(pgserver.REQUIRE_ENV) == "1":
        pytest.fail(f"{pgserver.REQUIRE_ENV}=1 but: {reason}", pytrace=False)
    pytest.skip(str(reason))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A running server's URL (superuser, database ``postgres``)."""
    with ExitStack() as stack:
        try:
            url = stack.enter_context(pgserver.session_server())
        except pgserver.Unavailable as exc:
            unavailable(exc)
        yield url


@pytest.fixture
def pg_db_url(pg_url: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    with pgserver.fresh_database(pg_url) as url:
        yield url


@pytest.fixture(scope="session")
def pg_migrated(pg_url: str) -> Iterator[str]:
    """The name of a database migrated to the newest schema, to copy per test (copying
    is faster than migrating anew; the migrations still run on PostgreSQL once)."""
    with pgserver.fresh_database(pg_url) as url:
        Store(url).close()
        yield make_url(url).database


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL on each backend in turn: a new SQLite file, or a fresh PostgreSQL
    database already at the newest schema. A test module runs its ``store`` tests on
    both by overriding ``db_url`` with this fixture."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server = request.getfixturevalue("pg_url")
    template = request.getfixturevalue("pg_migrated")
    with pgserver.fresh_database(server, template=template) as url:
        yield url
