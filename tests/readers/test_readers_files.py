"""The directory walk and per-file dispatch: newsgraph/readers/files.py."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import iter_files, read_file, read_paths
from newsgraph.readers.files import suffix_of

OPTIONS = Options()
PAGE = "<!DOCTYPE html><html><body><p>Library opening hours extended.</p></body></html>"
TEXT = "Snow gates on the A93 were closed at six this morning.\n"


def _warc(path: Path) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example.org/library",
        "response",
        payload=io.BytesIO(PAGE.encode()),
        http_headers=http,
    )
    writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


def _tree(root: Path) -> Path:
    """A small corpus: nested folders, every format, and files the walk must pass over."""
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".cache").mkdir()
    (root / "z.html").write_text(PAGE, encoding="utf-8")
    (root / "m.txt").write_text(TEXT, encoding="utf-8")
    (root / "NOTES").write_text(TEXT, encoding="utf-8")
    (root / "a" / "feed.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    _warc(root / "b" / "crawl.warc.gz")
    (root / "b" / "deep" / "story.HTM").write_text(PAGE, encoding="utf-8")
    (root / "b" / "deep" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (root / "b" / "styles.css").write_text("p { margin: 0 }", encoding="utf-8")
    (root / ".hidden.html").write_text(PAGE, encoding="utf-8")
    (root / ".cache" / "old.html").write_text(PAGE, encoding="utf-8")
    return root


def _names(items: list[Path | Rejected], root: Path) -> list[str]:
    return [
        str(Path(item if isinstance(item, Path) else item.source_path).relative_to(root))
        for item in items
    ]


def test_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = _tree(tmp_path / "corpus")
    found = list(iter_files([root]))
    assert _names(found, root) == [
        "NOTES",
        "m.txt",
        "z.html",
        "a/feed.jsonl",
        "b/crawl.warc.gz",
        "b/deep/story.HTM",
    ]


def test_walk_order_is_deterministic(tmp_path: Path) -> None:
    root = _tree(tmp_path / "corpus")
    assert list(iter_files([root])) == list(iter_files([str(root)]))


def test_read_paths_reads_every_format_in_the_tree(tmp_path: Path) -> None:
    root = _tree(tmp_path / "corpus")
    items = list(read_paths([root], options=OPTIONS))
    assert all(isinstance(item, RawPage) for item in items), items
    got = [(Path(i.source_path).relative_to(root).as_posix(), i.source_format) for i in items]
    assert got == [
        ("NOTES", "txt"),
        ("m.txt", "txt"),
        ("z.html", "html"),
        ("a/feed.jsonl#line-1", "jsonl"),
        ("b/crawl.warc.gz#record-1", "warc"),
        ("b/deep/story.HTM", "html"),
    ]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "inner" / "back").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")  # points at itself
    items = list(read_paths([root], options=OPTIONS))
    assert [i.source_path for i in items if isinstance(i, RawPage)] == [
        str(root / "inner" / "page.html")
    ]
    assert [i for i in items if isinstance(i, Rejected)] == [
        Rejected(str(root / "self"), "symbolic link loop")
    ]


def test_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "alias.html").symlink_to(tmp_path / "page.html")
    os.link(tmp_path / "page.html", tmp_path / "hardlink.html")
    found = list(iter_files([tmp_path, tmp_path / "page.html", tmp_path]))
    assert found == [tmp_path / "alias.html"]


def test_named_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / ".draft.data"
    path.write_text(PAGE, encoding="utf-8")
    (page,) = read_paths([path], options=OPTIONS)
    assert isinstance(page, RawPage) and page.html == PAGE


def test_missing_path_is_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "nowhere" / "gone.html"
    items = list(read_paths([missing, good], options=OPTIONS))
    assert items[0] == Rejected(str(missing), "no such file or directory")
    assert isinstance(items[1], RawPage) and items[1].text == TEXT


def test_broken_symlink_in_a_walk_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "dangling.html").symlink_to(tmp_path / "deleted.html")
    assert list(iter_files([tmp_path])) == [
        Rejected(str(tmp_path / "dangling.html"), "broken symbolic link")
    ]
    assert list(iter_files([tmp_path / "dangling.html"])) == [
        Rejected(str(tmp_path / "dangling.html"), "broken symbolic link")
    ]


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.touch()
    assert list(read_file(path, options=OPTIONS)) == [Rejected(str(path), "empty file")]


def test_file_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text(PAGE * 100, encoding="utf-8")
    options = Options(max_file_bytes=2048)
    (item,) = read_file(path, options=options)
    assert item == Rejected(
        str(path), "file is 8 KB, over the 2 KB limit (NEWSGRAPH_MAX_FILE_BYTES)"
    )


def test_binary_and_non_warc_gzip_are_rejected(tmp_path: Path) -> None:
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 4)
    packed = tmp_path / "page.warc.gz"
    packed.write_bytes(gzip.compress(PAGE.encode()))
    items = list(read_paths([junk, packed], options=OPTIONS))
    assert items == [
        Rejected(str(junk), "not a supported format (binary data)"),
        Rejected(str(packed), "not a supported format (gzip data that does not hold a WARC)"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "locked.html"
    path.write_text(PAGE, encoding="utf-8")
    path.chmod(0)
    (item,) = read_file(path, options=OPTIONS)
    assert item == Rejected(str(path), "cannot read file: Permission denied")


def test_os_error_while_reading_is_a_value(tmp_path: Path) -> None:
    (item,) = read_file(tmp_path, options=OPTIONS)  # a directory handed to read_file
    assert item == Rejected(str(tmp_path), "cannot read file: Is a directory")


def test_fifo_is_rejected_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert list(iter_files([tmp_path])) == [Rejected(str(fifo), "not a regular file")]
    assert list(iter_files([fifo])) == [Rejected(str(fifo), "not a regular file or directory")]


def test_suffix_of() -> None:
    assert suffix_of("crawl-2024.WARC.GZ") == ".warc.gz"
    assert suffix_of("old.arc.gz") == ".arc.gz"
    assert suffix_of("story.Html") == ".html"
    assert suffix_of("README") == ""
