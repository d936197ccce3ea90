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


def log_in(page, base_url, user):
    page.goto(f"{base_url}/konto/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile("/mine-sider/$"))
