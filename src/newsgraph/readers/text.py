"""Read a plain-text dump of an article.

The text is decoded (BOM, UTF-8, charset detection) but not cleaned: removing page
furniture is the extract stage's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers.detect import decode_bytes


def read_text(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """One :class:`RawPage` with ``text`` set for the file at ``path`` (or a
    :class:`Rejected`). ``options`` is unused: the file size was checked before reading."""
    text = decode_bytes(path.read_bytes())
    if not text or text.isspace():  # no stripped copy of a big file
        yield Rejected(str(path), "file holds only whitespace", "txt")
        return
    yield RawPage(source_path=str(path), source_format="txt", text=text)
