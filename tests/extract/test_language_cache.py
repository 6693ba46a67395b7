"""The inflated py3langid model in the cache directory: the same identifier as
py3langid's own loader, rebuilt when damaged, never needed, renamed with the model."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE

from corpus import CORPUS
from newsgraph.extract import language
from newsgraph.extract.language import Identifier, cache_path, cached_identifier

SOURCE = MODEL_DIR / MODEL_FILE
# Real bodies (English), with the shortest and a featureless text py3langid answers apart.
TEXTS = (
    *(path.read_text(encoding="utf-8") for path in sorted((CORPUS / "text").glob("*.txt"))),
    "a",
    "1234 5678",
)


@functools.cache
def _stock() -> Identifier:
    """Our identifier over py3langid's own loader."""
    return Identifier.from_model_file(MODEL_FILE)


def assert_same(identifier: Identifier) -> None:
    """Every table equal, of the same type and element type, and the same answers."""
    stock = _stock()
    for name in ("nb_ptc", "nb_pc", "tk_nextmove", "tk_row", "_moves", "_offsets", "_outputs"):
        ours, theirs = getattr(identifier, name), getattr(stock, name)
        assert type(ours) is type(theirs), name
        if isinstance(ours, np.ndarray):
            assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs), name
        else:
            assert ours.typecode == theirs.typecode and ours == theirs, name
    for name in ("nb_classes", "tk_output", "_rowbase", "_alias_pairs"):
        assert getattr(identifier, name) == getattr(stock, name), name
    assert [identifier.classify(t) for t in TEXTS] == [stock.classify(t) for t in TEXTS]


def test_the_cached_model_is_py3langids(tmp_path: Path) -> None:
    assert_same(cached_identifier(tmp_path))
    path = cache_path(tmp_path, SOURCE)
    stamp = path.stat().st_mtime_ns
    assert_same(cached_identifier(tmp_path))
    assert path.stat().st_mtime_ns == stamp  # read, not inflated again


def test_a_damaged_file_is_inflated_again(tmp_path: Path) -> None:
    cached_identifier(tmp_path)
    path = cache_path(tmp_path, SOURCE)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # inside an array: only the zip's CRC can tell
    path.write_bytes(data)
    assert language._read_inflated(path) is None
    assert_same(cached_identifier(tmp_path))
    assert language._read_inflated(path) is not None  # rewritten
    path.write_bytes(data[: len(data) // 3])  # truncated
    assert_same(cached_identifier(tmp_path))


def test_an_unwritable_cache_directory_still_gives_the_model(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert_same(cached_identifier(blocker / "cache"))


def test_a_new_model_or_py3langid_gives_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cache_path(tmp_path, SOURCE)
    assert cache_path(tmp_path, SOURCE) == path
    other = tmp_path / "model.npz.xz"
    other.write_bytes(SOURCE.read_bytes() + b"\0")
    assert cache_path(tmp_path, other) != path
    monkeypatch.setattr(py3langid, "__version__", "0.0.0")
    assert cache_path(tmp_path, SOURCE) != path
