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
# A start tag as libxml2 reads it: a quote opens a value only right after "=" (elsewhere,
# as in content=“x" or a script's "<b"+"r>", it is a plain character), and a quoted
# value may hold < and >; an unclosed tag ends at the next < or at the end. Possessive
# quantifiers: one linear pass, no backtracking. A comment is matched as its start only.
_QUOTED_VALUE = r"""=\s*+(?:"[^"]*+"|'[^']*+')"""
_START_TAG = re.compile(
    r"""<!--|<([A-Za-z][\w:-]*+)(?:[^<>"'=]++|""" + _QUOTED_VALUE + r"""|[="'])*+(?:>|(?=<)|\Z)"""
)
_QUOTED = re.compile(_QUOTED_VALUE)
# Where libxml2 reads no tags, up to where it ends them at the latest: a comment (also at
# "--!>"; "<!-->" is a whole one) and the text of a script or a style element.
_COMMENT_END = re.compile("--!?>")
_RAW_TEXT_END = {
    "script": re.compile("</script", re.IGNORECASE),
    "style": re.compile("</style", re.IGNORECASE),
}
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
    ``max_seconds_per_article`` cannot stop it. No real tag has a hundred attributes.

    Tags are looked for only where libxml2 reads tags: a script's ``a<b && c="...``, a
    stray quote (``content=“x"``) or a comment is no tag, and taking one for a tag of a
    hundred attributes cut the article text after it too (10,000s of characters)."""
    kept: list[str] = []
    done = pos = 0
    while match := _START_TAG.search(html, pos):
        name, tag, pos = match[1], match[0], match.end()
        if name and len(tag) >= _LONG_TAG and len(_QUOTED.sub("=", tag).split()) > _MAX_ATTRIBUTES:
            log.debug("dropping the attributes of a <%s> tag %d characters long", name, len(tag))
            kept += [html[done : match.start()], f"<{name}>"]
            done = pos
        if name is None:  # "<!--"
            end = _COMMENT_END.search(html, match.start() + 2)
        elif tag.endswith(">") and (raw_text := _RAW_TEXT_END.get(name.lower())):
            end = raw_text.search(html, pos)
        else:  # tags go on (also after a start tag cut short at "<")
            continue
        pos = end.end() if end else len(html)
    kept.append(html[done:])
    return "".join(kept)


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
