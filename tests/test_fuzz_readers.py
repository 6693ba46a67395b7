"""Fuzzing the readers and the extractor with hypothesis, for a bounded time.

Inputs are random bytes under every suffix the walk takes, and real corpus files
(every format) cut short, with bits flipped, with bytes deleted or repeated, and with
format markers (MIME boundaries, WARC headers, gzip magic, tags, BOMs) inserted. What
must hold, whatever the bytes:

- nothing raises out of :func:`read_paths` or :func:`extract`;
- every value names the file it came from, and a page holds a string body;
- no value is the stage's last-resort "reader failed" / "extraction failed": those mean
  an exception a reader or the extractor did not expect, i.e. a bug this test found.

The budget is set by ``FUZZ_EXAMPLES`` (default 150 per test, about 20 s in all on one
core); raise it for a longer local run: ``FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import CORPUS
from newsgraph.extract.page import extract
from newsgraph.model import Article, RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.files import SUFFIXES

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,  # no example database written into the repository
)
# Small limits keep each example fast and put the limit paths under fuzz too.
OPTIONS = Options(
    max_file_bytes=256 * 1024,
    max_decompressed_bytes=512 * 1024,
    max_seconds_per_article=20,
)
SEED_FILES = sorted(
    path
    for path in CORPUS.rglob("*")
    if path.is_file() and path.suffix != ".md" and path.stat().st_size < 64 * 1024
)


def _seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) of every seed file, plus each gzip WARC inflated, so that mutations
    reach the WARC parser and not only gzip's checksum."""
    seeds = [(path.name, path.read_bytes()) for path in SEED_FILES]
    for name, data in list(seeds):
        if name.endswith(".warc.gz"):
            inflated = zlib.decompressobj(16 + zlib.MAX_WBITS)
            plain = inflated.decompress(data)
            while inflated.unused_data and inflated.eof:  # one member per record
                rest = inflated.unused_data
                inflated = zlib.decompressobj(16 + zlib.MAX_WBITS)
                plain += inflated.decompress(rest)
            seeds.append((name.removesuffix(".gz"), plain))
    return seeds


SEEDS = _seeds()
MARKERS = [
    b"\r\n--",
    b"\r\n\r\n",
    b"--boundary--\r\n",
    b'Content-Type: multipart/related; boundary="x"\r\n',
    b"Content-Transfer-Encoding: base64\r\n",
    b"WARC/1.0\r\n",
    b"Content-Length: 99999999\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    b"<html>",
    b"</p><p>",
    b"<!--",
    b"<![CDATA[",
    b"&#xD800;",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b'{"html": "',
    b"\n",
]

# -- strategies -----------------------------------------------------------------------


@st.composite
def mutated_seed(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real corpus file with 1-4 mutations, under the file's own name; a mutated plain
    WARC is sometimes gzipped again."""
    name, seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        data = _mutate(draw, data)
    if name.endswith(".warc") and draw(st.booleans()):
        return f"{name}.gz", gzip.compress(bytes(data))
    return name, bytes(data)


def _mutate(draw: st.DrawFn, data: bytearray) -> bytearray:
    size = len(data)
    at = draw(st.integers(0, size))
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat", "bytes"]))
    if kind == "truncate":
        return data[:at]
    if kind == "flip" and size:
        index = min(at, size - 1)
        data[index] ^= 1 << draw(st.integers(0, 7))
        return data
    if kind == "insert":
        return data[:at] + draw(st.sampled_from(MARKERS)) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 512)) :]
    if kind == "repeat":
        return data[:at] + data[at : at + draw(st.integers(1, 2048))] * 2 + data[at:]
    return data[:at] + draw(st.binary(max_size=64)) + data[at:]


suffixes = st.sampled_from([*SUFFIXES, "", ".bin"])
# Random bytes after a format's opening, so that sniffing hands them to every reader.
HEADS = [
    b"",
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n',
    b"<!doctype html><html><body><p>",
    b'{"html": "<p>',
    b'{"text": ',
    b"\xef\xbb\xbf<html>",
    b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",
    b"filedesc://x.arc 0.0.0.0 20090301000000 text/plain 10\n",
]
opened_bytes = st.builds(
    lambda head, tail: head + tail, st.sampled_from(HEADS), st.binary(max_size=4096)
)

# -- the property -------------------------------------------------------------------------


def read_and_extract(name: str, data: bytes) -> list[RawPage | Rejected | Article]:
    """Write ``data`` as ``name`` in a fresh folder, read it, extract every page; check
    the stage contracts on the way."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results: list[RawPage | Rejected | Article] = []
        for item in read_paths([path], options=OPTIONS):
            assert isinstance(item, (RawPage, Rejected)), item
            assert item.source_path == str(path) or item.source_path.startswith(f"{path}#")
            if isinstance(item, Rejected):
                assert item.reason and "\n" not in item.reason
                assert not item.reason.startswith("reader failed"), item.reason
                results.append(item)
                continue
            assert isinstance(item.html, str) or isinstance(item.text, str)
            article = extract(item, options=OPTIONS)
            if isinstance(article, Rejected):
                assert not article.reason.startswith("extraction failed"), article.reason
            else:
                assert article.text.strip() and len(article.text) >= OPTIONS.min_body_chars
            results.append(article)
        assert results, "every file gives at least one value"
        return results


# -- tests ----------------------------------------------------------------------------------


@pytest.mark.slow
@FUZZ
@given(data=opened_bytes, suffix=suffixes)
def test_random_bytes_under_any_suffix(data: bytes, suffix: str) -> None:
    read_and_extract(f"fuzz{suffix}", data)


@pytest.mark.slow
@FUZZ
@given(seed=mutated_seed())
def test_mutated_corpus_files(seed: tuple[str, bytes]) -> None:
    name, data = seed
    read_and_extract(name, data)


@pytest.mark.slow
@FUZZ
@given(seed=mutated_seed(), suffix=suffixes)
def test_mutated_corpus_files_under_the_wrong_suffix(seed: tuple[str, bytes], suffix: str) -> None:
    _name, data = seed
    read_and_extract(f"misnamed{suffix}", data)


def test_the_seed_files_cover_every_format() -> None:
    suffixes = {Path(name).suffix for name, _ in SEEDS}
    assert {".html", ".mhtml", ".txt", ".jsonl", ".gz", ".warc"} <= suffixes
    plain_warc = dict(SEEDS)["crawl-2025.warc"]
    pages = read_and_extract("crawl.warc", plain_warc)
    assert sum(isinstance(page, Article) for page in pages) >= 2  # the inflated seed reads
