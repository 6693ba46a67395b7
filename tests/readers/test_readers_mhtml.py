"""MHTML archives: newsgraph/readers/mhtml.py."""

from __future__ import annotations

import base64
import quopri
from email import message_from_bytes
from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.mhtml import main_part, read_mhtml

OPTIONS = Options()
URL = "https://news.example.org/region/2024/05/14/bridge-reopens"
BOUNDARY = "----MultipartBoundary--q7Fz2kLm9XbR0----"

PAGE = (
    "<!DOCTYPE html><html><head>"
    '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
    "<title>Old bridge reopens after repairs</title></head><body><article>"
    "<h1>Old bridge reopens after repairs</h1>"
    "<p>The stone bridge at Kelmoor reopened to traffic on Tuesday after eleven months "
    "of work. “It is stronger than it has been in a century,” the county engineer said. "
    "Cyclists and pedestrians get a separate lane; lorries over 7.5 t stay banned.</p>"
    "</article></body></html>"
)
FRAME = "<html><body><p>Advertisement</p></body></html>"


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _part(body: str, *, content_type: str, location: str, encoding: str, extra: str = "") -> str:
    return (
        f"--{BOUNDARY}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        f"Content-Location: {location}\r\n"
        f"{extra}\r\n"
        f"{body}\r\n"
    )


def _archive(*parts: str, root_extra: str = "") -> bytes:
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {URL}\r\n"
        "Subject: Old bridge reopens after repairs\r\n"
        "Date: Tue, 14 May 2024 09:12:40 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"{root_extra}\r\n\r\n\r\n'
    )
    return (head + "".join(parts) + f"--{BOUNDARY}--\r\n").encode("utf-8")


def _chrome_archive() -> bytes:
    return _archive(
        _part(_qp(PAGE), content_type="text/html", location=URL, encoding="quoted-printable"),
        _part(
            "body { font-family: serif; }",
            content_type="text/css",
            location="https://news.example.org/static/site.css",
            encoding="quoted-printable",
        ),
        _part(
            base64.b64encode(b"GIF89a\x01\x00\x01\x00").decode(),
            content_type="image/gif",
            location="https://news.example.org/static/pixel.gif",
            encoding="base64",
        ),
    )


def _read_one(path: Path) -> RawPage | Rejected:
    items = list(read_paths([path], options=OPTIONS))
    assert len(items) == 1, items
    return items[0]


def test_chrome_style_quoted_printable_archive(tmp_path: Path) -> None:
    path = tmp_path / "bridge.mhtml"
    path.write_bytes(_chrome_archive())
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.source_format == "mhtml"
    assert page.source_path == str(path)
    assert page.url == URL
    assert page.html == PAGE


def test_html_suffix_holding_mhtml_is_read_as_mhtml(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_bytes(_chrome_archive())
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.source_format == "mhtml"
    assert page.html == PAGE


def test_base64_part_with_cp1252_charset(tmp_path: Path) -> None:
    text = "<html><body><p>Le pont “Vieux-Kelmoor” a rouvert – enfin.</p></body></html>"
    body = base64.encodebytes(text.encode("cp1252")).decode("ascii")
    path = tmp_path / "pont.mht"
    path.write_bytes(
        _archive(
            _part(
                body,
                content_type='text/html; charset="windows-1252"',
                location=URL,
                encoding="base64",
            )
        )
    )
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.html == text


def test_main_part_follows_the_snapshot_location(tmp_path: Path) -> None:
    path = tmp_path / "framed.mhtml"
    path.write_bytes(
        _archive(
            _part(_qp(FRAME), content_type="text/html", location="cid:frame-1", encoding="7bit"),
            _part(_qp(PAGE), content_type="text/html", location=URL, encoding="quoted-printable"),
        )
    )
    (page,) = read_mhtml(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.html == PAGE


def test_main_part_follows_the_start_content_id() -> None:
    archive = _archive(
        _part(FRAME, content_type="text/html", location="https://ads.example/", encoding="7bit"),
        _part(
            PAGE,
            content_type="text/html",
            location="https://mirror.example/copy",
            encoding="8bit",
            extra="Content-ID: <main@example>\r\n",
        ),
        root_extra=';\r\n\tstart="<main@example>"',
    )
    part = main_part(message_from_bytes(archive))
    assert part is not None
    assert part.get("Content-Location") == "https://mirror.example/copy"


def test_single_part_html_message(tmp_path: Path) -> None:
    path = tmp_path / "single.mht"
    path.write_bytes(
        (
            "MIME-Version: 1.0\r\n"
            f"Content-Location: {URL}\r\n"
            'Content-Type: text/html; charset="utf-8"\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + _qp(PAGE)
        ).encode("ascii")
    )
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert (page.url, page.html) == (URL, PAGE)


def test_missing_boundary_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "noboundary.mhtml"
    path.write_bytes(_chrome_archive().replace(f'\tboundary="{BOUNDARY}"'.encode(), b"\tx=1"))
    item = _read_one(path)
    assert item == Rejected(
        str(path), "MHTML Content-Type header names no multipart boundary", "mhtml"
    )


def test_boundary_that_never_appears_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wrongboundary.mhtml"
    path.write_bytes(_chrome_archive().replace(f'boundary="{BOUNDARY}"'.encode(), b'boundary="zz"'))
    item = _read_one(path)
    assert isinstance(item, Rejected)
    assert item.reason == "MHTML boundary 'zz' never appears in the body"


def test_archive_without_html_part_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "styles.mhtml"
    path.write_bytes(
        _archive(_part("p { margin: 0 }", content_type="text/css", location=URL, encoding="7bit"))
    )
    item = _read_one(path)
    assert item == Rejected(str(path), "MHTML holds no text/html part", "mhtml")


def test_non_multipart_root_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "note.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nJust a note.\r\n")
    item = _read_one(path)
    assert item == Rejected(str(path), "MHTML root is text/plain, not multipart/related", "mhtml")
