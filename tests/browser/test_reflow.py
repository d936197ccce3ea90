"""Reflow and layout: a long Danish word in a course's or an association's title, and a long
email address on a placement, must not push the page sideways on a phone (WCAG 1.4.10
reflow); on a desktop a tall signup panel must not open a gap between a course's heading and
its description."""

import re

import pytest

from tests.browser.helpers import log_in_to_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def sideways(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize(
    "path", ["/kurser/digital-medlemsadministration/", "/foreninger/aktivitetscentret-goerlev/"]
)
def test_a_long_word_in_a_title_wraps_on_a_phone(page, demo, path):
    page.set_viewport_size(PHONE)
    page.goto(demo.url + path)

    assert sideways(page) == 0


def test_a_placement_with_a_long_email_address_fits_a_phone(page, demo):
    page.set_viewport_size(PHONE)
    log_in_to_demo(page, demo.url, "skole@frivilligloeft.test")
    page.goto(demo.url + "/mine-sider/skoler/")
    links = page.locator("main a[href^='/skoler/forloeb/']").evaluate_all(
        "links => [...new Set(links.map(a => a.getAttribute('href')))]"
    )
    assert links

    for link in links:
        page.goto(demo.url + link)
        assert sideways(page) == 0, link


def test_a_tall_signup_panel_leaves_no_gap_under_the_course_heading(page, demo):
    page.set_viewport_size(DESKTOP)
    log_in_to_demo(page, demo.url, "frivillig@frivilligloeft.test")
    page.goto(demo.url + "/kurser/foerstehjaelp-for-traenere-og-ledere/")
    # A signup with errors makes the panel taller still.
    page.locator(".course-layout__aside form button[type=submit]").click()
    page.wait_for_url(re.compile("/tilmeld/$"))

    # The header's box stretches with its grid row, so measure where its content ends.
    heading_ends = page.locator(".course-layout__header > *").evaluate_all(
        "children => Math.max(...children.map(c => c.getBoundingClientRect().bottom))"
    )
    body_starts = page.locator(".course-layout__body").evaluate(
        "body => body.getBoundingClientRect().top"
    )
    aside = page.locator(".course-layout__aside").bounding_box()
    assert aside["height"] > 1000
    assert body_starts - heading_ends < 64
