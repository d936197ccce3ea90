"""The participant overview: totals, meetings and every list of one course's signups, the
confirmed participants and the waiting list a page at a time, with a search."""

from bisect import bisect_right
from collections import Counter
from functools import cache
from operator import itemgetter
from urllib.parse import quote

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.prepared import PreparedQuery
from courses import queries
from courses.models import (
    SEAT_HOLDING_STATUSES,
    Attendance,
    Course,
    CourseMessage,
    CourseStatus,
    Meeting,
    Signup,
    SignupAnswer,
    SignupEndReason,
    SignupStatus,
)
from courses.rules import course_access
from courses.views.organiser.common import (
    _organised_course,
    overview_state,
    participant_search,
)
from courses.views.organiser.participants import STATUS_ORDER, _signup_urls

# The overview pages its two long lists, the confirmed participants and the waiting list;
# awaiting approval and seats offered are short by nature and each row asks for an action.
PARTICIPANTS_PER_PAGE = 25


class Row(dict):
    """One signup as a list on the overview shows it, made in the view in one pass: a dict,
    the template's cheapest lookup (a model's attribute is looked up only after `row[name]`
    has failed), read as attributes in Python."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


# Every signup of the course, active or not, in one query: the totals, the lists' order and
# search, what the rows on the page show and the history.
ENTRY_FIELDS = (
    "pk",
    "status",
    "queue_number",
    "user__full_name",
    "user__email",
    "user__phone",
    "association",
    "needs",
    "created_at",
    "offer_expires_at",
    "waitlisted_at",
    "end_reason",
    "updated_at",
)
_PK, _STATUS, _QUEUE, _NAME, _EMAIL, _PHONE, _ASSOCIATION, _NEEDS = range(8)
_CREATED, _OFFER_EXPIRES, _WAITLISTED, _END_REASON, _UPDATED, _ANSWERED = range(8, 14)


# The querysets behind _ENTRIES and _MEETINGS below, compiled once per process there.
def _entries():
    """`ENTRY_FIELDS` and whether the signup answered any of the course's questions (so a
    course without questions, or a page without answers, asks nothing more)."""
    answered = Exists(SignupAnswer.objects.filter(signup=OuterRef("pk")))
    return Signup.objects.annotate(answered=answered).values_list(*ENTRY_FIELDS, "answered")


def _meetings_with_present_count():
    return Meeting.objects.annotate(
        present_count=Count("attendance", filter=Q(attendance__present=True))
    ).order_by("starts_at", "pk")


@cache
def _answers_in_order():
    return SignupAnswer.objects.select_related("question").order_by(
        "question__sort_order", "question_id"
    )


# The overview's per-course queries, their SQL built once per process (core.prepared).
_COURSE = PreparedQuery(lambda slug: Course.objects.filter(slug=slug))
_ENTRIES = PreparedQuery(lambda course_id: _entries().filter(course=course_id))
_MEETINGS = PreparedQuery(lambda course_id: _meetings_with_present_count().filter(course=course_id))
_SENT_MESSAGES = PreparedQuery(
    lambda course_id: CourseMessage.objects.select_related("sent_by").filter(course=course_id)[:10]
)


def _list_order(entry) -> tuple:
    """The overview's order: by status (STATUS_ORDER), the waiting list by queue number,
    everyone else by name (as `_participants` sorts)."""
    status = entry[_STATUS]
    waiting = entry[_QUEUE] or 0 if status == SignupStatus.WAITLISTED else 0
    return STATUS_ORDER[status], waiting, entry[_NAME].lower()


def _overview_entries(course, search: str):
    """Every signup of the course in one light query (`ENTRY_FIELDS`, no model instances):
    the totals of the whole course by status; each active list's entries in list order,
    narrowed to the people whose name or email holds every word of `search`; the history
    (cancelled and declined, latest first); and the waiting list's queue numbers, for
    places. Rows are made only for the entries on the page, so a list of any length costs
    the same queries and the rows on one page."""
    active, history = [], []
    for entry in _ENTRIES.rows(course.pk)[1]:
        entry = list(entry)
        entry[_NAME] = entry[_NAME] or entry[_EMAIL]  # User.get_full_name
        (active if entry[_STATUS] in STATUS_ORDER else history).append(entry)
    active.sort(key=_list_order)
    history.sort(key=itemgetter(_UPDATED), reverse=True)
    totals = dict.fromkeys(STATUS_ORDER, 0)
    lists: dict[str, list] = {status: [] for status in STATUS_ORDER}
    queue = []
    words = search.casefold().split()
    for entry in active:
        status = entry[_STATUS]
        totals[status] += 1
        if status == SignupStatus.WAITLISTED and entry[_QUEUE] is not None:
            queue.append(entry[_QUEUE])
        if not words or all(word in f"{entry[_NAME]} {entry[_EMAIL]}".casefold() for word in words):
            lists[status].append(entry)
    return totals, lists, history, sorted(queue)


def _waiting_position(queue: list[int], queue_number: int | None) -> int | None:
    """The place on the waiting list, as `queries.waiting_position_expression` counts it:
    the people waiting with the same or a lower queue number."""
    if queue_number is None:
        return None
    return bisect_right(queue, queue_number) or None


def _attended(signup_ids: list[int], meetings) -> dict[int, int]:
    """Meetings each signup was present at, of those held (`queries.attended_expression`);
    no query when nobody is marked present at a held meeting yet."""
    if not signup_ids or not any(m.present_count for m in meetings if m.cancelled_at is None):
        return {}
    return Counter(
        Attendance.objects.filter(
            signup_id__in=signup_ids, present=True, meeting__cancelled_at__isnull=True
        ).values_list("signup_id", flat=True)
    )


def _answers(entries) -> dict[int, list[SignupAnswer]]:
    """The answers to the course's own questions by signup, in the questions' order, of the
    `entries` that have any."""
    answers: dict[int, list[SignupAnswer]] = {}
    signup_ids = [entry[_PK] for entry in entries if entry[_ANSWERED]]
    if signup_ids:
        for answer in _answers_in_order().filter(signup_id__in=signup_ids):
            answers.setdefault(answer.signup_id, []).append(answer)
    return answers


class MeetingUrls(dict):
    """A meeting's organiser links by URL name (`meeting.urls.attendance`), each made when
    the template first asks for it, from the page's one reversing of that name."""

    def __init__(self, url_of, pk: int):
        super().__init__()
        self.url_of, self.pk = url_of, pk

    def __missing__(self, name: str) -> str:
        url = self[name] = self.url_of(f"courses:{name}")(self.pk)
        return url


_STATUS_LABELS = dict(SignupStatus.choices)
_END_REASON_LABELS = dict(SignupEndReason.choices)


def _history_row(entry) -> Row:
    """A cancelled or declined signup: who, why (the end reason, else the status) and when."""
    reason = entry[_END_REASON]
    return Row(
        name=entry[_NAME],
        reason=_END_REASON_LABELS.get(reason, reason)
        if reason
        else _STATUS_LABELS.get(entry[_STATUS], entry[_STATUS]),
        updated_at=entry[_UPDATED],
    )


@require_safe
def overview(request, slug):
    """Totals, meetings and the participants of one course; the confirmed participants and
    the waiting list a page at a time (`?side=`, `?venteside=`), and a search by name or
    email (`?q=`) over every list, kept while paging. The totals are the whole course's.

    Each row's values, links included, are made here in one pass (`Row`): a row is rendered
    per participant, and each template variable costs its lookup, localisation and escaping.
    """
    # The seats taken come from the signups read below, not from two subqueries.
    course = _organised_course(request, slug, _COURSE)
    search = participant_search(request.GET)
    totals, lists, history, queue = _overview_entries(course, search)
    # As queries.with_seat_counts counts them: the signups holding a seat.
    course.seats_taken = sum(totals[status] for status in SEAT_HOLDING_STATUSES)
    confirmed = Paginator(lists[SignupStatus.CONFIRMED], PARTICIPANTS_PER_PAGE).get_page(
        request.GET.get("side")
    )
    waiting = Paginator(lists[SignupStatus.WAITLISTED], PARTICIPANTS_PER_PAGE).get_page(
        request.GET.get("venteside")
    )
    meetings = _MEETINGS.instances(course.pk)
    pending, offered = lists[SignupStatus.PENDING], lists[SignupStatus.OFFERED]
    answers = _answers([*pending, *confirmed.object_list, *offered, *waiting.object_list])
    attended = _attended([entry[_PK] for entry in confirmed.object_list], meetings)
    held = sum(1 for m in meetings if m.cancelled_at is None)
    completed = {s.pk for s in queries.completed_signups(course)} if course.has_ended else set()
    back = overview_state(request.GET)
    back_query = f"?tilbage={quote(back, safe='/')}" if back else ""

    @cache
    def url_of(name: str, query: str = ""):
        return _signup_urls(course, name, query)

    cancel_url = url_of("courses:cancel_participant", back_query)

    def row(entry, **values) -> Row:
        return Row(
            pk=entry[_PK],
            name=entry[_NAME],
            email=entry[_EMAIL],
            answer_list=answers.get(entry[_PK], []),
            **values,
        )

    pending = [
        row(
            entry,
            association=entry[_ASSOCIATION],
            needs=entry[_NEEDS],
            created_at=entry[_CREATED],
            approve_url=url_of("courses:approve", back_query)(entry[_PK]),
            decline_url=url_of("courses:decline", back_query)(entry[_PK]),
        )
        for entry in pending
    ]
    confirmed.object_list = [
        row(
            entry,
            phone=entry[_PHONE],
            association=entry[_ASSOCIATION],
            needs=entry[_NEEDS],
            # "3 / 5" as one string: two numbers would each go through number localisation.
            attended_of_held=f"{attended.get(entry[_PK], 0)} / {held}",
            completed=entry[_PK] in completed,
            cancel_url=cancel_url(entry[_PK]),
        )
        for entry in confirmed.object_list
    ]
    offered = [
        row(entry, offer_expires_at=entry[_OFFER_EXPIRES], cancel_url=cancel_url(entry[_PK]))
        for entry in offered
    ]
    waiting.object_list = [
        row(
            entry,
            position=_waiting_position(queue, entry[_QUEUE]),
            waitlisted_at=entry[_WAITLISTED],
            give_seat_url=url_of("courses:give_seat", back_query)(entry[_PK]),
            cancel_url=cancel_url(entry[_PK]),
        )
        for entry in waiting.object_list
    ]
    course.seats_left = queries.seats_left(course)
    today, now = timezone.localdate(), timezone.now()
    for meeting in meetings:
        meeting.can_mark = timezone.localtime(meeting.starts_at).date() <= today
        meeting.is_today = timezone.localtime(meeting.starts_at).date() == today
        meeting.is_upcoming = meeting.starts_at > now
        meeting.urls = MeetingUrls(url_of, meeting.pk)
    return render(
        request,
        "courses/organiser/overview.html",
        {
            "course": course,
            "totals": totals,
            "search": search,
            "back": back,
            "matches": sum(len(found) for found in lists.values()),
            "confirmed": confirmed,
            "offered": offered,
            "pending": pending,
            "waiting": waiting,
            "history": [_history_row(entry) for entry in history],
            "meetings": meetings,
            "has_answers": bool(answers),
            "sent_messages": _SENT_MESSAGES.instances(course.pk),
            "can_manage": course_access(request, course).can_manage,
            "can_add": course.status == CourseStatus.PUBLISHED and not course.has_ended,
            "can_give_seat": not course.is_cancelled
            and not course.has_ended
            and (course.capacity is None or course.seats_left > 0),
            "below_minimum": course.min_participants is not None
            and totals[SignupStatus.CONFIRMED] < course.min_participants,
        },
    )
