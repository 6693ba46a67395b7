"""The README written into ``examples/corpus/`` on every build."""

from __future__ import annotations

from typing import Any

from templates.story import Story

_INTRO = """\
# newsgraph sample corpus

Saved news pages for newsgraph's tests, examples and evaluation gate: {n} original
articles from five fictional news sites, saved the ways people actually save pages —
as HTML files, browser MHTML snapshots, a WARC crawl, plain-text dumps and a JSONL
feed export — plus a handful of broken files that must be rejected with a reason.

**Licence.** Every article, name, quote, place and organisation here is original
fiction written for newsgraph; any resemblance to real events is coincidental. The
articles and this corpus are dedicated to the public domain under
[CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/). The `.example`
domains are reserved and resolve nowhere.

**Do not edit these files by hand.** They are generated from
`examples/corpus_src/articles/NN-slug.json` by `examples/build_corpus.py`, which
wipes this folder and rewrites it byte for byte (fixed WARC dates and record ids,
fixed MIME boundaries, seeded random data). To rebuild, from the repository root:

    python examples/build_corpus.py
    python examples/build_corpus.py --verify   # also parse every file back and check it

The build also writes `tests/data/corpus_expected.jsonl`, the expected values for
every page (see below).
"""

_SITES = """
## The sites

Each site has its own template, with the page furniture real news sites carry: skip
link, menu, breadcrumb, cookie banner, share bar, lead photo with caption, pull-quote
between paragraphs, author box with bio and Twitter line, newsletter sign-up,
related and "Most read" lists, footer. Metadata is marked up differently on each.

- **The Meridian Post** (`meridian`, meridianpost.example): HTML5, Open Graph,
  `meta name=author`, JSON-LD NewsArticle, `<aside class="pullquote">`, a newsletter
  box inside the article body.
- **Harbour Times** (`harbour`, harbourtimes.example): old CMS div soup, author only
  in a "By NAME" byline, dateline text, a "Listen live" radio widget,
  `<blockquote class="pull-quote">`.
- **Global Dispatch** (`dispatch`, globaldispatch.example): wire service, JSON-LD
  NewsArticle, `meta name=author`, `<time datetime>`.
- **The Continental Ledger** (`ledger`, continentalledger.example): layout tables;
  its own pages are **windows-1252** with `<meta charset="windows-1252">`.
- **Evening Courier** (`courier`, eveningcourier.example): tabloid; its pages are
  **UTF-8 with no charset declaration**; a "READ MORE" link and a sign-up box sit
  between paragraphs.

Pages inside containers (MHTML, WARC, JSONL) are UTF-8.
"""

_FORMATS = """
## Formats

- `html/` ({html} pages): one page per file, in the site's own charset.
- `mhtml/` ({mhtml}): Chrome "Save page as… Webpage, single file" snapshots:
  `multipart/related` with a fixed boundary, the page as quoted-printable
  `text/html`, a `text/css` part and an `image/png` part.
- `warc/{warc}.warc.gz` ({warc_pages}): one gzipped WARC written with warcio:
  warcinfo, then request/response pairs, including a `robots.txt` (text/plain) and a
  PNG response among the pages.
- `text/` ({txt}): plain-text dumps: a browser "save as text", archiver exports with
  a header block (one with CRLF line ends and a byte-order mark), a bare copy-paste,
  and one hard-wrapped at 72 columns.
- `jsonl/feed.jsonl` ({jsonl}): a feed export with keys `url`, `title`, `published`,
  `author`, `site` and either `html` (the full page) or `text` (the plain body); one
  line is not valid JSON.

Saved twice, for the idempotency test: {twice} (first also in `mhtml/`, second also in
the WARC, fetched there with `utm_` parameters but the same canonical URL).
"""

_BROKEN = """
## Broken files

| file | the rejection reason should contain |
|---|---|
{rows}
"""

_MANIFEST = """
## The manifest

`tests/data/corpus_expected.jsonl` has one JSON object per stored page: `source`
(path relative to this folder, with `#record-N` for the 1-based index among all WARC
records, `#line-N` for JSONL lines), `format`, `article`, `url`, `canonical_url`,
`title`, `authors`, `published` (YYYY-MM-DD), `site` (null where the format cannot
know it), `with` (three body sentences that must be in the extracted text), `without`
(furniture text that must not be), and `pullquote` (must appear exactly once). Broken
items have `broken: true` and `reason_contains`, a word the rejection reason contains.
"""


def render_readme(groups: dict[str, list[Story]], entries: list[dict[str, Any]]) -> str:
    counts = {fmt: sum(1 for e in entries if e.get("format") == fmt) for fmt in groups}
    twice = [e["article"] for e in entries if e.get("format") in ("mhtml", "warc")]
    doubled = sorted(
        {a for a in twice if any(h.get("source") == f"html/{a}.html" for h in entries)}
    )
    broken = [e for e in entries if e.get("broken")]
    rows = "\n".join(f"| `{e['source']}` | `{e['reason_contains']}` |" for e in broken)
    n = len({e["article"] for e in entries if "article" in e})
    parts = [
        _INTRO.format(n=n),
        _SITES,
        _FORMATS.format(
            html=counts["html"],
            mhtml=counts["mhtml"],
            warc="crawl-2025",
            warc_pages=counts["warc"],
            txt=counts["txt"],
            jsonl=counts["jsonl"],
            twice=", ".join(f"`{a}`" for a in doubled) or "none",
        ),
        _BROKEN.format(rows=rows),
        _MANIFEST,
    ]
    return "".join(parts)
