"""Language of a body, by py3langid (its model ships inside the package)."""

from __future__ import annotations

import functools

import py3langid

# Below this many letters a guess is noise; leave the language unknown.
_MIN_LETTERS = 40


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``; the page's declared language only breaks a tie
    on very short bodies."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return _primary(declared)
    code, _score = py3langid.classify(sample)
    return code


def _primary(declared: str | None) -> str | None:
    if not declared:
        return None
    return declared.split("-")[0].split("_")[0].lower() or None


@functools.cache
def load_model() -> None:
    """Load py3langid's model now (about 2 s, once per process), so that the first
    page's ``max_seconds_per_article`` is not spent on it."""
    py3langid.classify("a few words to load the model")
