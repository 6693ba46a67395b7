"""Read an MHTML archive (a browser's "save as single file").

The archive is a MIME ``multipart/related`` message, parsed with the standard
:mod:`email` package. The page is the HTML part the root points at (the ``start``
Content-ID, or the part whose ``Content-Location`` is the root's
``Snapshot-Content-Location`` / ``Content-Location``), else the first HTML part. Its
transfer encoding (quoted-printable, base64) and charset are decoded; its
``Content-Location`` is the page URL. A single-part message whose root is HTML is read
as that page.
"""

from __future__ import annotations

import email
import logging
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers.html import html_page

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_mhtml(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """One :class:`RawPage` for the MHTML file at ``path`` (or a :class:`Rejected`).
    ``options`` is unused: the file size was checked before reading."""
    message = email.message_from_bytes(path.read_bytes())
    problem = _structure_problem(message)
    if problem is not None:
        yield Rejected(str(path), problem, "mhtml")
        return
    part = main_part(message)
    if part is None:
        yield Rejected(str(path), "MHTML holds no text/html part", "mhtml")
        return
    yield html_page(
        part.get_payload(decode=True) or b"",
        source_path=str(path),
        source_format="mhtml",
        declared=part.get_content_charset(),
        url=_location(part) or _root_location(message),
    )


def main_part(message: Message) -> Message | None:
    """The HTML part that holds the page, or ``None`` when there is none."""
    parts = [p for p in message.walk() if p.get_content_type() in HTML_TYPES]
    start = _unbracket(message.get_param("start"))
    by_id = [p for p in parts if start and _unbracket(p.get("Content-ID")) == start]
    root_url = _root_location(message)
    by_url = [p for p in parts if root_url and _location(p) == root_url]
    for chosen in (by_id, by_url, parts):
        if chosen:
            return chosen[0]
    return None


def _structure_problem(message: Message) -> str | None:
    """Why ``message`` is not a readable MHTML archive, or ``None`` when it is."""
    content_type = message.get_content_type()
    if content_type in HTML_TYPES:
        return None
    if not content_type.startswith("multipart/"):
        return f"MHTML root is {content_type}, not multipart/related"
    boundary = message.get_boundary()
    if boundary is None:
        return "MHTML Content-Type header names no multipart boundary"
    if not message.is_multipart():
        return f"MHTML boundary {boundary!r} never appears in the body"
    return None


def _root_location(message: Message) -> str | None:
    return _unfold(message.get("Snapshot-Content-Location")) or _location(message)


def _location(part: Message) -> str | None:
    return _unfold(part.get("Content-Location"))


def _unfold(value: object) -> str | None:
    """A header value with folding whitespace removed (URLs hold no spaces)."""
    if value is None:
        return None
    return "".join(str(value).split()) or None


def _unbracket(value: object) -> str | None:
    if value is None or not isinstance(value, str):
        return None
    return value.strip().strip("<>") or None
