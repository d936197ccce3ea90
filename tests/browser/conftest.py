"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Playwright cannot download its own browser on these machines, so we point it at the system
Chromium. Without one the tests skip with a reason, unless FRIVILLIGLOEFT_REQUIRE_BROWSER=1
(set by .ci/run), which turns the missing browser into an error.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_BROWSER") == "1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_available():
        return
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items:
        return
    if BROWSER_REQUIRED:
        raise pytest.UsageError(
            f"FRIVILLIGLOEFT_REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM}. "
            "Install it with `apt-get install chromium` (see .ci/run)."
        )
    skip = pytest.mark.skip(
        reason=f"No Chromium at {CHROMIUM}: install Debian's chromium to run browser tests"
    )
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    return Axe()


# What Chromium says when a script runs while a click's navigation replaces the document:
# the old document is gone (documentElement is null) or its context was destroyed.
NAVIGATING = ("documentElement", "Execution context was destroyed", "navigation")


def run_axe(axe, page, attempts=3):
    """axe-core on the page once it has loaded, again if a navigation was still under way.

    A link or button click returns once the navigation has started, so axe can start on a
    document that is being replaced; that is a timing error of the test, not a finding.
    """
    for attempt in range(attempts):
        page.wait_for_load_state("load")
        try:
            return axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        except PlaywrightError as error:
            if attempt == attempts - 1 or not any(s in str(error) for s in NAVIGATING):
                raise


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page and fail with a readable list of WCAG 2.1 A/AA violations."""

    def check(page):
        results = run_axe(axe, page)
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in violations
        )
        assert violations == [], f"axe found violations on {page.url}:\n{report}"

    return check


@pytest.fixture(scope="session")
def base_url():
    # pytest-playwright's own base_url fixture trips a pytest 9 deprecation; tests use
    # live_server.url instead.
    return None


@pytest.fixture
def demo(live_server, demo_site):
    """The demo site (seeded once per session, put back for each test) at live_server."""
    return live_server
