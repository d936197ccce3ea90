"""What several browser tests share: logging in through the site's form, the screenshots kept
when FRIVILLIGLOEFT_SCREENSHOTS names a folder, and the console's CSP errors."""

import os
import re

from tests.factories import DEFAULT_PASSWORD

WIDTHS = [390, 1280]
SHOTS = os.environ.get("FRIVILLIGLOEFT_SCREENSHOTS")  # a folder to keep screenshots in


def shoot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def csp_errors(page) -> list[str]:
    """The Content Security Policy errors the page logs from now on (a list that fills)."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return errors


# The password of every person seed_demo creates.
DEMO_PASSWORD = "frivillig-demo-2026"


def log_in_as(page, base_url, email, password, prefix=""):
    """Log in through the site's form (prefix "/en" for the English one), landing on My pages."""
    page.goto(f"{base_url}{prefix}/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile("/mine-sider/$"))


def log_in(page, base_url, user, prefix=""):
    """Log in as a user the test made (tests.factories.UserFactory)."""
    log_in_as(page, base_url, user.email, DEFAULT_PASSWORD, prefix)


def log_in_to_demo(page, base_url, email, prefix=""):
    """Log in as one of the demo site's people (tests' `demo` fixture)."""
    log_in_as(page, base_url, email, DEMO_PASSWORD, prefix)


def log_out(page):
    page.get_by_role("button", name=re.compile("Log ud|Log out")).click()
