"""Format sniffing and decoding: newsgraph/readers/detect.py."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from newsgraph.readers.detect import (
    codec_for,
    decode_bytes,
    detect_format,
    human_size,
    meta_charset,
    over_limit_reason,
    split_bom,
)

PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Harbour dredging resumes</title></head>"
    "<body><p>Work on the east quay restarted on Monday.</p></body></html>"
)
MHTML_HEAD = (
    "From: <Saved by Blink>\r\n"
    "Snapshot-Content-Location: https://news.example.org/harbour\r\n"
    "Subject: Harbour dredging resumes\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n'
)


def _junk(size: int = 3000) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(size))


@pytest.mark.parametrize(
    "head",
    [
        PAGE,
        "\n\n   " + PAGE,
        "<!-- saved from url=(0031)https://news.example.org/a -->\n" + PAGE,
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<p>Only a fragment: the council voted 7 to 2.</p>",
        "<DIV class=story>Upper-case markup from an old CMS</DIV>",
        "<meta charset=utf-8><title>Short</title>",
    ],
)
def test_markup_at_the_top_is_html(head: str) -> None:
    assert detect_format(head.encode()) == "html"


def test_content_beats_the_suffix() -> None:
    assert detect_format(PAGE.encode(), suffix=".txt") == "html"
    assert detect_format(MHTML_HEAD.encode(), suffix=".html") == "mhtml"


def test_warc_plain_and_gzip() -> None:
    record = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n"
    assert detect_format(record) == "warc"
    assert detect_format(gzip.compress(record)) == "warc"
    assert detect_format(b"filedesc://crawl.arc 0.0.0.0 20240101000000 text/plain 70\n") == "warc"


def test_gzip_that_is_not_a_warc_is_unsupported() -> None:
    assert detect_format(gzip.compress(PAGE.encode()), suffix=".html") is None


def test_cut_gzip_head_falls_back_on_a_warc_suffix() -> None:
    cut = gzip.compress(b"WARC/1.0\r\n" + b"x" * 500)[:12]
    assert detect_format(cut, suffix=".warc.gz") == "warc"
    assert detect_format(cut, suffix=".gz") is None


def test_mime_header_block_is_mhtml() -> None:
    assert detect_format(MHTML_HEAD.encode()) == "mhtml"
    no_boundary = "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n"
    assert detect_format(no_boundary.encode()) == "mhtml"


def test_text_export_headers_are_not_mime() -> None:
    text = "Title: Ferry timetable changes\nDate: 2024-03-02\n\nThe winter timetable ends."
    assert detect_format(text.encode()) == "txt"


def test_json_lines() -> None:
    lines = [{"url": "https://news.example.org/1", "text": "Rain closed the pass."}] * 3
    head = "\n".join(json.dumps(line) for line in lines).encode()
    assert detect_format(head) == "jsonl"
    assert detect_format(head, suffix=".txt") == "jsonl"


def test_json_line_longer_than_the_head_is_jsonl() -> None:
    head = b'{"url": "https://news.example.org/long", "html": "<p>' + b"a" * 5000
    assert detect_format(head) == "jsonl"


def test_broken_first_json_line_needs_the_suffix() -> None:
    head = b'{"url": "https://x.example/1", "text": oops}\n{"text": "fine"}\n'
    assert detect_format(head, suffix=".jsonl") == "jsonl"
    assert detect_format(head, suffix=".txt") == "txt"


def test_plain_text_in_utf8_and_cp1252() -> None:
    text = "Café owners on the quay say the dredging “has gone on long enough”.\n"
    assert detect_format(text.encode("utf-8")) == "txt"
    assert detect_format(text.encode("cp1252") * 5) == "txt"


@pytest.mark.parametrize(("controls", "expected"), [(0, "txt"), (5, "txt"), (6, None)])
def test_text_holds_at_most_a_twentieth_of_control_characters(
    controls: int, expected: str | None
) -> None:
    """Tabs, line and page breaks count as text; a bell (U+0007) does not."""
    lines = ("Quay notes:\tdredging\r\nresumes\fMonday\v" * 10)[: 100 - controls]
    assert detect_format((lines + "\x07" * controls).encode("utf-8")) == expected


def test_markup_further_down_counts_only_with_an_html_suffix() -> None:
    head = b"Saved by an old crawler on 2023-11-04\n<html><body><p>Story</p></body></html>"
    assert detect_format(head, suffix=".html") == "html"
    assert detect_format(head, suffix=".txt") == "txt"


@pytest.mark.parametrize(
    "head",
    [
        _junk(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _junk(500),
        b"%PDF-1.7\n" + _junk(2000),
        b"PK\x03\x04" + _junk(800),
    ],
)
def test_binary_data_is_unsupported(head: bytes) -> None:
    assert detect_format(head, suffix=".html") is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks_are_decoded_before_sniffing(codec: str) -> None:
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    assert detect_format(bom + PAGE.encode(codec)) == "html"
    text = "Rain closed the mountain pass for a second day."
    assert detect_format(bom + text.encode(codec)) == "txt"


def test_suffix_is_normalised() -> None:
    head = b"Saved on 2023-11-04\n<html><body>x</body></html>"
    assert detect_format(head, suffix="HTML") == "html"


def test_split_bom() -> None:
    assert split_bom(b"\xff\xfe\x00\x00abc") == ("utf-32-le", b"abc")
    assert split_bom(b"\xff\xfea\x00") == ("utf-16-le", b"a\x00")
    assert split_bom(b"plain") == (None, b"plain")


def test_decode_meta_charset_cp1252() -> None:
    html = '<html><head><meta charset="windows-1252"></head><p>“Déjà vu” – €5</p></html>'
    assert decode_bytes(html.encode("cp1252"), markup=True) == html


def test_decode_http_equiv_latin1_label_reads_as_cp1252() -> None:
    html = (
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "<p>The mayor called it a “fair deal” for the town’s bakers.</p>"
    )
    assert decode_bytes(html.encode("cp1252"), markup=True) == html


def test_declared_charset_beats_meta_and_bom_beats_both() -> None:
    html = '<meta charset="utf-8"><p>Ærø ferry</p>'
    data = html.encode("cp1252")
    assert decode_bytes(data, declared="windows-1252", markup=True) == html
    assert decode_bytes(b"\xef\xbb\xbf" + html.encode(), declared="cp1252", markup=True) == html


def test_valid_utf8_beats_a_latin1_server_default() -> None:
    html = '<meta charset="utf-8"><p>Zürich – “naïve” café</p>'
    assert decode_bytes(html.encode(), declared="ISO-8859-1", markup=True) == html


def test_wrong_declaration_falls_through_to_detection() -> None:
    html = "<p>Les élèves ont manifesté devant la préfecture jeudi matin.</p>" * 3
    data = html.encode("cp1252")
    assert decode_bytes(data, declared="utf-8", markup=True) == html
    assert decode_bytes(data, declared="no-such-charset", markup=True) == html


def test_arabic_windows_1256_without_meta_is_detected() -> None:
    body = (
        "أعلنت البلدية يوم الأحد عن خطة لإصلاح الطرق في الأحياء الشرقية، "
        "وقال رئيس المجلس إن الأعمال ستبدأ بعد شهر رمضان وتستمر عامين."
    )
    html = f"<html><head><title>خطة الطرق</title></head><body><p>{body}</p></body></html>"
    assert decode_bytes(html.encode("windows-1256"), markup=True) == html


def test_undecodable_bytes_become_replacement_characters() -> None:
    text = decode_bytes(_junk(64))
    assert isinstance(text, str)


def test_meta_charset_only_in_first_4kb() -> None:
    late = b"<p>" + b"x" * 5000 + b'<meta charset="koi8-r">'
    assert meta_charset(late) is None
    assert meta_charset(b'<?xml version="1.0" encoding="ISO-8859-15"?><html>') == "ISO-8859-15"


def test_codec_for_labels() -> None:
    assert codec_for("ISO-8859-1") == "cp1252"
    assert codec_for('"Windows-1256"') == "cp1256"
    assert codec_for("UTF-16LE") == "utf-8"
    assert codec_for("x-unknown") is None
    assert codec_for(None) is None


def test_size_wording() -> None:
    assert human_size(210 * 1024 * 1024) == "210 MB"
    assert human_size(1536) == "2 KB"
    assert human_size(12) == "12 bytes"
    reason = over_limit_reason(
        "file", 210 * 1024 * 1024, 100 * 1024 * 1024, env="NEWSGRAPH_MAX_FILE_BYTES"
    )
    assert reason == "file is 210 MB, over the 100 MB limit (NEWSGRAPH_MAX_FILE_BYTES)"
    small = over_limit_reason("file", 1500, 1000, env="E")
    assert small == "file is 1 KB, over the 1,000 bytes limit (E)"
    close = over_limit_reason("file", 100 * 1024 * 1024 + 1, 100 * 1024 * 1024, env="E")
    assert close == "file is 104,857,601 bytes, over the 104,857,600-byte limit (E)"
    assert over_limit_reason("record", None, 2048, env="E") == "record is over the 2 KB limit (E)"
