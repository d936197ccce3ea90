"""Guidance in the browser: search, guides, topics and stories in both languages, with axe."""

import re

import pytest
from playwright.sync_api import expect

from courses import queries
from courses.models import Course

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = "Bestyrelsesarbejde: roller, årshjul og generalforsamling"

OUTLINE_PROBLEMS = """() => {
    const problems = [];
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
    if (headings.filter((h) => h.tagName === "H1").length !== 1) problems.push("not one h1");
    let previous = 0;
    for (const h of headings) {
        const level = Number(h.tagName[1]);
        if (level > previous + 1) {
            problems.push(`${h.tagName} after h${previous}: ${h.textContent.trim()}`);
        }
        previous = level;
    }
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicates.length) problems.push(`duplicate ids: ${duplicates.join(", ")}`);
    return problems;
}"""


def _check_page(page, assert_accessible):
    assert page.evaluate(OUTLINE_PROBLEMS) == [], page.url
    assert_accessible(page)


def test_search_open_the_guide_and_follow_a_related_course(page, demo, assert_accessible):
    page.goto(demo.url + "/")
    page.get_by_role("searchbox", name="Søg på sitet").fill("bestyrelse")
    page.get_by_role("searchbox", name="Søg på sitet").press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Søg")
    expect(page.get_by_role("heading", level=2, name=re.compile("Vejledninger"))).to_be_visible()
    _check_page(page, assert_accessible)

    page.get_by_role("link", name=GUIDE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE)
    _check_page(page, assert_accessible)
    related = page.locator(".related-courses").get_by_role("link").first
    title = related.inner_text()
    # A course title can come back every season (the demo has past runs): the link's course.
    slug = related.get_attribute("href").removeprefix("/kurser/").strip("/")
    course = Course.objects.get(slug=slug)
    assert course.title == title
    assert course in queries.catalogue_courses()
    related.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
def test_guidance_pages_are_accessible_with_an_ordered_outline(
    page, demo, assert_accessible, prefix
):
    language = "en" if prefix else "da"
    for path in [
        "/vejledninger/",
        "/vejledninger/bestyrelsesarbejde/",
        "/vejledninger/konflikthaandtering/",
        "/vejledninger/fondsansoegning/",
        "/vejledninger/emne/fondsansoegning/",
        "/historier/",
        "/historier/telt-og-sommerlejr/",
        "/soeg/?q=generalforsamling",
        "/soeg/?q=zebrafinke",
    ]:
        page.goto(demo.url + prefix + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        _check_page(page, assert_accessible)


def test_filter_guides_by_topic(page, demo, assert_accessible):
    page.goto(demo.url + "/vejledninger/")
    page.get_by_role("combobox", name=re.compile("Emne")).select_option(label="Konflikthåndtering")
    page.get_by_role("button", name="Vis vejledninger").click()

    expect(page).to_have_url(re.compile(r"\?emne=konflikthaandtering$"))
    expect(page.locator(".guide-teaser")).to_have_count(1)
    expect(page.get_by_role("link", name="Konflikthåndtering i foreningen")).to_be_visible()
    _check_page(page, assert_accessible)


def test_checklist_ticks_are_kept_and_can_be_cleared(page, demo):
    page.goto(demo.url + "/vejledninger/bestyrelsesarbejde/")
    item = page.get_by_label("Send indkaldelse med dagsorden til alle medlemmer")

    item.check()
    page.reload()
    expect(item).to_be_checked()

    page.locator(".checklist", has=item).get_by_role("button", name="Fjern flueben").click()
    expect(item).not_to_be_checked()
    page.reload()
    expect(item).not_to_be_checked()


def test_checklist_can_be_ticked_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo.url + "/vejledninger/fondsansoegning/")
    item = page.get_by_label("Summen stemmer")

    item.check()

    expect(item).to_be_checked()
    context.close()


def test_guide_prints_without_site_chrome_and_with_answers_open(page, demo):
    page.goto(demo.url + "/vejledninger/bestyrelsesarbejde/")
    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_text("Det afhænger af vedtægterne.", exact=False)).to_be_visible()


@pytest.mark.parametrize("width", [320, 375], ids=["320", "375"])
def test_guide_and_search_fit_a_phone(page, demo, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ["/vejledninger/bestyrelsesarbejde/", "/soeg/?q=bestyrelse"]:
        page.goto(demo.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    assert_accessible(page)
