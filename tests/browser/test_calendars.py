"""Mine sider › Kalender in the browser: make a link, copy it, use it, regenerate it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_demo
from tests.calendars.conftest import parse_both

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VOLUNTEER = "frivillig@frivilligloeft.test"


def test_make_copy_use_and_regenerate_my_calendar_link(page, demo, assert_accessible):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in_to_demo(page, demo.url, VOLUNTEER)
    page.get_by_role("navigation", name="Mine sider").get_by_role("link", name="Kalender").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kalender")
    assert_accessible(page)

    page.get_by_role("button", name="Lav mit kalenderlink").click()
    expect(page.get_by_role("status").first).to_contain_text("Dit kalenderlink er klar")
    link = page.get_by_label("Dit private kalenderlink")
    first_url = link.input_value()
    assert re.fullmatch(re.escape(demo.url) + r"/kalender/[A-Za-z0-9_-]{43}\.ics", first_url)
    webcal = page.get_by_role("link", name="Tilføj til min kalender")
    expect(webcal).to_have_attribute("href", "webcal://" + first_url.split("://", 1)[1])
    assert_accessible(page)

    # The copy button appears with JavaScript and puts the link on the clipboard.
    page.get_by_role("button", name="Kopiér link").click()
    expect(page.get_by_text("Linket er kopieret.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == first_url

    feed = page.request.get(first_url)
    assert feed.status == 200
    assert feed.headers["cache-control"] == "private, no-store"
    summaries = [str(e["SUMMARY"]) for e in parse_both(feed.body()).events]
    assert summaries  # the demo volunteer has courses and network meetings

    # Shown once: after a reload the page cannot show it again, but offers a new one.
    page.reload()
    expect(page.get_by_label("Dit private kalenderlink")).to_have_count(0)
    page.get_by_role("link", name="Lav et nyt link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lav et nyt kalenderlink")
    assert_accessible(page)
    page.get_by_role("button", name="Lav et nyt link").click()
    expect(page.get_by_role("status").first).to_contain_text("Det gamle link virker ikke")
    second_url = page.get_by_label("Dit private kalenderlink").input_value()
    assert second_url != first_url
    assert_accessible(page)

    assert page.request.get(first_url).status == 404
    assert page.request.get(second_url).status == 200


def test_calendar_page_in_english(page, demo, assert_accessible):
    log_in_to_demo(page, demo.url, VOLUNTEER, prefix="/en")
    page.goto(demo.url + "/en/mine-sider/kalender/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Calendar")
    page.get_by_text("Google Calendar", exact=True).click()
    expect(page.get_by_text("From URL")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Create my calendar link").click()
    url = page.get_by_label("Your private calendar link").input_value()
    assert "/en/kalender/" in url
    assert_accessible(page)
    page.reload()
    page.get_by_role("link", name="Make a new link").click()
    assert_accessible(page)
    page.get_by_role("button", name="Make a new link").click()
    expect(page.get_by_role("status").first).to_contain_text("The old link no longer works")
    assert page.request.get(url).status == 404


def test_course_list_offers_a_feed_for_the_current_filter(page, demo, assert_accessible):
    page.goto(demo.url + "/kurser/")
    page.get_by_label("Emne", exact=True).select_option("bestyrelsesarbejde")
    page.get_by_role("button", name="Vis kurser").click()
    subscribe = page.get_by_role("link", name="Kalenderlink til Google Kalender eller Outlook")
    expect(subscribe).to_have_attribute(
        "href", re.compile(r"kalender/kurser\.ics\?topic=bestyrelsesarbejde$")
    )
    assert_accessible(page)

    feed = page.request.get(subscribe.get_attribute("href"))
    titles = {str(e["SUMMARY"]).split(" (")[0] for e in parse_both(feed.body()).events}
    assert "Ny i bestyrelsen" in titles
