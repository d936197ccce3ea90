"""The participant overview and the changes to one participant: approve, decline, cancel,
add, give a seat."""

from functools import cache
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from courses import queries, services
from courses.forms import AddParticipantForm, DeclineSignupForm
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    CourseStatus,
    Meeting,
    Signup,
    SignupAnswer,
    SignupStatus,
)
from courses.views.organiser.common import _organised_course, _refused, _signup_of

STATUS_ORDER = {
    SignupStatus.CONFIRMED: 0,
    SignupStatus.OFFERED: 1,
    SignupStatus.PENDING: 2,
    SignupStatus.WAITLISTED: 3,
}


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


# The overview pages its two long lists, the confirmed participants and the waiting list;
# awaiting approval and seats offered are short by nature and each row asks for an action.
PARTICIPANTS_PER_PAGE = 25
SEARCH_MAX_LENGTH = 100


def overview_state(query) -> str:
    """The overview's search and pages (`q`, `side`, `venteside`) as a query string, '' when
    there are none: what an action on a row takes along to come back to the same place."""
    kept = {}
    search = query.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if search:
        kept["q"] = search
    for name in ("side", "venteside"):
        value = query.get(name, "")
        if value.isdecimal() and len(value) <= 6:
            kept[name] = value
    return urlencode(kept)


def overview_url(request, course) -> str:
    """The overview the organiser came from (`?tilbage=` holds its query), or its first page."""
    state = overview_state(QueryDict(request.GET.get("tilbage", "")[:500]))
    url = reverse("courses:organiser", args=[course.slug])
    return f"{url}?{state}" if state else url


def _list_order(entry) -> tuple:
    """The overview's order: by status (STATUS_ORDER), the waiting list by queue number,
    everyone else by name (as `_participants` sorts)."""
    _pk, status, queue_number, name, _email = entry
    waiting = queue_number or 0 if status == SignupStatus.WAITLISTED else 0
    return STATUS_ORDER[status], waiting, name.lower()


def _overview_entries(course, search: str) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Every active signup's status, place and name in one light query: the totals of the
    whole course by status, and each list's signup ids in list order, narrowed to the people
    whose name or email holds every word of `search`. The rows shown are loaded after
    paging, so a list of any length costs the same queries and the rows on one page."""
    entries = [
        (pk, status, queue_number, full_name or email, email)
        for pk, status, queue_number, full_name, email in Signup.objects.filter(
            course=course, status__in=ACTIVE_SIGNUP_STATUSES
        ).values_list("pk", "status", "queue_number", "user__full_name", "user__email")
    ]
    entries.sort(key=_list_order)
    totals = dict.fromkeys(STATUS_ORDER, 0)
    ids: dict[str, list[int]] = {status: [] for status in STATUS_ORDER}
    words = search.casefold().split()
    for pk, status, _queue_number, name, email in entries:
        totals[status] += 1
        text = f"{name} {email}".casefold()
        if all(word in text for word in words):
            ids[status].append(pk)
    return totals, ids


# Built once per process, filtered per request: resolving the annotations was a third of
# building the rows' query. Never evaluated here, only cloned.
@cache
def _overview_signups():
    return (
        Signup.objects.select_related("user")
        .annotate(
            position=queries.waiting_position_expression(),
            attended=queries.attended_expression(),
        )
        .only(*OVERVIEW_FIELDS)
    )


def _overview_rows(course, ids: list[int]) -> list[Signup]:
    """The signups of `ids`, in that order, with what a row shows: waiting position,
    attendance, `signup.name` and the answers to the course's questions,
    `signup.answer_list` (three queries however many rows)."""
    if not ids:
        return []
    signups = {
        signup.pk: signup for signup in _overview_signups().filter(course=course, pk__in=ids)
    }
    answers: dict[int, list[SignupAnswer]] = {}
    for answer in (
        SignupAnswer.objects.filter(signup_id__in=ids)
        .select_related("question")
        .order_by("question__sort_order", "question_id")
    ):
        answers.setdefault(answer.signup_id, []).append(answer)
    rows = [signups[pk] for pk in ids if pk in signups]
    for signup in rows:
        signup.answer_list = answers.get(signup.pk, [])
        signup.name = signup.user.get_full_name()
    return rows


@require_safe
def overview(request, slug):
    """Totals, meetings and the participants of one course; the confirmed participants and
    the waiting list a page at a time (`?side=`, `?venteside=`), and a search by name or
    email (`?q=`) over every list, kept while paging. The totals are the whole course's."""
    course = _organised_course(request, slug)
    search = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    totals, ids = _overview_entries(course, search)
    confirmed = Paginator(ids[SignupStatus.CONFIRMED], PARTICIPANTS_PER_PAGE).get_page(
        request.GET.get("side")
    )
    waiting = Paginator(ids[SignupStatus.WAITLISTED], PARTICIPANTS_PER_PAGE).get_page(
        request.GET.get("venteside")
    )
    shown = [
        *ids[SignupStatus.PENDING],
        *confirmed.object_list,
        *ids[SignupStatus.OFFERED],
        *waiting.object_list,
    ]
    by_status = {status: [] for status in STATUS_ORDER}
    signups = _overview_rows(course, shown)
    for signup in signups:
        by_status[signup.status].append(signup)
    confirmed.object_list = by_status[SignupStatus.CONFIRMED]
    waiting.object_list = by_status[SignupStatus.WAITLISTED]
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
            "totals": totals,
            "search": search,
            "back": overview_state(request.GET),
            "matches": sum(len(found) for found in ids.values()),
            "confirmed": confirmed,
            "offered": by_status[SignupStatus.OFFERED],
            "pending": by_status[SignupStatus.PENDING],
            "waiting": waiting,
            "history": history,
            "meetings": meetings,
            "completed": completed,
            "has_answers": any(signup.answer_list for signup in signups),
            "sent_messages": course.messages.select_related("sent_by")[:10],
            "can_manage": request.user.has_perm("courses.manage_courses"),
            "can_add": course.status == CourseStatus.PUBLISHED and not course.has_ended,
            "can_give_seat": not course.is_cancelled
            and not course.has_ended
            and (course.capacity is None or course.seats_left > 0),
            "below_minimum": course.min_participants is not None
            and totals[SignupStatus.CONFIRMED] < course.min_participants,
        },
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
    return redirect(overview_url(request, course))


@require_http_methods(["GET", "POST"])
def decline(request, slug, signup_id):
    course = _organised_course(request, slug)
    signup = _signup_of(course, signup_id)
    if request.method == "GET" and signup.status != SignupStatus.PENDING:
        return redirect(overview_url(request, course))
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
            return redirect(overview_url(request, course))
        status = 400
    else:
        status = 200
    return render(
        request,
        "courses/organiser/decline.html",
        {
            "course": course,
            "signup": signup,
            "form": form,
            "overview_url": overview_url(request, course),
        },
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
        return redirect(overview_url(request, course))
    if not signup.is_active:
        return redirect(overview_url(request, course))
    return render(
        request,
        "courses/organiser/cancel_participant.html",
        {"course": course, "signup": signup, "overview_url": overview_url(request, course)},
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
    return redirect(overview_url(request, course))
