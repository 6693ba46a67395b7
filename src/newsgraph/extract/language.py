"""Language of a body, by py3langid (its model ships inside the package).

py3langid finds a text's features (byte n-grams) by walking a finite automaton over
the text's bytes, one Python step a byte: about half of its time. :class:`Identifier`
is py3langid's own identifier with that walk done by numpy. The automaton is
6-definite: after any :data:`WINDOW` bytes it is in the same state whatever state it
started in (``tests/extract/test_language.py`` proves it for the installed model). So
the state after each byte is the state reached from the start state over the
:data:`WINDOW` bytes that end there, which numpy computes for every position at once.
The features are counted in the order py3langid counts them, so the scores are the
same, bit for bit.

py3langid ships its model as an LZMA-compressed ``.npz``; inflating it costs about half a
second of CPU in every process. :func:`cached_identifier` keeps the inflated ``.npz`` in
the ``cache_dir`` setting's directory (:mod:`newsgraph.disk_cache`), keyed by the model
file's digest, and reads the same arrays from it in a tenth of the time.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import lzma
import shutil
import zipfile
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from newsgraph import disk_cache
from newsgraph.options import cache_directory

log = logging.getLogger(__name__)

# Below this many letters a guess is noise; leave the language unknown.
_MIN_LETTERS = 40
SAMPLE_CHARS = 5000
WINDOW = 6
"""Bytes after which py3langid's automaton forgets the state it started in."""


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``; the page's declared language only breaks a tie
    on very short bodies."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, _MIN_LETTERS):
        return _primary(declared)
    code, _score = load_model().classify(sample)
    return code


def _has_letters(text: str, wanted: int) -> bool:
    """Does ``text`` hold at least ``wanted`` letters? Counted a slice at a time, so a
    body stops being read at its first few hundred characters."""
    seen = 0
    for start in range(0, len(text), 256):
        if seen >= wanted:
            break
        seen += sum(map(str.isalpha, text[start : start + 256]))
    return seen >= wanted


def _primary(declared: str | None) -> str | None:
    if not declared:
        return None
    return declared.split("-")[0].split("_")[0].lower() or None


class Identifier(LanguageIdentifier):
    """py3langid's :class:`LanguageIdentifier`, with the automaton walk in numpy."""

    __slots__ = ("_moves", "_offsets", "_outputs")

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._moves = np.asarray(self.tk_nextmove)  # a view of py3langid's table
        self._offsets = np.asarray(self._rowbase, dtype=np.int64)
        self._outputs = np.asarray(self.tk_output, dtype=np.int64)

    def _raw_score(self, text: bytes):  # type: ignore[no-untyped-def]  # noqa: ANN202
        states = self.states(np.frombuffer(text, dtype=np.uint8))
        features = self._outputs[states]
        found = features[features >= 0].tolist()
        if not found:  # py3langid's own answer for a text without features
            return super()._raw_score(text)
        # py3langid's visit_counts: a Counter filled in text order
        return self._sparse_score(Counter(found), self.nb_ptc)

    def states(self, data: np.ndarray) -> np.ndarray:
        """The automaton's state after each byte of ``data``, from the start state."""
        moves, offsets = self._moves, self._offsets
        size = len(data)
        head = min(size, WINDOW - 1)
        states = np.empty(size, dtype=np.int64)
        state = 0
        for position in range(head):  # fewer than WINDOW bytes read: walk them
            state = int(moves[offsets[state] + data[position]])
            states[position] = state
        if size > head:
            current = np.zeros(size - head, dtype=np.int64)
            for step in range(WINDOW):
                current = moves[offsets[current] + data[step : step + size - head]]
            states[head:] = current
        return states


@functools.cache
def load_model() -> Identifier:
    """Load py3langid's model now (once per process, from the cache directory when it
    can be), so that the first page's ``max_seconds_per_article`` is not spent on it."""
    return cached_identifier(cache_directory())


def cached_identifier(directory: Path) -> Identifier:
    """The identifier read from the inflated model in ``directory``, inflating it there
    first when it is missing or damaged; py3langid's own loader when that fails."""
    source = MODEL_DIR / MODEL_FILE
    try:
        path = cache_path(directory, source)
    except OSError as exc:
        log.info("language model not cached: %s", exc)
        return Identifier.from_model_file(MODEL_FILE)
    model = _read_inflated(path)
    if model is None and disk_cache.write_atomic(path, functools.partial(_inflate, source)):
        model = _read_inflated(path)
    if model is None:
        return Identifier.from_model_file(MODEL_FILE)
    ptc, pc, classes, nextmove, row, output = model
    return Identifier(ptc, pc, classes, nextmove, output, tk_row=row)


def cache_path(directory: Path, source: Path) -> Path:
    """The inflated model's file, keyed by py3langid's version and the model's digest."""
    digest = hashlib.sha256(source.read_bytes()).digest()
    return disk_cache.keyed_path(directory, "langid", (py3langid.__version__, digest), ".npz")


def _inflate(source: Path, file: Any) -> None:
    with lzma.open(source) as compressed:
        shutil.copyfileobj(compressed, file, length=1 << 20)


def _read_inflated(path: Path) -> tuple[Any, ...] | None:
    """What py3langid's ``modelio.load_model`` makes of the model, read from its inflated
    copy; None when that is missing or damaged (the zip's CRCs are checked as read)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            return (
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                _stdlib_array(data["nextmove"]),
                _stdlib_array(data["nextmove_row"]),
                data["out_feat"].tolist(),
            )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.info("cache file %s is unusable (%s); rebuilding it", path, exc)
        return None


def _stdlib_array(values: np.ndarray) -> array:
    """An unsigned integer array as the stdlib ``array`` py3langid's walk indexes."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out
