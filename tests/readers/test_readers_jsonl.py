"""JSON Lines: newsgraph/readers/jsonl.py."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.jsonl import line_page, read_jsonl

OPTIONS = Options()

ORCHARD = {
    "url": "https://news.example.org/orchard",
    "title": "Frost hits the cherry orchards",
    "published": "2024-04-09",
    "author": "Mira Hollis",
    "site": "Valley News",
    "html": "<html><body><p>Growers lost half the blossom overnight.</p></body></html>",
}
TRAMS = {
    "url": "https://news.example.org/trams",
    "title": "Tram line extension approved",
    "published": "2024-04-10T08:30:00+02:00",
    "author": ["Jonas Feld", " Ada Brun "],
    "text": "The regional assembly approved the four-kilometre extension on Tuesday.",
}


def _write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_good_lines_become_pages(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", json.dumps(ORCHARD), json.dumps(TRAMS))
    items = list(read_paths([path], options=OPTIONS))
    assert items == [
        RawPage(
            source_path=f"{path}#line-1",
            source_format="jsonl",
            url=ORCHARD["url"],
            html=ORCHARD["html"],
            title="Frost hits the cherry orchards",
            published="2024-04-09",
            author="Mira Hollis",
            site="Valley News",
        ),
        RawPage(
            source_path=f"{path}#line-2",
            source_format="jsonl",
            url=TRAMS["url"],
            text=TRAMS["text"],
            title="Tram line extension approved",
            published="2024-04-10T08:30:00+02:00",
            author="Jonas Feld; Ada Brun",
        ),
    ]


def test_bad_lines_are_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mixed.ndjson",
        json.dumps(ORCHARD),
        '{"url": "https://news.example.org/x", "text": "unterminated',
        "",
        "[1, 2, 3]",
        json.dumps({"url": "https://news.example.org/empty", "title": "No body", "text": "  "}),
        json.dumps({"text": "Body", "title": ["not", "a", "string"]}),
        json.dumps({"text": "Body", "author": 42}),
        json.dumps(TRAMS),
    )
    items = list(read_paths([path], options=OPTIONS))
    rejected = [
        (i.source_path.rsplit("#", 1)[1], i.reason) for i in items if isinstance(i, Rejected)
    ]
    assert rejected == [
        ("line-2", "line is not JSON (Unterminated string starting at, column 47)"),
        ("line-4", "line is an array, not a JSON object"),
        ("line-5", "record has neither an 'html' nor a 'text' field with content"),
        ("line-6", "field 'title' is an array, not a string"),
        ("line-7", "field 'author' is a number, not a string or a list of strings"),
    ]
    pages = [i.source_path.rsplit("#", 1)[1] for i in items if isinstance(i, RawPage)]
    assert pages == ["line-1", "line-8"]
    assert all(i.source_format == "jsonl" for i in items)


def test_html_wins_when_both_bodies_are_given() -> None:
    page = line_page(b'{"html": "<p>a</p>", "text": "a"}', source_path="f#line-1")
    assert isinstance(page, RawPage)
    assert (page.html, page.text) == ("<p>a</p>", None)


def test_blank_optional_fields_become_none() -> None:
    page = line_page(b'{"text": "Body", "title": "  ", "url": null}', source_path="f#line-1")
    assert isinstance(page, RawPage)
    assert page.title is None and page.url is None


def test_bom_on_the_first_line_and_crlf_endings(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(TRAMS).encode() + b"\r\n")
    (page,) = read_jsonl(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.text == TRAMS["text"]


def test_line_that_is_not_utf8_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    good = json.dumps(ORCHARD).encode()
    path.write_bytes(good + b'\n{"text": "caf\xe9"}\n')
    items = list(read_jsonl(path, options=OPTIONS))
    assert isinstance(items[0], RawPage)
    assert items[1] == Rejected(f"{path}#line-2", "line is not UTF-8 (byte 13)", "jsonl")


def test_unicode_line_separators_inside_strings_do_not_split_lines(tmp_path: Path) -> None:
    record = {"text": "First paragraph.\u2028Second paragraph.\u0085End."}
    path = tmp_path / "seps.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (page,) = read_paths([path], options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.text == record["text"]
