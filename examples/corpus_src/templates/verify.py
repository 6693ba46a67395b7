"""Parse every built file back and check it against its manifest row.

Used by ``python examples/build_corpus.py --verify``. Needs lxml and trafilatura (the
builder itself needs only the standard library and warcio). Returns a list of
problems; an empty list means the corpus is sound.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import lxml.html
from warcio.archiveiterator import ArchiveIterator

log = logging.getLogger("build_corpus.verify")

_META_CHARSET = re.compile(rb"<meta[^>]+charset=\"?([\w-]+)", re.IGNORECASE)


def flat(text: str) -> str:
    return " ".join(text.split())


def verify_corpus(out: Path, entries: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    warc_records = _warc_records(out)
    for entry in entries:
        if entry.get("broken"):
            problems += check_broken(out, entry)
            continue
        content, kind = load(out, entry, warc_records)
        problems += check_content(entry, content, kind)
        if kind == "html":
            problems += check_trafilatura(entry, content)
    problems += check_warc_layout(warc_records)
    log.info("verified %d manifest rows: %d problem(s)", len(entries), len(problems))
    return problems


# --- loading -------------------------------------------------------------------------


def load(out: Path, entry: dict[str, Any], warc: dict[int, Any]) -> tuple[str, str]:
    """Return (content, "html" | "text") for a manifest row, as a reader would see it."""
    path, _, anchor = entry["source"].partition("#")
    fmt = entry["format"]
    if fmt == "html":
        return decode_html(out.joinpath(path).read_bytes()), "html"
    if fmt == "mhtml":
        return mhtml_html(out.joinpath(path).read_bytes(), entry["url"]), "html"
    if fmt == "warc":
        return warc[int(anchor.removeprefix("record-"))]["html"], "html"
    if fmt == "txt":
        return out.joinpath(path).read_text(encoding="utf-8-sig"), "text"
    line = out.joinpath(path).read_text(encoding="utf-8").splitlines()[int(anchor[5:]) - 1]
    record = json.loads(line)
    return (record["html"], "html") if "html" in record else (record["text"], "text")


def decode_html(raw: bytes) -> str:
    match = _META_CHARSET.search(raw[:2048])
    return raw.decode(match.group(1).decode("ascii") if match else "utf-8")


def mhtml_html(raw: bytes, url: str) -> str:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if message.get_content_type() != "multipart/related" or not message.get_boundary():
        raise ValueError("MHTML is not multipart/related with a boundary")
    parts = list(message.iter_parts())
    kinds = [p.get_content_type() for p in parts]
    if kinds != ["text/html", "text/css", "image/png"]:
        raise ValueError(f"MHTML parts are {kinds}")
    if parts[0]["Content-Location"] != url or message["Snapshot-Content-Location"] != url:
        raise ValueError("MHTML Content-Location does not match the URL")
    if not parts[2].get_payload(decode=True).startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("MHTML image part is not a PNG")
    return parts[0].get_payload(decode=True).decode("utf-8")


def _warc_records(out: Path) -> dict[int, dict[str, Any]]:
    records: dict[int, dict[str, Any]] = {}
    for path in sorted((out / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for index, record in enumerate(ArchiveIterator(stream), 1):
                body = record.content_stream().read()
                ctype = (
                    record.http_headers.get_header("Content-Type") if record.http_headers else None
                )
                records[index] = {
                    "type": record.rec_type,
                    "uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "ctype": ctype,
                    "body": body,
                    "html": body.decode("utf-8")
                    if ctype and ctype.startswith("text/html")
                    else None,
                }
    return records


# --- checks --------------------------------------------------------------------------


def check_content(entry: dict[str, Any], content: str, kind: str) -> list[str]:
    src = entry["source"]
    text = visible_text(content) if kind == "html" else content
    body = flat(text)
    problems = [
        f"{src}: 'with' sentence missing: {s[:60]!r}" for s in entry["with"] if flat(s) not in body
    ]
    problems += [
        f"{src}: 'without' text not in page: {s[:60]!r}"
        for s in entry["without"]
        if flat(s) not in body
    ]
    quote = entry.get("pullquote")
    if quote and flat(quote) not in body:
        problems.append(f"{src}: pullquote missing")
    if len(entry["with"]) < 3:
        problems.append(f"{src}: fewer than three 'with' sentences")
    if kind == "html":
        problems += check_html_metadata(entry, content)
    return problems


def visible_text(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    return tree.text_content()


def check_html_metadata(entry: dict[str, Any], html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    src, problems = entry["source"], []
    title = tree.findtext(".//title") or ""
    if not title.startswith(entry["title"]):
        problems.append(f"{src}: <title> is {title!r}")
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical != [entry["canonical_url"]]:
        problems.append(f"{src}: canonical link is {canonical}")
    if tree.get("lang") != "en":
        problems.append(f"{src}: <html lang> is {tree.get('lang')!r}")
    return problems


def check_trafilatura(entry: dict[str, Any], html: str) -> list[str]:
    """Metadata must come out right with trafilatura's defaults; body leaks are logged."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, url=entry["url"])
    if doc is None:
        return [f"{entry['source']}: trafilatura extracted nothing"]
    got = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    src, problems = entry["source"], []
    if got.get("title") != entry["title"]:
        problems.append(f"{src}: trafilatura title {got.get('title')!r}")
    if not all(name in (got.get("author") or "") for name in entry["authors"]):
        problems.append(f"{src}: trafilatura author {got.get('author')!r}")
    if got.get("date") != entry["published"]:
        problems.append(f"{src}: trafilatura date {got.get('date')!r}")
    if got.get("sitename") != entry["site"]:
        problems.append(f"{src}: trafilatura sitename {got.get('sitename')!r}")
    _log_body_quality(entry, got.get("text") or "")
    return problems


def _log_body_quality(entry: dict[str, Any], text: str) -> None:
    body = flat(text)
    missing = [s for s in entry["with"] if flat(s) not in body]
    leaked = [s for s in entry["without"] if flat(s) in body]
    quote = entry.get("pullquote")
    count = body.count(flat(quote)) if quote else 1
    if missing or leaked or count != 1:
        log.info(
            "%s: trafilatura body: %d with missing, leaked %s, pullquote x%d",
            entry["source"],
            len(missing),
            [s[:30] for s in leaked],
            count,
        )


def check_broken(out: Path, entry: dict[str, Any]) -> list[str]:
    path, _, anchor = entry["source"].partition("#")
    raw = out.joinpath(path).read_bytes()
    name = Path(path).name
    ok = {
        "empty.html": lambda: raw == b"",
        "junk.html": lambda: len(raw) == 4096 and b"\x00" in raw,
        "no-boundary.mhtml": lambda: _mhtml_has_no_boundary(raw),
        "truncated.warc.gz": lambda: _warc_is_truncated(raw),
        "feed.jsonl": lambda: _jsonl_line_is_bad(raw, int(anchor[5:])),
    }[name]()
    return [] if ok else [f"{entry['source']}: not broken the way the manifest says"]


def _mhtml_has_no_boundary(raw: bytes) -> bool:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    return message.get_content_type() == "multipart/related" and message.get_boundary() is None


def _warc_is_truncated(raw: bytes) -> bool:
    """The first gzip member (warcinfo) is whole; the file ends inside the second."""
    first = zlib.decompressobj(wbits=31)
    first.decompress(raw)
    rest = zlib.decompressobj(wbits=31)
    rest.decompress(first.unused_data)
    whole_first = first.eof and first.unused_data != b""
    log.info(
        "truncated.warc.gz: first member whole=%s, second member ends=%s", whole_first, rest.eof
    )
    return whole_first and not rest.eof


def _jsonl_line_is_bad(raw: bytes, number: int) -> bool:
    line = raw.decode("utf-8").splitlines()[number - 1]
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return True
    return False


def check_warc_layout(records: dict[int, dict[str, Any]]) -> list[str]:
    types = [records[i]["type"] for i in sorted(records)]
    ctypes = {records[i]["ctype"] for i in records if records[i]["type"] == "response"}
    problems = []
    if not types or types[0] != "warcinfo":
        problems.append("WARC does not start with a warcinfo record")
    for needed in ("text/plain", "image/png", "text/html; charset=utf-8"):
        if needed not in ctypes:
            problems.append(f"WARC has no {needed} response")
    return problems
