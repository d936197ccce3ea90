"""Helpers shared by the course admin tests: the admin's URLs and what its course form posts."""

from datetime import timedelta

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.models import Course

ADD_URL = "/admin/snippets/courses/course/add/"


def edit_url(course) -> str:
    return f"/admin/snippets/courses/course/edit/{course.pk}/"


def when(days: int, hour: int) -> str:
    day = timezone.localdate() + timedelta(days=days)
    return f"{day:%Y-%m-%d} {hour:02d}:00"


def course_form(course: Course | None = None, meetings=None, questions=None, **overrides) -> dict:
    """What the admin form posts: every field of the course, its meetings and its signup
    questions."""
    values = {
        "title": "Ny i bestyrelsen",
        "slug": "",
        "summary": "To aftener for nye bestyrelsesmedlemmer.",
        "description": rich_text("<p>Vi gennemgår vedtægter og årshjul.</p>"),
        "audience": "board",
        "language": "da",
        "provider": "",
        "instructors": "Birgitte Lind",
        "image": "",
        "format": "in_person",
        "venue_name": "Kalundborg Rådhus",
        "venue_address": "Holbækvej 141",
        "online_link": "",
        "status": "published",
        "cancellation_reason": "",
        "capacity": "12",
        "min_participants": "",
        "price": "0",
        "signup_opens_at": "",
        "signup_deadline": "",
        "cancellation_deadline": "",
        "waiting_list_enabled": "on",
        "waiting_list_mode": "automatic",
        "offer_hours": "48",
        "contact_name": "",
        "contact_email": "",
        "issues_certificate": "on",
        "min_attendance_percent": "100",
    }
    if course is not None:
        values.update(
            title=course.title,
            slug=course.slug,
            summary=course.summary,
            capacity=str(course.capacity or ""),
            status=course.status,
            # Where the course takes place: changing it moves every meeting in calendars.
            format=course.format,
            venue_name=course.venue_name,
            venue_address=course.venue_address,
            online_link=course.online_link,
        )
        meetings = meetings or [
            {
                "id": str(m.pk),
                "title": m.title,
                "starts_at": timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M"),
                "ends_at": timezone.localtime(m.ends_at).strftime("%Y-%m-%d %H:%M"),
                "venue_name": "",
                "venue_address": "",
            }
            for m in course.meetings.order_by("starts_at")
        ]
    values.update(overrides)
    values["meetings"] = inline_formset(
        meetings if meetings is not None else [],
        initial=len(course.meetings.all()) if course else 0,
    )
    values["questions"] = inline_formset(
        questions or [], initial=len(course.questions.all()) if course else 0
    )
    return nested_form_data(values)


def meeting_row(days: int, starts: int = 17, ends: int = 20, title: str = "") -> dict:
    """One meeting row of the course form, `days` from today, from `starts` to `ends`
    o'clock (17:00–20:00 unless told)."""
    return {
        "title": title,
        "starts_at": when(days, starts),
        "ends_at": when(days, ends),
        "venue_name": "",
        "venue_address": "",
    }


def stored_meeting_row(meeting) -> dict:
    """The row the course form shows for a meeting already saved, unchanged."""
    return {
        "id": str(meeting.pk),
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(meeting.ends_at).strftime("%Y-%m-%d %H:%M"),
        "venue_name": meeting.venue_name,
        "venue_address": meeting.venue_address,
    }
