"""Parse a plain-text dump of a news page ("save as text", copy-paste, archiver export).

:func:`parse_text_dump` works in five steps:

1. Export headers at the top (``Saved from: URL``, ``URL:``, ``Source:``,
   ``Archived from URL on DATE``, ``Title:``, ``Date:``, ``Author:``, ``Retrieved ...``,
   ``<!-- saved from url=(0071)URL -->``) are read and dropped; rules (``-----``) and
   page markers (``===== Page 1 =====``) are dropped wherever they are.
2. The rest is cut into paragraphs: one paragraph a line, unless the dump is
   hard-wrapped, in which case blocks between blank lines are unwrapped (a line is
   joined to the next when the next line's first word would not have fitted on it,
   and the next line is no byline).
3. The title is the ``Title:`` header, else the first headline-like line after the
   page head's navigation (menu words and bars, ``Skip to content``, short all-caps
   site names, breadcrumbs); a site name sitting above a menu bar goes with the menu.
4. Byline lines right after the title (``By Amina Wanjiru``, ``Amina Wanjiru | 4
   March 2025``, ``Published 4 March 2025``, ``Updated: ...``, a bare date) give the
   author and the publication date and are dropped; one standfirst line before them
   is kept. What the page's byline says wins over ``Author:`` / ``Date:`` headers,
   which fill in when the byline is silent.
5. :func:`newsgraph.extract.furniture.remove_furniture` cleans the body.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date

import dateparser

from newsgraph.extract.furniture import is_menu_line, normalise_words, remove_furniture

log = logging.getLogger(__name__)

HEADER_SCAN_LINES = 40
WRAP_MAX_WIDTH = 120
TITLE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 60
BYLINE_WINDOW = 5
DATE_LINE_MAX_WORDS = 12

DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}


@dataclass(frozen=True, slots=True)
class TextDump:
    """What a text dump holds: metadata found in its headers and byline, and the body
    paragraphs without furniture. ``published`` is an ISO date (``YYYY-MM-DD``)."""

    title: str | None
    paragraphs: tuple[str, ...]
    url: str | None = None
    published: str | None = None
    author: str | None = None

    @property
    def text(self) -> str:
        """The body, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Headers:
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None


def parse_text_dump(text: str) -> TextDump:
    """Parse ``text`` (a whole dump) into a :class:`TextDump`. Never raises on odd input:
    metadata it cannot find is ``None`` and an empty dump gives no paragraphs."""
    lines = _clean_lines(text)
    headers, body_lines = _read_headers(lines)  # 1
    paragraphs = _paragraphs(body_lines)  # 2
    title, start = _find_title(paragraphs, headers.title)  # 3
    author, published, body = _take_byline(paragraphs[start:])  # 4
    author = author or headers.author
    body = remove_furniture(body, title=title, author=author)  # 5
    return TextDump(
        title=title,
        paragraphs=tuple(body),
        url=headers.url,
        published=published or headers.published,
        author=author,
    )


# --- 1. export headers --------------------------------------------------------------

_SAVED_FROM_COMMENT = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.I)
_URL_HEADER = re.compile(
    r"^(?:saved from|url|source|link|original(?: url)?|canonical(?: url)?|archived (?:from|at)"
    r"|snapshot of|captured from|page)\s*:?\s*<?(?P<url>https?://[^\s>]+)",
    re.IGNORECASE,
)
_META_HEADER = re.compile(
    r"^(?P<key>title|headline|date|published|publication date|pub date|author|authors|byline"
    r"|site|site name|publisher|source|language|description)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_INFO_HEADER = re.compile(
    r"^(?:retrieved|downloaded|accessed|captured|saved|exported|archived|printed|generated)\b"
    r".{0,150}(?:\d|https?://)",
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*(?:[-=_*~#.•·]\s*){3,}$|^\s*[=\-#*]+\s*page\s+\d+.*$", re.IGNORECASE)
_PAGE_FOOTER = re.compile(r"^\s*page\s+\d+(?:\s+of\s+\d+)?\s*$", re.IGNORECASE)


def _clean_lines(text: str) -> list[str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\n").replace("\u00a0", " ").replace("\t", " ")
    return [line.rstrip() for line in text.split("\n")]


def _read_headers(lines: list[str]) -> tuple[_Headers, list[str]]:
    """Read export headers at the top; drop rules and page markers everywhere."""
    headers = _Headers()
    position = 0
    while position < min(len(lines), HEADER_SCAN_LINES):
        line = lines[position].strip()
        if line and not _RULE.match(line) and not _read_header_line(line, headers):
            break
        position += 1
    body = [line for line in lines[position:] if not _is_marker(line)]
    return headers, body


def _is_marker(line: str) -> bool:
    stripped = line.strip()
    return bool(
        _RULE.match(stripped)
        or _PAGE_FOOTER.match(stripped)
        or _SAVED_FROM_COMMENT.search(stripped)
    )


def _read_header_line(line: str, headers: _Headers) -> bool:
    """Record what a header line says in ``headers``; False if it is no header."""
    url_match = _SAVED_FROM_COMMENT.search(line) or _URL_HEADER.match(line)
    if url_match:
        headers.url = headers.url or url_match["url"]
        return True
    meta = _META_HEADER.match(line)
    if meta:
        _record_meta(meta["key"].casefold(), meta["value"].strip(), headers)
        return True
    return bool(_INFO_HEADER.match(line))


def _record_meta(key: str, value: str, headers: _Headers) -> None:
    if not value:
        return
    if key in {"title", "headline"}:
        headers.title = headers.title or value
    elif key in {"date", "published", "publication date", "pub date"}:
        headers.published = headers.published or parse_date(value)
    elif key in {"author", "authors", "byline"}:
        headers.author = headers.author or re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)


# --- 2. paragraphs ------------------------------------------------------------------

_FIRST_CHUNK = re.compile(r"\S+?-(?=[A-Za-z])|\S+")


def _paragraphs(lines: list[str]) -> list[str]:
    width = _wrap_width(lines)
    if width is None:
        return [" ".join(line.split()) for line in lines if line.strip()]
    paragraphs: list[str] = []
    for block in _blocks(lines):
        paragraphs.extend(_unwrap(block, width))
    return paragraphs


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped dump, or None when lines are paragraphs."""
    lengths = [len(line.strip()) for line in lines if line.strip()]
    short = sorted(n for n in lengths if n <= WRAP_MAX_WIDTH)
    if not short:
        return None
    width = _typical_max(short)
    near = sum(1 for n in short if n >= 0.75 * width)
    over = len(lengths) - len(short)
    if near >= 3 and near >= 0.4 * len(lengths) and over <= 0.05 * len(lengths):
        return width
    return None


def _typical_max(lengths: list[int]) -> int:
    """The longest line length, ignoring lone outliers (a headline longer than the wrap
    width stands two or more characters clear of every wrapped line)."""
    top = len(lengths) - 1
    while top > 0 and lengths[top] - lengths[top - 1] >= 2:
        top -= 1
    return lengths[top]


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _unwrap(block: list[str], width: int) -> list[str]:
    """Join wrapped lines: a line continues when the next line's first word would not
    have fitted after it within ``width`` and the next line is no byline."""
    paragraphs = [block[0]]
    for previous, line in zip(block, block[1:], strict=False):
        first = _FIRST_CHUNK.match(line)
        first_len = len(first.group()) if first else 0
        if len(previous) + 1 + first_len > width and not _starts_anew(line):
            joiner = "" if re.search(r"[A-Za-z]-$", paragraphs[-1]) else " "
            paragraphs[-1] += joiner + line
        else:
            paragraphs.append(line)
    return [" ".join(p.split()) for p in paragraphs]


def _starts_anew(line: str) -> bool:
    """A byline (``By Amina Wanjiru | 4 March 2025``) never continues the line before."""
    return line[:1].isupper() and not line.endswith(".") and _parse_byline(line) is not None


# --- 3. title -----------------------------------------------------------------------

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


def _is_nav(paragraph: str) -> bool:
    """Lines a page shows before its headline: menus, breadcrumbs, site names, URLs."""
    return (
        is_menu_line(paragraph)
        or _is_site_name(paragraph)
        or bool(_URL_LINE.match(paragraph))
        or is_date_line(paragraph)
    )


def _is_site_name(paragraph: str) -> bool:
    letters = [c for c in paragraph if c.isalpha()]
    return (
        len(paragraph.split()) <= 5
        and len(letters) >= 2
        and all(c.isupper() for c in letters)
        and not re.search(r"[.!?:]\s*$", paragraph)
    )


def _first_after_nav(paragraphs: list[str]) -> int:
    """Index of the first line after the page head's navigation. The head ends at the
    first byline or sentence-like line; a site name above a menu bar is skipped with
    the menu."""
    head_end = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if _parse_byline(p) is not None or not (_is_nav(p) or _looks_like_title(p))
        ),
        len(paragraphs),
    )
    candidates = [i for i in range(head_end) if not _is_nav(paragraphs[i])]
    last_nav = max((i for i in range(head_end) if _is_nav(paragraphs[i])), default=-1)
    after_nav = [i for i in candidates if i > last_nav]
    return (after_nav or candidates or [head_end])[0]


def _looks_like_title(paragraph: str) -> bool:
    words = len(paragraph.split())
    return 1 <= words <= TITLE_MAX_WORDS and not re.search(r"[.;,]$", paragraph)


def _find_title(paragraphs: list[str], header_title: str | None) -> tuple[str | None, int]:
    """The title and the index where the body (byline first) starts."""
    lead = _first_after_nav(paragraphs)
    if header_title:
        body_title = _matching_body_title(header_title, paragraphs[lead:][:1])
        return (body_title or header_title), lead + (1 if body_title else 0)
    if lead < len(paragraphs) and _is_title(paragraphs[lead]):
        return paragraphs[lead], lead + 1
    return None, lead


def _is_title(paragraph: str) -> bool:
    return _looks_like_title(paragraph) and _parse_byline(paragraph) is None


def _matching_body_title(header_title: str, candidates: list[str]) -> str | None:
    """The body's headline when it equals the header title, or the header title without
    a trailing site name (``Headline | Site``)."""
    header_words = normalise_words(header_title)
    for candidate in candidates:
        words = normalise_words(candidate)
        long_enough = len(words) >= max(2, len(header_words) / 2) or words == header_words
        if words and long_enough and words == header_words[: len(words)]:
            return candidate
    return None


# --- 4. byline ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Byline:
    author: str | None
    published: str | None
    updated: str | None


_SEGMENT_SPLIT = re.compile(r"\s*(?:\||·|•|—|–|\s-\s)\s*")
_DATE_LABEL = re.compile(
    r"^(?P<label>published|first published|updated|last updated|last modified|modified|posted)"
    r"\b(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^(?:\d+\s*min(?:ute)?s?\s+read|reading time\s*:?.*)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|di|du|van|von|der|al|el|bin|le|la|and)$")
_NAME_PLACE = re.compile(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DATE_WORDS = frozenset(
    _MONTHS
    + "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun st nd rd th am pm a m p m at on of gmt utc bst cet cest eat wat cat est edt pst "
    "pdt et pt ist sast aest z t".split()
)

# Day and month names that are not also given names (April, May, June are).
_NOT_NAME_START = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march july "
    "august september october november december".split()
)


def _take_byline(paragraphs: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Drop byline lines near the start of ``paragraphs``; return author, date, body."""
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    dropped: set[int] = set()
    skipped_standfirst = False
    for i, paragraph in enumerate(paragraphs[:BYLINE_WINDOW]):
        byline = _parse_byline(paragraph)
        if byline is None and (skipped_standfirst or dropped or not _is_standfirst(paragraph)):
            break
        if byline is None:
            skipped_standfirst = True
            continue
        dropped.add(i)
        author = author or byline.author
        published = published or byline.published
        updated = updated or byline.updated
    body = [p for i, p in enumerate(paragraphs) if i not in dropped]
    return author, published or updated, body


def _is_standfirst(paragraph: str) -> bool:
    return len(paragraph.split()) <= STANDFIRST_MAX_WORDS


def _parse_byline(paragraph: str) -> _Byline | None:
    """Read a byline line, or None if ``paragraph`` is not one."""
    text = paragraph.strip()
    has_by = bool(re.match(r"^by\s+\S", text, re.IGNORECASE))
    if has_by:
        text = text[2:].strip()
    author = published = updated = None
    for index, segment in enumerate(s for s in _SEGMENT_SPLIT.split(text) if s):
        label = _DATE_LABEL.match(segment)
        value = segment[label.end() :] if label else segment
        if _READ_TIME.match(segment):
            continue
        if is_date_line(value):
            date = parse_date(value)
            if label and label["label"].casefold() not in {"published", "first published"}:
                updated = updated or date
            else:
                published = published or date
        elif not label and index == 0 and _is_author_segment(segment, has_by=has_by):
            author = _author_name(segment)
        else:
            return None
    if author and not has_by and not (published or updated):
        return None
    if not (author or published or updated or has_by):
        return _read_time_only(paragraph)
    return _Byline(author, published, updated)


def _read_time_only(paragraph: str) -> _Byline | None:
    return _Byline(None, None, None) if _READ_TIME.match(paragraph.strip()) else None


def _is_author_segment(segment: str, *, has_by: bool) -> bool:
    """``Amina Wanjiru``; after ``By`` also ``Amina Wanjiru in Nairobi`` and
    ``Amina Wanjiru, East Africa correspondent`` (but not ``By Tuesday, the army ...``)."""
    name = _author_name(segment) if has_by else segment
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].casefold() in _NOT_NAME_START:
        return False
    role = segment.split(",", 1)[1] if "," in segment else ""
    if len(role.split()) > 6 or re.search(r"[.!?]$", role):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _author_name(segment: str) -> str:
    name = segment.split(",", 1)[0].strip()
    return _NAME_PLACE.sub("", name).strip()


_NUMERIC_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def is_date_line(text: str) -> bool:
    """True when ``text`` is only a date (and time): ``4 March 2025``,
    ``March 4, 2025 10:32 GMT``, ``2025-03-04``, ``Tue 4 Mar 2025 10.32``."""
    words = re.findall(r"[A-Za-z]+", text)
    if not re.search(r"\d", text) or len(text.split()) > DATE_LINE_MAX_WORDS:
        return False
    if not all(w.casefold() in _DATE_WORDS for w in words):
        return False
    has_month = any(w.casefold() in _MONTHS for w in words)
    return has_month or bool(
        re.search(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text)
    )


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Two shapes that feeds and bylines use all the time, read here at a hundredth of
# dateparser's cost (and without its one-off start-up of a tenth of a second). Only a
# valid date is taken; anything else still goes to dateparser, so the result is the one
# dateparser gives (tests/extract/test_textdump.py compares the two over every day of a
# leap year).
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?"
    r"(?:Z|[+-](?:0\d|1[0-4]):(?:00|15|30|45))?"
)
_MONTH_NUMBER = {
    name: number
    for number, month in enumerate(calendar.month_name[1:], start=1)
    for name in (month.casefold(), month[:3].casefold())
} | {"sept": 9}
_MONTH_NAME = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}) ({_MONTH_NAME}) (\d{{4}})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_NAME}) (\d{{1,2}}), (\d{{4}})", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) ``text`` gives, or None (logged) when it gives none."""
    iso = _ISO_DATE.search(text)
    if iso:
        return _valid_iso(*iso.groups())
    common = _common_date(text)
    if common is not None:
        return common
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is None:
        log.debug("no date in %r", text)
        return None
    return parsed.date().isoformat()


def _common_date(text: str) -> str | None:
    """``2025-03-04T10:32:00+00:00``, ``4 March 2025``, ``Mar 4, 2025`` as an ISO date;
    None for any other text and for a day the calendar does not have."""
    if match := _ISO_DATETIME.fullmatch(text):
        year, month, day = (int(part) for part in match.group(1, 2, 3))
    elif match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = int(match[1]), _MONTH_NUMBER[match[2].casefold()], int(match[3])
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = _MONTH_NUMBER[match[1].casefold()], int(match[2]), int(match[3])
    else:
        return None
    if not (year >= 1 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day).isoformat()


def _valid_iso(year: str, month: str, day: str) -> str | None:
    y, m, d = int(year), int(month), int(day)
    if not (y >= 1 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        log.debug("not a date: %s-%s-%s", year, month, day)
        return None
    return date(y, m, d).isoformat()
