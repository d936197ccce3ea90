"""An organiser issues one participant's certificate from the course's certificate overview
(e.g. a participant whose attendance was corrected after everyone else got theirs)."""

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from courses.models import Attendance, Course
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_pdfs(monkeypatch):
    # These tests are about who may issue what; the PDF is tested in test_pdf.py.
    monkeypatch.setattr(services, "store_pdf", lambda certificate: False)


@pytest.fixture
def organiser(course):
    person = UserFactory()
    Course.organisers.through.objects.create(course=course, user=person)
    return person


def issue_url(signup):
    return reverse("certificates:issue_one", args=[signup.course.slug, signup.pk])


def overview_url(course):
    return reverse("certificates:organiser", args=[course.slug])


def sent_messages(response):
    return [(message.level, str(message)) for message in get_messages(response.wsgi_request)]


def test_organiser_issues_one_participant(
    client, course, organiser, completed, mailoutbox, django_capture_on_commit_callbacks
):
    someone_else = attend(SignupFactory(course=course))
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(completed))

    assert response.status_code == 302
    assert response.url == overview_url(course)
    certificate = Certificate.objects.get()
    assert certificate.source_signup == completed
    assert certificate.holder == completed.user
    assert certificate.issued_by == organiser
    assert not Certificate.objects.filter(source_signup=someone_else).exists()
    assert [m.to for m in mailoutbox] == [[completed.user.email]]
    [(level, text)] = sent_messages(response)
    assert level == messages.SUCCESS
    assert "Birthe Østergaard" in text


def test_issuing_twice_makes_no_second_certificate_or_email(
    client, course, organiser, completed, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(issue_url(completed), follow=True)  # the overview shows its message
        response = client.post(issue_url(completed))

    assert response.status_code == 302
    assert response.url == overview_url(course)
    assert Certificate.objects.count() == 1
    assert len(mailoutbox) == 1
    [(level, text)] = sent_messages(response)
    assert level == messages.ERROR
    assert "Birthe Østergaard" in text


def test_participant_whose_attendance_was_corrected_after_the_batch(
    client, course, organiser, completed, not_completed, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificates:issue_all", args=[course.slug]))
    Attendance.objects.filter(signup=not_completed).update(present=True)

    page = client.get(overview_url(course)).content.decode()
    assert issue_url(not_completed) in page
    assert issue_url(completed) not in page  # has one already

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(not_completed))

    assert response.status_code == 302
    assert Certificate.objects.filter(source_signup=not_completed).exists()
    assert Certificate.objects.count() == 2


def test_a_certificate_whose_holder_no_longer_completed_is_pointed_out_until_revoked(
    client, course, organiser, completed
):
    certificate = services.issue_course_certificate(completed, notify=False)
    Attendance.objects.filter(signup=completed).update(present=False)  # corrected afterwards
    client.force_login(organiser)

    page = client.get(overview_url(course)).content.decode()

    assert "Ikke længere gennemført" in page
    assert "1 gyldigt bevis tilhører en deltager, der ikke længere har gennemført" in page
    revoke_url = reverse("certificates:revoke", args=[course.slug, certificate.pk])
    assert revoke_url in page

    services.revoke_certificate(
        certificate, reason="Fremmødet var registreret forkert.", by=organiser
    )
    page = client.get(overview_url(course)).content.decode()

    assert "tilhører en deltager" not in page
    assert revoke_url not in page


def test_participant_who_did_not_complete_gets_nothing_and_a_message(
    client, course, organiser, not_completed, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(not_completed))

    assert response.status_code == 302
    assert response.url == overview_url(course)
    assert not Certificate.objects.exists()
    assert mailoutbox == []
    assert sent_messages(response) == [
        (messages.ERROR, "Kun deltagere, der har gennemført kurset, kan få et bevis.")
    ]
    # The overview shows the message instead of an error page.
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Kun deltagere, der har gennemført kurset" in page.content.decode()


def test_course_that_has_not_ended_gives_a_message(client):
    person = UserFactory()
    course = CourseFactory(meetings=2, organisers=[person])
    signup = attend(SignupFactory(course=course))
    client.force_login(person)

    response = client.post(issue_url(signup))

    assert response.status_code == 302
    assert not Certificate.objects.exists()
    assert sent_messages(response) == [
        (messages.ERROR, "Beviser kan udstedes, når kurset er slut.")
    ]


def test_course_without_certificates_gives_a_message_and_no_button(client):
    person = UserFactory()
    course = finished_course(issues_certificate=False, organisers=[person])
    signup = attend(SignupFactory(course=course))
    client.force_login(person)

    assert issue_url(signup) not in client.get(overview_url(course)).content.decode()
    response = client.post(issue_url(signup))

    assert response.status_code == 302
    assert not Certificate.objects.exists()
    assert sent_messages(response) == [(messages.ERROR, "Dette kursus udsteder ikke beviser.")]


def test_signup_of_another_course_is_404(client, course, organiser):
    elsewhere = attend(SignupFactory(course=finished_course()))
    client.force_login(organiser)

    url = reverse("certificates:issue_one", args=[course.slug, elsewhere.pk])
    response = client.post(url)

    assert response.status_code == 404
    assert not Certificate.objects.exists()


def test_unknown_signup_is_404(client, course, organiser):
    client.force_login(organiser)
    url = reverse("certificates:issue_one", args=[course.slug, 999999])
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["other", "anonymous"])
def test_only_organisers_may_issue(client, completed, who):
    if who == "other":
        client.force_login(UserFactory())

    response = client.post(issue_url(completed))

    assert response.status_code == 404
    assert not Certificate.objects.exists()


def test_course_administrator_may_issue(client, completed):
    from accounts.roles import Role

    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))
    response = client.post(issue_url(completed))
    assert response.status_code == 302
    assert Certificate.objects.filter(source_signup=completed).exists()


def test_get_is_not_allowed(client, organiser, completed):
    client.force_login(organiser)
    response = client.get(issue_url(completed))
    assert response.status_code == 405
    assert not Certificate.objects.exists()


def test_csrf_is_checked(organiser, completed):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(organiser)
    response = client.post(issue_url(completed))
    assert response.status_code == 403
    assert not Certificate.objects.exists()


def test_overview_shows_the_button_only_for_participants_without_a_certificate(
    client, course, organiser, completed, not_completed
):
    waiting = attend(SignupFactory(course=course))
    services.issue_course_certificate(completed)
    client.force_login(organiser)

    page = client.get(overview_url(course)).content.decode()

    assert issue_url(waiting) in page
    assert issue_url(completed) not in page
    assert issue_url(not_completed) not in page


@pytest.mark.parametrize("count", [1, 4])
def test_overview_query_count_does_not_grow_with_participants(
    client, course, organiser, count, django_assert_num_queries
):
    waiting = []
    for index in range(count):
        signup = attend(SignupFactory(course=course))
        if index % 2:
            services.issue_course_certificate(signup, notify=False)
        else:
            waiting.append(signup)
    client.force_login(organiser)
    url = overview_url(course)
    client.get(url)  # warm the site-wide caches (footer, navigation)

    # the course, session, user, the user's permissions (two), organiser check, certificates,
    # held meetings, completed signups, the latest batch, site and its root page
    with django_assert_num_queries(12):
        response = client.get(url)

    assert response.status_code == 200
    assert all(issue_url(signup) in response.content.decode() for signup in waiting)
