"""A course edit POST whose meeting formset announces more saved meetings than it sends (the
management data raised by hand, or a request cut short) is a 400 in the user's language, not
a 500 from django-modelcluster, and changes nothing."""

import pytest
from wagtail.users.models import UserProfile

from courses.models import Course, Meeting
from tests.courses.factories import CourseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "words"), [("", "forstå"), ("en", "understand")])
def test_a_meeting_formset_missing_an_announced_form_is_a_400(course_admin_client, language, words):
    """In the language the staff member chose for the admin (Danish unless they chose)."""
    course = CourseFactory(title="Bestyrelsesarbejde", meetings=2)
    staff = course_admin_client.get("/admin/").wsgi_request.user
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = language
    profile.save()
    meeting = course.meetings.first()
    data = {
        "title": "Ændret titel",
        "meetings-TOTAL_FORMS": "3",
        "meetings-INITIAL_FORMS": "3",  # two meetings exist, and only the first is sent
        "meetings-MIN_NUM_FORMS": "0",
        "meetings-MAX_NUM_FORMS": "1000",
        "meetings-0-id": str(meeting.pk),
    }

    response = course_admin_client.post(f"/admin/snippets/courses/course/edit/{course.pk}/", data)

    assert response.status_code == 400
    assert words in response.text
    course.refresh_from_db()
    assert course.title == "Bestyrelsesarbejde"
    assert Meeting.objects.filter(course=course).count() == 2


def test_a_missing_field_of_another_shape_is_still_our_bug(rf):
    """Only a formset field (prefix-number-name) missing from the POST is answered 400."""
    from django.utils.datastructures import MultiValueDictKeyError

    from core.middleware import IncompleteFormsetMiddleware

    middleware = IncompleteFormsetMiddleware(lambda request: None)
    post = rf.post("/", {"meetings-0-id": "1"})

    assert middleware.process_exception(post, MultiValueDictKeyError("title")) is None
    assert middleware.process_exception(post, MultiValueDictKeyError("meetings-0-id")) is None
    assert middleware.process_exception(rf.get("/"), MultiValueDictKeyError("a-1-id")) is None
    assert middleware.process_exception(post, MultiValueDictKeyError("a-1-id")).status_code == 400
    assert Course.objects.count() == 0
