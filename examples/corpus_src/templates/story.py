"""One article as the corpus builder sees it: the JSON fields plus derived values."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from templates.sites import SITES, Site

_BOUNDARY = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof St Gen Lt Col Maj Capt Sgt Adm Rev Sen Rep Gov Pres Jr Sr No "
    "Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec Mt Ft Co Corp Inc Ltd vs etc".split()
)
_REQUIRED = ("slug", "title", "author", "published", "site", "section", "paragraphs")


class ArticleError(ValueError):
    """An article JSON file that cannot be rendered; the message names the file and field."""


@dataclass(frozen=True, slots=True)
class Story:
    nn: str
    slug: str
    title: str
    author: str
    published: date
    site: Site
    section: str
    standfirst: str
    paragraphs: tuple[str, ...]
    pullquote: str
    caption: str
    author_bio: str
    twitter: str
    tags: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.nn}-{self.slug}"

    @property
    def section_slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.section.lower()).strip("-") or "news"

    @property
    def url(self) -> str:
        d = self.published
        return (
            f"https://{self.site.domain}/{self.section_slug}/"
            f"{d.year:04d}/{d.month:02d}/{d.day:02d}/{self.slug}"
        )

    @property
    def moment(self) -> datetime:
        """Publication time: the article's date at a fixed, slug-derived hour and minute."""
        seed = zlib.crc32(self.slug.encode("utf-8"))
        start = datetime(self.published.year, self.published.month, self.published.day)
        offset = timedelta(hours=6 + seed % 13, minutes=(seed >> 8) % 60)
        return (start + offset).replace(tzinfo=UTC)

    @property
    def iso_date(self) -> str:
        return self.published.isoformat()

    @property
    def iso_time(self) -> str:
        return self.moment.isoformat()

    @property
    def authors(self) -> tuple[str, ...]:
        """The names in the byline: "A and B" or "A, B and C" gives each one."""
        names = re.split(r",\s*|\s+and\s+|\s*&\s*", self.author)
        return tuple(n.strip() for n in names if n.strip())

    @property
    def follow_line(self) -> str:
        """The author box's Twitter line; the handle belongs to the first author."""
        return f"Follow {self.authors[0]} on Twitter: {self.twitter}"

    @property
    def image_url(self) -> str:
        return f"https://{self.site.domain}/img/{self.published.year}/{self.slug}.jpg"

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)


def load_story(path: Path) -> Story:
    """Read one ``NN-slug.json`` file into a :class:`Story`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [name for name in _REQUIRED if not data.get(name)]
    if missing:
        raise ArticleError(f"{path.name}: missing field(s) {', '.join(missing)}")
    if data["site"] not in SITES:
        raise ArticleError(f"{path.name}: site {data['site']!r} is not one of {sorted(SITES)}")
    return Story(
        nn=path.name.split("-", 1)[0],
        slug=data["slug"],
        title=data["title"].strip(),
        author=data["author"].strip(),
        published=date.fromisoformat(data["published"][:10]),
        site=SITES[data["site"]],
        section=data["section"].strip(),
        standfirst=data.get("standfirst", "").strip(),
        paragraphs=tuple(p.strip() for p in data["paragraphs"] if p.strip()),
        pullquote=data.get("pullquote", "").strip(),
        caption=data.get("caption", "").strip(),
        author_bio=data.get("author_bio", "").strip(),
        twitter="@" + data.get("twitter", "").strip().lstrip("@"),
        tags=tuple(data.get("tags", [])),
    )


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (good enough for choosing test snippets)."""
    out, start = [], 0
    for match in _BOUNDARY.finditer(paragraph):
        if _is_abbreviation(paragraph[start : match.start() + 1]):
            continue
        end = match.start() + len(match.group(0).rstrip())
        out.append(paragraph[start:end].strip())
        start = match.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def _is_abbreviation(text: str) -> bool:
    """True when ``text`` ends in "Dr." or "U.S." or an initial, not a sentence end."""
    word = text.rsplit(None, 1)[-1] if text.strip() else ""
    bare = word.strip('“"‘(').rstrip(".")
    return bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isupper()) or "." in bare


def with_sentences(story: Story) -> list[str]:
    """Three sentences from different paragraphs: first, middle and last paragraph."""
    paras = story.paragraphs
    picks = [(0, "first"), (len(paras) // 2, "longest"), (len(paras) - 1, "last")]
    chosen: list[str] = []
    used: set[int] = set()
    for index, how in picks:
        if index in used:
            continue
        used.add(index)
        sentence = _pick(sentences(paras[index]), story.pullquote, how)
        if sentence:
            chosen.append(sentence)
    return chosen


def _pick(candidates: list[str], pullquote: str, how: str) -> str | None:
    quote = pullquote.strip(" ,.")
    distinct = [s for s in candidates if not (quote and (quote in s or s in quote))]
    tidy = [s for s in distinct if len(s) >= 25 and _balanced(s)]
    usable = tidy or [s for s in distinct if len(s) >= 25] or distinct
    if not usable:
        return None
    if how == "first":
        return usable[0]
    if how == "last":
        return usable[-1]
    return max(usable, key=len)


def _balanced(sentence: str) -> bool:
    """No quotation marks at all: such a sentence cannot have a quote left open across
    its boundary, and survives extractors that normalise quotation marks."""
    return not any(mark in sentence for mark in '“”„«»"‘')
