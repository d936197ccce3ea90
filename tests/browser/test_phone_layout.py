"""The site on a phone (390 px) and on a desktop (1280 px): Mine sider shows its content
first under a one-line menu, the header is three short rows, the catalogue's filters fold
away behind "Filtrér (n aktive)", filters survive Back, wide tables scroll inside a box with
a shadow at the edge, and the Wagtail user bar leaves the end of the page readable."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def top_of(page, selector) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_mine_sider_on_a_phone_shows_the_page_under_a_one_line_menu(page, demo, assert_accessible):
    page.set_viewport_size(PHONE)
    log_in_to_demo(page, demo.url, "frivillig@frivilligloeft.test")
    page.goto(demo.url + "/mine-sider/kurser/")

    menu = page.locator(".mine-sider__nav summary")
    expect(menu).to_have_text("Menu: Mine kurser")
    expect(page.get_by_role("link", name="Profil")).to_be_hidden()
    assert top_of(page, "h1") < 260
    assert_accessible(page)

    menu.click()
    expect(page.get_by_role("link", name="Profil")).to_be_visible()
    expect(page.locator(".side-menu [aria-current=page]")).to_have_text("Mine kurser")
    assert_accessible(page)


def test_mine_sider_on_a_desktop_keeps_the_side_menu_open(page, demo, assert_accessible):
    page.set_viewport_size(DESKTOP)
    log_in_to_demo(page, demo.url, "frivillig@frivilligloeft.test")

    expect(page.locator(".mine-sider__nav summary")).to_be_hidden()
    expect(page.get_by_role("link", name="Profil")).to_be_visible()
    assert_accessible(page)


def test_the_phone_header_is_three_short_rows_with_search_one_tap_away(
    page, demo, assert_accessible
):
    page.set_viewport_size(PHONE)
    page.goto(demo.url + "/kurser/")

    assert page.locator(".site-header").bounding_box()["height"] <= 160
    expect(page.locator(".header-search")).to_be_hidden()
    expect(page.locator(".language-switcher").get_by_role("link", name="English")).to_be_visible()
    assert_accessible(page)
    page.locator(".site-header").get_by_role("link", name="Søg", exact=True).click()
    expect(page).to_have_url(re.compile("/soeg/$"))

    page.set_viewport_size(DESKTOP)
    page.goto(demo.url + "/kurser/")
    expect(page.locator(".header-search input[type=search]")).to_be_visible()
    expect(page.locator(".header-search-link")).to_be_hidden()


def test_the_catalogue_filters_fold_away_on_a_phone_and_count_what_is_chosen(
    page, demo, assert_accessible
):
    page.set_viewport_size(PHONE)
    page.goto(demo.url + "/kurser/")
    toggle = page.locator(".catalogue__disclosure > summary")
    expect(toggle).to_have_text("Filtrér")
    expect(page.locator("select[name=topic]")).to_be_hidden()
    assert top_of(page, ".course-card") < 700
    assert_accessible(page)

    toggle.click()
    page.locator("select[name=format]").select_option("online")
    expect(page).to_have_url(re.compile(r"format=online"))
    expect(toggle).to_have_text("Filtrér (1 valgt)")
    page.locator("input[name=free_seats]").check()
    expect(toggle).to_have_text("Filtrér (2 valgte)")
    assert_accessible(page)

    # Opened on a phone with filters in the address: the count is there from the server.
    page.goto(demo.url + "/kurser/?format=online")
    expect(toggle).to_have_text("Filtrér (1 valgt)")


def test_the_catalogue_filters_work_on_a_phone_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(demo.url + "/kurser/")
    page.locator(".catalogue__disclosure > summary").click()
    page.locator("select[name=format]").select_option("online")
    page.get_by_role("button", name="Vis kurser").click()

    expect(page).to_have_url(re.compile(r"format=online"))
    expect(page.locator(".catalogue__disclosure > summary")).to_have_text("Filtrér (1 valgt)")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_back_restores_the_filters_and_the_courses_they_chose(
    page, demo, assert_accessible, viewport
):
    page.set_viewport_size(viewport)
    page.goto(demo.url + "/kurser/")
    everything = page.locator("#result-count").inner_text()
    if viewport is PHONE:
        page.locator(".catalogue__disclosure > summary").click()
    page.locator("select[name=format]").select_option("online")
    expect(page).to_have_url(re.compile(r"format=online"))
    online = page.locator("#result-count").inner_text()
    assert online != everything
    page.locator("select[name=language]").select_option("en")
    expect(page).to_have_url(re.compile(r"format=online.*language=en"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"^(?!.*language=en).*format=online"))
    expect(page.locator("#result-count")).to_have_text(online)
    expect(page.locator("select[name=format]")).to_have_value("online")
    expect(page.locator("select[name=language]")).to_have_value("")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/kurser/$"))
    expect(page.locator("#result-count")).to_have_text(everything)
    expect(page.locator("select[name=format]")).to_have_value("")
    assert_accessible(page)

    page.go_forward()
    expect(page.locator("select[name=format]")).to_have_value("online")
    expect(page.locator("#result-count")).to_have_text(online)


def test_a_wide_organiser_table_scrolls_in_its_box_with_a_shadow_at_the_edge(
    page, demo, assert_accessible
):
    page.set_viewport_size(PHONE)
    log_in_to_demo(page, demo.url, "kursus@frivilligloeft.test")
    page.goto(demo.url + "/mine-sider/kurser/")
    organiser_links = page.locator("a[href$='/arrangoer/']")
    organiser_links.first.click()
    table_box = page.locator(".table-wrap").first
    expect(table_box).to_be_visible()

    widths = table_box.evaluate("el => [el.scrollWidth, el.clientWidth]")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]
    assert widths[0] > widths[1], "the table should be wider than its box on a phone"
    assert "radial-gradient" in table_box.evaluate("el => getComputedStyle(el).backgroundImage")
    assert_accessible(page)


def test_the_wagtail_user_bar_leaves_the_end_of_the_page_readable(page, demo):
    page.set_viewport_size(PHONE)
    log_in_to_demo(page, demo.url, "kursus@frivilligloeft.test")
    page.goto(demo.url + "/kurser/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    trigger = page.locator("wagtail-userbar #wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    bird = trigger.bounding_box()
    for link in page.locator(".site-footer a").all():
        box = link.bounding_box()
        overlaps = not (
            box["x"] + box["width"] <= bird["x"]
            or bird["x"] + bird["width"] <= box["x"]
            or box["y"] + box["height"] <= bird["y"]
            or bird["y"] + bird["height"] <= box["y"]
        )
        assert not overlaps, f"the user bar covers {link.inner_text()!r}"
