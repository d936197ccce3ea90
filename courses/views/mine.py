"""Mine sider → Mine kurser: a person's own signups, and the courses they organise."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.prepared import PreparedQuery
from courses import queries
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    Course,
    Signup,
    SignupStatus,
)


def my_signups(user) -> list[Signup]:
    """All of the person's active signups with their course, waiting position and
    attendance (one query, its SQL built once per process: core.prepared)."""
    return _MY_SIGNUPS.instances(user.pk)


def _active_signups_annotated():
    return (
        Signup.objects.filter(status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("course__qualification")
        .annotate(position=queries.waiting_position_expression(), **queries.attendance_counts())
        .order_by("course__starts_at", "pk")
    )


# Mine sider and Mine kurser read these on every view: building the querysets (three
# annotated subqueries each) cost ~8,000 function calls, running the prepared SQL ~350.
_MY_SIGNUPS = PreparedQuery(lambda user_id: _active_signups_annotated().filter(user_id=user_id))
_ORGANISED = PreparedQuery(
    lambda user_id, now: (
        queries.with_seat_counts(Course.objects.all())
        .filter(organisers=user_id, ends_at__gte=now)
        .order_by("starts_at", "pk")
    )
)


def _signups_of_request(request) -> list[Signup]:
    """`my_signups` of the person, read once per request: Mine sider's courses panel and its
    qualifications panel both use them (the qualifications come from the same rows)."""
    signups = getattr(request, "_courses_my_signups", None)
    if signups is None:
        signups = request._courses_my_signups = my_signups(request.user)
    return signups


def sort_signups(signups, now) -> dict:
    sections = {"offers": [], "upcoming": [], "waiting": [], "past": []}
    for signup in signups:
        course = signup.course
        ended = course.ends_at is not None and course.ends_at < now
        if signup.status == SignupStatus.OFFERED:
            sections["offers"].append(signup)
        elif signup.status == SignupStatus.WAITLISTED and not ended:
            sections["waiting"].append(signup)
        elif ended:
            if signup.status == SignupStatus.CONFIRMED and not course.is_cancelled:
                signup.required = queries.required_attendance(course, signup.meetings_held)
                signup.completed = signup.meetings_held > 0 and signup.attended >= signup.required
                sections["past"].append(signup)
        else:
            sections["upcoming"].append(signup)
    sections["past"].reverse()
    return sections


@login_required
@require_safe
def my_courses(request):
    now = timezone.now()
    signups = _signups_of_request(request)
    sections = sort_signups(signups, now)
    organised = _ORGANISED.instances(request.user.pk, now)
    to_evaluate = queries.open_evaluation_invitations(request.user, now)
    for signup in sections["past"]:
        signup.can_evaluate = signup.course_id in to_evaluate
    qualifications = queries.with_next_courses(
        queries.qualifications_from_signups(signups, now), now
    )
    return render(
        request,
        "courses/mine.html",
        {**sections, "organised": organised, "now": now, "qualifications": qualifications},
    )


def dashboard_panel(request) -> dict | None:
    """The Mine sider front page box: offers to answer, the next course, waiting lists."""
    if not request.user.is_authenticated:
        return None
    sections = sort_signups(_signups_of_request(request), timezone.now())
    return {
        "offers": sections["offers"],
        "next": sections["upcoming"][0] if sections["upcoming"] else None,
        "upcoming_count": len(sections["upcoming"]),
        "waiting": sections["waiting"],
    }


def qualifications_panel(request) -> dict | None:
    """The Mine sider front page box of the person's qualifications; hidden without any."""
    if not request.user.is_authenticated:
        return None
    now = timezone.now()
    qualifications = queries.qualifications_from_signups(_signups_of_request(request), now)
    if not qualifications:
        return None
    return {"qualifications": queries.with_next_courses(qualifications, now)}
