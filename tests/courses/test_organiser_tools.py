"""Organiser tools at scale: add a participant by hand, give a waiting person a seat, and
mark everyone present in one click."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import Role
from courses import services
from courses.models import Attendance, Course, CourseStatus, Signup, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organiser):
    return CourseFactory(title="Ny i bestyrelsen", capacity=2, organisers=[organiser])


# --- services ----------------------------------------------------------------------------


def test_added_participant_gets_a_free_seat_and_the_signup_email(course, organiser, emails):
    person = UserFactory(full_name="Karen Kasserer")

    with emails() as outbox:
        signup = services.add_participant(course, person, by=organiser)

    assert signup.status == SignupStatus.CONFIRMED
    assert signup.confirmed_at is not None
    assert [m.to for m in outbox] == [[person.email]]
    assert "Arrangørerne har tilmeldt dig" in outbox[0].body


def test_added_participant_goes_on_the_waiting_list_when_full(course, organiser, emails):
    SignupFactory.create_batch(2, course=course)
    waitlist(course, [UserFactory()])
    person = UserFactory()

    with emails() as outbox:
        signup = services.add_participant(course, person, by=organiser)

    assert (signup.status, signup.queue_number) == (SignupStatus.WAITLISTED, 2)
    assert "venteliste" in outbox[0].body
    assert "nummer 2" in outbox[0].body


def test_added_participant_waits_behind_others_even_with_a_free_seat(course, organiser):
    SignupFactory(course=course)
    waitlist(course, [UserFactory()])  # e.g. after the deadline nobody is promoted

    signup = services.add_participant(course, UserFactory(), by=organiser)

    assert signup.status == SignupStatus.WAITLISTED


def test_adding_is_refused_when_full_without_a_waiting_list(organiser):
    course = CourseFactory(capacity=1, waiting_list_enabled=False, organisers=[organiser])
    SignupFactory(course=course)

    with pytest.raises(services.CourseError, match="ingen venteliste"):
        services.add_participant(course, UserFactory(), by=organiser)
    assert Signup.objects.filter(course=course).count() == 1


def test_adding_someone_already_on_the_list_is_refused(course, organiser):
    signup = SignupFactory(course=course)

    with pytest.raises(services.CourseError, match="allerede"):
        services.add_participant(course, signup.user, by=organiser)


def test_adding_needs_the_course_open_and_an_organiser(course, organiser):
    with pytest.raises(services.CourseError, match="arrangører"):
        services.add_participant(course, UserFactory(), by=UserFactory())
    course.status = CourseStatus.CANCELLED
    course.save()
    with pytest.raises(services.CourseError, match="aflyst"):
        services.add_participant(course, UserFactory(), by=organiser)


def test_adding_works_after_the_signup_deadline(organiser):
    course = CourseFactory(
        organisers=[organiser], signup_deadline=timezone.now() - timedelta(hours=1)
    )

    signup = services.add_participant(course, UserFactory(), by=organiser)

    assert signup.status == SignupStatus.CONFIRMED


def test_give_seat_takes_anyone_from_the_waiting_list_into_a_free_seat(course, organiser, emails):
    SignupFactory(course=course)
    first, second = waitlist(course, [UserFactory(), UserFactory()])

    with emails() as outbox:
        signup = services.give_seat(second, by=organiser)

    assert signup.status == SignupStatus.CONFIRMED
    first.refresh_from_db()
    assert first.status == SignupStatus.WAITLISTED
    assert services.waiting_position(first) == 1
    assert "Arrangørerne har givet dig en plads" in outbox[0].body


def test_give_seat_is_refused_when_every_seat_is_taken(course, organiser):
    SignupFactory.create_batch(2, course=course)
    (waiting,) = waitlist(course, [UserFactory()])

    with pytest.raises(services.CourseError, match="ingen ledig plads"):
        services.give_seat(waiting, by=organiser)
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.WAITLISTED


def test_give_seat_only_for_waiting_people_and_organisers(course, organiser):
    (waiting,) = waitlist(course, [UserFactory()])
    confirmed = SignupFactory(course=course)
    pending = SignupFactory(course=course, status=SignupStatus.PENDING, confirmed_at=None)

    with pytest.raises(services.CourseError, match="arrangører"):
        services.give_seat(waiting, by=UserFactory())
    with pytest.raises(services.CourseError, match="ikke på ventelisten"):
        services.give_seat(pending, by=organiser)
    assert services.give_seat(confirmed, by=organiser).status == SignupStatus.CONFIRMED


def _started_course(organiser):
    today = timezone.localdate()
    return CourseFactory(capacity=5, meetings=2, meetings__first_day=today, organisers=[organiser])


def test_mark_all_present_marks_every_confirmed_participant(organiser):
    course = _started_course(organiser)
    confirmed = SignupFactory.create_batch(3, course=course)
    waitlist(course, [UserFactory()])
    meeting = course.meetings.order_by("starts_at").first()
    Attendance.objects.create(signup=confirmed[0], meeting=meeting, present=False)

    assert services.mark_all_present(meeting, by=organiser) == 3

    marks = dict(Attendance.objects.filter(meeting=meeting).values_list("signup_id", "present"))
    assert marks == {s.pk: True for s in confirmed}


def test_mark_all_present_is_refused_before_the_day(organiser):
    course = _started_course(organiser)
    SignupFactory(course=course)
    later = course.meetings.order_by("starts_at").last()

    with pytest.raises(services.CourseError, match="dagen"):
        services.mark_all_present(later, by=organiser)
    with pytest.raises(services.CourseError, match="arrangører"):
        services.mark_all_present(later, by=UserFactory())
    assert not Attendance.objects.exists()


# --- views -------------------------------------------------------------------------------


def test_add_participant_page_by_email(client, course, organiser, emails):
    person = UserFactory(email="karen@example.org", full_name="Karen Kasserer")
    client.force_login(organiser)
    url = f"/kurser/{course.slug}/arrangoer/tilfoej-deltager/"

    assert client.get(url).status_code == 200
    with emails() as outbox:
        response = client.post(url, {"email": " KAREN@example.org "}, follow=True)

    assert response.redirect_chain[-1][0] == f"/kurser/{course.slug}/arrangoer/"
    assert "Karen Kasserer er tilmeldt" in response.text
    assert Signup.objects.get(course=course, user=person).status == SignupStatus.CONFIRMED
    assert len(outbox) == 1


@pytest.mark.parametrize(
    ("email", "status", "text"),
    [
        ("", 400, "Dette felt er påkrævet"),
        ("ikke-en-mail", 400, "gyldig e-mail-adresse"),
        ("ukendt@example.org", 400, "Ingen konto har denne e-mailadresse"),
    ],
)
def test_add_participant_bad_input_is_a_400(client, course, organiser, email, status, text):
    client.force_login(organiser)

    response = client.post(f"/kurser/{course.slug}/arrangoer/tilfoej-deltager/", {"email": email})

    assert response.status_code == status
    assert text in response.text
    assert not Signup.objects.filter(course=course).exists()


def test_add_participant_twice_is_a_409_with_the_reason(client, course, organiser):
    signup = SignupFactory(course=course)
    client.force_login(organiser)

    response = client.post(
        f"/kurser/{course.slug}/arrangoer/tilfoej-deltager/", {"email": signup.user.email}
    )

    assert response.status_code == 409
    assert "allerede på listen" in response.text


@pytest.mark.parametrize(
    ("role", "status"), [(None, 404), (Role.EDITOR, 404), (Role.COURSE_ADMINISTRATOR, 302)]
)
def test_organiser_tools_follow_current_roles(client, course, role, status):
    user = UserFactory(roles=[role] if role else [])
    (waiting,) = waitlist(course, [UserFactory()])
    client.force_login(user)

    response = client.post(f"/kurser/{course.slug}/arrangoer/tilmeldinger/{waiting.pk}/giv-plads/")

    assert response.status_code == status
    waiting.refresh_from_db()
    expected = SignupStatus.CONFIRMED if status == 302 else SignupStatus.WAITLISTED
    assert waiting.status == expected


def test_a_removed_organiser_loses_the_tools_at_once(client, course, organiser):
    client.force_login(organiser)
    url = f"/kurser/{course.slug}/arrangoer/tilfoej-deltager/"
    assert client.get(url).status_code == 200

    Course.organisers.through.objects.filter(course=course, user=organiser).delete()

    assert client.get(url).status_code == 404


def test_give_seat_view_when_full_is_a_409_with_the_reason(client, course, organiser):
    SignupFactory.create_batch(2, course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    client.force_login(organiser)

    overview = client.get(f"/kurser/{course.slug}/arrangoer/")
    assert "Giv en plads" not in overview.text
    assert "hæve antallet af pladser" in overview.text
    response = client.post(f"/kurser/{course.slug}/arrangoer/tilmeldinger/{waiting.pk}/giv-plads/")

    assert response.status_code == 409
    assert "ingen ledig plads" in response.text


def test_give_seat_view_and_get_is_refused(client, course, organiser):
    (waiting,) = waitlist(course, [UserFactory()])
    client.force_login(organiser)
    url = f"/kurser/{course.slug}/arrangoer/tilmeldinger/{waiting.pk}/giv-plads/"

    assert client.get(url).status_code == 405
    assert "Giv en plads" in client.get(f"/kurser/{course.slug}/arrangoer/").text
    response = client.post(url, follow=True)

    assert "har fået en plads" in response.text
    other = CourseFactory(organisers=[organiser])
    wrong = f"/kurser/{other.slug}/arrangoer/tilmeldinger/{waiting.pk}/giv-plads/"
    assert client.post(wrong).status_code == 404


def test_all_present_view(client, organiser):
    course = _started_course(organiser)
    SignupFactory.create_batch(2, course=course)
    first, later = course.meetings.order_by("starts_at")
    client.force_login(organiser)

    overview = client.get(f"/kurser/{course.slug}/arrangoer/")
    assert f"/arrangoer/fremmoede/{first.pk}/alle/" in overview.text
    assert f"/arrangoer/fremmoede/{later.pk}/alle/" not in overview.text
    response = client.post(
        f"/kurser/{course.slug}/arrangoer/fremmoede/{first.pk}/alle/", follow=True
    )

    assert "2 deltagere er markeret som mødt" in response.text
    assert Attendance.objects.filter(meeting=first, present=True).count() == 2
    refused = client.post(f"/kurser/{course.slug}/arrangoer/fremmoede/{later.pk}/alle/")
    assert refused.status_code == 409
    assert client.post(f"/kurser/{course.slug}/arrangoer/fremmoede/999999/alle/").status_code == 404


def test_overview_queries_do_not_grow_with_the_waiting_list(client, organiser):
    course = CourseFactory(capacity=3, organisers=[organiser])
    SignupFactory.create_batch(2, course=course)
    client.force_login(organiser)
    url = f"/kurser/{course.slug}/arrangoer/"
    waitlist(course, [UserFactory()])
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    waitlist(course, [UserFactory() for _ in range(10)], start=2)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert response.text.count("/giv-plads/") == 11  # one free seat: each can get it
    assert len(many) == len(few)
