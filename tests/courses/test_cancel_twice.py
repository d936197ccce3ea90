"""Cancelling when there is nothing (any more) to cancel — Back after cancelling and confirm
again, or the cancel posted twice — goes back to the course page and says so in the reader's
language; it changes nothing, and it is no 404. A stranger gets the same answer as anyone
without a signup: they learn nothing about another person's signup and change nothing."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from wagtail.models import ModelLogEntry

from courses.models import SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DA = "Du er ikke tilmeldt dette kursus, så der er intet at afmelde."
EN = "You are not signed up for this course, so there is nothing to cancel."


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("prefix", "message"), [("", DA), ("/en", EN)])
@pytest.mark.parametrize("method", ["post", "get"])
def test_cancelling_again_goes_back_to_the_course_and_changes_nothing(
    client, django_capture_on_commit_callbacks, prefix, message, method
):
    volunteer = UserFactory()
    client.force_login(volunteer)
    course = CourseFactory(capacity=5)
    signup = SignupFactory(course=course, user=volunteer)
    url = f"{prefix}/kurser/{course.slug}/afmeld/"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
    client.get(first["Location"])  # shows (and so uses up) "Your signup is cancelled."
    signup.refresh_from_db()
    cancelled = (signup.status, signup.cancelled_at, signup.end_reason)
    assert cancelled[0] == SignupStatus.CANCELLED
    entries, emails = ModelLogEntry.objects.count(), len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        again = getattr(client, method)(url)

    assert again.status_code == 302
    assert again["Location"] == f"{prefix}/kurser/{course.slug}/"
    assert _messages(again) == [("info", message)]
    signup.refresh_from_db()
    assert (signup.status, signup.cancelled_at, signup.end_reason) == cancelled
    assert (ModelLogEntry.objects.count(), len(mail.outbox)) == (entries, emails)
    # The course page still offers to undo the first cancellation.
    page = client.get(again["Location"])
    assert message in unescape(page.text)
    assert "fortryd-afmelding/" in page.text


def test_a_stranger_gets_the_answer_of_anyone_without_a_signup(client):
    course = CourseFactory()
    someone = SignupFactory(course=course, status=SignupStatus.CONFIRMED)
    client.force_login(UserFactory())
    nobody_signed_up = CourseFactory()

    theirs = client.post(f"/kurser/{course.slug}/afmeld/")
    assert (theirs.status_code, theirs["Location"]) == (302, f"/kurser/{course.slug}/")
    assert _messages(theirs) == [("info", DA)]
    client.get(theirs["Location"])
    empty = client.post(f"/kurser/{nobody_signed_up.slug}/afmeld/")
    assert _messages(empty) == [("info", DA)]
    someone.refresh_from_db()
    assert (someone.status, someone.cancelled_at) == (SignupStatus.CONFIRMED, None)
    assert not ModelLogEntry.objects.filter(action__contains="cancel").exists()


def test_visitors_who_are_not_logged_in_still_get_a_404(client):
    course = CourseFactory()
    SignupFactory(course=course)

    assert client.post(f"/kurser/{course.slug}/afmeld/").status_code == 404
