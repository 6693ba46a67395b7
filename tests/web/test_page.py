"""The web page in a real chromium against a real `newsgraph serve`: search, read an article
with its highlights, open an actor, see the network, export. Each view is compared with
what the API returns, and the README's screenshots are saved on the way."""

from __future__ import annotations

import re

import pytest
from web_helpers import api, api_bytes, injected, open_route, switch_route

pytestmark = pytest.mark.slow

QUERY = "hostages"


def reader_document(served) -> dict:
    """The first article found for QUERY, in full; it must hold all three highlight kinds."""
    found = api(served, "/api/search", q=QUERY, limit=5)["documents"]
    assert found, f"the sample corpus has no article about {QUERY}"
    doc = api(served, f"/api/documents/{found[0]['id']}")
    assert doc["mentions"] and doc["quotes"] and doc["events"]
    return doc


def test_home_lists_recent_articles_and_actors(page, served, screenshots):
    open_route(page, served, "/", "#results .result-document")
    docs = api(served, "/api/documents", limit=15)["items"]
    actors = api(served, "/api/actors", limit=15)["items"]
    shown = page.locator("#results .result-document .result-title").all_inner_texts()
    assert shown == [doc["title"] for doc in docs]
    names = page.locator("#results .result-actor .result-title").all_inner_texts()
    assert names == [actor["name"] for actor in actors]
    total = api(served, "/api/health")["documents"]
    assert f"{total} articles" in page.locator(".hero").inner_text()
    assert page.title() == "newsgraph"
    page.screenshot(path=screenshots / "home.png")


def test_search_from_the_keyboard(page, served, screenshots):
    open_route(page, served, "/", "#results .result-document")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#/search?q={QUERY}'")
    page.wait_for_selector("#results .result-document")

    found = api(served, "/api/search", q=QUERY, limit=25)
    titles = page.locator("#results .result-document .result-title").all_inner_texts()
    assert titles == [doc["title"] for doc in found["documents"]]
    assert page.locator("#results .result-quote").count() == len(found["quotes"])
    assert page.locator("#results .result-actor").count() == len(found["actors"])
    hits = page.locator("#results mark.hit").all_inner_texts()
    assert hits and all(hit.lower() == QUERY for hit in hits)
    page.screenshot(path=screenshots / "search.png")

    # Arrow keys walk the results, ArrowUp from the first returns to the box, Enter opens.
    links = page.locator("#results a.result-link")
    page.keyboard.press("ArrowDown")
    first = links.nth(0).get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("ArrowDown")
    second = links.nth(1).get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == second
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.startsWith('#/doc/')")
    assert page.evaluate("location.hash") == first
    page.wait_for_selector("#article-title")


def test_search_with_no_match_shows_an_empty_state(page, served):
    query = "zqxjvw nothing here"
    found = api(served, "/api/search", q=query)
    assert not (found["documents"] or found["quotes"] or found["actors"])
    open_route(page, served, "/search?q=" + query.replace(" ", "%20"), ".empty")
    assert "Nothing matches" in page.locator("#view").inner_text()
    assert page.locator("#results .result").count() == 0


def test_reader_highlights_actors_quotes_and_events(page, served, screenshots):
    doc = reader_document(served)
    open_route(page, served, f"/doc/{doc['id']}", "#article-text mark.hl")
    assert page.locator("#article-title").inner_text() == doc["title"]
    assert f"{doc['words']} words" in page.locator(".reader .meta").inner_text()
    # Highlighting wraps the text; it must never change it.
    assert page.locator("#article-text").text_content() == doc["text"]

    # Every whole (unsplit) mark covers exactly its record's offsets.
    marks = page.evaluate(
        """() => Array.from(document.querySelectorAll('#article-text mark.hl[id]'))
             .map((m) => [m.id, m.textContent, m.getAttribute('title')])"""
    )
    records = {"actor": doc["mentions"], "quote": doc["quotes"], "event": doc["events"]}
    seen = {kind: 0 for kind in records}
    for mark_id, text, title in marks:
        _, kind, index = mark_id.split("-")
        record = records[kind][int(index)]
        assert text == doc["text"][record["start"] : record["end"]], mark_id
        if kind == "quote":
            speaker = record["speaker"] or record["speaker_text"] or "unattributed"
            assert f"speaker: {speaker}" in title
        seen[kind] += 1
    assert all(seen.values()), seen
    for kind in records:
        starts = {r["start"] for r in records[kind]}
        shown = page.locator(f"#article-text mark.hl-{kind}").evaluate_all(
            "(ms) => ms.map((m) => Number(m.dataset.start))"
        )
        assert starts <= set(shown), kind

    panel = page.locator("#record-panel")
    actors = {m["actor_id"] for m in doc["mentions"]}
    assert panel.locator(".record-actor").count() == len(actors)
    assert panel.locator(".record-quote").count() == len(doc["quotes"])
    assert panel.locator(".record-event").count() == len(doc["events"])

    page.screenshot(path=screenshots / "article.png")

    # The panel points into the text; the legend hides a kind of highlight.
    panel.locator(".record-quote button").first.click()
    start = doc["quotes"][0]["start"]
    page.wait_for_selector(f'#article-text mark.hl-quote[data-start="{start}"].flash')
    page.locator('.legend input[data-kind="quote"]').uncheck()
    assert "hide-quote" in page.locator("#article-text").get_attribute("class")
    page.locator('.legend input[data-kind="quote"]').check()
    assert "hide-quote" not in page.locator("#article-text").get_attribute("class")


def test_actor_page_from_the_reader(page, served, screenshots):
    doc = reader_document(served)
    open_route(page, served, f"/doc/{doc['id']}", "#record-panel .record-actor a")
    link = page.locator("#record-panel .record-actor a").first
    actor_id = link.get_attribute("href").removeprefix("#/actor/")
    link.click()
    page.wait_for_selector("#actor-name")
    actor = api(served, f"/api/actors/{actor_id}")
    assert page.locator("#actor-name").inner_text() == actor["name"]
    assert page.title() == f"{actor['name']} — newsgraph"
    timeline = page.locator("#actor-timeline")
    days = [d for d in actor["timeline"] if re.fullmatch(r"\d{4}-\d\d-\d\d", d["date"] or "")]
    assert timeline.locator("svg .day").count() == len(days)
    sections = {
        "What they did": len(actor["events_as_source"]),
        "Done to them": len(actor["events_as_target"]),
        "What they said": len(actor["quotes"]),
    }
    for title, count in sections.items():
        heading = page.locator("section.panel h2", has_text=title)
        assert heading.locator(".count").inner_text() == str(count)
    # Each event links to its article by the article's title.
    events = actor["events_as_source"] + actor["events_as_target"]
    shown = page.locator(".event-row a[href^='#/doc/']").all_inner_texts()
    assert len(shown) == len(events)
    for text, event in zip(shown, events, strict=True):
        assert event["title"] and event["title"].startswith(text.removesuffix("…"))
    page.screenshot(path=screenshots / "actor.png", full_page=True)


def expected_edge_classes(edges: list[dict]) -> list[str]:
    def tone(edge: dict) -> str:
        if edge["conflict"] != edge["cooperation"]:
            return "conflict" if edge["conflict"] > edge["cooperation"] else "cooperation"
        return "conflict" if (edge["goldstein_mean"] or 0) < 0 else "cooperation"

    return sorted(f"{e['source']}>{e['target']}:{tone(e)}" for e in edges)


def shown_edges(page) -> list[str]:
    return sorted(
        page.locator("#network svg .edge").evaluate_all(
            """(es) => es.map((e) => e.dataset.source + '>' + e.dataset.target + ':' +
                 (e.classList.contains('edge-conflict') ? 'conflict' : 'cooperation'))"""
        )
    )


def test_network_shows_cooperation_and_conflict(page, served, screenshots):
    data = api(served, "/api/network", limit=150)
    assert data["edges"], "the sample corpus should give a network"
    open_route(page, served, "/network", "#network svg .node")
    assert page.locator("#network svg .node").count() == len(data["nodes"])
    assert shown_edges(page) == expected_edge_classes(data["edges"])
    colours = {}
    for tone in ("cooperation", "conflict"):
        edge = page.locator(f"#network svg .edge-{tone}").first
        stroke = edge.evaluate("(e) => getComputedStyle(e).stroke")
        colours[tone] = [int(c) for c in re.findall(r"\d+", stroke)[:3]]
    assert colours["cooperation"][1] > colours["cooperation"][0], colours  # green
    assert colours["conflict"][0] > colours["conflict"][1], colours  # red
    page.set_viewport_size({"width": 1360, "height": 1000})
    page.screenshot(path=screenshots / "network.png")

    # A node is a link to its actor page.
    node = page.locator("#network svg a.node").first
    node_id = node.get_attribute("data-id")
    node.click()
    page.wait_for_selector("#actor-name")
    assert page.evaluate("location.hash") == f"#/actor/{node_id}"


def test_network_filters_by_actor_and_date(page, served):
    data = api(served, "/api/network", limit=150)
    busiest = max(data["nodes"], key=lambda node: (node["events"], node["id"]))
    open_route(page, served, "/network", "#network svg .node")
    page.fill("#filter-actor", busiest["name"])
    page.click("#network-filters button[type=submit]")
    page.wait_for_function(f"location.hash.includes('actor={busiest['id']}')")
    page.wait_for_selector("#filter-actor")
    filtered = api(served, "/api/network", actor=busiest["id"], limit=150)
    page.wait_for_function(
        f"document.querySelectorAll('#network svg .edge').length === {len(filtered['edges'])}"
    )
    assert shown_edges(page) == expected_edge_classes(filtered["edges"])
    for edge in filtered["edges"]:
        assert busiest["id"] in (edge["source"], edge["target"])

    events = api(served, "/api/events", limit=500)["items"]
    dates = sorted({e["date"] for e in events if e.get("date")})
    since = dates[len(dates) // 2]
    page.click("text=Clear")
    page.wait_for_function("location.hash === '#/network'")
    page.wait_for_selector("#network svg .node")
    page.fill("#filter-since", since)
    page.click("#network-filters button[type=submit]")
    page.wait_for_function(f"location.hash.includes('since={since}')")
    later = api(served, "/api/network", since=since, limit=150)
    page.wait_for_function(
        f"document.querySelectorAll('#network svg .edge').length === {len(later['edges'])}"
    )
    assert shown_edges(page) == expected_edge_classes(later["edges"])
    assert len(later["edges"]) < len(data["edges"])


@pytest.mark.parametrize(
    ("table", "fmt"), [("events", "csv"), ("quotes", "jsonl"), ("events", "gdelt-events")]
)
def test_export_buttons_download_what_the_api_serves(page, served, table, fmt):
    open_route(page, served, "/export", "button.export")
    if fmt in ("csv", "jsonl"):
        page.select_option("#export-table", table)
    with page.expect_download() as info:
        page.click(f'button.export[data-format="{fmt}"]')
    download = info.value
    saved = download.path().read_bytes()
    assert saved == api_bytes(served, f"/api/export/{table}", format=fmt)
    assert saved
    assert re.fullmatch(r"[\w.\-]+", download.suggested_filename)


def test_unknown_document_shows_an_error_state(page, served):
    page.watch.allow(r"404")
    open_route(page, served, "/doc/0000000000000000", ".error-box")
    box = page.locator(".error-box").inner_text()
    assert "Not found" in box and "404" in box
    page.click(".error-box a[href='#/']")
    page.wait_for_selector("#results .result-document")


def test_no_view_breaks_the_content_security_policy(page, served):
    """Visit every view in one tab; the fixture fails on console errors or CSP reports."""
    doc = reader_document(served)
    actor_id = doc["mentions"][0]["actor_id"]
    open_route(page, served, "/", "#results .result-document")
    for fragment, ready in [
        (f"/search?q={QUERY}", "#results .result"),
        (f"/doc/{doc['id']}", "#article-text mark.hl"),
        (f"/actor/{actor_id}", "#actor-name"),
        ("/network", "#network svg .node"),
        ("/export", "button.export"),
        ("/", "#results .result-document"),
    ]:
        switch_route(page, fragment, ready)
        assert injected(page) == [], fragment
    assert page.problems() == {}
    headers = api_headers(served)
    assert "script-src 'self'" in headers["content-security-policy"]


def api_headers(served) -> dict[str, str]:
    with served.client() as client:
        return dict(client.get("/").headers)
