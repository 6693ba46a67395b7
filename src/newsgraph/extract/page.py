"""One page to one article: the extraction stage's entry point.

:func:`extract` is a stage boundary: whatever the page holds, it returns a value. A page
that takes longer than ``max_seconds_per_article`` (see :mod:`.watchdog`), or that makes
the extractor fail, becomes a :class:`Rejected` naming the cause, and the batch goes on.
"""

from __future__ import annotations

import logging
import re

from newsgraph.extract.fingerprint import fingerprint
from newsgraph.extract.furniture import remove_furniture
from newsgraph.extract.html import parse_html, site_from_url, split_authors, web_url
from newsgraph.extract.language import detect_language, load_model
from newsgraph.extract.textdump import parse_date, parse_text_dump
from newsgraph.extract.watchdog import TimeLimitExceeded, over_time_reason, time_limit
from newsgraph.model import Article, RawPage, Rejected
from newsgraph.options import Options

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

log = logging.getLogger(__name__)


def extract(page: RawPage, *, options: Options) -> Article | Rejected:
    """One page to one article; every failure is a :class:`Rejected` naming the reason."""
    limit = options.max_seconds_per_article
    load_model()  # a one-off cost, not the page's
    try:
        with time_limit(limit):
            return _extract(page, options)
    except TimeLimitExceeded:
        log.info("extraction of %s stopped after %s s", page.source_path, limit)
        reason = over_time_reason("processing", limit)
    except RecursionError:
        reason = "page is nested too deeply to extract"
    except Exception as exc:  # the stage boundary: one page, one value
        log.exception("extraction failed on %s", page.source_path)
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
    return Rejected(page.source_path, reason, page.source_format)


def _extract(page: RawPage, options: Options) -> Article | Rejected:
    if page.html is not None:
        return _from_html(page, options)
    if page.text is not None and page.source_format == "jsonl":
        return _from_plain_body(page, options)
    if page.text is not None:
        return _from_text_dump(page, options)
    return Rejected(page.source_path, "page has neither HTML nor text", page.source_format)


def _from_html(page: RawPage, options: Options) -> Article | Rejected:
    parts = parse_html(page.html or "")
    if parts is None:
        return Rejected(page.source_path, "no article text found in the HTML", page.source_format)
    title = page.title or parts.title
    canonical = web_url(parts.canonical_url, page.url)
    return _article(
        page,
        options,
        paragraphs=remove_furniture(
            parts.paragraphs, title=title, author=next(iter(parts.authors), None)
        ),
        title=title,
        url=web_url(page.url) or canonical,
        canonical_url=canonical,
        authors=split_authors(page.author) or parts.authors,
        site=page.site or parts.site or site_from_url(canonical),
        published=page.published or parts.published,
        declared_language=parts.declared_language,
    )


def _from_text_dump(page: RawPage, options: Options) -> Article | Rejected:
    dump = parse_text_dump(page.text or "")
    url = web_url(page.url, dump.url)
    return _article(
        page,
        options,
        paragraphs=list(dump.paragraphs),
        title=page.title or dump.title,
        url=url,
        canonical_url=url,
        authors=split_authors(page.author or dump.author),
        site=page.site or site_from_url(url),
        published=page.published or dump.published,
    )


def _from_plain_body(page: RawPage, options: Options) -> Article | Rejected:
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(page.text or "")]
    url = web_url(page.url)
    return _article(
        page,
        options,
        paragraphs=remove_furniture([p for p in paragraphs if p], title=page.title),
        title=page.title,
        url=url,
        canonical_url=url,
        authors=split_authors(page.author),
        site=page.site or site_from_url(url),
        published=page.published,
    )


def _article(
    page: RawPage,
    options: Options,
    *,
    paragraphs: list[str],
    title: str | None,
    url: str | None,
    canonical_url: str | None,
    authors: tuple[str, ...],
    site: str | None,
    published: str | None,
    declared_language: str | None = None,
) -> Article | Rejected:
    text = valid_unicode("\n\n".join(paragraphs))
    if not text.strip():
        return Rejected(
            page.source_path, "no article text found (only page furniture)", page.source_format
        )
    if len(text) > options.max_body_chars:
        return Rejected(
            page.source_path,
            f"article body is {len(text):,} characters, over the {options.max_body_chars:,} "
            "maximum (NEWSGRAPH_MAX_BODY_CHARS)",
            page.source_format,
        )
    if len(text) < options.min_body_chars:
        return Rejected(
            page.source_path,
            f"article body is {len(text)} characters, under the {options.min_body_chars} "
            "minimum (NEWSGRAPH_MIN_BODY_CHARS)",
            page.source_format,
        )
    return Article(
        title=valid_unicode(title),
        text=text,
        source_path=page.source_path,
        source_format=page.source_format,
        url=valid_unicode(url),
        canonical_url=valid_unicode(canonical_url),
        authors=tuple(valid_unicode(a) for a in authors),
        site=valid_unicode(site),
        published=parse_date(published) if published else None,
        language=detect_language(text, declared=declared_language),
        content_sha256=fingerprint(text),
    )


def valid_unicode(value: str | None) -> str | None:
    """Lone surrogates (a JSON feed can carry "\\ud800") cannot be stored or exported
    as UTF-8, and NUL ("\\u0000") cannot be stored in PostgreSQL text (SQLite's
    ``length()`` stops at it); both become U+FFFD."""
    return None if value is None else _UNSTORABLE.sub("\ufffd", value)
