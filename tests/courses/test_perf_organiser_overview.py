"""The participant overview's rows, prepared in the view in one pass (issue 17): each action
link is reversed once per page, every signup of the course is read in one query (totals,
rows, history), answers and attendance only when there are any; what the rows show is what
the signups' own annotations and methods would give."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import queries
from courses.models import (
    Attendance,
    Signup,
    SignupAnswer,
    SignupEndReason,
    SignupQuestion,
    SignupStatus,
)
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


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
    """The overview reads every signup in one query (ENTRY_FIELDS), no model instances: a
    field read from a model row by row would be a query per row, so twenty rows of every
    kind cost what one row costs."""
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


def overview(client, organiser, course, **query):
    client.force_login(organiser)
    return client.get(reverse("courses:organiser", args=[course.slug]), query)


def test_attendance_counts_the_meetings_held_as_the_annotation_does(client, organiser):
    course = CourseFactory(capacity=5, meetings=3, organisers=[organiser])
    first, cancelled, third = course.meetings.order_by("starts_at")
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    anna = SignupFactory(course=course, user=UserFactory(full_name="Anna Aaby"))
    bo = SignupFactory(course=course, user=UserFactory(full_name="Bo Bech"))
    for meeting in (first, cancelled, third):
        Attendance.objects.create(signup=anna, meeting=meeting, present=True)
    Attendance.objects.create(signup=bo, meeting=first, present=False)

    rows = overview(client, organiser, course).context["confirmed"]

    annotated = dict(
        Signup.objects.filter(course=course)
        .annotate(attended=queries.attended_expression())
        .values_list("pk", "attended")
    )
    assert [row.attended_of_held for row in rows] == [
        f"{annotated[anna.pk]} / 2",
        f"{annotated[bo.pk]} / 2",
    ]
    assert annotated[anna.pk] == 2


def test_waiting_places_are_the_whole_lists_also_when_searching(client, organiser):
    course = CourseFactory(capacity=1, organisers=[organiser])
    names = ["Ea Først", "Bo Anden", "Cy Tredje"]
    signups = waitlist(course, [UserFactory(full_name=name) for name in names], start=3)
    Signup.objects.filter(pk=signups[1].pk).update(queue_number=9)

    everyone = overview(client, organiser, course).context["waiting"]
    found = overview(client, organiser, course, q="tredje").context["waiting"]

    annotated = dict(
        Signup.objects.filter(course=course)
        .annotate(position=queries.waiting_position_expression())
        .values_list("pk", "position")
    )
    assert [(row.name, row.position) for row in everyone] == [
        ("Ea Først", annotated[signups[0].pk]),
        ("Cy Tredje", annotated[signups[2].pk]),
        ("Bo Anden", annotated[signups[1].pk]),
    ]
    assert [row.position for row in everyone] == [1, 2, 3]
    assert [(row.name, row.position) for row in found] == [("Cy Tredje", 2)]


def test_history_shows_why_latest_first(client, organiser):
    course = CourseFactory(capacity=5, organisers=[organiser])
    earlier = SignupFactory(
        course=course,
        user=UserFactory(full_name="Gitte Gik"),
        status=SignupStatus.CANCELLED,
        end_reason=SignupEndReason.CANCELLED_BY_ORGANISER,
    )
    later = SignupFactory(
        course=course,
        user=UserFactory(full_name="", email="dan@example.test"),
        status=SignupStatus.DECLINED,
    )
    Signup.objects.filter(pk=earlier.pk).update(updated_at=timezone.now().replace(year=2020))

    response = overview(client, organiser, course)

    history = response.context["history"]
    assert [(row.name, str(row.reason)) for row in history] == [
        ("dan@example.test", later.get_status_display()),
        ("Gitte Gik", earlier.get_end_reason_display()),
    ]
    assert response.text.index("dan@example.test") < response.text.index("Gitte Gik")


def test_an_answer_on_the_waiting_list_alone_still_shows_the_answers_column(client, organiser):
    course = CourseFactory(capacity=1, organisers=[organiser])
    question = SignupQuestion.objects.create(course=course, sort_order=0, text="Hvilken klub?")
    SignupFactory(course=course, user=UserFactory(full_name="Anna Aaby"))
    (waiting,) = waitlist(course, [UserFactory(full_name="Wilma Venter")])
    SignupAnswer.objects.create(signup=waiting, question=question, value="Høng IF")

    response = overview(client, organiser, course)

    assert response.context["has_answers"]
    assert [row.answer_list for row in response.context["confirmed"]] == [[]]
