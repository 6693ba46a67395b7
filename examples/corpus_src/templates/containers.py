"""Container formats: Chrome-style MHTML, and WARC files written with warcio.

Everything is deterministic: boundaries, record ids and dates derive from the story
slugs, never from the clock or a random source."""

from __future__ import annotations

import base64
import hashlib
import quopri
import struct
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from templates.story import Story

CSS = (
    "body{font-family:Georgia,serif;margin:0}\n"
    ".skip-link{position:absolute;left:-999px}\n"
    ".pullquote,.pull-quote{font-size:1.4em;border-left:4px solid #c00;padding-left:1em}\n"
)


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80", 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def _token(*parts: str, length: int = 42) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    raw = _digest(*parts) + _digest("more", *parts)
    return "".join(alphabet[b % len(alphabet)] for b in raw)[:length]


# --- MHTML ---------------------------------------------------------------------------


def mhtml_bytes(story: Story, html: str) -> bytes:
    """A "Save page as… Webpage, single file" snapshot, laid out as Chrome writes it."""
    boundary = f"----MultipartBoundary--{_token('mhtml', story.key)}----"
    saved = story.moment + timedelta(days=3, hours=2, minutes=17)
    subject = f"{story.title} | {story.site.name}"
    if not subject.isascii():
        subject = Header(subject, "utf-8").encode(maxlinelen=76).replace("\n", "\r\n")
    head = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {story.url}",
        f"Subject: {subject}",
        f"Date: {format_datetime(saved)}",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{boundary}"',
        "",
        "",
    ]
    frame = _token("frame", story.key, length=32).upper()
    parts = [
        _part(
            boundary,
            ["Content-Type: text/html", f"Content-ID: <frame-{frame}@mhtml.blink>"],
            "quoted-printable",
            story.url,
            _qp(html.encode("utf-8")),
        ),
        _part(
            boundary,
            ["Content-Type: text/css"],
            "quoted-printable",
            f"https://{story.site.domain}/static/css/site.css",
            _qp(CSS.encode("utf-8")),
        ),
        _part(
            boundary,
            ["Content-Type: image/png"],
            "base64",
            f"https://{story.site.domain}/static/logo.png",
            base64.encodebytes(tiny_png()).decode("ascii").replace("\n", "\r\n"),
        ),
    ]
    text = "\r\n".join(head) + "".join(parts) + f"--{boundary}--\r\n"
    return text.encode("ascii")


def _qp(data: bytes) -> str:
    encoded = quopri.encodestring(data.replace(b"\r\n", b"\n"), quotetabs=False)
    return encoded.decode("ascii").replace("\n", "\r\n")


def _part(boundary: str, headers: list[str], encoding: str, location: str, body: str) -> str:
    lines = [
        f"--{boundary}",
        *headers,
        f"Content-Transfer-Encoding: {encoding}",
        f"Content-Location: {location}",
        "",
        body.rstrip("\r\n"),
        "",
    ]
    return "\r\n".join(lines)


def mhtml_without_boundary() -> bytes:
    """A snapshot whose multipart header lost its boundary parameter."""
    lines = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://harbourtimes.example/news/2025/02/11/broken-save",
        "Subject: Harbour Times",
        "Date: Tue, 11 Feb 2025 19:02:41 -0000",
        "MIME-Version: 1.0",
        'Content-Type: multipart/related; type="text/html"',
        "",
        "",
        "------MultipartBoundary--lost0boundary0parameter----",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://harbourtimes.example/news/2025/02/11/broken-save",
        "",
        '<!DOCTYPE html><html lang=3D"en"><head><title>Harbour Times</title></head>',
        "<body><p>This snapshot was cut off before the page was saved.</p></body></html>",
        "------MultipartBoundary--lost0boundary0parameter------",
        "",
    ]
    return "\r\n".join(lines).encode("ascii")


# --- WARC ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fetch:
    """One HTTP exchange to archive."""

    url: str
    body: bytes
    content_type: str


class WarcBuilder:
    """Writes request/response pairs with fixed dates and record ids."""

    def __init__(self, out: BytesIO, *, name: str, start: datetime) -> None:
        self._start = start
        self._writer = WARCWriter(out, gzip=True)
        self._name = name
        self._count = 0

    def _next(self) -> tuple[str, str]:
        self._count += 1
        rid = uuid.UUID(bytes=_digest(self._name, str(self._count))[:16], version=4)
        when = self._start + timedelta(seconds=41 * self._count)
        return f"<urn:uuid:{rid}>", when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def warcinfo(self, description: str) -> None:
        rid, when = self._next()
        fields = (
            "software: newsgraph examples/build_corpus.py (warcio)\r\n"
            "format: WARC File Format 1.0\r\n"
            f"isPartOf: {self._name}\r\n"
            f"description: {description}\r\n"
            "robots: obey\r\n"
        ).encode()
        record = self._writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(fields),
            length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": rid,
                "WARC-Date": when,
                "WARC-Filename": f"{self._name}.warc.gz",
            },
        )
        self._writer.write_record(record)

    def exchange(self, fetch: Fetch) -> None:
        """A request record followed by its response record."""
        req_id, when = self._next()
        resp_id, _ = self._next()
        self._writer.write_record(self._request(fetch, req_id, when, resp_id))
        self._writer.write_record(self._response(fetch, resp_id, when))

    def response(self, fetch: Fetch) -> None:
        """A response record on its own."""
        resp_id, when = self._next()
        self._writer.write_record(self._response(fetch, resp_id, when))

    def _request(self, fetch: Fetch, rid: str, when: str, concurrent: str) -> ArcWarcRecord:
        parts = urlsplit(fetch.url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = StatusAndHeaders(
            f"GET {target} HTTP/1.1",
            [
                ("Host", parts.netloc),
                ("User-Agent", "newsgraph-example-crawler/1.0 (+https://example.org/bot)"),
                ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                ("Accept-Language", "en-GB,en;q=0.9"),
            ],
            is_http_request=True,
        )
        return self._writer.create_warc_record(
            fetch.url,
            "request",
            payload=BytesIO(b""),
            length=0,
            http_headers=headers,
            warc_headers_dict={
                "WARC-Record-ID": rid,
                "WARC-Date": when,
                "WARC-Concurrent-To": concurrent,
            },
        )

    def _response(self, fetch: Fetch, rid: str, when: str) -> ArcWarcRecord:
        headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", _http_date(when)),
                ("Server", "nginx"),
                ("Content-Type", fetch.content_type),
                ("Content-Length", str(len(fetch.body))),
                ("Cache-Control", "max-age=300"),
            ],
            protocol="HTTP/1.1",
        )
        return self._writer.create_warc_record(
            fetch.url,
            "response",
            payload=BytesIO(fetch.body),
            length=len(fetch.body),
            http_headers=headers,
            warc_headers_dict={
                "WARC-Record-ID": rid,
                "WARC-Date": when,
                "WARC-IP-Address": "192.0.2.10",
            },
        )


def _http_date(warc_date: str) -> str:
    moment = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return format_datetime(moment, usegmt=True)


def response_record_numbers(path: Path) -> dict[str, int]:
    """Target URI -> 1-based index of its response record, counting every record."""
    numbers: dict[str, int] = {}
    with path.open("rb") as stream:
        for index, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type == "response":
                numbers[record.rec_headers.get_header("WARC-Target-URI")] = index
    return numbers
