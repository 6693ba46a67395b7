"""Read the HTML pages in a WARC (or ARC) file, plain or gzip-compressed.

Every ``response`` record with a 2xx HTTP status and an HTML content type, and every
``resource`` record with an HTML content type, is one :class:`RawPage` named
``path#record-N`` (N counts every record in the file from 1). Other records are
passed over. Decoding tries UTF-8, then the HTTP charset, then the page's meta
charset, then detection (:func:`newsgraph.readers.detect.decode_bytes`).

Gzip is inflated here, not by warcio, which passes over a truncated or corrupt gzip
member in silence: :class:`GunzipStream` raises :class:`CorruptArchive` instead, and
so does a record whose content is shorter than its ``Content-Length``. The pages read
before the damage are kept and one :class:`Rejected` stands for the rest of the file.

A gzip member may inflate to at most ``max_decompressed_bytes`` (plus room for the WARC
and HTTP headers): past that, a gzip bomb would cost minutes of inflating, so the rest of
the file is skipped with :class:`MemberTooLarge`. Memory stays bounded either way: records
are read in 64 KB chunks.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import InputError
from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers.detect import human_size, over_limit_reason
from newsgraph.readers.html import html_page

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
_HEADER_ROOM = 1024 * 1024  # WARC and HTTP headers around a record's payload
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


class CorruptArchive(InputError):
    """The archive's bytes end early or do not decompress (inside this module only)."""


class MemberTooLarge(InputError):
    """A gzip member inflates past the limit (a gzip bomb, or a record over the limit)."""


class QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its multi-line warning written straight to stderr when a
    record is not followed by a blank line (a wrong ``Content-Length``): a batch reports
    one line per bad file, and the damage, if any, shows up as a :class:`Rejected`."""

    INC_RECORD = ""


def read_warc(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """A :class:`RawPage` per HTML record of the WARC at ``path``; a :class:`Rejected`
    per record over the size limit, for a damaged rest of file, or for a file with no
    HTML record at all."""
    found = False
    with path.open("rb") as raw:
        limit = options.max_decompressed_bytes
        stream = GunzipStream(raw, max_member_bytes=limit) if _is_gzip(raw) else raw
        for item in _records(stream, path=path, options=options):
            found = True
            yield item
    if not found:
        yield Rejected(str(path), "WARC holds no HTML response records", "warc")


def _records(stream: BinaryIO, *, path: Path, options: Options) -> Iterator[RawPage | Rejected]:
    """The pages (and per-record rejections) of ``stream``; a damaged archive ends
    with a :class:`Rejected` naming the record where the damage was found."""
    number, inside = 0, False
    # warcio raises many unrelated exception types (AttributeError, ValueError,
    # ArchiveLoadFailed...) on damaged input; all of them mean "the rest is unreadable".
    try:
        for number, record in enumerate(QuietArchiveIterator(stream, arc2warc=True), start=1):
            inside = True
            if _is_html_record(record):
                yield _record_page(record, source_path=f"{path}#record-{number}", options=options)
            else:
                _check_complete(record)
            inside = False
    except MemberTooLarge as exc:
        where = f"in record {number}" if inside else _after(number)
        yield Rejected(str(path), f"{exc} {where}, rest of file skipped", "warc")
    except Exception as exc:  # broad on purpose, see above
        where = f"in record {number}" if inside else _after(number)
        logger.debug("%s is damaged %s", path, where, exc_info=True)
        yield Rejected(str(path), _damage_reason(exc, where=where), "warc")


def _is_html_record(record: ArcWarcRecord) -> bool:
    if record.rec_type == "resource":
        return _media_type(record.rec_headers.get_header("Content-Type")) in HTML_TYPES
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = _media_type(record.http_headers.get_header("Content-Type"))
    return status.startswith("2") and content_type in HTML_TYPES


def _record_page(
    record: ArcWarcRecord, *, source_path: str, options: Options
) -> RawPage | Rejected:
    """The page in one HTML record, or a :class:`Rejected` when it is over the limit."""
    limit = options.max_decompressed_bytes
    declared_length = _int_or_zero(record.rec_headers.get_header("Content-Length"))
    body = b"" if declared_length > limit else _read_at_most(record.content_stream(), limit + 1)
    _check_complete(record)
    if declared_length > limit or len(body) > limit:
        size = declared_length if declared_length > limit else None  # None: inflated past it
        reason = over_limit_reason("record", size, limit, env="NEWSGRAPH_MAX_DECOMPRESSED_BYTES")
        return Rejected(source_path, reason, "warc")
    headers = record.http_headers or record.rec_headers
    return html_page(
        body,
        source_path=source_path,
        source_format="warc",
        declared=_charset(headers.get_header("Content-Type")),
        url=record.rec_headers.get_header("WARC-Target-URI"),
    )


def _check_complete(record: ArcWarcRecord) -> None:
    """Raise :class:`CorruptArchive` when the record's bytes stopped short of its
    ``Content-Length`` (a truncated file)."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        raise CorruptArchive(f"record ends {missing} bytes short of its Content-Length")


def _read_at_most(stream: BinaryIO, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0 and (chunk := stream.read(min(_CHUNK, remaining))):
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _after(number: int) -> str:
    return f"after record {number}" if number else "in record 1"


def _damage_reason(exc: Exception, *, where: str) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    detail = message if isinstance(exc, CorruptArchive) else f"{type(exc).__name__}: {message}"
    return f"WARC is truncated or corrupt {where}, rest of file skipped ({detail})"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _int_or_zero(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() else 0


def _is_gzip(raw: BinaryIO) -> bool:
    magic = raw.read(2)
    raw.seek(0)
    return magic == _GZIP_MAGIC


class GunzipStream:
    """A read-only stream of the inflated bytes of every gzip member in ``raw``.

    Unlike warcio's reader it raises :class:`CorruptArchive` when a member does not
    inflate or the file ends inside one, and :class:`MemberTooLarge` when one member
    inflates past ``max_member_bytes`` (plus room for headers); the bytes inflated
    before are returned first.
    """

    def __init__(self, raw: BinaryIO, *, max_member_bytes: int | None = None) -> None:
        self._raw = raw
        self._max_member_bytes = max_member_bytes
        self._member_bytes = 0  # inflated from the current member so far
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""  # compressed bytes not yet fed to the inflater
        self._started = False  # the current member has consumed input
        self._offset = 0  # compressed bytes read so far

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` inflated bytes (all when ``size`` < 0); ``b""`` at the end.
        A read stops at the end of a member, so that damage in the next member cannot
        take bytes already inflated down with it."""
        wanted = size if size is not None and size >= 0 else 1 << 62
        out: list[bytes] = []
        while wanted > 0:
            if self._inflater.eof:
                if out:
                    break
                self._next_member()
            chunk = self._inflate(min(wanted, _CHUNK))
            if chunk is None:
                break
            if chunk:
                out.append(chunk)
                wanted -= len(chunk)
        data = b"".join(out)
        if not data:
            self._raise_if_cut()
        return data

    def tell(self) -> int:
        return self._offset

    def close(self) -> None:
        self._raw.close()

    def _inflate(self, size: int) -> bytes | None:
        """Inflated bytes (at most ``size``; ``b""`` when only a member's end was
        read), or ``None`` at the end of the input."""
        while True:
            source = self._inflater.unconsumed_tail or self._feed()
            if not source:
                return None
            try:
                chunk = self._inflater.decompress(source, size)
            except zlib.error as exc:
                raise CorruptArchive(
                    f"gzip data is corrupt near byte {self._offset}: {exc}"
                ) from exc
            self._started = True
            self._count(len(chunk))
            if chunk or self._inflater.eof:
                return chunk

    def _count(self, inflated: int) -> None:
        self._member_bytes += inflated
        limit = self._max_member_bytes
        if limit is not None and self._member_bytes > limit + _HEADER_ROOM:
            raise MemberTooLarge(
                f"gzip member inflates past the {human_size(limit)} limit "
                "(NEWSGRAPH_MAX_DECOMPRESSED_BYTES)"
            )

    def _feed(self) -> bytes:
        data, self._pending = self._pending, b""
        if not data:
            data = self._raw.read(_CHUNK)
            self._offset += len(data)
        return data

    def _next_member(self) -> None:
        self._pending = self._inflater.unused_data + self._pending
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._started = False
        self._member_bytes = 0

    def _raise_if_cut(self) -> None:
        if self._started and not self._inflater.eof:
            raise CorruptArchive(f"gzip data ends mid-member at byte {self._offset} (truncated)")
