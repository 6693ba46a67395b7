"""The five site templates. Each one marks up the same article differently, as real
news sites do, and surrounds it with that site's page furniture.

Every template takes the story, the related stories and the charset to declare (``None``
writes no declaration at all) and returns a :class:`~templates.furniture.Page`.
"""

from __future__ import annotations

from collections.abc import Callable

from templates import furniture as f
from templates.furniture import Page, e
from templates.story import Story


def _head(story: Story, charset: str | None, *, extra: list[str], http_equiv: bool = False) -> str:
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        f.charset_meta(charset, http_equiv=http_equiv),
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(story.title)} | {e(story.site.name)}</title>",
        f'<meta name="description" content="{e(story.standfirst)}">',
        f'<link rel="canonical" href="{e(story.url)}">',
        *extra,
        f'<link rel="stylesheet" href="https://{story.site.domain}/static/css/site.css">',
        "</head>",
    ]
    return "\n".join(line for line in lines if line)


def _long_date(story: Story) -> str:
    d = story.published
    return f"{d.day} {d.strftime('%B')} {d.year}"


def meridian(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Semantic HTML5, Open Graph, ``meta name=author``, JSON-LD, aside pull-quote."""
    site, page = story.site, Page()
    page.add(
        _head(
            story,
            charset,
            extra=[
                '<meta property="og:type" content="article">',
                f'<meta property="og:title" content="{e(story.title)}">',
                f'<meta property="og:url" content="{e(story.url)}">',
                f'<meta property="og:site_name" content="{e(site.name)}">',
                f'<meta property="og:image" content="{e(story.image_url)}">',
                f'<meta name="author" content="{e(story.author)}">',
                f'<meta property="article:published_time" content="{story.iso_time}">',
                f'<meta property="article:section" content="{e(story.section)}">',
                f.json_ld(story),
            ],
        )
    )
    page.add('<body class="article-page">')
    f.skip_link(page, site)
    f.cookie_banner(page, site)
    page.add(
        '<header class="masthead">\n'
        f'  <a class="logo" href="/">{e(site.name)}</a>\n'
        '  <nav class="primary-nav" aria-label="Sections"><ul>\n'
        f"{f.nav_links(site, current=story.section)}\n  </ul></nav>\n</header>"
    )
    page.add('<main id="main">\n<article class="story">')
    page.add(f.breadcrumb(story))
    page.add(
        f'<h1 class="headline">{e(story.title)}</h1>\n'
        f'<p class="standfirst">{e(story.standfirst)}</p>\n'
        '<div class="story-meta"><span class="byline">By '
        f"{f.linked_names(story, href='/profile/', rel=True)}</span>\n"
        f'<time datetime="{story.iso_time}">{_long_date(story)}</time></div>'
    )
    f.share_bar(page, site)
    f.figure(page, story)
    nl = Page()
    f.newsletter(nl, site, cls="newsletter-inline")
    body = f.body_paragraphs(story, quote_kind="aside", inserts={3: nl.html})
    page.add(f'<div class="article-body">\n{body}\n</div>', *nl.without)
    page.add(f.tag_list(story))
    f.author_box(page, story)
    page.add('</article>\n<aside class="sidebar">')
    f.most_read(page, site)
    f.related(page, related, heading="More on this story")
    page.add("</aside>\n</main>")
    f.footer(page, site)
    page.add("</body>\n</html>")
    return page


def harbour(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Old CMS div soup: byline element only, dateline text, radio widget, blockquote."""
    site, page = story.site, Page()
    page.add(
        _head(
            story,
            charset,
            http_equiv=True,
            extra=[
                f'<meta property="og:site_name" content="{e(site.name)}">',
                f'<meta property="og:title" content="{e(story.title)}">',
                f'<meta property="article:published_time" content="{story.iso_time}">',
            ],
        )
    )
    page.add("<body>")
    f.skip_link(page, site, target="content")
    page.add('<div id="wrapper">\n<div id="header">')
    f.radio_widget(page)
    page.add(
        f'<div id="logo"><a href="/"><img src="/static/logo.gif" alt="{e(site.name)}"></a></div>\n'
        f'<div id="menu"><ul>\n{f.nav_links(site)}\n</ul></div>\n</div>'
    )
    f.cookie_banner(page, site, ident="cookie-notice")
    d = story.moment
    page.add(
        '<div id="content">\n<div class="col-main">\n'
        f"{f.breadcrumb(story, sep='&gt;')}\n"
        f'<div class="article-header"><h1 class="article-title">{e(story.title)}</h1>\n'
        f'<div class="byline">By {f.linked_names(story, href="/author/")}</div>\n'
        f'<div class="dateline">Published: {d.strftime("%A")} {_long_date(story)}, '
        f"{d.strftime('%H:%M')}</div></div>\n"
        f'<p class="intro"><strong>{e(story.standfirst)}</strong></p>'
    )
    f.figure(page, story, cls="main-pic")
    body = f.body_paragraphs(story, quote_kind="blockquote", inserts={})
    page.add(f'<div class="story-body">\n{body}\n</div>')
    f.share_bar(page, site, cls="share-tools")
    f.author_box(page, story, cls="journalist")
    f.related(page, related, heading="More from Harbour Times")
    page.add('</div>\n<div class="col-side">')
    f.most_read(page, site, heading="Most Read")
    f.newsletter(page, site)
    page.add("</div>\n</div>")
    f.footer(page, site)
    page.add("</div>\n</body>\n</html>")
    return page


def dispatch(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Wire-service page: JSON-LD, ``meta name=author``, ``<time>``, aside pull-quote."""
    site, page = story.site, Page()
    page.add(
        _head(
            story,
            charset,
            extra=[
                f'<meta name="author" content="{e(story.author)}">',
                f'<meta property="og:title" content="{e(story.title)}">',
                f'<meta property="og:site_name" content="{e(site.name)}">',
                '<meta name="twitter:card" content="summary_large_image">',
                f.json_ld(story),
            ],
        )
    )
    page.add('<body data-section="' + e(story.section_slug) + '">')
    f.skip_link(page, site, target="article-start")
    page.add(
        '<header role="banner"><div class="brand">'
        f'<a href="/">{e(site.name)}</a></div>\n'
        f'<nav role="navigation" class="menu"><ul>\n{f.nav_links(site)}\n</ul></nav>\n</header>'
    )
    page.add('<div class="page-grid">\n<article id="article-start" class="article">')
    page.add(
        f"{f.breadcrumb(story, sep='/')}\n"
        f'<h1 itemprop="headline">{e(story.title)}</h1>\n'
        f'<div class="article-info"><p class="author">{e(story.author)}</p>\n'
        f'<p class="date"><time datetime="{story.iso_time}">'
        f"{story.published.strftime('%B')} {story.published.day}, {story.published.year}"
        "</time></p></div>"
    )
    f.figure(page, story, cls="article-image")
    f.share_bar(page, site, cls="social-share")
    page.add(f'<p class="summary">{e(story.standfirst)}</p>')
    body = f.body_paragraphs(story, quote_kind="aside", inserts={})
    page.add(f'<div class="article-body" itemprop="articleBody">\n{body}\n</div>')
    f.author_box(page, story, cls="reporter-card")
    page.add('</article>\n<div class="rail">')
    f.related(page, related, heading="More from Global Dispatch")
    f.most_read(page, site)
    f.newsletter(page, site, cls="briefing-signup")
    page.add("</div>\n</div>")
    f.cookie_banner(page, site, ident="consent-manager")
    f.footer(page, site)
    page.add("</body>\n</html>")
    return page


def ledger(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Long-standing broadsheet: layout tables, ``meta name=author``, blockquote."""
    site, page = story.site, Page()
    page.add(
        _head(
            story,
            charset,
            extra=[
                f'<meta name="author" content="{e(", ".join(story.authors))}">',
                f'<meta property="og:site_name" content="{e(site.name)}">',
                f'<meta property="og:title" content="{e(story.title)}">',
                f'<meta name="date" content="{story.iso_date}">',
            ],
        )
    )
    page.add('<body bgcolor="#fdfbf6">')
    f.cookie_banner(page, site, ident="cookielaw")
    f.skip_link(page, site, target="story")
    page.add(
        '<table class="masthead" width="100%" cellpadding="0" cellspacing="0"><tr>\n'
        f'<td class="logo"><a href="/">{e(site.name)}</a></td>\n'
        f'<td class="sections"><ul class="nav">\n{f.nav_links(site)}\n</ul></td>\n</tr></table>'
    )
    page.add(
        '<table class="layout" width="100%"><tr><td class="main-column" valign="top">\n'
        f"{f.breadcrumb(story, sep='»')}\n"
        '<div id="story" class="article-content">\n'
        f'<p class="kicker">{e(story.section)}</p>\n'
        f"<h1>{e(story.title)}</h1>\n"
        f'<h2 class="deck">{e(story.standfirst)}</h2>\n'
        f'<p class="byline">By <span class="author-name">{e(story.author)}</span></p>\n'
        f'<p class="pubdate"><time datetime="{story.iso_date}">'
        f"{story.published.strftime('%A')}, {_long_date(story)}</time></p>"
    )
    f.figure(page, story, cls="photo")
    body = f.body_paragraphs(story, quote_kind="blockquote", inserts={})
    page.add(f'<div class="text">\n{body}\n</div>')
    f.author_box(page, story, cls="contributor")
    f.share_bar(page, site, cls="sharing")
    page.add('</div>\n</td>\n<td class="side-column" valign="top" width="300">')
    f.most_read(page, site, heading="Most read")
    f.related(page, related, heading="Further reading")
    f.newsletter(page, site, cls="weekly-signup")
    page.add("</td></tr></table>")
    f.footer(page, site)
    page.add("</body>\n</html>")
    return page


def courier(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Tabloid: Open Graph, byline element, ``<time>``, inline READ MORE and sign-up."""
    site, page = story.site, Page()
    page.add(
        _head(
            story,
            charset,
            extra=[
                f'<meta property="og:title" content="{e(story.title)}">',
                f'<meta property="og:site_name" content="{e(site.name)}">',
                f'<meta property="og:url" content="{e(story.url)}">',
                f'<meta property="article:published_time" content="{story.iso_time}">',
                *(f'<meta property="article:author" content="{e(a)}">' for a in story.authors),
            ],
        )
    )
    page.add('<body class="template-article">')
    f.skip_link(page, site, target="main-content")
    page.add(
        '<div class="top-bar">\n'
        f'<a class="brand" href="/">{e(site.name)}</a>\n'
        f'<nav class="main-nav"><ul>\n{f.nav_links(site, current=story.section)}\n</ul></nav>\n'
        "</div>"
    )
    f.cookie_banner(page, site, ident="privacy-banner")
    page.add(f'<div id="main-content" class="content">\n{f.breadcrumb(story)}')
    page.add(
        f'<h1 class="article-headline">{e(story.title)}</h1>\n'
        f'<p class="article-sub">{e(story.standfirst)}</p>\n'
        '<div class="article-byline">\n'
        f'  <p class="author-byline">By {_spans(story)}</p>\n'
        f'  <time class="published" datetime="{story.iso_time}">'
        f"{story.moment.strftime('%H:%M')}, {story.published.day} "
        f"{story.published.strftime('%b %Y')}</time>\n</div>"
    )
    f.share_bar(page, site, cls="share-buttons")
    f.figure(page, story, cls="article-figure")
    inserts, snippets = _courier_inserts(story, related)
    body = f.body_paragraphs(story, quote_kind="blockquote", inserts=inserts)
    page.add(f'<div class="article-body">\n{body}\n</div>', *snippets)
    f.author_box(page, story, cls="author-panel")
    comments = "Comments are closed on this article."
    page.add(f'<div class="comments"><p>{e(comments)}</p></div>', comments)
    f.most_read(page, site, heading="Most Read")
    page.add("</div>")
    f.footer(page, site)
    page.add("</body>\n</html>")
    return page


def _courier_inserts(story: Story, related: list[Story]) -> tuple[dict[int, str], list[str]]:
    inserts: dict[int, str] = {}
    snippets: list[str] = []
    if related:
        other = related[0]
        inserts[1] = (
            f'<p class="read-more"><strong>READ MORE:</strong> '
            f'<a href="{e(other.url)}">{e(other.title)}</a></p>'
        )
        snippets += ["READ MORE:", other.title]
    signup = Page()
    f.newsletter(signup, story.site, cls="inline-signup")
    inserts[3] = signup.html
    return inserts, snippets + signup.without


def _spans(story: Story) -> str:
    spans = [f'<span class="author">{e(name)}</span>' for name in story.authors]
    return spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + " and " + spans[-1]


Template = Callable[..., Page]

TEMPLATES: dict[str, Template] = {
    "meridian": meridian,
    "harbour": harbour,
    "dispatch": dispatch,
    "ledger": ledger,
    "courier": courier,
}


def render(story: Story, *, related: list[Story], charset: str | None) -> Page:
    """Render ``story`` with its own site's template."""
    return TEMPLATES[story.site.key](story, related=related, charset=charset)
