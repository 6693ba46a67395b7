"""HTML pages to articles with trafilatura: body, title, authors, site, date, canonical URL."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Extractor

log = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
# A start tag as libxml2 reads it: quoted values may hold < and >; an unclosed tag ends
# at the next < or at the end. Possessive quantifiers: one linear pass, no backtracking.
_START_TAG = re.compile(r"""<([A-Za-z][\w:-]*+)(?:[^<>"']++|"[^"]*+"|'[^']*+')*+(?:>|(?=<)|\Z)""")
_QUOTED = re.compile(r""""[^"]*+"|'[^']*+'""")
_LONG_TAG = 1024  # characters; shorter tags cannot hold enough attributes to matter
_MAX_ATTRIBUTES = 100
# http:// or https:// and at least the first character of a host name.
_WEB_URL = re.compile(r"https?://[^\s/?#\\]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """What trafilatura found in one page; ``paragraphs`` still hold furniture it kept."""

    paragraphs: list[str]
    title: str | None
    authors: tuple[str, ...]
    site: str | None
    published: str | None
    canonical_url: str | None
    declared_language: str | None


def parse_html(html: str) -> HtmlParts | None:
    """Run trafilatura; ``None`` means it found no main text (the caller says why)."""
    document = trafilatura.bare_extraction(defuse(html), options=_extractor())
    if document is None or not (document.text or "").strip():
        return None
    return HtmlParts(
        paragraphs=[line.strip() for line in document.text.split("\n") if line.strip()],
        title=_clean(document.title),
        authors=split_authors(document.author),
        site=_clean(document.sitename),
        published=_clean(document.date),
        canonical_url=_clean(document.url),
        declared_language=_clean(document.language),
    )


@functools.cache
def _extractor() -> Extractor:
    """trafilatura's options, built once: ``bare_extraction`` would otherwise build them
    from its keyword arguments and its settings file for every page. trafilatura copies
    them before it changes any (its recall retry)."""
    return Extractor(
        output_format="python",
        with_metadata=True,
        comments=False,
        images=False,
        tables=True,
        links=False,
        dedup=False,
        date_params=_DATE_PARAMS,
    )


def defuse(html: str) -> str:
    """``html`` with the attributes dropped from any tag that has more than 100.

    libxml2 checks each new attribute against all the earlier ones of its tag, so one
    tag with 40,000 attributes keeps lxml busy for half a minute inside C, where
    ``max_seconds_per_article`` cannot stop it. No real tag has a hundred attributes."""

    def shorten(match: re.Match[str]) -> str:
        tag = match.group(0)
        if len(tag) < _LONG_TAG or len(_QUOTED.sub("", tag).split()) <= _MAX_ATTRIBUTES:
            return tag
        log.debug("dropping the attributes of a <%s> tag %d characters long", match[1], len(tag))
        return f"<{match.group(1)}>"

    return _START_TAG.sub(shorten, html)


def split_authors(raw: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with '; '."""
    if not raw:
        return ()
    return tuple(name.strip() for name in raw.split(";") if name.strip())


def web_url(*candidates: str | None) -> str | None:
    """The first candidate that is an http(s) URL, stripped; ``None`` when none is.

    A hostile page can name ``javascript:alert(1)`` as its canonical link, ``og:url``,
    feed ``url`` or WARC target. Stored, such a URL would reach every reader of the
    store (the web page, exports) as the article's link, and as the canonical URL it
    would merge unrelated pages into one document; dropped, the document is known by
    its body fingerprint instead."""
    for candidate in candidates:
        value = (candidate or "").strip()
        if _WEB_URL.match(value):
            return value
        if value:
            log.debug("dropping a URL that is not http(s): %.80r", value)
    return None


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
