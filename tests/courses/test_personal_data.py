"""Courses in "download my data" and account deletion."""

import json

import pytest
from django.core import mail

from accounts import services as account_services
from courses.models import Signup, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_export_has_my_signups_with_attendance_and_nobody_elses(client):
    user = UserFactory()
    course = CourseFactory(title="Ny i bestyrelsen")
    signup = SignupFactory(course=course, user=user, needs="Vegetar", association="Roklubben")
    signup.attendance.create(meeting=course.meetings.get(), present=True)
    SignupFactory(course=course, needs="Andens behov")
    client.force_login(user)

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    (exported,) = data["courses"]["signups"]
    assert exported["course"] == "Ny i bestyrelsen"
    assert (exported["status"], exported["needs"], exported["association"]) == (
        "confirmed",
        "Vegetar",
        "Roklubben",
    )
    assert exported["attendance"][0]["present"] is True
    assert "Andens behov" not in json.dumps(data)


def test_deleting_my_account_gives_my_seat_to_the_waiting_list(django_capture_on_commit_callbacks):
    user = UserFactory()
    course = CourseFactory(capacity=1)
    SignupFactory(course=course, user=user)
    (waiting,) = waitlist(course, [UserFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        account_services.delete_account(user)

    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.CONFIRMED
    assert not Signup.objects.filter(user_id=user.pk).exists()
    assert [m.to[0] for m in mail.outbox] == [waiting.user.email]
