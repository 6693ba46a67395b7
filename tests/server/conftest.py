"""Clients on the served corpus (the `served` fixtures live in tests/served_corpus.py)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from served_corpus import Served


@pytest.fixture(scope="session")
def client(served: Served) -> Iterator[httpx.Client]:
    with served.client() as opened:
        yield opened
