"""Hostile articles (tests/data/hostile: <script> tags, event-handler attributes and
javascript: URLs in title, author, site, url and body) must render as inert text: no
dialog, no injected element or attribute, the markup visible as characters, no
javascript: link (a javascript: url is not even stored). The ``page`` fixture also fails
on console errors and CSP reports."""

from __future__ import annotations

import pytest
from web_helpers import api, hostile_documents, injected, open_route, switch_route

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hostile(served) -> list[dict]:
    docs = [api(served, f"/api/documents/{d['id']}") for d in hostile_documents(served)]
    assert len(docs) >= 2, "tests/data/hostile should give two stored articles"
    return docs


def hover_everything(page, selector: str) -> None:
    """Move the mouse over each element: an injected onmouseover would fire now."""
    for element in page.locator(selector).all()[:60]:
        element.hover()


def test_hostile_article_renders_as_text(page, served, hostile):
    for doc in hostile:
        open_route(page, served, f"/doc/{doc['id']}", "#article-text")
        title = page.locator("#article-title")
        assert title.inner_text() == doc["title"]
        assert "<script>" in doc["title"] or "<img" in doc["title"]
        meta = page.locator(".reader .meta").inner_text()
        for author in doc["authors"]:
            assert author in meta
        if doc["site"]:
            assert doc["site"] in meta
        assert page.locator("#article-text").text_content() == doc["text"]
        hover_everything(page, "#article-title, .reader .meta span, #article-text mark")
        hover_everything(page, "#record-panel li")
        assert injected(page) == [], doc["id"]
        assert page.problems() == {}, doc["id"]


def test_javascript_urls_are_never_links(page, served, hostile):
    # The hostile feed's javascript: url is not stored: the document has no url.
    unlinked = [doc for doc in hostile if doc["url"] is None]
    assert unlinked, "the hostile feed has a javascript: url"
    for doc in unlinked:
        open_route(page, served, f"/doc/{doc['id']}", "#article-text")
        assert page.locator("a.source-link").count() == 0
        assert "javascript" not in page.locator(".source-line").inner_text()
        hrefs = page.locator("[href]").evaluate_all(
            "(els) => els.map((e) => e.getAttribute('href'))"
        )
        assert not [h for h in hrefs if "javascript" in h.lower()]
    safe = [doc for doc in hostile if (doc["url"] or "").startswith("https://")]
    for doc in safe:
        open_route(page, served, f"/doc/{doc['id']}", "#article-text")
        assert page.locator("a.source-link").get_attribute("href") == doc["url"]
        assert page.locator("a.source-link").get_attribute("rel") == "noopener noreferrer nofollow"


def test_hostile_strings_in_lists_and_profiles_stay_inert(page, served, hostile):
    found = api(served, "/api/search", q="script")
    assert found["documents"] or found["quotes"], "the hostile pages mention script"
    open_route(page, served, "/search?q=script", "#results .result")
    shown = page.locator("#results .result-title, #results .quote-text").all_text_contents()
    assert any("<script>" in text for text in shown)
    hover_everything(page, "#results .result")
    assert injected(page) == []

    actor_ids = {m["actor_id"] for doc in hostile for m in doc["mentions"] if m["actor_id"]}
    speakers = {q["speaker_actor_id"] for doc in hostile for q in doc["quotes"]}
    for actor_id in sorted(actor_ids | (speakers - {None})):
        open_route(page, served, f"/actor/{actor_id}", "#actor-name")
        hover_everything(page, "#view .result, #view .event-row")
        assert injected(page) == [], actor_id

    switch_route(page, "/", "#results .result-document")
    assert injected(page) == []
    assert page.problems() == {}


@pytest.mark.parametrize(
    "fragment",
    [
        "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/network?actor=%3Csvg%20onload%3Dalert(1)%3E",
    ],
)
def test_hostile_routes_stay_inert(page, served, fragment):
    """Markup typed into the address bar goes through the same text-only rendering."""
    page.watch.allow(r"40\d")  # the API may refuse the odd parameter; that is fine
    page.goto(f"{served.url}/#{fragment}")
    page.wait_for_selector("#view h1, #view .error-box, #view .empty")
    page.wait_for_load_state("networkidle")
    if "search" in fragment:
        assert "<" in page.locator(".search-title q").inner_text()
    assert injected(page) == []
    assert page.problems() == {}
