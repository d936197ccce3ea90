"""The participant overview's rows, prepared in the view (issue 17): each row's cancel link is
reversed once per page, each signup gets its own answers (read by course) and its name."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import SignupAnswer, SignupQuestion, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return UserFactory(full_name="Olga Arrangør")


def test_every_row_links_to_its_own_cancel_page(client, organiser):
    course = CourseFactory(capacity=2, organisers=[organiser])
    confirmed = SignupFactory.create_batch(2, course=course)
    waiting = waitlist(course, [UserFactory(full_name="Wilma Venter")])
    client.force_login(organiser)

    html = client.get(reverse("courses:organiser", args=[course.slug])).content.decode()

    for signup in [*confirmed, *waiting]:
        url = reverse("courses:cancel_participant", args=[course.slug, signup.pk])
        assert f'href="{url}"' in html
    assert "Wilma Venter" in html


def test_answers_belong_to_their_signup_and_not_to_other_courses(client, organiser):
    course = CourseFactory(capacity=5, organisers=[organiser])
    other = CourseFactory(capacity=5)
    question = SignupQuestion.objects.create(course=course, sort_order=0, text="Hvilken klub?")
    other_question = SignupQuestion.objects.create(course=other, sort_order=0, text="Farve?")
    anna = SignupFactory(course=course, user=UserFactory(full_name="Anna Aaby"))
    bo = SignupFactory(course=course, user=UserFactory(full_name="Bo Bech"))
    gone = SignupFactory(course=course, status=SignupStatus.CANCELLED)
    SignupAnswer.objects.create(signup=anna, question=question, value="Høng IF")
    SignupAnswer.objects.create(signup=bo, question=question, value="Sorø BK")
    SignupAnswer.objects.create(signup=gone, question=question, value="Aflyst klub")
    stranger = SignupFactory(course=other)
    SignupAnswer.objects.create(signup=stranger, question=other_question, value="Blå")
    client.force_login(organiser)

    html = client.get(reverse("courses:organiser", args=[course.slug])).content.decode()

    assert html.index("Anna Aaby") < html.index("Høng IF") < html.index("Bo Bech")
    assert html.index("Bo Bech") < html.index("Sorø BK")
    assert "Aflyst klub" not in html
    assert "Blå" not in html


def test_the_overview_loads_no_field_it_left_out(client, organiser):
    """The overview reads only the columns it shows (OVERVIEW_FIELDS): a field it left out
    would be loaded row by row, so twenty rows of every kind cost what one row costs."""
    paths = []
    for count in (1, 20):
        course = CourseFactory(capacity=count, organisers=[organiser])
        SignupFactory.create_batch(count, course=course, needs="Vegetar", association="IF")
        SignupFactory(course=course, status=SignupStatus.PENDING)
        waitlist(course, [UserFactory() for _ in range(count)])
        paths.append(reverse("courses:organiser", args=[course.slug]))
    client.force_login(organiser)
    for path in paths:
        client.get(path)  # warm: the session, what is cached per site
    counts = []
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
