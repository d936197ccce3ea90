"""The changes to one participant: approve, decline, cancel, add, give a seat (the overview
they come back to is `overview`); the active signups in list order for the exports."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses import queries, services
from courses.forms import AddParticipantForm, DeclineSignupForm
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    Signup,
    SignupAnswer,
    SignupStatus,
)
from courses.views.organiser.common import (
    _organised_course,
    _refused,
    _signup_of,
    overview_url,
)

STATUS_ORDER = {
    SignupStatus.CONFIRMED: 0,
    SignupStatus.OFFERED: 1,
    SignupStatus.PENDING: 2,
    SignupStatus.WAITLISTED: 3,
}


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


def _signup_urls(course, name: str, query: str = ""):
    """`id → URL` of a per-signup (or per-meeting) organiser page, reversed once per page and
    followed by `query`: a row per participant, and `{% url %}` in the row was a quarter of
    the row's cost."""
    prefix, suffix = reverse(name, args=[course.slug, 0]).rsplit("/0/", 1)
    return lambda pk: f"{prefix}/{pk}/{suffix}{query}"


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
