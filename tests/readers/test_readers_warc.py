"""WARC files: newsgraph/readers/warc.py. Every archive is written with warcio's WARCWriter."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.warc import CorruptArchive, GunzipStream, read_warc

OPTIONS = Options()
SITE = "https://news.example.org"


def _story(headline: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title></head><body><article>"
        f"<h1>{headline}</h1><p>{body}</p></article></body></html>"
    )


FLOOD = _story(
    "River Aln bursts its banks",
    "Fields north of the town were under water by dawn on Sunday. "
    "“We moved the sheep at midnight,” one farmer said.",
)
COUNCIL = _story(
    "Council delays vote on parking fees",
    "Les conseillers ont reporté le vote ; le maire parle d’un « dialogue nécessaire ».",
)
SHOP = _story("Village shop saved", "Residents raised £40,000 to buy the shop.")
XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
    "<body><p>Ferry crew strike called off after late talks.</p></body></html>"
)


def _http(status: str, content_type: str, *extra: tuple[str, str]) -> StatusAndHeaders:
    headers = [("Content-Type", content_type), *extra]
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def _response(writer: WARCWriter, uri: str, body: bytes, http: StatusAndHeaders) -> None:
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )
    writer.write_record(record)


def _resource(writer: WARCWriter, uri: str, body: bytes, content_type: str) -> None:
    record = writer.create_warc_record(
        uri, "resource", payload=io.BytesIO(body), warc_content_type=content_type
    )
    writer.write_record(record)


def _mixed_archive(*, gzip_members: bool) -> bytes:
    """Nine records; the HTML pages are records 3, 6, 7 and 8."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_members)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
    request = StatusAndHeaders(
        "GET /flood HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
    )
    writer.write_record(writer.create_warc_record(f"{SITE}/flood", "request", http_headers=request))
    _response(writer, f"{SITE}/flood", FLOOD.encode(), _http("200 OK", "text/html; charset=utf-8"))
    _response(writer, f"{SITE}/logo.png", b"\x89PNG\r\n\x1a\n", _http("200 OK", "image/png"))
    _response(writer, f"{SITE}/missing", b"<p>Not found</p>", _http("404 Not Found", "text/html"))
    _response(
        writer,
        f"{SITE}/council",
        COUNCIL.encode("cp1252"),
        _http("200 OK", "text/html; charset=ISO-8859-1"),
    )
    _resource(writer, f"{SITE}/shop", SHOP.encode(), "text/html; charset=utf-8")
    _response(writer, f"{SITE}/ferry", XHTML.encode(), _http("200 OK", "application/xhtml+xml"))
    revisit = writer.create_revisit_record(
        f"{SITE}/flood", "sha1:AAAA", f"{SITE}/flood", "2024-05-01T00:00:00Z"
    )
    writer.write_record(revisit)
    return buffer.getvalue()


def _pages_only(items: list[RawPage | Rejected]) -> list[RawPage]:
    pages = [item for item in items if isinstance(item, RawPage)]
    assert len(pages) == len(items), items
    return pages


@pytest.mark.parametrize("gzip_members", [True, False])
def test_html_records_become_pages(tmp_path: Path, gzip_members: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip_members else "crawl.warc")
    path.write_bytes(_mixed_archive(gzip_members=gzip_members))
    pages = _pages_only(list(read_paths([path], options=OPTIONS)))
    assert [(p.source_path, p.url) for p in pages] == [
        (f"{path}#record-3", f"{SITE}/flood"),
        (f"{path}#record-6", f"{SITE}/council"),
        (f"{path}#record-7", f"{SITE}/shop"),
        (f"{path}#record-8", f"{SITE}/ferry"),
    ]
    assert [p.html for p in pages] == [FLOOD, COUNCIL, SHOP, XHTML]
    assert {p.source_format for p in pages} == {"warc"}


def test_whole_file_gzip_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "onemember.warc.gz"
    path.write_bytes(gzip.compress(_mixed_archive(gzip_members=False)))
    pages = _pages_only(list(read_warc(path, options=OPTIONS)))
    assert len(pages) == 4


def test_meta_charset_is_used_when_http_names_none(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"></head><p>Naïve “résumé”</p></html>'
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _response(writer, f"{SITE}/cv", html.encode("cp1252"), _http("200 OK", "text/html"))
    path = tmp_path / "cv.warc.gz"
    path.write_bytes(buffer.getvalue())
    (page,) = read_warc(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.html == html


def test_content_encoding_gzip_is_inflated(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = _http("200 OK", "text/html; charset=utf-8", ("Content-Encoding", "gzip"))
    _response(writer, f"{SITE}/flood", gzip.compress(FLOOD.encode()), http)
    path = tmp_path / "encoded.warc"
    path.write_bytes(buffer.getvalue())
    (page,) = read_warc(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.html == FLOOD


def test_warc_without_html_records_is_rejected(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "tests"}))
    _response(writer, f"{SITE}/feed.json", b'{"items": []}', _http("200 OK", "application/json"))
    _response(writer, f"{SITE}/gone", b"<p>gone</p>", _http("410 Gone", "text/html"))
    path = tmp_path / "nohtml.warc.gz"
    path.write_bytes(buffer.getvalue())
    items = list(read_paths([path], options=OPTIONS))
    assert items == [Rejected(str(path), "WARC holds no HTML response records", "warc")]


def _three_members() -> tuple[bytes, list[int]]:
    """A gzip WARC of three HTML responses, and the offset where each member ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    ends = []
    for name, html in (("flood", FLOOD), ("council", COUNCIL), ("shop", SHOP)):
        _response(writer, f"{SITE}/{name}", html.encode(), _http("200 OK", "text/html"))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


def test_truncated_gzip_keeps_the_pages_before(tmp_path: Path) -> None:
    data, ends = _three_members()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (ends[1] + ends[2]) // 2])  # cut inside the third member
    items = list(read_paths([path], options=OPTIONS))
    assert [item.source_path for item in items] == [
        f"{path}#record-1",
        f"{path}#record-2",
        str(path),
    ]
    assert [p.html for p in items[:2]] == [FLOOD, COUNCIL]  # type: ignore[union-attr]
    rejected = items[-1]
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("WARC is truncated or corrupt after record 2")
    assert "truncated" in rejected.reason


def test_corrupt_gzip_member_is_rejected(tmp_path: Path) -> None:
    data, ends = _three_members()
    middle = (ends[0] + ends[1]) // 2
    damaged = data[:middle] + b"\xff" * 16 + data[middle + 16 :]
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(damaged)
    items = list(read_paths([path], options=OPTIONS))
    assert isinstance(items[0], RawPage) and items[0].html == FLOOD
    assert isinstance(items[-1], Rejected)
    assert items[-1].source_path == str(path)
    assert "gzip data is corrupt" in items[-1].reason
    assert all(not isinstance(i, RawPage) or i.html != SHOP for i in items)


def test_truncated_plain_warc_rejects_the_cut_record(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    _response(writer, f"{SITE}/flood", FLOOD.encode(), _http("200 OK", "text/html"))
    _response(writer, f"{SITE}/shop", SHOP.encode(), _http("200 OK", "text/html"))
    path = tmp_path / "cut.warc"
    path.write_bytes(buffer.getvalue()[:-40])
    items = list(read_warc(path, options=OPTIONS))
    assert isinstance(items[0], RawPage)
    assert items[1] == Rejected(
        str(path),
        "WARC is truncated or corrupt in record 2, rest of file skipped "
        "(record ends 36 bytes short of its Content-Length)",
        "warc",
    )
    assert len(items) == 2


def test_record_over_the_limit_is_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    big = _story("Budget", "Line item. " * 300)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _response(writer, f"{SITE}/budget", big.encode(), _http("200 OK", "text/html"))
    http = _http("200 OK", "text/html", ("Content-Encoding", "gzip"))
    _response(writer, f"{SITE}/packed", gzip.compress(big.encode()), http)
    _response(writer, f"{SITE}/shop", SHOP.encode(), _http("200 OK", "text/html"))
    path = tmp_path / "big.warc.gz"
    path.write_bytes(buffer.getvalue())
    options = Options(max_decompressed_bytes=1024)
    items = list(read_warc(path, options=options))
    assert items[0] == Rejected(
        f"{path}#record-1",
        "record is 3 KB, over the 1 KB limit (NEWSGRAPH_MAX_DECOMPRESSED_BYTES)",
        "warc",
    )
    assert items[1] == Rejected(
        f"{path}#record-2",
        "record is over the 1 KB limit (NEWSGRAPH_MAX_DECOMPRESSED_BYTES)",
        "warc",
    )
    assert isinstance(items[2], RawPage) and items[2].html == SHOP
    assert len(items) == 3


def test_gunzip_stream_reads_every_member() -> None:
    members = gzip.compress(b"first member\n") + gzip.compress(b"") + gzip.compress(b"third")
    stream = GunzipStream(io.BytesIO(members))
    assert stream.read() == b"first member\n"  # a read stops at a member's end
    assert stream.read() == b"third"
    assert stream.read() == b""


def test_gunzip_stream_raises_after_the_good_bytes() -> None:
    numbers = " ".join(str(n * n) for n in range(3000)).encode()
    data = gzip.compress(b"kept") + gzip.compress(numbers)[:-100]
    stream = GunzipStream(io.BytesIO(data))
    assert stream.read(100) == b"kept"
    chunks = []
    with pytest.raises(CorruptArchive, match="ends mid-member"):
        while True:
            chunks.append(stream.read(64))
    assert numbers.startswith(b"".join(chunks))
    assert len(b"".join(chunks)) > len(numbers) // 2


def test_gzip_arc_file_is_read_like_a_warc(tmp_path: Path) -> None:
    about = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = b"filedesc://old.arc 0.0.0.0 20090301000000 text/plain %d\n" % len(about)
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + SHOP.encode()
    line = b"http://news.example.org/shop 192.0.2.7 20090301120000 text/html %d\n" % len(http)
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(filedesc + about + b"\n") + gzip.compress(line + http + b"\n"))
    (page,) = read_paths([path], options=OPTIONS)
    assert isinstance(page, RawPage)
    assert (page.source_path, page.url, page.html) == (
        f"{path}#record-2",
        "http://news.example.org/shop",
        SHOP,
    )
