"""Browser fixtures: Debian's chromium driven by Playwright (never `playwright install`).

Without chromium the browser tests skip, unless NEWSGRAPH_REQUIRE_BROWSER=1 (set by CI),
which turns the skip into a failure so that CI never passes by skipping.

``page`` is a fresh tab that records what must never happen on the newsgraph page:
console errors, uncaught exceptions, CSP violations and JavaScript dialogs (an alert()
from an article would mean injected script ran). Tests call ``page.problems()`` to assert
on them; every test also gets them checked at teardown unless it expects some (for
example the 401/404 "Failed to load resource" lines of the token and error tests).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
REQUIRE_ENV = "NEWSGRAPH_REQUIRE_BROWSER"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1360, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# Collects CSP violations inside the page; Playwright runs init scripts outside the CSP.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One chromium for the whole run."""
    if not CHROMIUM.exists():
        _unavailable(f"no chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is in requirements.lock
        _unavailable(f"playwright is not installed ({exc})")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Watch:
    """What went wrong in one tab."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Expect console errors matching ``pattern`` (e.g. a deliberate 404)."""
        self.allowed.append(re.compile(pattern))

    def unexpected_console(self) -> list[str]:
        return [m for m in self.console_errors if not any(p.search(m) for p in self.allowed)]


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh tab (own context: own sessionStorage) with a ``watch`` and ``problems()``."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    watch = Watch()

    def on_console(message: object) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)

    def on_dialog(dialog: object) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    tab.on("dialog", on_dialog)
    tab.watch = watch

    def problems() -> dict[str, list[str]]:
        csp = tab.evaluate("window.__csp || []") if not tab.is_closed() else []
        found = {
            "console errors": watch.unexpected_console(),
            "page errors": watch.page_errors,
            "dialogs": watch.dialogs,
            "CSP violations": csp,
        }
        return {kind: items for kind, items in found.items() if items}

    tab.problems = problems
    try:
        yield tab
        assert problems() == {}
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: the README's folder when NEWSGRAPH_SCREENSHOTS=1
    (`make screenshots`), else a temporary folder, so a test run leaves the tree clean."""
    if os.environ.get("NEWSGRAPH_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")
