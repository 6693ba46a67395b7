"""Hostile and broken input: every file is generated here, at test time, in tmp_path.

Each case is one bad file among good ones. What must hold, whatever the file: nothing
raises out of a stage, the bad file is one :class:`Rejected` with a reason a user can act
on (naming the setting when a limit was hit), and the other files are still read. The
last test runs the real ``newsgraph ingest`` over the whole hostile folder: one line
``error: PATH: REASON`` per bad file, exit status 1, the good pages stored.

Cases already covered one reader at a time live in ``tests/readers/`` (empty file, binary
junk, truncated and corrupt gzip, MHTML without boundary, charsets, symlink loops); here
they run end to end, next to the cases that need a limit: size, decompressed size,
nesting depth, entity expansion, body length and processing time.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.extract.html import defuse
from newsgraph.extract.page import extract
from newsgraph.extract.watchdog import TimeLimitExceeded, can_limit_time, time_limit
from newsgraph.graph import Newsgraph
from newsgraph.model import Article, RawPage, Rejected
from newsgraph.options import Options
from newsgraph.pipeline import articles
from newsgraph.readers import read_paths
from newsgraph.store import Store

OPTIONS = Options()
MIB = 1024 * 1024

STORY = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>Relief convoys reached the northern villages on Tuesday after the road through the pass
was cleared, officials from the regional council said in a statement.</p>
<p>Engineers worked through the night to remove the rocks that fell during the storm, and
the council said the route would stay open to heavy trucks for the rest of the week.</p>
<p>{extra}</p></article></body></html>"""

CP1252_STORY = STORY.format(
    title="Café owners count the cost",
    extra="“We lost a month’s takings,” said Zoë Renée, who runs the café — and the crêperie.",
).replace('<meta charset="utf-8">', "")

ARABIC_PARAGRAPHS = (
    "أعلنت وزارة الصحة في بيروت يوم الاثنين أن فرق الإنقاذ واصلت البحث عن ناجين تحت أنقاض "
    "المباني التي انهارت بعد الزلزال الذي ضرب المنطقة فجر الأحد.",
    "وقال المتحدث باسم الوزارة إن المستشفيات في المدينة استقبلت عشرات الجرحى خلال الليل، "
    "وإن الحكومة طلبت مساعدة عاجلة من الدول المجاورة لتأمين الأدوية والخيام.",
    "وأضاف أن الطرق المؤدية إلى القرى الجبلية ما زالت مغلقة بسبب الانهيارات الأرضية، وأن "
    "الجيش أرسل جرافات لفتحها قبل وصول العاصفة المتوقعة نهاية الأسبوع.",
)
ARABIC_STORY = (
    "<html><head><title>زلزال في لبنان</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in ARABIC_PARAGRAPHS)
    + "</article></body></html>"
)


def story(title: str) -> str:
    return STORY.format(title=title, extra=f"The council said more news on {title} would follow.")


# -- builders: one hostile file each ----------------------------------------------------------


def _http(content_type: str, *extra: tuple[str, str]) -> StatusAndHeaders:
    return StatusAndHeaders("200 OK", [("Content-Type", content_type), *extra], "HTTP/1.1")


def warc_bytes(
    pages: list[tuple[str, bytes]],
    *,
    gzip_members: bool = True,
    content_type: str = "text/html; charset=utf-8",
) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_members)
    for uri, body in pages:
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=_http(content_type),
        )
        writer.write_record(record)
    return buffer.getvalue()


def gzip_bomb_member(uri: str, inflated: int) -> bytes:
    """One gzip member holding a WARC response whose payload is ``inflated`` zero bytes
    (about 1000:1), compressed in 1 MB steps so the test never holds it whole."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    length = len(http) + inflated
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [packer.compress(head.encode() + http)]
    zeros = bytes(MIB)
    for _ in range(inflated // MIB):
        out.append(packer.compress(zeros))
    out.append(packer.compress(b"\r\n\r\n") + packer.flush())
    return b"".join(out)


def deep_html(levels: int) -> str:
    opening = "<div>" * levels
    return f"<html><body>{opening}<p>{'Deep inside the page. ' * 20}</p>{'</div>' * levels}"


def entity_bomb() -> str:
    """The "billion laughs": ten levels of entities, each ten of the one below."""
    entities = ['<!ENTITY e0 "laugh">'] + [
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)
    ]
    return (
        f"<!DOCTYPE html [{''.join(entities)}]><html><body><article>"
        f"<p>{'&e9; ' * 50}</p><p>{'Officials met in the capital on Monday. ' * 10}</p>"
        "</article></body></html>"
    )


def slow_page(blocks: int = 20_000) -> str:
    """Valid HTML that keeps trafilatura's Python loops busy for seconds (many small
    nested blocks), the kind of page max_seconds_per_article exists for."""
    rng = random.Random(2)
    words = "officials said talks would continue next week capital minister army aid".split()
    parts = []
    for i in range(blocks):
        sentence = " ".join(rng.choice(words) for _ in range(30))
        parts.append(f"<div class='c{i}'><div><span><p>{sentence} {i}.</p></span></div></div>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def write_big_html(path: Path, size: int) -> None:
    """Exactly ``size`` bytes of real HTML, written in 1 MB chunks (fast, little memory)."""
    head, tail = b"<!doctype html><html><body><article>\n", b"</article></body></html>\n"
    paragraph = b"<p>" + b"A paragraph of an enormous page. " * 30 + b"</p>\n"
    chunk = paragraph * (MIB // len(paragraph))
    left = size - len(head) - len(tail)
    with path.open("wb") as out:
        out.write(head)
        while left > 0:
            out.write(chunk[:left])
            left -= len(chunk)
        out.write(tail)
    assert path.stat().st_size == size


def html_page(html: str, name: str = "page.html") -> RawPage:
    return RawPage(source_path=name, source_format="html", html=html)


# -- size limits ------------------------------------------------------------------------------


@pytest.mark.slow
def test_200_mb_html_is_refused_by_the_default_limit_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    write_big_html(big, 200 * MIB)
    tracemalloc.start()
    try:
        items = list(read_paths([big], options=OPTIONS))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [
        Rejected(str(big), "file is 200 MB, over the 100 MB limit (NEWSGRAPH_MAX_FILE_BYTES)")
    ]
    assert peak < 4 * MIB  # the size comes from stat(); the file is never read


def test_raised_file_limit_reads_a_big_page_in_a_small_multiple_of_its_size(
    tmp_path: Path,
) -> None:
    # With the limit raised the file is read whole: its bytes and its text, no more.
    big = tmp_path / "big.html"
    size = 24 * MIB
    write_big_html(big, size)
    tracemalloc.start()
    try:
        [page] = read_paths([big], options=Options(max_file_bytes=size))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(page, RawPage) and len(page.html or "") == size
    assert peak < 2.5 * size


def test_gzip_bomb_inside_a_warc_is_stopped_at_the_limit(tmp_path: Path) -> None:
    before = warc_bytes([("https://news.example.org/first", story("First").encode())])
    after = warc_bytes([("https://news.example.org/after", story("After").encode())])
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(before + gzip_bomb_member("https://news.example.org/bomb", 64 * MIB) + after)
    assert path.stat().st_size < MIB  # 64 MB of zeros packs to about 64 KB
    options = Options(max_decompressed_bytes=2 * MIB)
    tracemalloc.start()
    try:
        items = list(read_paths([path], options=options))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    first, rejected = items
    assert isinstance(first, RawPage) and "First" in (first.html or "")
    assert rejected == Rejected(
        str(path),
        "gzip member inflates past the 2.0 MB limit (NEWSGRAPH_MAX_DECOMPRESSED_BYTES) "
        "in record 2, rest of file skipped",
        "warc",
    )
    assert peak < 8 * MIB  # inflated in 64 KB steps, never held whole


def test_http_gzip_bomb_in_a_record_is_one_rejected_record(tmp_path: Path) -> None:
    packed = gzip.compress(bytes(16 * MIB))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = _http("text/html", ("Content-Encoding", "gzip"))
    record = writer.create_warc_record(
        "https://x.example/bomb",
        "response",
        payload=io.BytesIO(packed),
        length=len(packed),
        http_headers=http,
    )
    writer.write_record(record)
    path = tmp_path / "encoded.warc.gz"
    path.write_bytes(buffer.getvalue() + warc_bytes([("https://x.example/ok", b"<p>ok</p>")]))
    items = list(read_paths([path], options=Options(max_decompressed_bytes=MIB)))
    assert items[0] == Rejected(
        f"{path}#record-1",
        "record is over the 1.0 MB limit (NEWSGRAPH_MAX_DECOMPRESSED_BYTES)",
        "warc",
    )
    assert isinstance(items[1], RawPage) and items[1].html == "<p>ok</p>"


def test_wrong_content_length_is_a_rejection_without_warcio_noise_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # warcio writes a five-line warning to stderr when a record is not followed by a
    # blank line; a batch must print one line per bad file and nothing else.
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 10\r\n\r\n"
    )
    path = tmp_path / "short.warc"
    path.write_bytes(record + http + b"\r\n\r\n")
    [rejected] = read_paths([path], options=OPTIONS)
    assert isinstance(rejected, Rejected) and rejected.source_path == str(path)
    assert "rest of file skipped" in rejected.reason
    assert capsys.readouterr().err == ""


def test_warc_record_without_target_uri_is_named_as_the_first_record(tmp_path: Path) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    path = tmp_path / "nouri.warc"
    path.write_bytes(head.encode() + http + b"\r\n\r\n")
    [rejected] = read_paths([path], options=OPTIONS)
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("WARC is truncated or corrupt in record 1, rest of file")


def test_body_over_the_length_limit_is_rejected_before_nlp() -> None:
    # spaCy refuses texts over 1,000,000 characters with a ValueError that used to end
    # the whole ingest; the body limit turns such a page into one rejection.
    html = story("Long read")
    kept = extract(html_page(html), options=OPTIONS)
    assert isinstance(kept, Article)
    result = extract(html_page(html), options=Options(max_body_chars=len(kept.text) - 1))
    assert result == Rejected(
        "page.html",
        f"article body is {len(kept.text):,} characters, over the {len(kept.text) - 1:,} "
        "maximum (NEWSGRAPH_MAX_BODY_CHARS)",
        "html",
    )


def test_nul_and_lone_surrogates_in_a_feed_are_stored_on_every_backend(
    tmp_path: Path, backend_url: str
) -> None:
    # PostgreSQL refuses NUL in text: one such feed line used to abort the whole batch.
    body = "\n\n".join(story("x").split("<p>")[1:3]).replace("</p>", "")
    record = {
        "title": "Nul\u0000 title",
        "url": "https://x.example/a\u0000b",
        "text": body.replace("northern", "north\u0000ern\ud800"),
    }
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = articles([path], options=OPTIONS)
    assert isinstance(article, Article)
    for value in (article.title, article.url, article.text):
        assert "\x00" not in value and "\ud800" not in value
    assert "north\ufffdern\ufffd" in article.text
    with Store(backend_url) as store:
        [result] = store.write_batch([article])
        assert result.status == "new"
        assert store.document(result.doc_id)["text"] == article.text


# -- nesting and entities ---------------------------------------------------------------------


@pytest.mark.parametrize("levels", [1_000, 100_000])
def test_deeply_nested_html_neither_crashes_nor_hangs(levels: int) -> None:
    result = extract(html_page(deep_html(levels)), options=OPTIONS)
    # lxml stops building the tree at its depth limit: whatever it kept is the article,
    # or there is none; either way a value, never a RecursionError.
    assert isinstance(result, (Article, Rejected))
    if isinstance(result, Rejected):
        assert result.reason == "no article text found in the HTML"


def test_unclosed_deep_nesting_after_real_text_keeps_the_text() -> None:
    html = story("Nested tail").replace("</article>", "<div><span>" * 50_000 + "</article>")
    result = extract(html_page(html), options=OPTIONS)
    assert isinstance(result, Article)
    assert "Relief convoys reached the northern villages" in result.text


def test_html_entity_bomb_is_not_expanded() -> None:
    result = extract(html_page(entity_bomb()), options=OPTIONS)
    assert isinstance(result, Article)
    assert "Officials met in the capital" in result.text
    assert "laughlaugh" not in result.text
    assert len(result.text) < 10_000  # 50 expansions of &e9; would be 250 MB


def attribute_bomb(count: int = 30_000, *, opening: str = "<div ") -> str:
    """A real story with one tag of ``count`` attributes: libxml2 compares each new
    attribute with every earlier one, so 40,000 of them take half a minute inside C."""
    tag = opening + " ".join(f"a{i}='{i}'" for i in range(count)) + ">"
    return story("Attribute bomb").replace("<article>", f"<article>{tag}</div>")


@pytest.mark.parametrize("opening", ["<div ", '<div title="<" ', '<div title=">" '])
def test_tag_with_thousands_of_attributes_loses_them_before_lxml(opening: str) -> None:
    html = attribute_bomb(opening=opening)
    defused = defuse(html)
    assert len(defused) < len(html) // 50 and "a29999" not in defused
    result = extract(html_page(html), options=OPTIONS)
    assert isinstance(result, Article)
    assert "Relief convoys reached the northern villages" in result.text


def test_ordinary_long_tags_are_left_alone() -> None:
    pages = [
        '<img src="data:image/png;base64,' + "A" * 200_000 + '" alt="chart">',
        '<img alt="' + "word " * 5_000 + '">',
        "<div " + " ".join(f'data-k{i}="{i}"' for i in range(90)) + ' class="story">',
        '<p class="unclosed quote>' + "text " * 1_000,
        "<p>" + "< " * 1_000,
    ]
    for html in pages:
        assert defuse(html) == html


def test_deeply_nested_json_line_is_one_rejection_and_the_next_line_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"text": "A short line that reads fine."})
    path.write_text('{"text": ' + "[" * 100_000 + "\n" + good + "\n", encoding="utf-8")
    first, second = read_paths([path], options=OPTIONS)
    assert first == Rejected(f"{path}#line-1", "line is JSON nested too deeply to read", "jsonl")
    assert isinstance(second, RawPage) and second.text == "A short line that reads fine."


def test_mhtml_nested_thousands_deep_is_rejected_not_raised(tmp_path: Path) -> None:
    inner = "Content-Type: text/html\r\n\r\n<p>deep</p>\r\n"
    for n in range(3_000):
        inner = (
            f'Content-Type: multipart/related; boundary="b{n}"\r\n\r\n'
            f"--b{n}\r\n{inner}\r\n--b{n}--\r\n"
        )
    path = tmp_path / "deep.mhtml"
    path.write_text("MIME-Version: 1.0\r\n" + inner, encoding="ascii")
    assert list(read_paths([path], options=OPTIONS)) == [
        Rejected(str(path), "file is nested too deeply to read")
    ]


# -- processing time --------------------------------------------------------------------------


@pytest.mark.slow
def test_page_over_the_time_limit_is_rejected_naming_the_setting() -> None:
    options = Options(max_seconds_per_article=1, max_body_chars=10**8)
    result = extract(html_page(slow_page(), "slow.html"), options=options)
    assert result == Rejected(
        "slow.html",
        "processing took longer than 1 s "
        "(setting max_seconds_per_article, NEWSGRAPH_MAX_SECONDS_PER_ARTICLE)",
        "html",
    )
    # The alarm is disarmed afterwards: the next page extracts normally.
    assert isinstance(extract(html_page(story("Next")), options=options), Article)


@pytest.mark.slow
# An alarm may land in a gc callback, which drops it with this warning; the next one counts.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_file_too_slow_to_read_is_rejected_naming_the_setting(tmp_path: Path) -> None:
    # Python's email parser takes seconds over a MIME archive of 200,000 tiny parts.
    parts = "".join(
        f"--b\r\nContent-Type: image/png\r\nContent-Location: x{i}\r\n\r\nAAAA\r\n"
        for i in range(200_000)
    )
    path = tmp_path / "parts.mhtml"
    path.write_text(
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        + parts
        + "--b\r\nContent-Type: text/html\r\n\r\n<p>end</p>\r\n--b--\r\n",
        encoding="ascii",
    )
    (tmp_path / "z.html").write_text(story("After the slow file"), encoding="utf-8")
    options = Options(max_seconds_per_article=1)
    items = list(read_paths([tmp_path], options=options))
    assert items[0] == Rejected(
        str(path),
        "reading took longer than 1 s "
        "(setting max_seconds_per_article, NEWSGRAPH_MAX_SECONDS_PER_ARTICLE)",
    )
    assert isinstance(items[1], RawPage) and len(items) == 2


def test_time_limit_raises_in_the_block_and_restores_an_outer_alarm() -> None:
    assert can_limit_time()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        time.sleep(60)  # the signal interrupts the sleep
    with pytest.raises(TimeLimitExceeded), time_limit(0.3):
        with time_limit(30):
            pass  # the inner block ends at once; the outer alarm must still fire
        time.sleep(60)
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # disarmed on leaving: nothing fires afterwards


class _SlowFinaliser:
    def __del__(self) -> None:
        time.sleep(0.5)  # the alarm lands here, where Python drops exceptions


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_time_limit_survives_an_alarm_swallowed_by_a_finaliser() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.1):
        _SlowFinaliser()  # dropped at once: its __del__ swallows the first alarm
        time.sleep(30)  # a later alarm must still end the block


def test_time_limit_off_the_main_thread_runs_without_a_limit() -> None:
    seen: list[object] = []

    def work() -> None:
        seen.append(can_limit_time())
        with time_limit(1):
            seen.append(extract(html_page(story("Threaded")), options=OPTIONS))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen[0] is False and isinstance(seen[1], Article)


# -- the whole batch through the real command ---------------------------------------------------


def hostile_folder(root: Path) -> dict[str, str]:
    """Write every hostile file (and good ones) under ``root``; return, per bad file
    name, a piece of the reason its ``error:`` line must give."""
    root.mkdir()
    (root / "good.html").write_text(story("Good page"), encoding="utf-8")
    (root / "empty.html").write_bytes(b"")
    (root / "junk.html").write_bytes(random.Random(7).randbytes(4096))
    pages = [(f"https://news.example.org/{n}", story(f"Archived {n}").encode()) for n in "abc"]
    whole = warc_bytes(pages)
    (root / "truncated.warc.gz").write_bytes(whole[: len(whole) - 200])
    (root / "truncated-plain.warc").write_bytes(warc_bytes(pages, gzip_members=False)[:-300])
    (root / "nohtml.warc").write_bytes(
        warc_bytes([("https://x.example/a.json", b"{}")], content_type="application/json")
    )
    (root / "noboundary.mhtml").write_text(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=text/html\r\n\r\n"
        "--x\r\nContent-Type: text/html\r\n\r\n<p>lost</p>\r\n--x--\r\n",
        encoding="ascii",
    )
    (root / "cp1252.html").write_bytes(CP1252_STORY.encode("cp1252"))
    (root / "arabic.htm").write_bytes(ARABIC_STORY.encode("windows-1256"))
    (root / "utf16.html").write_bytes(story("Sixteen bits wide").encode("utf-16"))
    write_big_html(root / "huge.html", 200 * MIB)
    (root / "deep.html").write_text(deep_html(100_000), encoding="utf-8")
    (root / "entities.html").write_text(entity_bomb(), encoding="utf-8")
    (root / "attributes.html").write_text(attribute_bomb(40_000), encoding="utf-8")
    (root / "bomb.warc.gz").write_bytes(gzip_bomb_member("https://x.example/bomb", 8 * MIB))
    (root / "slow.html").write_text(slow_page(40_000), encoding="utf-8")
    book = " ".join(f"Sentence {i} of a very long page." for i in range(7_000))
    (root / "book.jsonl").write_text(json.dumps({"text": book}) + "\n", encoding="utf-8")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "self.html").symlink_to(root / "self.html")
    return {
        "empty.html": "empty file",
        "junk.html": "not a supported format (binary data)",
        "truncated.warc.gz": "truncated",
        "truncated-plain.warc": "truncated",
        "nohtml.warc": "WARC holds no HTML response records",
        "noboundary.mhtml": "names no multipart boundary",
        "huge.html": "over the 100 MB limit (NEWSGRAPH_MAX_FILE_BYTES)",
        "deep.html": "no article text found",
        "bomb.warc.gz": "inflates past the 1.0 MB limit (NEWSGRAPH_MAX_DECOMPRESSED_BYTES)",
        "slow.html": "processing took longer than 4 s (setting max_seconds_per_article",
        "book.jsonl#line-1": "over the 200,000 maximum (NEWSGRAPH_MAX_BODY_CHARS)",
        "self.html": "symbolic link loop",
    }


@pytest.mark.slow
def test_cli_batch_goes_on_past_every_hostile_file(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    expected = hostile_folder(root)
    db = f"sqlite:///{tmp_path / 'hostile.db'}"
    env = {
        **os.environ,
        "NEWSGRAPH_MAX_DECOMPRESSED_BYTES": str(MIB),
        "NEWSGRAPH_MAX_SECONDS_PER_ARTICLE": "4",
    }
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(root), "--db", db],
        capture_output=True,
        timeout=600,
        env=env,
    )
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    by_name = {}
    for line in errors:
        path, _, reason = line.removeprefix("error: ").partition(": ")
        by_name[Path(path).relative_to(root).as_posix()] = reason
    assert len(errors) == len(by_name)  # one line per bad file
    assert set(by_name) == set(expected), errors
    for name, piece in expected.items():
        assert piece in by_name[name], (name, by_name[name])

    with Newsgraph(db) as graph:
        docs = {d["title"]: d for d in graph.documents(limit=100)}
        sources = {
            Path(s["source_path"]).relative_to(root).as_posix()
            for d in docs.values()
            for s in graph.document(d["id"])["sources"]
        }
        # The good page, the records before each cut, every charset, the entity page.
        assert {
            "good.html",
            "truncated.warc.gz#record-1",
            "truncated.warc.gz#record-2",
            "truncated-plain.warc#record-1",
            "cp1252.html",
            "arabic.htm",
            "utf16.html",
            "entities.html",
            "attributes.html",
        } <= sources
        cafe = graph.document(docs["Café owners count the cost"]["id"])
        assert "“We lost a month’s takings,” said Zoë Renée" in cafe["text"]
        arabic = graph.document(docs["زلزال في لبنان"]["id"])
        assert ARABIC_PARAGRAPHS[0] in arabic["text"]
        assert arabic["language"] == "ar"
        assert arabic["nlp_note"] == "language 'ar': NLP runs on English text only"
        assert graph.store.counts()["mentions"] > 0  # the English pages went through NLP


def test_articles_stream_never_raises_on_the_hostile_folder(tmp_path: Path) -> None:
    """Stages 1-2 in process over the same folder (without the slow and huge files),
    with default limits: one value per page, a rejection for every bad file."""
    root = tmp_path / "hostile"
    expected = hostile_folder(root)
    (root / "huge.html").unlink()
    (root / "slow.html").unlink()
    items = list(articles([root], options=Options(max_decompressed_bytes=MIB)))
    names = {
        kind: {
            Path(i.source_path).relative_to(root).as_posix() for i in items if isinstance(i, kind)
        }
        for kind in (Article, Rejected)
    }
    assert names[Rejected] == set(expected) - {"huge.html", "slow.html"}
    good = {"good.html", "cp1252.html", "arabic.htm", "utf16.html"}
    assert good | {"entities.html", "attributes.html"} < names[Article]
    assert len(items) == len(names[Article]) + len(names[Rejected])  # one value per page
