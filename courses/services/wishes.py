"""Course wishes: propose, support, plan a course for a wish, tell the supporters.

Guarantees:
- A person supports a wish at most once (a unique constraint); supporting twice, or
  withdrawing support one does not give, changes nothing.
- A wish moves open → planned (with a course) or open/planned → closed, by staff only;
  `WISH_TRANSITIONS` is the one place that says which moves exist.
- The supporters of a planned wish are told once, when its course is open for signup: the
  wish is claimed with a conditional UPDATE and its emails are written in the same
  transaction, so overlapping runs of `announce_planned_wishes` tell nobody twice.
"""

import logging
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.services import unsubscribe_for, wants_email
from core.audit import record
from core.email import queue_email
from courses.models import Course, CourseStatus, CourseWish, WishStatus, WishSupport
from courses.models.wishes import MAX_OPEN_WISHES_PER_PERSON
from courses.queries import SignupState, signup_state
from courses.rules import is_course_administrator
from courses.services.base import CourseError
from courses.services.notifications import WISHES
from taxonomy.models import Topic

logger = logging.getLogger(__name__)

# Which status a wish may move to from which.
WISH_TRANSITIONS = {
    WishStatus.OPEN: {WishStatus.PLANNED, WishStatus.CLOSED},
    WishStatus.PLANNED: {WishStatus.PLANNED, WishStatus.CLOSED, WishStatus.OPEN},
    WishStatus.CLOSED: {WishStatus.OPEN},
}


def propose_wish(
    user,
    *,
    topic: Topic,
    title: str,
    expected_participants: int,
    description: str = "",
    time_of_day: str = "any",
    format: str = "any",
    association: str = "",
) -> CourseWish:
    """Record a wish; its proposer supports it from the start."""
    with transaction.atomic():
        # The proposer's row is the lock: a repeated POST (a double click, Back and send
        # again), even one that arrives while the first is still saving, finds the wish it made.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        open_wishes = CourseWish.objects.filter(proposed_by=user, status=WishStatus.OPEN)
        repeated = open_wishes.filter(topic=topic, title=title.strip()).first()
        if repeated is not None:
            return repeated
        if open_wishes.count() >= MAX_OPEN_WISHES_PER_PERSON:
            raise CourseError(
                _("You already have %(count)d open wishes. Support one of them instead.")
                % {"count": MAX_OPEN_WISHES_PER_PERSON}
            )
        wish = CourseWish.objects.create(
            topic=topic,
            title=title.strip(),
            description=description.strip(),
            expected_participants=expected_participants,
            time_of_day=time_of_day,
            format=format,
            association=association.strip(),
            proposed_by=user,
        )
        WishSupport.objects.create(wish=wish, user=user)
        record(wish, "wagtail.create", by=user)
    return wish


def support_wish(wish: CourseWish, user) -> WishSupport:
    """Add `user`'s support (idempotent)."""
    if wish.status == WishStatus.CLOSED:
        raise CourseError(_("This wish is closed."))
    if wish.status == WishStatus.PLANNED and wish.announced_at is not None:
        raise CourseError(_("The course is open for signup: sign up for it instead."))
    try:
        with transaction.atomic():
            return WishSupport.objects.create(wish=wish, user=user)
    except IntegrityError:
        return WishSupport.objects.get(wish=wish, user=user)


def withdraw_support(wish: CourseWish, user) -> bool:
    """Take back `user`'s support; False when there was none."""
    deleted, _rows = WishSupport.objects.filter(wish=wish, user=user).delete()
    return bool(deleted)


def _check_transition(wish: CourseWish, status: str, by) -> None:
    if not is_course_administrator(by):
        raise CourseError(_("Only course administrators can plan or close course wishes."))
    if status not in WISH_TRANSITIONS[WishStatus(wish.status)]:
        raise CourseError(_("This wish cannot be changed that way."))


# What a move to or from "planned" changes besides the status and the response.
PLANNED_FIELDS = ("planned_course", "planned_at", "announced_at")


def _save_status(wish: CourseWish, response: str, *, by, fields=()) -> None:
    """Save a wish's new status (with `fields`, and the response when one is given) and log
    the move on the wish."""
    if response:
        wish.response = response.strip()
    wish.save(update_fields=["status", *fields, "response", "updated_at"])
    record(wish, "frivilligloeft.courses.wish_status", by=by, data={"to": wish.status})


def plan_wish(
    wish: CourseWish,
    course: Course,
    *,
    by,
    response: str = "",
    now: datetime | None = None,
    notify: bool = True,
) -> CourseWish:
    """Mark the wish planned with `course`. If the course is already open for signup, its
    supporters are told at once; otherwise `announce_planned_wishes` tells them when it opens.
    `notify=False` (demo content) records the announcement without emailing anybody.
    """
    now = now or timezone.now()
    _check_transition(wish, WishStatus.PLANNED, by)
    if course is None:
        raise CourseError(_("Choose the course that is planned."))
    if course.status == CourseStatus.CANCELLED:
        raise CourseError(_("The course is cancelled. Choose another one."))
    with transaction.atomic():
        wish = CourseWish.objects.select_for_update().get(pk=wish.pk)
        if wish.planned_course_id != course.pk:
            # A new course: its supporters must hear about this one.
            wish.announced_at = None
            wish.planned_at = now
        wish.status = WishStatus.PLANNED
        wish.planned_course = course
        _save_status(wish, response, by=by, fields=PLANNED_FIELDS)
        announce_wish(wish, now=now, notify=notify)
    return wish


def close_wish(wish: CourseWish, *, by, response: str = "") -> CourseWish:
    """Close a wish (answered otherwise, a duplicate); it leaves the public list."""
    _check_transition(wish, WishStatus.CLOSED, by)
    with transaction.atomic():
        wish = CourseWish.objects.select_for_update().get(pk=wish.pk)
        wish.status = WishStatus.CLOSED
        _save_status(wish, response, by=by)
    return wish


def reopen_wish(wish: CourseWish, *, by, response: str = "") -> CourseWish:
    _check_transition(wish, WishStatus.OPEN, by)
    with transaction.atomic():
        wish = CourseWish.objects.select_for_update().get(pk=wish.pk)
        wish.status = WishStatus.OPEN
        wish.planned_course = None
        wish.planned_at = wish.announced_at = None
        _save_status(wish, response, by=by, fields=PLANNED_FIELDS)
    return wish


def announce_wish(wish: CourseWish, *, now: datetime | None = None, notify: bool = True) -> int:
    """Tell the supporters of a planned wish that its course is open for signup — once.

    Returns how many people were told (0 when the course is not open yet, or they were told).
    """
    now = now or timezone.now()
    if wish.status != WishStatus.PLANNED or wish.planned_course_id is None:
        return 0
    course = Course.objects.get(pk=wish.planned_course_id)
    if signup_state(course, now) != SignupState.OPEN:
        return 0
    with transaction.atomic():
        claimed = CourseWish.objects.filter(
            pk=wish.pk,
            status=WishStatus.PLANNED,
            planned_course=course,
            announced_at__isnull=True,
        ).update(announced_at=now)
        if not claimed or not notify:
            return 0
        supports = WishSupport.objects.filter(wish=wish, user__is_active=True).select_related(
            "user"
        )
        told = 0
        for support in supports.order_by("pk"):
            user = support.user
            if not wants_email(user, WISHES):
                continue
            queue_email(
                user.email,
                "emails/courses/wish_course_open",
                {"user": user, "wish": wish, "course": course},
                user.preferred_language,
                about=wish,
                unsubscribe=unsubscribe_for(user, WISHES),
            )
            told += 1
    logger.info("Course wish %s: %s supporters told about course %s", wish.pk, told, course.pk)
    return told


def announce_planned_wishes(*, now: datetime | None = None, course: Course | None = None) -> int:
    """Announce every planned wish whose course has opened for signup (or those of `course`).
    Idempotent; returns how many people were told."""
    now = now or timezone.now()
    wishes = CourseWish.objects.filter(
        status=WishStatus.PLANNED,
        announced_at__isnull=True,
        planned_course__status=CourseStatus.PUBLISHED,
    )
    if course is not None:
        wishes = wishes.filter(planned_course=course)
    return sum(announce_wish(wish, now=now) for wish in wishes.order_by("pk"))
