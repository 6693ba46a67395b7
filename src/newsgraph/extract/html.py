"""HTML pages to articles with trafilatura: body, title, authors, site, date, canonical URL."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura

log = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}


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


def parse_html(html: str, *, max_tree_size: int | None = None) -> HtmlParts | None:
    """Run trafilatura; ``None`` means it found no main text (the caller says why)."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        include_links=False,
        deduplicate=False,
        date_extraction_params=_DATE_PARAMS,
        max_tree_size=max_tree_size,
    )
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


def split_authors(raw: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with '; '."""
    if not raw:
        return ()
    return tuple(name.strip() for name in raw.split(";") if name.strip())


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
