"""The rules a course keeps, as plain functions that say what is wrong in words.

The database holds the same rules as constraints (a meeting ends after it starts, capacity at
least 1, price not negative, attendance at most 100 %), but a violated constraint reaches a
person as "Constraint “courses_meeting_ends_after_start” is violated". These functions run
first: the admin's course form (courses.admin_views.CourseAdminForm and its meeting forms)
shows their messages on the fields, and `services.save_course` checks the saved course with
them again before its transaction commits, so no other caller goes around them.

Each raises a `ValidationError` whose messages are keyed by the form field they belong to
(`NON_FIELD_ERRORS` for the form as a whole); `course_errors` collects them all at once.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CourseFormat, CourseStatus

Schedule = Iterable[tuple[datetime | None, datetime | None]]


def validate_meeting_times(starts_at: datetime | None, ends_at: datetime | None) -> None:
    """A meeting ends after it starts (constraint `courses_meeting_ends_after_start`)."""
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError(
            {"ends_at": _("The meeting must end after it starts. Check the date and the time.")},
            code="meeting_order",
        )


def validate_numbers(
    *,
    capacity: int | None,
    min_participants: int | None,
    price=None,
    min_attendance_percent: int | None = None,
) -> None:
    """Capacity, minimum participants, price and attendance make sense together."""
    errors = {}
    if capacity is not None and capacity < 1:
        errors["capacity"] = _("At least 1 seat. Leave the field empty for unlimited seats.")
    elif capacity is not None and min_participants is not None and min_participants > capacity:
        errors["min_participants"] = _(
            "The minimum number of participants cannot be larger than the capacity (%(capacity)s)."
        ) % {"capacity": capacity}
    if price is not None and price < 0:
        errors["price"] = _("The price cannot be negative. 0 means free.")
    if min_attendance_percent is not None and min_attendance_percent > 100:
        errors["min_attendance_percent"] = _("At most 100 %.")
    if errors:
        raise ValidationError(errors, code="numbers")


def validate_payment(*, price, payment_method: str | None) -> None:
    """A course that costs money says how it is paid, so nobody signs up unsure who pays."""
    if price and price > 0 and not payment_method:
        raise ValidationError(
            {"payment_method": _("Choose how the course is paid, as it has a price.")},
            code="payment",
        )


def validate_deadlines(
    *,
    signup_opens_at: datetime | None,
    signup_deadline: datetime | None,
    cancellation_deadline: datetime | None,
    first_start: datetime | None,
) -> None:
    """Signup opens before its deadline; both deadlines come before the first meeting; and a
    participant can cancel at least until signup closes: with the cancellation deadline first,
    whoever signs up late could never cancel themselves."""
    errors = {}
    if signup_opens_at and signup_deadline and signup_opens_at >= signup_deadline:
        errors["signup_deadline"] = _("The deadline must come after signup opens.")
    for name, value in (
        ("signup_deadline", signup_deadline),
        ("cancellation_deadline", cancellation_deadline),
    ):
        if value and first_start and value > first_start and name not in errors:
            errors[name] = _("The deadline must be before the first meeting starts.")
    if (
        cancellation_deadline
        and signup_deadline
        and cancellation_deadline < signup_deadline
        and "cancellation_deadline" not in errors
    ):
        errors["cancellation_deadline"] = _(
            "The cancellation deadline cannot be before the signup deadline: people who sign up "
            "after it could never cancel. Move it to the signup deadline or later, or leave it "
            "empty."
        )
    if errors:
        raise ValidationError(errors, code="deadlines")


def validate_status_change(
    *, old_status: str | None, new_status: str, has_active_signups: bool
) -> None:
    """A cancelled course stays cancelled; a course people are signed up for is cancelled
    (so they are told), not turned back into a draft."""
    if old_status == CourseStatus.CANCELLED and new_status != CourseStatus.CANCELLED:
        raise ValidationError(
            {"status": _("A cancelled course cannot be reopened. Copy it as a new run instead.")},
            code="reopen",
        )
    if (
        new_status == CourseStatus.DRAFT
        and old_status not in (None, CourseStatus.DRAFT)
        and has_active_signups
    ):
        raise ValidationError(
            {
                "status": _(
                    "People are signed up for this course: cancel it instead of making it "
                    "a draft, so that they are told."
                )
            },
            code="unpublish",
        )


def validate_publishing(
    *, old_status: str | None, new_status: str, schedule: Schedule, now: datetime | None = None
) -> None:
    """A course is published with at least one meeting, and not when every meeting is over:
    nobody could attend it, and it would publish silently into the past."""
    if new_status != CourseStatus.PUBLISHED:
        return
    meetings = [(start, end) for start, end in schedule if start]
    if not meetings:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Add at least one meeting before publishing the course.")},
            code="no_meetings",
        )
    if old_status == CourseStatus.PUBLISHED:
        return  # editing a published course later (a typo after it ended) stays possible
    now = now or timezone.now()
    if all((end or start) <= now for start, end in meetings):
        raise ValidationError(
            {
                "status": _(
                    "Every meeting of this course is in the past, so nobody can take part. Add "
                    "a meeting in the future or save the course as a draft."
                )
            },
            code="all_past",
        )


def validate_online_link(*, status: str, course_format: str, online_link: str) -> None:
    """Online and hybrid courses are published with the link their participants need."""
    if (
        status == CourseStatus.PUBLISHED
        and course_format != CourseFormat.IN_PERSON
        and not online_link
    ):
        raise ValidationError(
            {"online_link": _("Online and hybrid courses need a link for the participants.")},
            code="online_link",
        )


def course_errors(
    *,
    data: dict,
    schedule: Schedule,
    old_status: str | None,
    has_active_signups: bool,
    now: datetime | None = None,
) -> ValidationError | None:
    """Every rule above at once for a course's field values (`data`, by field name) and the
    (start, end) of its remaining meetings: one ValidationError with all messages, or None."""
    schedule = list(schedule)
    first_start = min((start for start, _end in schedule if start), default=None)
    new_status = data.get("status")
    checks = [
        lambda: validate_status_change(
            old_status=old_status, new_status=new_status, has_active_signups=has_active_signups
        ),
        lambda: validate_publishing(
            old_status=old_status, new_status=new_status, schedule=schedule, now=now
        ),
        lambda: validate_numbers(
            capacity=data.get("capacity"),
            min_participants=data.get("min_participants"),
            price=data.get("price"),
            min_attendance_percent=data.get("min_attendance_percent"),
        ),
        lambda: validate_payment(
            price=data.get("price"), payment_method=data.get("payment_method")
        ),
        lambda: validate_online_link(
            status=new_status,
            course_format=data.get("format"),
            online_link=data.get("online_link"),
        ),
        lambda: validate_deadlines(
            signup_opens_at=data.get("signup_opens_at"),
            signup_deadline=data.get("signup_deadline"),
            cancellation_deadline=data.get("cancellation_deadline"),
            first_start=first_start,
        ),
    ]
    errors: dict = {}
    for check in checks:
        try:
            check()
        except ValidationError as error:
            for field, messages in error.error_dict.items():
                errors.setdefault(field, []).extend(messages)
    return ValidationError(errors) if errors else None
