"""Organiser tools: participants, approvals, exports, attendance, messages, copies.

Open to course administrators and to the people named as a course's organisers; everyone
else gets a 404, so nobody learns whether a course has participants at all.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from courses import exports, queries, services
from courses.access import can_manage_courses, is_organiser
from courses.forms import (
    AddParticipantForm,
    AttendanceForm,
    DeclineSignupForm,
    DuplicateCourseForm,
    MessageForm,
)
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    Attendance,
    Course,
    CourseStatus,
    Meeting,
    Signup,
    SignupAnswer,
    SignupStatus,
)

STATUS_ORDER = {
    SignupStatus.CONFIRMED: 0,
    SignupStatus.OFFERED: 1,
    SignupStatus.PENDING: 2,
    SignupStatus.WAITLISTED: 3,
}


def _organised_course(request, slug) -> Course:
    course = get_object_or_404(
        queries.with_seat_counts(Course.objects.select_related("provider")), slug=slug
    )
    if not is_organiser(request.user, course):
        raise Http404
    return course


def _signup_of(course, signup_id) -> Signup:
    return get_object_or_404(Signup.objects.select_related("user"), pk=signup_id, course=course)


# What the overview shows of a signup and its person (`_participants(course, OVERVIEW_FIELDS)`):
# a hundred rows of the whole Signup and User were a tenth of the page.
OVERVIEW_FIELDS = (
    "course_id",
    "status",
    "queue_number",
    "association",
    "needs",
    "created_at",
    "offer_expires_at",
    "waitlisted_at",
    "user__full_name",
    "user__email",
    "user__phone",
)


def _participants(course, fields: tuple[str, ...] | None = None):
    """Active signups in list order, with waiting positions, attendance, `signup.name` and
    the answers to the course's own questions as a list, `signup.answer_list` (two queries;
    a list, not `signup.answers.all`, because a prefetch into the manager builds a queryset
    per signup; and read by course, not by a list of a hundred signup ids)."""
    signups = (
        Signup.objects.filter(course=course, status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("user")
        .annotate(
            position=queries.waiting_position_expression(),
            attended=queries.attended_expression(),
        )
    )
    if fields:
        signups = signups.only(*fields)
    signups = list(signups)
    answers: dict[int, list[SignupAnswer]] = {}
    if signups:
        for answer in (
            SignupAnswer.objects.filter(
                signup__course=course, signup__status__in=ACTIVE_SIGNUP_STATUSES
            )
            .select_related("question")
            .order_by("question__sort_order", "question_id")
        ):
            answers.setdefault(answer.signup_id, []).append(answer)
    for signup in signups:
        signup.answer_list = answers.get(signup.pk, [])
        signup.name = signup.user.get_full_name()
    signups.sort(
        key=lambda s: (
            STATUS_ORDER[s.status],
            s.queue_number or 0 if s.status == SignupStatus.WAITLISTED else 0,
            s.name.lower(),
        )
    )
    return signups


def _signup_urls(course, name: str):
    """`signup id → URL` of a per-signup organiser page, reversed once per page: a row per
    participant, and `{% url %}` in the row was a quarter of the row's cost."""
    prefix, suffix = reverse(name, args=[course.slug, 0]).rsplit("/0/", 1)
    return lambda signup_id: f"{prefix}/{signup_id}/{suffix}"


@require_safe
def overview(request, slug):
    course = _organised_course(request, slug)
    signups = _participants(course, OVERVIEW_FIELDS)
    by_status = {status: [] for status in STATUS_ORDER}
    for signup in signups:
        by_status[signup.status].append(signup)
    meetings = list(
        Meeting.objects.filter(course=course)
        .annotate(present_count=Count("attendance", filter=Q(attendance__present=True)))
        .order_by("starts_at", "pk")
    )
    history = (
        Signup.objects.filter(course=course)
        .exclude(status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("user")
        .order_by("-updated_at")
    )
    course.seats_left = queries.seats_left(course)
    today, now = timezone.localdate(), timezone.now()
    for meeting in meetings:
        meeting.can_mark = timezone.localtime(meeting.starts_at).date() <= today
        meeting.is_today = timezone.localtime(meeting.starts_at).date() == today
        meeting.is_upcoming = meeting.starts_at > now
    held = sum(1 for m in meetings if m.cancelled_at is None)
    cancel_url = _signup_urls(course, "courses:cancel_participant")
    for signup in signups:
        signup.cancel_url = cancel_url(signup.pk)
    for signup in by_status[SignupStatus.CONFIRMED]:
        # "3 / 5" as one string: a row per participant, and two numbers in the template
        # would each go through number localisation.
        signup.attended_of_held = f"{signup.attended} / {held}"
    completed = {s.pk for s in queries.completed_signups(course)} if course.has_ended else set()
    return render(
        request,
        "courses/organiser/overview.html",
        {
            "course": course,
            "confirmed": by_status[SignupStatus.CONFIRMED],
            "offered": by_status[SignupStatus.OFFERED],
            "pending": by_status[SignupStatus.PENDING],
            "waiting": by_status[SignupStatus.WAITLISTED],
            "history": history,
            "meetings": meetings,
            "completed": completed,
            "has_answers": any(signup.answer_list for signup in signups),
            "sent_messages": course.messages.select_related("sent_by")[:10],
            "can_manage": can_manage_courses(request.user),
            "can_add": course.status == CourseStatus.PUBLISHED and not course.has_ended,
            "can_give_seat": not course.is_cancelled
            and not course.has_ended
            and (course.capacity is None or course.seats_left > 0),
            "below_minimum": course.min_participants is not None
            and len(by_status[SignupStatus.CONFIRMED]) < course.min_participants,
        },
    )


def _export_rows(course):
    signups = _participants(course)
    held = queries.held_meeting_count(course)
    questions = list(course.questions.order_by("sort_order", "pk"))
    return exports.participant_rows(course, signups, held, questions), questions


@require_safe
def export_csv(request, slug):
    course = _organised_course(request, slug)
    rows, questions = _export_rows(course)
    response = HttpResponse(exports.to_csv(rows, questions), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}-deltagere.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def export_xlsx(request, slug):
    course = _organised_course(request, slug)
    rows, questions = _export_rows(course)
    response = HttpResponse(
        exports.to_xlsx(course, rows, questions),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{course.slug}-deltagere.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


def _invoiced_course(request, slug) -> Course:
    course = _organised_course(request, slug)
    if not course.is_invoiced:
        raise Http404
    return course


def _invoice_rows(course):
    signups = Signup.objects.filter(
        course=course, status__in=[SignupStatus.CONFIRMED, SignupStatus.OFFERED]
    ).select_related("user")
    return exports.invoice_rows(course, signups)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def invoices_csv(request, slug):
    course = _invoiced_course(request, slug)
    return _download(
        exports.invoices_csv(_invoice_rows(course)),
        "text/csv; charset=utf-8",
        f"{course.slug}-fakturering.csv",
    )


@require_safe
def invoices_xlsx(request, slug):
    course = _invoiced_course(request, slug)
    return _download(
        exports.invoices_xlsx(course, _invoice_rows(course)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{course.slug}-fakturering.xlsx",
    )


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


@require_POST
def approve(request, slug, signup_id):
    course = _organised_course(request, slug)
    signup = _signup_of(course, signup_id)
    try:
        signup = services.approve_signup(signup, by=request.user)
    except services.CourseError as error:
        messages.error(request, str(error))
    else:
        name = signup.user.get_full_name()
        if signup.status == SignupStatus.CONFIRMED:
            messages.success(request, _("%(name)s is approved and has a seat.") % {"name": name})
        else:
            messages.success(
                request,
                _("%(name)s is approved and on the waiting list, as the course is full.")
                % {"name": name},
            )
    return redirect("courses:organiser", slug=course.slug)


@require_http_methods(["GET", "POST"])
def decline(request, slug, signup_id):
    course = _organised_course(request, slug)
    signup = _signup_of(course, signup_id)
    if request.method == "GET" and signup.status != SignupStatus.PENDING:
        return redirect("courses:organiser", slug=course.slug)
    form = DeclineSignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.decline_signup(
                    signup, by=request.user, message=form.cleaned_data["message"]
                )
            except services.CourseError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("The signup of %(name)s is declined and they have been told.")
                    % {"name": signup.user.get_full_name()},
                )
            return redirect("courses:organiser", slug=course.slug)
        status = 400
    else:
        status = 200
    return render(
        request,
        "courses/organiser/decline.html",
        {"course": course, "signup": signup, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def cancel_participant(request, slug, signup_id):
    course = _organised_course(request, slug)
    signup = _signup_of(course, signup_id)
    if request.method == "POST":
        try:
            services.cancel_signup(signup, by=request.user)
        except services.CourseError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The signup of %(name)s is cancelled and they have been told.")
                % {"name": signup.user.get_full_name()},
            )
        return redirect("courses:organiser", slug=course.slug)
    if not signup.is_active:
        return redirect("courses:organiser", slug=course.slug)
    return render(
        request, "courses/organiser/cancel_participant.html", {"course": course, "signup": signup}
    )


@require_http_methods(["GET", "POST"])
def message(request, slug):
    """Write, preview, then send: the first POST shows the email exactly as its first
    recipient will get it; only the preview's "Send" button sends it."""
    course = _organised_course(request, slug)
    form = MessageForm(request.POST or None)
    action = request.POST.get("action", "preview")
    status = 200
    if request.method == "POST" and action != "edit":
        if form.is_valid():
            try:
                if action == "send":
                    sent = services.message_participants(
                        course, by=request.user, **form.cleaned_data
                    )
                else:
                    preview = services.preview_message(course, by=request.user, **form.cleaned_data)
            except services.CourseError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                if action == "send":
                    messages.success(
                        request,
                        _("Your message is on its way to %(count)s people.")
                        % {"count": sent.recipient_count},
                    )
                    return redirect("courses:message_log", slug=course.slug)
                return render(
                    request,
                    "courses/organiser/message_preview.html",
                    {"course": course, "form": form, "preview": preview},
                )
        else:
            status = 400
    return render(
        request, "courses/organiser/message.html", {"course": course, "form": form}, status=status
    )


MESSAGES_PER_PAGE = 20


@require_safe
def message_log(request, slug):
    """Every message the organisers sent to the course: when, by whom, to how many, what."""
    course = _organised_course(request, slug)
    page = Paginator(course.messages.select_related("sent_by"), MESSAGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "courses/organiser/message_log.html",
        {
            "course": course,
            "page_obj": page,
            "previous_url": f"?page={page.previous_page_number()}" if page.has_previous() else "",
            "next_url": f"?page={page.next_page_number()}" if page.has_next() else "",
        },
    )


@require_http_methods(["GET", "POST"])
def duplicate(request, slug):
    course = _organised_course(request, slug)
    form = DuplicateCourseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                copy = services.duplicate_course(
                    course, by=request.user, first_day=form.cleaned_data["first_day"]
                )
            except services.CourseError as error:
                messages.error(request, str(error))
                status = 409
            else:
                if can_manage_courses(request.user):
                    messages.success(
                        request,
                        _("The new run is saved as a draft. Check it and publish it when ready."),
                    )
                    return redirect(reverse("wagtailsnippets_courses_course:edit", args=[copy.pk]))
                messages.success(
                    request,
                    _(
                        "The new run is saved as a draft. A course administrator checks and "
                        "publishes it."
                    ),
                )
                return redirect("courses:organiser", slug=copy.slug)
        else:
            status = 400
    return render(
        request,
        "courses/organiser/duplicate.html",
        {"course": course, "form": form},
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


def _refused(request, course, error, back=None):
    """A refused change: the reason in words, and a 409 (the request was fine, the state not)."""
    return render(
        request,
        "courses/organiser/refused.html",
        {"course": course, "error": str(error), "back": back},
        status=409,
    )


@require_http_methods(["GET", "POST"])
def add_participant(request, slug):
    course = _organised_course(request, slug)
    form = AddParticipantForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                signup = services.add_participant(course, form.person, by=request.user)
            except services.CourseError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                name = signup.user.get_full_name()
                if signup.status == SignupStatus.CONFIRMED:
                    text = _("%(name)s is signed up and has been told by email.")
                else:
                    text = _(
                        "The course is full, so %(name)s is on the waiting list and has been "
                        "told by email."
                    )
                messages.success(request, text % {"name": name})
                return redirect("courses:organiser", slug=course.slug)
        else:
            status = 400
    return render(
        request,
        "courses/organiser/add_participant.html",
        {"course": course, "form": form},
        status=status,
    )


@require_POST
def give_seat(request, slug, signup_id):
    course = _organised_course(request, slug)
    signup = _signup_of(course, signup_id)
    try:
        signup = services.give_seat(signup, by=request.user)
    except services.CourseError as error:
        return _refused(request, course, error)
    messages.success(
        request,
        _("%(name)s has a seat now and has been told by email.")
        % {"name": signup.user.get_full_name()},
    )
    return redirect("courses:organiser", slug=course.slug)


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
