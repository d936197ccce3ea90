"""Issue 20 organiser tools in the browser, at 390 px (a phone at the door) and 1280 px, in
Danish and English, axe on every page and no CSP errors: check-in with the QR code's page and
the name list, signup questions on the signup form and in the overview, and the message
preview before sending."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, CourseMessage, QuestionKind, SignupAnswer, SignupQuestion
from courses.services.checkin import checkin_url
from tests.browser.helpers import csp_errors, log_in, shoot
from tests.courses.factories import CourseFactory, SignupFactory, local
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VARIANTS = [(390, "da"), (1280, "da"), (390, "en"), (1280, "en")]
IDS = [f"{width}-{language}" for width, language in VARIANTS]

TEXT = {
    "da": {
        "present": "Markér som til stede",
        "checked_in": "er tjekket ind",
        "check_in": "Tjek ind",
        "of_checked_in": "af 2 tjekket ind",
        "search": "Søg",
        "code": "Din indtjekningskode til døren",
        "questions": "Spørgsmål fra arrangørerne",
        "sign_up": "Tilmeld mig",
        "required": "Dette felt er påkrævet",
        "yes": "Ja",
        "signed_up": "Du er tilmeldt",
        "preview": "Forhåndsvis e-mailen",
        "check": "Tjek din besked",
        "send": "Send til 2 personer",
        "on_its_way": "på vej",
    },
    "en": {
        "present": "Mark as present",
        "checked_in": "is checked in",
        "check_in": "Check in",
        "of_checked_in": "of 2 checked in",
        "search": "Search",
        "code": "Your check-in code for the door",
        "questions": "Questions from the organisers",
        "sign_up": "Sign me up",
        "required": "This field is required",
        "yes": "Yes",
        "signed_up": "You are signed up",
        "preview": "Preview the email",
        "check": "Check your message",
        "send": "Send to 2 people",
        "on_its_way": "on its way",
    },
}


def prefix(language):
    return "/en" if language == "en" else ""


def course_meeting_today(organiser, **kwargs):
    # All of today (check-in is for today's meeting), ending at midnight: ended at 23:59, the
    # course showed no check-in code in the last minute of the day.
    today = timezone.localdate()
    return CourseFactory(
        title="Førstehjælp for trænere",
        organisers=[organiser],
        meetings=[(local(today, 0), local(today + timedelta(days=1), 0))],
        **kwargs,
    )


@pytest.mark.parametrize(("width", "language"), VARIANTS, ids=IDS)
def test_check_in_at_the_door(page, live_server, assert_accessible, width, language):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    text, base = TEXT[language], live_server.url + prefix(language)
    organiser = UserFactory(full_name="Olga Arrangør", preferred_language=language)
    course = course_meeting_today(organiser)
    lene = SignupFactory(course=course, user=UserFactory(full_name="Lene Hansen"))
    SignupFactory(course=course, user=UserFactory(full_name="Karen Kasserer"))

    # The participant sees her code on the course page.
    log_in(page, live_server.url, lene.user)
    page.goto(f"{base}/kurser/{course.slug}/")
    page.get_by_text(text["code"]).click()
    expect(page.locator("img.checkin-qr")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"checkin-code-{width}-{language}")
    page.context.clear_cookies()

    # The organiser scans it and marks her present with one button.
    log_in(page, live_server.url, organiser)
    code_path = re.sub(r"^https?://[^/]+", "", checkin_url(lene))
    page.goto(live_server.url + prefix(language) + code_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lene Hansen")
    assert_accessible(page)
    shoot(page, f"checkin-scanned-{width}-{language}")
    page.get_by_role("button", name=text["present"]).click()
    expect(page.locator(".messages")).to_contain_text(text["checked_in"])
    assert_accessible(page)
    shoot(page, f"checkin-done-{width}-{language}")

    # The list finds Karen by name, without a camera.
    meeting = course.meetings.get()
    page.goto(f"{base}/kurser/{course.slug}/arrangoer/tjek-ind/{meeting.pk}/")
    expect(page.get_by_text(text["of_checked_in"])).to_contain_text("1")
    search = page.locator(".checkin-search")
    search.get_by_role("searchbox").fill("karen")
    search.get_by_role("button", name=text["search"], exact=True).click()
    page.get_by_role("button", name=f"{text['check_in']} Karen Kasserer").click()
    expect(page.locator(".messages")).to_contain_text("Karen Kasserer")
    expect(search.get_by_role("searchbox")).to_have_value("karen")
    assert_accessible(page)
    shoot(page, f"checkin-list-{width}-{language}")
    assert Attendance.objects.filter(meeting=meeting, present=True).count() == 2
    assert errors == []


@pytest.mark.parametrize(("width", "language"), VARIANTS, ids=IDS)
def test_signup_questions(page, live_server, assert_accessible, width, language):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    text, base = TEXT[language], live_server.url + prefix(language)
    organiser = UserFactory(full_name="Olga Arrangør")
    course = CourseFactory(title="Førstehjælp", organisers=[organiser])
    SignupQuestion.objects.create(
        course=course, sort_order=0, text="Hvilken klub træner du?", required=True
    )
    SignupQuestion.objects.create(
        course=course, sort_order=1, text="Vegetarisk frokost?", kind=QuestionKind.YES_NO
    )
    SignupQuestion.objects.create(
        course=course,
        sort_order=2,
        text="Erfaring",
        kind=QuestionKind.CHOICE,
        options="Ingen\nLidt\nMeget",
        required=True,
    )
    volunteer = UserFactory(full_name="Mette Sørensen")
    log_in(page, live_server.url, volunteer)

    page.goto(f"{base}/kurser/{course.slug}/")
    questions = page.get_by_role("group", name=text["questions"])
    expect(questions).to_be_visible()
    page.get_by_role("button", name=text["sign_up"]).click()
    expect(page.locator(".signup-questions")).to_contain_text(text["required"])
    assert_accessible(page)
    shoot(page, f"questions-errors-{width}-{language}")

    page.get_by_label("Hvilken klub træner du?").fill("Høng IF")
    page.get_by_role("radio", name=text["yes"], exact=True).check()
    page.get_by_role("radio", name="Lidt").check()
    page.get_by_role("button", name=text["sign_up"]).click()
    expect(page.locator(".signup-state")).to_contain_text(text["signed_up"])
    assert SignupAnswer.objects.filter(signup__user=volunteer).count() == 3
    shoot(page, f"questions-signed-up-{width}-{language}")
    page.context.clear_cookies()

    log_in(page, live_server.url, organiser)
    page.goto(f"{base}/kurser/{course.slug}/arrangoer/")
    expect(page.locator(".answers").first).to_contain_text("Høng IF")
    assert_accessible(page)
    shoot(page, f"questions-overview-{width}-{language}")
    assert errors == []


@pytest.mark.parametrize(("width", "language"), VARIANTS, ids=IDS)
def test_message_preview_before_sending(page, live_server, assert_accessible, width, language):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    text, base = TEXT[language], live_server.url + prefix(language)
    organiser = UserFactory(full_name="Olga Arrangør")
    course = CourseFactory(title="Ny i bestyrelsen", organisers=[organiser])
    SignupFactory(course=course, user=UserFactory(full_name="Lene Hansen"))
    SignupFactory(course=course, user=UserFactory(full_name="Karen Kasserer"))
    log_in(page, live_server.url, organiser)

    page.goto(f"{base}/kurser/{course.slug}/arrangoer/skriv/")
    page.locator("input[name=subject]").fill("Nyt lokale")
    page.locator("textarea[name=body]").fill("Hej alle sammen,\n\nVi er i sal 2.\n\nOlga")
    assert_accessible(page)
    page.get_by_role("button", name=text["preview"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(text["check"])
    body = page.locator(".email-preview__body")
    expect(body).to_contain_text("Hej alle sammen,")
    assert not body.inner_text().startswith(("Kære", "Dear"))
    assert CourseMessage.objects.count() == 0
    assert_accessible(page)
    shoot(page, f"message-preview-{width}-{language}")

    page.get_by_role("button", name=text["send"]).click()
    expect(page.locator(".messages")).to_contain_text(text["on_its_way"])
    expect(page.locator(".message-log")).to_contain_text("Vi er i sal 2.")
    assert_accessible(page)
    shoot(page, f"message-log-{width}-{language}")
    assert CourseMessage.objects.get().recipient_count == 2
    assert errors == []
