"""Page furniture shared by the site templates: each piece returns its HTML and the
snippets of visible text that must NOT end up in an extracted article body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape

from templates.sites import Site
from templates.story import Story


def e(text: str) -> str:
    """Escape text for HTML element content and attribute values."""
    return escape(text, quote=True)


@dataclass
class Page:
    """An HTML page being assembled, with the furniture text it contains."""

    parts: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)

    def add(self, markup: str, *snippets: str) -> None:
        self.parts.append(markup)
        self.without.extend(s for s in snippets if s)

    @property
    def html(self) -> str:
        return "\n".join(self.parts) + "\n"


def linked_names(story: Story, *, href: str, rel: bool = False) -> str:
    """The byline names, each linked to its profile page: "A and B"."""
    mark = ' rel="author"' if rel else ""
    links = [f'<a{mark} href="{href}{_slug(name)}">{e(name)}</a>' for name in story.authors]
    return links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]


def charset_meta(charset: str | None, *, http_equiv: bool = False) -> str:
    if charset is None:
        return ""
    if http_equiv:
        return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f'<meta charset="{charset}">'


def json_ld(story: Story) -> str:
    """A schema.org NewsArticle block, with ``</`` escaped so it cannot close the script."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        "headline": story.title,
        "description": story.standfirst,
        "image": [story.image_url],
        "datePublished": story.iso_time,
        "dateModified": story.iso_time,
        "author": [{"@type": "Person", "name": name} for name in story.authors],
        "publisher": {
            "@type": "Organization",
            "name": story.site.name,
            "logo": {"@type": "ImageObject", "url": f"{story.site.home}static/logo.png"},
        },
        "articleSection": story.section,
        "keywords": list(story.tags),
    }
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def cookie_banner(page: Page, site: Site, *, ident: str = "cookie-banner") -> None:
    page.add(
        f'<div id="{ident}" class="consent" role="dialog" aria-label="Cookie consent">\n'
        f"  <p>{e(site.cookie)}</p>\n"
        '  <button type="button">Accept all</button>\n'
        '  <button type="button">Manage preferences</button>\n'
        "</div>",
        site.cookie,
    )


def skip_link(page: Page, site: Site, *, target: str = "main") -> None:
    page.add(f'<a class="skip-link" href="#{target}">{e(site.skip_link)}</a>', site.skip_link)


def nav_links(site: Site, *, current: str = "") -> str:
    items = []
    for word in site.nav:
        href = "/" if word in ("Home", "Front page") else f"/{word.lower().replace(' ', '-')}/"
        mark = ' aria-current="page"' if word == current else ""
        items.append(f'<li><a href="{href}"{mark}>{e(word)}</a></li>')
    return "\n".join(items)


def breadcrumb(story: Story, *, sep: str = "›") -> str:
    return (
        '<nav class="breadcrumb" aria-label="Breadcrumb">'
        f'<a href="/">Home</a> {sep} '
        f'<a href="/{story.section_slug}/">{e(story.section)}</a></nav>'
    )


def share_bar(page: Page, site: Site, *, cls: str = "share-bar") -> None:
    page.add(
        f'<div class="{cls}"><span class="share-label">{e(site.share_label)}</span>\n'
        '  <a class="share-facebook" href="#share">Share</a>\n'
        '  <a class="share-twitter" href="#tweet">Tweet</a>\n'
        '  <a class="share-email" href="#email">Email</a>\n'
        '  <a class="share-print" href="#print">Print</a>\n'
        "</div>",
        site.share_label,
    )


def figure(page: Page, story: Story, *, cls: str = "lead-image") -> None:
    if not story.caption:
        return
    page.add(
        f'<figure class="{cls}">\n'
        f'  <img src="{e(story.image_url)}" alt="" width="1200" height="675" loading="lazy">\n'
        f"  <figcaption>{e(story.caption)}</figcaption>\n"
        "</figure>",
        story.caption,
    )


def pullquote(story: Story, *, kind: str = "aside") -> str:
    quoted = f"“{story.pullquote}”"
    if kind == "aside":
        return f'<aside class="pullquote"><p>{e(quoted)}</p></aside>'
    return f'<blockquote class="pull-quote"><p>{e(quoted)}</p></blockquote>'


def author_box(page: Page, story: Story, *, cls: str = "author-box") -> None:
    handle = story.twitter.lstrip("@")
    page.add(
        f'<div class="{cls}">\n'
        f'  <img class="author-photo" src="/img/authors/{e(story.slug)}.jpg" alt="">\n'
        f'  <p class="author-name">{e(story.author)}</p>\n'
        f'  <p class="author-bio">{e(story.author_bio)}</p>\n'
        f'  <p class="author-social"><a href="https://twitter.example/{e(handle)}">'
        f"{e(story.follow_line)}</a></p>\n"
        "</div>",
        story.author_bio,
        story.follow_line,
    )


def newsletter(page: Page, site: Site, *, cls: str = "newsletter-signup") -> None:
    page.add(
        f'<div class="{cls}">\n'
        f"  <h3>{e(site.newsletter_heading)}</h3>\n"
        f"  <p>{e(site.newsletter_text)}</p>\n"
        '  <form action="/newsletter/subscribe" method="post">\n'
        '    <input type="email" name="email" placeholder="Your email address">\n'
        '    <button type="submit">Sign up</button>\n'
        "  </form>\n"
        "</div>",
        site.newsletter_heading,
        site.newsletter_text,
    )


def radio_widget(page: Page) -> None:
    live = "Listen live — Harbour Radio 98.4 FM"
    now = "Now playing: The Evening Tide with Carys Penhallow"
    page.add(
        '<div class="radio-player" data-stream="/live/harbour-radio">\n'
        f'  <p class="radio-title">{e(live)}</p>\n'
        f'  <p class="radio-now">{e(now)}</p>\n'
        '  <button type="button" aria-label="Play">▶ Play</button>\n'
        "</div>",
        live,
        now,
    )


def related(page: Page, others: list[Story], *, heading: str = "Related articles") -> None:
    if not others:
        return
    items = "\n".join(f'  <li><a href="{e(o.url)}">{e(o.title)}</a></li>' for o in others)
    page.add(
        f'<section class="related">\n  <h2>{e(heading)}</h2>\n  <ul>\n{items}\n  </ul>\n</section>',
        heading,
        others[0].title,
    )


def most_read(page: Page, site: Site, *, heading: str = "Most read") -> None:
    items = "\n".join(
        f'  <li><a href="/popular/{n}">{e(title)}</a></li>'
        for n, title in enumerate(site.most_read, 1)
    )
    page.add(
        f'<section class="most-read">\n  <h2>{e(heading)}</h2>\n'
        f"  <ol>\n{items}\n  </ol>\n</section>",
        heading,
        site.most_read[0],
    )


def footer(page: Page, site: Site) -> None:
    page.add(
        '<footer class="site-footer">\n'
        '  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>\n'
        f"  <p>{e(site.footer)}</p>\n"
        "</footer>",
        site.footer,
    )


def tag_list(story: Story, *, label: str = "Topics") -> str:
    if not story.tags:
        return ""
    links = ", ".join(f'<a href="/topic/{e(_slug(t))}">{e(t)}</a>' for t in story.tags)
    return f'<p class="tags">{e(label)}: {links}</p>'


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def body_paragraphs(story: Story, *, quote_kind: str, inserts: dict[int, str]) -> str:
    """Body paragraphs with the pull-quote (and any extra inserts) placed between them.

    ``inserts`` maps "after paragraph N" (1-based) to markup. The pull-quote goes after
    the middle paragraph, or one further on when that is the paragraph it quotes."""
    paras = story.paragraphs
    where = pullquote_position(story)
    out = []
    for index, text in enumerate(paras, 1):
        out.append(f"<p>{e(text)}</p>")
        if index == where:
            out.append(pullquote(story, kind=quote_kind))
        if index in inserts and index < len(paras):
            out.append(inserts[index].strip())
    return "\n".join(out)


def pullquote_position(story: Story) -> int:
    """1-based paragraph after which the pull-quote sits (0 = no pull-quote)."""
    paras = story.paragraphs
    if not story.pullquote or len(paras) < 2:
        return 0
    where = max(1, len(paras) // 2)
    source = next((i for i, p in enumerate(paras, 1) if story.pullquote in p), 0)
    if source == where and where + 1 < len(paras):
        where += 1
    return where
