"""Read a saved HTML page.

The bytes are decoded by :func:`newsgraph.readers.detect.decode_bytes` (BOM, UTF-8,
declared and meta charset, detection). The page's URL is left to the extractor, which reads
canonical links itself; only a page with no canonical link and no ``og:url`` gets the
URL from a browser's ``<!-- saved from url=(0042)https://... -->`` comment.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers.detect import decode_bytes

logger = logging.getLogger(__name__)

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_SAVED_FROM_WINDOW = 4096
_OWN_URL = re.compile(
    r"""<link\b[^>]*\brel\s*=\s*["']?canonical|<meta\b[^>]*\bproperty\s*=\s*["']?og:url""",
    re.IGNORECASE,
)


def read_html(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """One :class:`RawPage` for the HTML file at ``path`` (or a :class:`Rejected`).
    ``options`` is unused: the file size was checked before reading."""
    yield html_page(path.read_bytes(), source_path=str(path), source_format="html")


def html_page(
    data: bytes,
    *,
    source_path: str,
    source_format: str,
    declared: str | None = None,
    url: str | None = None,
) -> RawPage | Rejected:
    """A :class:`RawPage` from HTML ``data`` decoded with the ``declared`` charset (an
    HTTP or MIME header) first; shared by the HTML, MHTML and WARC readers."""
    html = decode_bytes(data, declared=declared, markup=True)
    if not html or html.isspace():  # no stripped copy of a big page
        return Rejected(source_path, "page holds only whitespace", source_format)
    return RawPage(
        source_path=source_path,
        source_format=source_format,
        url=url or saved_from_url(html),
        html=html,
    )


def saved_from_url(html: str) -> str | None:
    """The URL in a browser's ``saved from url`` comment, when the page names no
    canonical or ``og:url`` URL of its own (the extractor reads those)."""
    match = _SAVED_FROM.search(html[:_SAVED_FROM_WINDOW])
    if match is None or _OWN_URL.search(html):
        return None
    logger.debug("page URL taken from its 'saved from url' comment")
    return match.group(1)
