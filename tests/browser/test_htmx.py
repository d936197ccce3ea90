"""htmx enhances the pages through `data-hx-*` attributes (valid HTML): each filter form
updates its results and the address without reloading the page, and the certificate progress
box polls until the batch is done."""

import re

import pytest
from playwright.sync_api import expect

from certificates.models import BatchStatus, CertificateBatch
from courses.models import Course
from tests.browser.helpers import log_in_to_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def mark_the_document(page):
    """A flag that survives htmx swaps but not a page load."""
    page.evaluate("window.stillTheSameDocument = true")


def still_the_same_document(page) -> bool:
    return page.evaluate("window.stillTheSameDocument === true")


@pytest.mark.parametrize(
    ("path", "results", "parameter"),
    [
        ("/kurser/", "#course-results", "topic"),
        ("/foreninger/", "#association-results", "category"),
        ("/netvaerk/", "#network-results", "topic"),
        ("/skoler/praktik/", "#offer-results", "grade"),
    ],
    ids=["courses", "associations", "networks", "internships"],
)
def test_a_filter_updates_the_results_without_a_page_load(
    page, demo, assert_accessible, path, results, parameter
):
    page.goto(demo.url + path)
    mark_the_document(page)
    before = page.locator(results).inner_text()
    choice = page.locator(f"form[role=search] select[name={parameter}]")

    choice.select_option(index=1)

    expect(page).to_have_url(re.compile(rf"[?&]{parameter}=[^&]+"))
    expect(page.locator(results)).not_to_have_text(before)
    assert still_the_same_document(page)
    assert_accessible(page)


def test_the_certificate_progress_polls_until_the_batch_is_done(page, demo):
    course = Course.objects.get(slug="introduktion-til-frivilligledelse")
    organiser = course.organisers.get()
    batch = CertificateBatch.objects.create(
        course=course, requested_by=organiser, status=BatchStatus.RUNNING, total=9, issued=4
    )
    log_in_to_demo(page, demo.url, organiser.email)
    page.goto(f"{demo.url}/kurser/{course.slug}/arrangoer/beviser/")
    expect(page.locator("#certificate-progress")).to_contain_text("4 af 9 udstedt")
    mark_the_document(page)

    CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.DONE, issued=9)

    expect(page.locator("#certificate-progress")).to_contain_text("9 af 9 udstedt", timeout=10_000)
    expect(page.locator("#certificate-progress")).to_have_class(re.compile("message--success"))
    assert still_the_same_document(page)
