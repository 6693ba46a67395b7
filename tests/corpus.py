"""Where the sample corpus and its manifest are, for tests and fixtures alike.

A plain module rather than conftest: with conftest files in subfolders, ``from conftest
import`` would pick whichever conftest pytest loaded first."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
EXPECTED = Path(__file__).resolve().parent / "data" / "corpus_expected.jsonl"


def load_expected() -> list[dict]:
    return [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line]
