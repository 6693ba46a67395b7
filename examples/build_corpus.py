"""Build the sample corpus of saved news pages and its manifest of expected values.

Reads the original articles in ``examples/corpus_src/articles/NN-slug.json`` and writes:

1. ``examples/corpus/html/`` — one page per article, rendered by its site's template;
2. ``examples/corpus/mhtml/`` — Chrome-style "Save page as… single file" snapshots;
3. ``examples/corpus/warc/crawl-2025.warc.gz`` — one crawl, written with warcio;
4. ``examples/corpus/text/`` — plain-text dumps in several styles;
5. ``examples/corpus/jsonl/feed.jsonl`` — a feed export, with one bad line;
6. ``examples/corpus/broken/`` — files every reader must reject with a reason;
7. ``tests/data/corpus_expected.jsonl`` — what a correct pipeline gets from each page.

The output directory is wiped and rewritten; the same articles always give
byte-identical files. Run from the repository root::

    python examples/build_corpus.py            # build
    python examples/build_corpus.py --verify   # build, then parse everything back
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import sys
from datetime import UTC, date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep __pycache__ out of examples/corpus_src/templates
sys.path.insert(0, str(HERE / "corpus_src"))

from templates import containers, pages, textdumps  # noqa: E402
from templates.containers import Fetch, WarcBuilder  # noqa: E402
from templates.readme import render_readme  # noqa: E402
from templates.story import Story, load_story, with_sentences  # noqa: E402

log = logging.getLogger("build_corpus")

REPO = HERE.parent
WARC_NAME = "crawl-2025"
SEED = 20250610

# Format of the article at each position of the sorted list (cycled past 32). Any
# prefix of five or more holds every format; 32 give 12 html, 5 mhtml, 6 warc,
# 5 txt and 4 jsonl.
FORMAT_CYCLE = (
    "html", "mhtml", "warc", "txt", "jsonl", "html", "warc", "html",
    "mhtml", "txt", "html", "warc", "jsonl", "html", "mhtml", "txt",
    "html", "warc", "html", "jsonl", "mhtml", "txt", "html", "warc",
    "html", "mhtml", "txt", "html", "warc", "jsonl", "html", "html",
)  # fmt: skip

# Charset a site declares on its own pages (None: no declaration at all).
NATIVE_CHARSET = {"ledger": "windows-1252", "courier": None}
BAD_JSONL_LINE = 3

Entry = dict[str, Any]


# --- 1. planning ---------------------------------------------------------------------


def load_stories(src: Path) -> list[Story]:
    files = sorted(p for p in src.glob("*.json") if p.name[:2].isdigit())
    stories = [load_story(p) for p in files]
    for path, story in zip(files, stories, strict=True):
        if path.stem != story.key:
            log.warning("%s: slug field is %r; pages use %s", path.name, story.slug, story.key)
    return stories


def plan(stories: list[Story]) -> dict[str, list[Story]]:
    """Format -> stories, a pure function of the sorted list.

    The first mhtml and the first warc article are also saved as html, so that the
    same article arrives twice (idempotency test)."""
    primary = [FORMAT_CYCLE[i % len(FORMAT_CYCLE)] for i in range(len(stories))]
    groups: dict[str, list[Story]] = {f: [] for f in ("html", "mhtml", "warc", "txt", "jsonl")}
    for story, fmt in zip(stories, primary, strict=True):
        groups[fmt].append(story)
    twice = [groups[f][0] for f in ("mhtml", "warc") if groups[f]]
    groups["html"] = sorted(groups["html"] + twice, key=lambda s: s.key)
    return groups


def related_to(story: Story, stories: list[Story]) -> list[Story]:
    """The next three articles in list order (wrapping round), as "related" links."""
    index = stories.index(story)
    others = stories[index + 1 :] + stories[:index]
    return others[:3]


def crawl_start(group: list[Story]) -> datetime:
    """The crawl runs at 08:00 UTC the day after the newest page in it was published."""
    newest = max((s.published for s in group), default=date(2025, 6, 9))
    return datetime.combine(newest + timedelta(days=1), time(8, 0), tzinfo=UTC)


def native_charset(story: Story) -> str | None:
    return NATIVE_CHARSET.get(story.site.key, "utf-8")


def served_charset(story: Story) -> str | None:
    """Charset declared inside pages that a container (HTTP, JSONL) delivers as UTF-8."""
    return None if story.site.key == "courier" else "utf-8"


# --- manifest entries ----------------------------------------------------------------


def page_entry(source: str, fmt: str, story: Story, **known: Any) -> Entry:
    """One manifest row. ``known`` holds url, canonical_url, site, published, without."""
    return {
        "source": source,
        "format": fmt,
        "article": story.key,
        "url": known["url"],
        "canonical_url": known["canonical_url"],
        "title": story.title,
        "authors": list(story.authors),
        "published": known["published"],
        "site": known["site"],
        "with": with_sentences(story),
        "without": clean_without(story, known["without"]),
        "pullquote": story.pullquote or None,
    }


def clean_without(story: Story, snippets: list[str] | tuple[str, ...]) -> list[str]:
    """Drop duplicates and any furniture text that also occurs in the article itself."""
    own = "\n".join([story.title, *story.paragraphs])
    out: list[str] = []
    for snippet in snippets:
        if snippet and snippet not in own and snippet not in out:
            out.append(snippet)
    return out


def html_entry(source: str, fmt: str, story: Story, page: pages.Page, *, url: str) -> Entry:
    return page_entry(
        source,
        fmt,
        story,
        url=url,
        canonical_url=story.url,
        site=story.site.name,
        published=story.iso_date,
        without=page.without,
    )


# --- 2. writers ----------------------------------------------------------------------


def write_html(out: Path, story: Story, stories: list[Story]) -> Entry:
    charset = native_charset(story)
    page = pages.render(story, related=related_to(story, stories), charset=charset)
    path = out / "html" / f"{story.key}.html"
    path.write_bytes(page.html.encode(charset or "utf-8", errors="xmlcharrefreplace"))
    return html_entry(f"html/{path.name}", "html", story, page, url=story.url)


def write_mhtml(out: Path, story: Story, stories: list[Story]) -> Entry:
    page = pages.render(story, related=related_to(story, stories), charset="utf-8")
    path = out / "mhtml" / f"{story.key}.mhtml"
    path.write_bytes(containers.mhtml_bytes(story, page.html))
    return html_entry(f"mhtml/{path.name}", "mhtml", story, page, url=story.url)


def write_warc(
    out: Path, group: list[Story], stories: list[Story], *, twice: Story | None
) -> list[Entry]:
    """One gzipped WARC: warcinfo, robots.txt, every page, and a PNG half-way."""
    buffer = BytesIO()
    warc = WarcBuilder(buffer, name=WARC_NAME, start=crawl_start(group))
    warc.warcinfo("Sample crawl of five fictional news sites, for newsgraph tests")
    first = group[0].site.domain if group else "globaldispatch.example"
    robots = b"User-agent: *\nDisallow: /search\nDisallow: /account/\n"
    warc.exchange(Fetch(f"https://{first}/robots.txt", robots, "text/plain"))
    rendered: list[tuple[Story, str, pages.Page]] = []
    for index, story in enumerate(group):
        url = story.url + ("?utm_source=newsletter&utm_medium=email" if story is twice else "")
        page = pages.render(
            story, related=related_to(story, stories), charset=served_charset(story)
        )
        warc.exchange(Fetch(url, page.html.encode("utf-8"), "text/html; charset=utf-8"))
        rendered.append((story, url, page))
        if index == len(group) // 2:
            logo = f"https://{story.site.domain}/static/logo.png"
            warc.exchange(Fetch(logo, containers.tiny_png(), "image/png"))
    path = out / "warc" / f"{WARC_NAME}.warc.gz"
    path.write_bytes(buffer.getvalue())
    numbers = containers.response_record_numbers(path)
    return [
        html_entry(f"warc/{path.name}#record-{numbers[url]}", "warc", story, page, url=url)
        for story, url, page in rendered
    ]


def write_text(out: Path, group: list[Story]) -> list[Entry]:
    entries = []
    for index, story in enumerate(group):
        dump = textdumps.STYLES[index % len(textdumps.STYLES)](story)
        path = out / "text" / f"{story.key}.txt"
        path.write_bytes(dump.text.encode("utf-8"))
        entry = page_entry(
            f"text/{path.name}",
            "txt",
            story,
            url=dump.url,
            canonical_url=dump.url,
            site=None,
            published=dump.published,
            without=dump.without,
        )
        entries.append(entry)
    return entries


def write_jsonl(out: Path, group: list[Story], stories: list[Story]) -> list[Entry]:
    """A feed export: pages alternate between full ``html`` and plain ``text``, and one
    line (the third, or the last) is a record the exporting program cut short."""
    good = [_jsonl_record(story, index, stories) for index, story in enumerate(group)]
    bad_at = min(BAD_JSONL_LINE, len(good) + 1)
    lines = [line for line, _, _ in good]
    lines.insert(bad_at - 1, BAD_JSONL_TEXT)
    (out / "jsonl" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    entries = []
    for number, (_, story, page) in enumerate(good, 1):
        line = number if number < bad_at else number + 1
        entries.append(_jsonl_entry(f"jsonl/feed.jsonl#line-{line}", story, page))
    bad = {"source": f"jsonl/feed.jsonl#line-{bad_at}", "broken": True, "reason_contains": "JSON"}
    return [*entries, bad]


BAD_JSONL_TEXT = (
    '{"url": "https://globaldispatch.example/world/2025/05/02/feed-export", '
    '"title": "Feed export interrupted, "published": 2025-05-02'
)


def _jsonl_record(
    story: Story, index: int, stories: list[Story]
) -> tuple[str, Story, pages.Page | None]:
    record = {
        "url": story.url,
        "title": story.title,
        "published": story.iso_time,
        "author": story.author,
        "site": story.site.name,
    }
    page = None
    if index % 2 == 0:
        page = pages.render(
            story, related=related_to(story, stories), charset=served_charset(story)
        )
        record["html"] = page.html
    else:
        record["text"] = story.body_text
    return json.dumps(record, ensure_ascii=False), story, page


def _jsonl_entry(source: str, story: Story, page: pages.Page | None) -> Entry:
    if page is not None:
        return html_entry(source, "jsonl", story, page, url=story.url)
    return page_entry(
        source,
        "jsonl",
        story,
        url=story.url,
        canonical_url=story.url,
        site=story.site.name,
        published=story.iso_date,
        without=[],
    )


# --- 3. broken files -----------------------------------------------------------------


def write_broken(out: Path, stories: list[Story]) -> list[Entry]:
    """Files a reader must reject, each with the word its reason should contain."""
    folder = out / "broken"
    (folder / "empty.html").write_bytes(b"")
    (folder / "junk.html").write_bytes(random.Random(SEED).randbytes(4096))
    (folder / "no-boundary.mhtml").write_bytes(containers.mhtml_without_boundary())
    whole = _small_warc(stories)
    (folder / "truncated.warc.gz").write_bytes(whole[: len(whole) * 60 // 100])
    reasons = {
        "empty.html": "empty",
        "junk.html": "binary",
        "no-boundary.mhtml": "boundary",
        "truncated.warc.gz": "truncated",
    }
    return [
        {"source": f"broken/{name}", "broken": True, "reason_contains": word}
        for name, word in reasons.items()
    ]


def _small_warc(stories: list[Story]) -> bytes:
    """A valid two-record warc.gz: warcinfo and one HTML response."""
    buffer = BytesIO()
    warc = WarcBuilder(buffer, name="truncated-sample", start=crawl_start(stories[:1]))
    warc.warcinfo("A two-record crawl, cut short on purpose")
    story = stories[0]
    page = pages.render(story, related=[], charset="utf-8")
    body = page.html.encode("utf-8")
    warc.response(Fetch(story.url, body, "text/html; charset=utf-8"))
    return buffer.getvalue()


# --- 4. manifest and README ----------------------------------------------------------


def write_manifest(path: Path, entries: list[Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)
    path.write_text(text, encoding="utf-8")


def build(src: Path, out: Path, manifest: Path) -> list[Entry]:
    """Wipe ``out``, write every file, write the manifest; return the manifest rows."""
    stories = load_stories(src)
    if not stories:
        raise SystemExit(f"no NN-slug.json articles in {src}")
    if out.exists():
        shutil.rmtree(out)
    for folder in ("html", "mhtml", "warc", "text", "jsonl", "broken"):
        (out / folder).mkdir(parents=True)
    groups = plan(stories)
    twice = groups["warc"][0] if groups["warc"] else None
    entries = [write_html(out, s, stories) for s in groups["html"]]
    entries += [write_mhtml(out, s, stories) for s in groups["mhtml"]]
    entries += write_warc(out, groups["warc"], stories, twice=twice)
    entries += write_text(out, groups["txt"])
    entries += write_jsonl(out, groups["jsonl"], stories)
    entries += write_broken(out, stories)
    write_manifest(manifest, entries)
    (out / "README.md").write_text(render_readme(groups, entries), encoding="utf-8")
    log.info("%d articles -> %d manifest rows in %s", len(stories), len(entries), manifest)
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=HERE / "corpus_src" / "articles")
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    parser.add_argument(
        "--manifest", type=Path, default=REPO / "tests" / "data" / "corpus_expected.jsonl"
    )
    parser.add_argument(
        "--verify", action="store_true", help="parse every output back and check it"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    entries = build(args.src, args.out, args.manifest)
    if args.verify:
        from templates.verify import verify_corpus

        problems = verify_corpus(args.out, entries)
        for problem in problems:
            log.error("%s", problem)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
