"""Attendance: the sheet to print, marking a meeting, everyone present, cancelling a
meeting."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from courses import services
from courses.forms import AttendanceForm
from courses.models import Attendance, Meeting, Signup, SignupStatus
from courses.views.organiser.common import _organised_course, _refused


@require_safe
def attendance_sheet(request, slug):
    """A page to print and sign at the door: one row per participant, one column per
    meeting."""
    course = _organised_course(request, slug)
    signups = (
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
        .select_related("user")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.all()))
        .order_by("user__full_name", "pk")
    )
    meetings = list(Meeting.objects.filter(course=course).order_by("starts_at", "pk"))
    rows = []
    for signup in signups:
        marks = {a.meeting_id: a.present for a in signup.attendance.all()}
        rows.append({"signup": signup, "marks": [marks.get(m.pk) for m in meetings]})
    return render(
        request,
        "courses/organiser/attendance_sheet.html",
        {"course": course, "meetings": meetings, "rows": rows},
    )


@require_http_methods(["GET", "POST"])
def mark_attendance(request, slug, meeting_id):
    course = _organised_course(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, course=course)
    signups = list(
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    present = set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list("signup_id", flat=True)
    )
    marked = Attendance.objects.filter(meeting=meeting).count()
    form = AttendanceForm(
        request.POST or None, signups=signups, initial={"present": sorted(present)}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.mark_attendance(meeting, form.marks(), by=request.user)
            except services.CourseError as error:
                messages.error(request, str(error))
                status = 409
            else:
                count = sum(form.marks().values())
                messages.success(
                    request,
                    _("Attendance saved: %(present)s of %(total)s present.")
                    % {"present": count, "total": len(signups)},
                )
                return redirect("courses:organiser", slug=course.slug)
        else:
            status = 400
    return render(
        request,
        "courses/organiser/attendance.html",
        {
            "course": course,
            "meeting": meeting,
            "form": form,
            "signups": signups,
            "present": present,
            "already_marked": marked > 0,
            "can_mark": meeting.cancelled_at is None
            and timezone.localtime(meeting.starts_at).date() <= timezone.localdate(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def cancel_meeting(request, slug, meeting_id):
    course = _organised_course(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, course=course)
    if request.method == "POST":
        try:
            services.cancel_meeting(meeting, by=request.user)
        except services.CourseError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The meeting is cancelled and the participants have been told.")
            )
        return redirect("courses:organiser", slug=course.slug)
    return render(
        request,
        "courses/organiser/cancel_meeting.html",
        {"course": course, "meeting": meeting},
    )


@require_POST
def mark_all_present(request, slug, meeting_id):
    course = _organised_course(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, course=course)
    try:
        count = services.mark_all_present(meeting, by=request.user)
    except services.CourseError as error:
        return _refused(request, course, error)
    messages.success(
        request,
        ngettext(
            "%(count)s participant marked present. Correct anyone who was absent under "
            "»Mark attendance«.",
            "%(count)s participants marked present. Correct anyone who was absent under "
            "»Mark attendance«.",
            count,
        )
        % {"count": count},
    )
    return redirect("courses:organiser", slug=course.slug)
