"""The fingerprint of a normalised body: the same article saved in two formats gets the
same value even when whitespace, quotation-mark styles or case differ."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_body(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalise_body(text).encode("utf-8")).hexdigest()
