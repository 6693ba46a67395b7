"""Tell a file's format from its first bytes, and decode bytes to text.

:func:`detect_format` looks at content first; the file suffix only breaks ties (markup
further down a ``.html`` file, a ``.jsonl`` file whose first line is broken). In order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) is decoded away before any sniffing;
2. gzip data is looked into: a WARC (or ARC) inside is ``warc``, anything else is not
   supported;
3. ``WARC/1.x`` at the top is ``warc``;
4. a MIME header block at the top (``MIME-Version``, or a ``multipart/related``
   ``Content-Type``) is ``mhtml``;
5. markup at the top (after whitespace, comments and an XML declaration) is ``html``;
6. a first line that is a JSON object is ``jsonl``;
7. decodable, mostly printable text is ``txt``; anything else is ``None``.

:func:`decode_bytes` turns bytes into ``str``: byte-order mark, then strict UTF-8,
then the declared charset (an HTTP header or a MIME part), then for markup the
``<meta charset>`` or ``http-equiv`` declaration in the first 4 KB, then
charset-normalizer's detection, else UTF-8 with replacement characters. UTF-8 is tried
before the declarations because bytes that are valid UTF-8 and not ASCII are UTF-8 in
practice, while ``charset=ISO-8859-1`` is a common server default on UTF-8 pages; on
ASCII every declaration decodes the same.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import zlib

import charset_normalizer

logger = logging.getLogger(__name__)

FORMATS = ("html", "mhtml", "warc", "txt", "jsonl")
HEAD_BYTES = 64 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz", ".arc.gz"})

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_START = re.compile(r"WARC/\d|filedesc://")
_LEADING_JUNK = re.compile(r"\A(?:\s+|<!--.*?-->|<\?xml[^>]*>)", re.DOTALL)
_MARKUP_START = re.compile(
    r"<(?:!doctype|html|head|body|meta|title|link|script|style|div|p|article|section|main"
    r"|header|nav|table|span|h[1-6]|a)[\s>/]",
    re.IGNORECASE,
)
_MARKUP_ANYWHERE = re.compile(r"<(?:html|head|body|p|div|article)[\s>]", re.IGNORECASE)
_HEADER_LINE = re.compile(r"[!-9;-~]+:")
_JSON_OBJECT_START = re.compile(r'\{\s*"[^"\\]*"\s*:')
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_META_WINDOW = 4096
_PRINTABLE_SHARE = 0.95
_LAYOUT = "\t\n\r\f\v"  # not printable, yet text
_LAYOUT_CONTROLS = str.maketrans("", "", _LAYOUT)
_MIB = 1024 * 1024
_TIE_ORDER = {"utf_8": 0, "cp1252": 1}
# Labels that browsers read as a wider codec (WHATWG Encoding Standard).
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


def detect_format(head: bytes, *, suffix: str = "") -> str | None:
    """The format of a file whose first bytes are ``head``: one of :data:`FORMATS`,
    or ``None`` when the bytes are not a supported format. ``suffix`` (``".html"``)
    only breaks ties."""
    suffix = _normal_suffix(suffix)
    bom_codec, body = split_bom(head)
    if bom_codec is None and body.startswith(_GZIP_MAGIC):
        inner = _gunzip_peek(body)
        # A head cut too short to show "WARC/": a WARC suffix decides (the reader says why).
        cut_short = suffix in WARC_SUFFIXES and _is_warc_prefix(inner)
        return "warc" if _WARC_START.match(inner) or cut_short else None
    text = body.decode(bom_codec or "utf-8", errors="replace")
    top = _skip_leading_junk(text)
    if _WARC_START.match(text.lstrip()):
        return "warc"
    if _looks_mime(text.lstrip()):
        return "mhtml"
    if _MARKUP_START.match(top):
        return "html"
    if _looks_jsonl(top, suffix=suffix):
        return "jsonl"
    if bom_codec is None and not _is_text(body):
        return None
    if suffix in HTML_SUFFIXES and _MARKUP_ANYWHERE.search(text):
        return "html"
    return "txt"


def split_bom(data: bytes) -> tuple[str | None, bytes]:
    """``(codec, rest)`` when ``data`` starts with a byte-order mark, else ``(None, data)``."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, data[len(bom) :]
    return None, data


def decode_bytes(data: bytes, *, declared: str | None = None, markup: bool = False) -> str:
    """Decode ``data``: BOM, strict UTF-8, ``declared`` charset, (``markup``) meta
    charset, detection, then UTF-8 with replacement characters."""
    bom_codec, body = split_bom(data)
    if bom_codec is not None:
        return body.decode(bom_codec, errors="replace")
    labels = ["utf-8", declared, meta_charset(data) if markup else None]
    for codec in filter(None, map(codec_for, labels)):
        text = _decode_strict(data, codec)
        if text is not None:
            return text
    detected = _detect(data)
    if detected is not None:
        return detected
    fallback = codec_for(declared) or "utf-8"
    logger.debug("no charset fits; decoding as %s with replacement characters", fallback)
    return data.decode(fallback, errors="replace")


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares in its first 4 KB, if any."""
    window = data[:_META_WINDOW]
    match = _XML_ENCODING.match(window) or _META_CHARSET.search(window)
    return match.group(1).decode("ascii") if match else None


def codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label (``"ISO-8859-1"`` -> ``"cp1252"``), or
    ``None`` when the label is missing or unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _LABEL_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        logger.debug("unknown charset label %r", label)
        return None
    # A page whose declaration could be read as ASCII is not UTF-16 or UTF-32.
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def over_limit_reason(subject: str, size: int | None, limit: int, *, env: str) -> str:
    """``"file is 210 MB, over the 100 MB limit (ENV)"``; ``size`` ``None`` when only
    known to be past the limit. Shared wording for the readers' size limits."""
    if size is None:
        return f"{subject} is over the {human_size(limit)} limit ({env})"
    shown, cap = human_size(size), human_size(limit)
    if shown == cap:
        shown, cap = f"{size:,} bytes", f"{limit:,}-byte"
    return f"{subject} is {shown}, over the {cap} limit ({env})"


def human_size(size: int) -> str:
    """``"210 MB"``, ``"3.5 MB"``, ``"12 KB"`` or ``"900 bytes"`` (1 MB = 1024 KB)."""
    if size >= 10 * _MIB:
        return f"{size / _MIB:.0f} MB"
    if size >= _MIB:
        return f"{size / _MIB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size:,} bytes"


def _detect(data: bytes) -> str | None:
    """``data`` decoded with charset-normalizer's best guess, or ``None`` when nothing
    fits. On a tie (Western text often scores the same in cp1250 and cp1252) the more
    common codec on the web wins."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    chosen = min(tied, key=lambda m: _TIE_ORDER.get(m.encoding, len(_TIE_ORDER)))
    logger.debug("detected charset %s", chosen.encoding)
    return str(chosen)


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        logger.debug("bytes are not %s: %s", codec, exc)
        return None


def _normal_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    return suffix if not suffix or suffix.startswith(".") else f".{suffix}"


def _gunzip_peek(data: bytes) -> str:
    """The first bytes inside gzip ``data`` as text; ``""`` when they do not inflate."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inner = inflater.decompress(data, 64)
    except zlib.error as exc:
        logger.debug("gzip head does not inflate: %s", exc)
        return ""
    return inner.decode("latin-1")


def _is_warc_prefix(inner: str) -> bool:
    return any(start.startswith(inner) for start in ("WARC/1.", "filedesc://"))


def _skip_leading_junk(text: str) -> str:
    """``text`` without leading whitespace, BOM characters, comments and XML declaration."""
    text = text.lstrip("\ufeff")
    while match := _LEADING_JUNK.match(text):
        text = text[match.end() :]
    return text


def _looks_mime(text: str) -> bool:
    """True when ``text`` opens with a MIME header block that announces a message."""
    fields: dict[str, str] = {}
    for line in text.splitlines()[:60]:
        if not line.strip():
            break
        if line[0] in " \t" and fields:
            continue
        if not _HEADER_LINE.match(line):
            return False
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip().lower()
    return "mime-version" in fields or fields.get("content-type", "").startswith(
        "multipart/related"
    )


def _looks_jsonl(text: str, *, suffix: str) -> bool:
    """True when the first line of ``text`` is a JSON object, or it starts like one and
    runs past the head (a long record) or the suffix says JSON Lines."""
    if not text.startswith("{"):
        return False
    first, newline, _ = text.partition("\n")
    try:
        value = json.loads(first)
    except (ValueError, RecursionError):  # RecursionError: nested past Python's stack
        unfinished = not newline or suffix in JSONL_SUFFIXES
        return unfinished and bool(_JSON_OBJECT_START.match(first))
    return isinstance(value, dict)


def _is_text(data: bytes) -> bool:
    """True when ``data`` (no BOM) decodes to mostly printable characters."""
    if b"\x00" in data:
        return False
    text = _decode_head_utf8(data)
    if text is None:
        text = _detect(data)
    if text is None:
        return False
    if text and text.translate(_LAYOUT_CONTROLS).isprintable():
        return True  # the common case, without a Python step per character
    layout = sum(text.count(ch) for ch in _LAYOUT)
    printable = sum(map(str.isprintable, text)) + layout
    return printable >= _PRINTABLE_SHARE * max(len(text), 1)


def _decode_head_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8, allowing a character cut off at the end of the head."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        return decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
