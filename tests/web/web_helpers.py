"""Helpers shared by the browser tests: API reads and the "nothing injected" check."""

from __future__ import annotations

from typing import Any

# Elements and attributes the page itself never creates; finding one means article data
# became markup. Checked over the whole document, SVG included.
INJECTION_PROBE = """
() => {
  const bad = [];
  const never = new Set(["IMG", "IFRAME", "OBJECT", "EMBED", "B", "STYLE"]);
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) bad.push(`${el.tagName} has ${attr.name}`);
      if (attr.name === "style") bad.push(`${el.tagName} has a style attribute`);
    }
    if (el.tagName === "SCRIPT" && el.getAttribute("src") !== "/static/app.js") {
      bad.push(`script ${el.getAttribute("src") || "(inline)"}`);
    }
    if (never.has(el.tagName)) bad.push(`element ${el.tagName}`);
    const href = el.getAttribute("href") || el.getAttribute("xlink:href") || "";
    if (href && !/^(#|\\/|https?:|blob:|data:,$)/i.test(href.trim())) {
      bad.push(`${el.tagName} href ${href}`);
    }
  }
  return bad;
}
"""


def api(served: Any, path: str, **params: Any) -> Any:
    """GET ``path`` on the served API (with its token, if any) as JSON."""
    with served.client() as client:
        response = client.get(path, params={k: v for k, v in params.items() if v is not None})
    response.raise_for_status()
    return response.json()


def api_bytes(served: Any, path: str, **params: Any) -> bytes:
    with served.client() as client:
        response = client.get(path, params=params)
    response.raise_for_status()
    return response.content


def all_documents(served: Any) -> list[dict[str, Any]]:
    return api(served, "/api/documents", limit=500)["items"]


def hostile_documents(served: Any) -> list[dict[str, Any]]:
    """The documents of tests/data/hostile: the only titles holding markup."""
    return [doc for doc in all_documents(served) if "<" in (doc.get("title") or "")]


def open_route(page: Any, served: Any, fragment: str, ready: str) -> None:
    """Load the page at ``#fragment`` and wait for the selector ``ready``."""
    page.goto(f"{served.url}/#{fragment}")
    page.wait_for_selector(ready)


def switch_route(page: Any, fragment: str, ready: str) -> None:
    """Move the loaded page to ``#fragment`` (a hash change, no reload) and wait for
    ``ready``; the view is emptied first so the old view cannot satisfy the wait."""
    page.evaluate("document.getElementById('view').replaceChildren()")
    page.evaluate("(fragment) => { location.hash = fragment; }", fragment)
    page.wait_for_selector(ready)


def injected(page: Any) -> list[str]:
    return page.evaluate(INJECTION_PROBE)
