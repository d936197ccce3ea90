"""Check-in at the door: the page a participant's QR code opens (for the course's organisers
only), and the organiser's check-in list for one meeting with a name search (no camera, no
JavaScript needed). Marking goes through courses.services.check_in."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from courses import services
from courses.models import Attendance, Meeting, Signup, SignupStatus
from courses.services.checkin import meetings_on_day, signup_by_checkin_token
from courses.views.organiser.common import _organised_course, participant_search


def _check_in(request, signup, meeting) -> int:
    """Call the service and say what happened; the status for a refusal is 409."""
    name = signup.user.get_full_name()
    try:
        marked = services.check_in(signup, meeting, by=request.user)
    except services.CourseError as error:
        messages.error(request, str(error))
        return 409
    if marked:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})
    else:
        messages.info(request, _("%(name)s was already checked in.") % {"name": name})
    return 200


@require_http_methods(["GET", "POST"])
def by_code(request, token):
    """The page behind a participant's QR code. A visitor is asked to log in first (whatever
    the code: nothing is looked up before); anyone who is not an organiser of the course
    gets a 404, as for a code that does not exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    signup = signup_by_checkin_token(token)
    if signup is None or not request.user.has_perm("courses.organise_course", signup.course):
        raise Http404
    course = signup.course
    today = meetings_on_day(course)
    if request.method == "POST":
        meeting = next((m for m in today if str(m.pk) == request.POST.get("meeting")), None)
        if meeting is None:
            messages.error(request, _("Check-in is open on the day of the meeting only."))
        else:
            _check_in(request, signup, meeting)
        return redirect(request.path)
    present = set(
        Attendance.objects.filter(signup=signup, meeting__in=today, present=True).values_list(
            "meeting_id", flat=True
        )
    )
    for meeting in today:
        meeting.is_present = meeting.pk in present
    next_meeting = None
    if not today:
        next_meeting = (
            Meeting.objects.filter(
                course=course, cancelled_at__isnull=True, starts_at__gt=timezone.now()
            )
            .order_by("starts_at", "pk")
            .first()
        )
    return render(
        request,
        "courses/organiser/checkin_person.html",
        {
            "course": course,
            "signup": signup,
            "today": today,
            "next_meeting": next_meeting,
            "confirmed": signup.status == SignupStatus.CONFIRMED,
        },
    )


def _meeting_of(course, meeting_id) -> Meeting:
    return get_object_or_404(Meeting, pk=meeting_id, course=course)


@require_safe
def meeting_list(request, slug, meeting_id):
    """Every confirmed participant of one meeting, with who is checked in; a name search
    narrows the list on a phone at the door."""
    course = _organised_course(request, slug)
    meeting = _meeting_of(course, meeting_id)
    search = participant_search(request.GET)
    signups = (
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
        .select_related("user")
        .annotate(
            is_present=Exists(
                Attendance.objects.filter(signup=OuterRef("pk"), meeting=meeting, present=True)
            )
        )
        .order_by("user__full_name", "pk")
    )
    rows = list(signups)
    checked_in = sum(1 for signup in rows if signup.is_present)
    total = len(rows)
    if search:
        words = search.casefold().split()
        rows = [
            signup
            for signup in rows
            if all(word in signup.user.get_full_name().casefold() for word in words)
        ]
    is_today = timezone.localtime(meeting.starts_at).date() == timezone.localdate()
    return render(
        request,
        "courses/organiser/checkin_list.html",
        {
            "course": course,
            "meeting": meeting,
            "rows": rows,
            "search": search,
            "checked_in": checked_in,
            "total": total,
            "can_check_in": is_today and meeting.cancelled_at is None,
        },
    )


@require_POST
def check_in_person(request, slug, meeting_id, signup_id):
    course = _organised_course(request, slug)
    meeting = _meeting_of(course, meeting_id)
    signup = get_object_or_404(Signup.objects.select_related("user"), pk=signup_id, course=course)
    _check_in(request, signup, meeting)
    url = reverse("courses:checkin_list", args=[course.slug, meeting.pk])
    search = participant_search(request.POST)
    return redirect(f"{url}?{urlencode({'q': search})}" if search else url)
