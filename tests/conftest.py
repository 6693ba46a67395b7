"""Shared fixtures: real SQLite stores in tmp_path, the sample corpus and its manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.options import Options
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
EXPECTED = Path(__file__).resolve().parent / "data" / "corpus_expected.jsonl"


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


def load_expected() -> list[dict]:
    return [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line]
