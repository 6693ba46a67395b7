"""Plain-text dumps of an article, in the styles people actually end up with:
a browser "Save as text", an archiver export with a header block, a bare copy-paste,
and an e-mail style copy hard-wrapped at 72 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from templates.furniture import pullquote_position
from templates.story import Story


@dataclass(frozen=True, slots=True)
class TextDump:
    """A text file's content and what a reader can know from it."""

    style: str
    text: str
    url: str | None
    published: str | None
    without: tuple[str, ...] = field(default_factory=tuple)


def _body_with_pullquote(story: Story) -> list[str]:
    """Body paragraphs with the pull-quote repeated as its own quoted paragraph."""
    where = pullquote_position(story)
    out: list[str] = []
    for index, para in enumerate(story.paragraphs, 1):
        out.append(para)
        if index == where:
            out.append(f"“{story.pullquote}”")
    return out


def _date_line(story: Story) -> str:
    d = story.published
    return f"{d.day} {d.strftime('%B')} {d.year}"


def browser(story: Story) -> TextDump:
    """What "Save Page As… Text Files" gives: menus first, furniture last."""
    site = story.site
    nav_line = "  ".join(site.nav)
    lines = [
        site.skip_link,
        "",
        site.name,
        nav_line,
        "",
        f"Home › {story.section}",
        "",
        story.title,
        "",
        f"By {story.author}",
        _date_line(story),
        "",
        story.standfirst,
        "",
        *_paragraph_lines(_body_with_pullquote(story)),
        "Share",
        "Tweet",
        "Email",
        "",
        "Sign up for our newsletter",
        "",
        story.caption,
        "",
        story.author_bio,
        story.follow_line,
        "",
    ]
    without = (
        site.skip_link,
        nav_line,
        f"Home › {story.section}",
        "Sign up for our newsletter",
        story.caption,
        story.author_bio,
        story.follow_line,
        "Tweet",
    )
    return TextDump("browser", "\n".join(lines), None, story.iso_date, without)


def archiver(story: Story, *, windows: bool = False) -> TextDump:
    """An archiving tool's export: header block, a rule, then the page text.

    With ``windows`` the file has CRLF line ends and a UTF-8 byte-order mark, as
    Notepad leaves it."""
    when = story.moment + timedelta(days=1 + int(story.nn) % 9, hours=3, minutes=int(story.nn))
    archived = when.strftime("%Y-%m-%d %H:%M:%S UTC")
    header = [
        f"Archived from: {story.url}",
        f"Archived on: {archived}",
        f"Title: {story.title}",
        "-----",
        "",
    ]
    lines = [
        *header,
        story.title,
        f"By {story.author}",
        f"Published {_date_line(story)}",
        "",
        *_paragraph_lines(_body_with_pullquote(story)),
        story.caption,
        "",
    ]
    text = "\n".join(lines)
    if windows:
        text = "\ufeff" + text.replace("\n", "\r\n")
    without = (f"Archived from: {story.url}", f"Archived on: {archived}", story.caption)
    return TextDump("archiver", text, story.url, story.iso_date, without)


def bare(story: Story) -> TextDump:
    """A bare copy-paste: headline, byline, body, the photo caption. No date, no URL."""
    lines = [
        story.title,
        f"By {story.author}",
        "",
        *_paragraph_lines(list(story.paragraphs)),
        story.caption,
        "",
    ]
    return TextDump("bare", "\n".join(lines), None, None, (story.caption,))


def wrapped(story: Story) -> TextDump:
    """Pasted into an e-mail and hard-wrapped at 72 columns."""
    copyright_line = f"(c) {story.published.year} {story.site.name}"
    body = [textwrap.fill(p, width=72, break_long_words=False) for p in story.paragraphs]
    lines = [
        story.title,
        f"By {story.author} | {_date_line(story)}",
        "",
        *_paragraph_lines(body),
        copyright_line,
        "",
    ]
    return TextDump("wrapped", "\n".join(lines), None, story.iso_date, (copyright_line,))


def _paragraph_lines(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        out += [para, ""]
    return out


def _archiver_windows(story: Story) -> TextDump:
    return archiver(story, windows=True)


# Text articles take these styles in turn.
STYLES: tuple[Callable[[Story], TextDump], ...] = (
    browser,
    archiver,
    bare,
    wrapped,
    _archiver_windows,
)
