from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.calendar_http import calendar_response
from core.page_cache import public_page
from core.prepared import PreparedQuery
from courses import queries, services
from courses.filters import CourseFilter
from courses.forms import SignupAnswersForm, SignupForm
from courses.ics import course_calendar
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    Course,
    CourseStatus,
    Meeting,
    Signup,
    SignupStatus,
)
from courses.rules import course_access
from taxonomy.models import Topic

PAGE_SIZE = 12


@require_safe
@public_page
def catalogue(request):
    # The cards' topics are read only when a card is rendered (below).
    courses = queries.catalogue_courses().prefetch_related(None)
    course_filter = CourseFilter(request.GET or None, queryset=courses, request=request)
    if course_filter.is_bound and not course_filter.is_valid():
        # Unknown topic, malformed date: show the errors with every course, status 400.
        results, status = courses, 400
    else:
        results, status = course_filter.qs, 200
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    my_signups = queries.active_signups_by_course(request.user, [c.pk for c in page])
    topics = _CardTopics(page.object_list)
    for course in page:
        course.seats_left = queries.seats_left(course)
        course.my_signup = my_signups.get(course.pk)
        course.card_topics = partial(topics.of, course)
    context = {
        "filter": course_filter,
        "page_obj": page,
        "count": page.paginator.count,
        "active_filters": course_filter.active_count(),
    }
    template = "courses/catalogue.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, context, status=status)


class _CardTopics:
    """The topics of a page of course cards, read for the whole page in one query the first
    time a card asks (`course.card_topics`). A card is kept whole in the shared fragment cache
    (core.fragments, topics included), so while every card comes from there none is read."""

    def __init__(self, courses):
        self.courses = courses
        self.loaded = False

    def of(self, course) -> list[Topic]:
        if not self.loaded:
            topics = Prefetch("topics", queryset=Topic.objects.order_by("name"))
            prefetch_related_objects(self.courses, topics)
            self.loaded = True
        return list(course.topics.all())


# The course page's queries, their SQL built once per process (core.prepared): building the
# course's seat-count subqueries alone was a third of the page's main query.
_COURSE_FOR_PAGE = PreparedQuery(
    lambda slug: queries.with_seat_counts(
        Course.objects.select_related("provider", "image", "qualification")
    ).filter(slug=slug)
)
_MEETINGS = PreparedQuery(
    lambda course_id: Meeting.objects.filter(course=course_id).order_by("starts_at", "pk")
)
_TOPICS = PreparedQuery(lambda course_id: Topic.objects.filter(courses=course_id).order_by("name"))
# The person's own signups for the course, with their waiting position.
_OWN_SIGNUPS = PreparedQuery(
    lambda course_id, user_id: Signup.objects.annotate(
        position=queries.waiting_position_expression()
    ).filter(course_id=course_id, user_id=user_id)
)


# The bare course row by its slug, as a signup reads it before the lock (SQL built once).
_BARE_COURSE = PreparedQuery(lambda slug: Course.objects.filter(slug=slug))


def _visible_course(request, slug, *, for_page: bool = True) -> Course:
    """Published and cancelled courses are public; drafts only for their organisers.
    `for_page=False`: the bare row, without what the course page shows (seat counts and related
    rows), e.g. for a signup, which reads the course again under its lock."""
    if (course := (_COURSE_FOR_PAGE if for_page else _BARE_COURSE).instance(slug)) is None:
        raise Http404
    if course.status == CourseStatus.DRAFT and not course_access(request, course).is_organiser:
        raise Http404
    return course


def _detail_context(
    request,
    course: Course,
    form: SignupForm | None = None,
    answers_form: SignupAnswersForm | None = None,
) -> dict:
    meetings = _MEETINGS.instances(course.pk)
    topics = _TOPICS.instances(course.pk)
    # The active signup, and without one the cancellation "Undo" may still take back (for a
    # few minutes after cancelling; courses.services.undo_cancellation): one query.
    signup, undo_signup = services.own_signup_and_undoable(_OWN_SIGNUPS, course, request.user)
    access = course_access(request, course)
    confirmed = signup is not None and signup.status == SignupStatus.CONFIRMED
    participants = []
    if confirmed:
        # Other participants see each other's names only with their consent.
        participants = [
            s.user.get_full_name()
            for s in Signup.objects.filter(
                course=course, status=SignupStatus.CONFIRMED, show_name_to_participants=True
            )
            .select_related("user")
            .order_by("user__full_name")
        ]
    course.seats_left = queries.seats_left(course)
    return {
        "course": course,
        "meetings": meetings,
        "topics": topics,
        "signup": signup,
        "is_confirmed": confirmed,
        "can_cancel_now": signup is not None
        and (
            signup.status != SignupStatus.CONFIRMED
            or course.cancellation_closes_at is None
            or timezone.now() < course.cancellation_closes_at
        ),
        "participants": participants,
        "state": queries.signup_state(course),
        # Offered associations cost a query: only when the signup form is shown.
        "form": form or SignupForm(course=course, user=None if signup else request.user),
        # The course's own questions: asked only when the signup form is shown.
        "answers_form": answers_form
        or (
            SignupAnswersForm(course=course)
            if signup is None and request.user.is_authenticated
            else None
        ),
        "rating": queries.public_rating(course),
        "undo_signup": undo_signup,
        "undo_minutes": int(services.UNDO_WINDOW.total_seconds() // 60),
        "is_organiser": access.is_organiser,
        "can_manage": access.can_manage,
    }


@require_safe
@public_page
def detail(request, slug):
    course = _visible_course(request, slug)
    return render(request, "courses/detail.html", _detail_context(request, course))


def _login_redirect(request, course):
    messages.info(request, _("Log in or create an account to sign up."))
    return redirect(reverse("account_login") + "?" + urlencode({"next": course.get_absolute_url()}))


@require_http_methods(["GET", "POST"])
def signup(request, slug):
    # The bare course: the signup reads it again under its lock, and only a refusal shows the
    # course page (read then with what the page needs).
    course = _visible_course(request, slug, for_page=False)
    if request.method != "POST":
        return redirect(course)
    if not request.user.is_authenticated:
        return _login_redirect(request, course)
    form = SignupForm(request.POST, course=course, user=request.user)
    answers_form = SignupAnswersForm(request.POST, course=course)
    if not (form.is_valid() & answers_form.is_valid()):  # both, so both show their errors
        course = _visible_course(request, slug)
        context = _detail_context(request, course, form=form, answers_form=answers_form)
        return render(request, "courses/detail.html", context, status=400)
    try:
        result = services.sign_up(
            course, request.user, answers=answers_form.answers(), **form.cleaned_data
        )
    except services.CourseError as error:
        messages.error(request, str(error))
        course = _visible_course(request, slug)
        return render(
            request,
            "courses/detail.html",
            _detail_context(request, course, form, answers_form),
            status=409,
        )
    messages.success(request, signup_message(result))
    return redirect(course)


def signup_message(signup: Signup) -> str:
    if signup.status == SignupStatus.CONFIRMED:
        return _("You are signed up. We have sent you a confirmation by email.")
    if signup.status == SignupStatus.WAITLISTED:
        position = services.waiting_position(signup)
        return _(
            "The course is full, so you are on the waiting list as number %(position)s. "
            "We have sent you a confirmation by email."
        ) % {"position": position}
    if signup.status == SignupStatus.OFFERED:
        return _("A seat is being held for you. Accept or decline it below.")
    return _("Thank you. The organisers will look at your signup and email you.")


def _own_active_signup(request, course) -> Signup:
    return get_object_or_404(
        Signup, course=course, user=request.user, status__in=ACTIVE_SIGNUP_STATUSES
    )


def _back(request, course):
    """Return to Mine kurser when the action came from there, else to the course page."""
    if request.POST.get("next") == "mine":
        return redirect("courses:mine")
    return redirect(course)


@require_http_methods(["GET", "POST"])
def cancel(request, slug):
    """GET asks first and says what happens to the seat; POST cancels."""
    if not request.user.is_authenticated:
        raise Http404
    course = _visible_course(request, slug)
    signup = Signup.objects.filter(
        course=course, user=request.user, status__in=ACTIVE_SIGNUP_STATUSES
    ).first()
    if signup is None:
        # Cancelled already (Back and confirm again, a second POST): nothing to do, and
        # nothing about anyone else's signup either. The course page offers the undo.
        messages.info(
            request,
            _("You are not signed up for this course, so there is nothing to cancel."),
        )
        return redirect(course)
    was = signup.status
    if request.method != "POST":
        context = {
            "course": course,
            "signup": signup,
            "waiting": course.waiting_count if was == SignupStatus.CONFIRMED else 0,
            "position": services.waiting_position(signup),
            "undo_minutes": int(services.UNDO_WINDOW.total_seconds() // 60),
            "next": "mine" if request.GET.get("next") == "mine" else "",
        }
        return render(request, "courses/cancel_confirm.html", context)
    try:
        if was == SignupStatus.WAITLISTED:
            services.leave_waiting_list(signup, by=request.user)
            messages.success(request, _("You have left the waiting list."))
        elif was == SignupStatus.OFFERED:
            services.decline_offer(signup, by=request.user)
            messages.success(request, _("You have declined the seat. Thank you for answering."))
        else:
            services.cancel_signup(signup, by=request.user)
            messages.success(request, _("Your signup is cancelled."))
    except services.CourseError as error:
        messages.error(request, str(error))
    return _back(request, course)


@require_POST
def undo_cancel(request, slug):
    if not request.user.is_authenticated:
        raise Http404
    course = _visible_course(request, slug)
    cancelled = services.undoable_cancellation(course, request.user)
    if cancelled is None:
        messages.error(
            request,
            _("It is too late to undo the cancellation. You can sign up again if there is room."),
        )
        return redirect(course)
    try:
        restored = services.undo_cancellation(cancelled, by=request.user)
    except services.CourseError as error:
        messages.error(request, str(error))
        return redirect(course)
    if restored.status == SignupStatus.WAITLISTED:
        messages.success(request, _("You are back on the waiting list in the same place."))
    elif restored.status == SignupStatus.PENDING:
        messages.success(request, _("Your signup is back and awaits approval."))
    else:
        messages.success(
            request,
            _(
                "Your seat is yours again. We have sent you a new confirmation. If you had "
                "special needs, please add them again under “Change your details”."
            ),
        )
    return redirect(course)


def _answer_offer(request, slug, answer, answered: str):
    """Accept or decline the seat held for the visitor (`answer` is the service), tell them
    `answered` or why not, and go back to where they answered."""
    if not request.user.is_authenticated:
        raise Http404
    course = _visible_course(request, slug)
    signup = _own_active_signup(request, course)
    try:
        answer(signup, by=request.user)
        messages.success(request, answered)
    except services.CourseError as error:
        messages.error(request, str(error))
    return _back(request, course)


@require_POST
def accept_offer(request, slug):
    return _answer_offer(
        request,
        slug,
        services.accept_offer,
        _("The seat is yours. We have sent you a confirmation."),
    )


@require_POST
def decline_offer(request, slug):
    return _answer_offer(
        request,
        slug,
        services.decline_offer,
        _("You have declined the seat. Thank you for answering."),
    )


@require_http_methods(["GET", "POST"])
def edit_signup(request, slug):
    if not request.user.is_authenticated:
        return _login_redirect(request, get_object_or_404(Course, slug=slug))
    course = _visible_course(request, slug)
    signup = _own_active_signup(request, course)
    form = SignupForm(request.POST or None, instance=signup, course=course, user=request.user)
    answers_form = SignupAnswersForm(request.POST or None, course=course, signup=signup)
    context = {"course": course, "form": form, "answers_form": answers_form}
    if request.method == "POST":
        if form.is_valid() & answers_form.is_valid():
            try:
                services.update_signup_details(
                    signup, by=request.user, answers=answers_form.answers(), **form.cleaned_data
                )
            except services.CourseError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your details have been saved."))
            return redirect(course)
        return render(request, "courses/edit_signup.html", context, status=400)
    return render(request, "courses/edit_signup.html", context)


@require_safe
@public_page
def calendar_file(request, slug):
    course = _visible_course(request, slug)
    meetings = Meeting.objects.filter(course=course).order_by("starts_at", "pk")
    with_link = (
        request.user.is_authenticated
        and Signup.objects.filter(
            course=course, user=request.user, status=SignupStatus.CONFIRMED
        ).exists()
    )
    course = Course.objects.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name"))
    ).get(pk=course.pk)
    # The file holds the online link for confirmed participants: never in a shared cache.
    return calendar_response(
        request,
        course_calendar(course, meetings, with_online_link=with_link),
        last_modified=course.updated_at,
        filename=f"{course.slug}.ics",
        cache_control="private, no-cache",
        disposition="attachment",
    )
