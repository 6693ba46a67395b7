"""A server started with a token: the page asks for it on a 401, keeps it for the tab and
sends it on every fetch, downloads included."""

from __future__ import annotations

import pytest
from web_helpers import api, api_bytes, switch_route

pytestmark = pytest.mark.slow


def test_page_asks_for_the_token_and_then_works(page, served_with_token):
    served = served_with_token
    page.watch.allow(r"401")  # the first requests are refused, as they should be
    page.goto(f"{served.url}/")
    page.wait_for_selector("#token-form")
    assert page.locator("#results").count() == 0

    page.fill("#token-input", "not-the-token")
    page.click("#token-form button[type=submit]")
    page.wait_for_selector("#token-form .error-text")
    assert "refused" in page.locator("#token-form").inner_text()

    page.fill("#token-input", served.token)
    page.click("#token-form button[type=submit]")
    page.wait_for_selector("#results .result-document")
    docs = api(served, "/api/documents", limit=15)["items"]
    shown = page.locator("#results .result-document .result-title").all_inner_texts()
    assert shown == [doc["title"] for doc in docs]
    assert page.evaluate("sessionStorage.getItem('newsgraph-token')") == served.token

    # Later views and downloads reuse the stored token.
    switch_route(page, "/export", "button.export")
    with page.expect_download() as info:
        page.click('button.export[data-format="csv"]')
    saved = info.value.path().read_bytes()
    assert saved == api_bytes(served, "/api/export/documents", format="csv")


def test_every_view_asks_for_the_token(page, served_with_token):
    """Opening a deep link in a fresh tab (no token in its sessionStorage) asks too."""
    page.watch.allow(r"401")
    page.goto(f"{served_with_token.url}/#/network")
    page.wait_for_selector("#token-form")
    assert page.evaluate("sessionStorage.getItem('newsgraph-token')") is None
