"""Theme weeks: a school posts one, associations offer contributions, the school decides.

`THEME_WEEK_TRANSITIONS` and `CONTRIBUTION_TRANSITIONS` say which moves exist and who may
make them. A contribution's iCalendar sequence rises with every change of time or status, so
subscribed calendars replace their copy.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.rules import is_association_admin
from core.audit import record
from core.dates import local_date
from schools.models import (
    ContributionStatus,
    School,
    ThemeWeek,
    ThemeWeekContribution,
    ThemeWeekStatus,
)
from schools.rules import (
    Actor,
    contribution_actors,
    is_schools_staff,
    schools_coordinated_by,
    theme_week_actors,
)
from schools.services.common import SchoolError, check_transition, mail_association, mail_school

logger = logging.getLogger(__name__)

W = ThemeWeekStatus
THEME_WEEK_TRANSITIONS = {
    (W.OPEN, W.CLOSED): {Actor.SCHOOL, Actor.STAFF},
    (W.CLOSED, W.OPEN): {Actor.SCHOOL, Actor.STAFF},
    (W.OPEN, W.CANCELLED): {Actor.SCHOOL, Actor.STAFF},
    (W.CLOSED, W.CANCELLED): {Actor.SCHOOL, Actor.STAFF},
}

C = ContributionStatus
CONTRIBUTION_TRANSITIONS = {
    (C.OFFERED, C.ACCEPTED): {Actor.SCHOOL},
    (C.OFFERED, C.DECLINED): {Actor.SCHOOL},
    (C.ACCEPTED, C.DECLINED): {Actor.SCHOOL},
    (C.OFFERED, C.WITHDRAWN): {Actor.ASSOCIATION},
    (C.ACCEPTED, C.WITHDRAWN): {Actor.ASSOCIATION},
}

THEME_WEEK_FIELDS = (
    "theme",
    "description",
    "starts_on",
    "ends_on",
    "grade_level",
    "classes",
    "pupil_count",
    "wants_talk",
    "wants_workshop",
    "wants_visit",
)


STATUS = "frivilligloeft.schools.status"


def post_theme_week(school: School, *, by, **fields) -> ThemeWeek:
    """A school coordinator posts a theme week, open for contributions."""
    if not schools_coordinated_by(by).filter(pk=school.pk).exists() and not is_schools_staff(by):
        raise SchoolError(_("Only the school's coordinators can post a theme week."))
    theme_week = ThemeWeek(
        school=school,
        created_by=by,
        **{name: fields[name] for name in THEME_WEEK_FIELDS if name in fields},
    )
    if not (theme_week.wants_talk or theme_week.wants_workshop or theme_week.wants_visit):
        raise SchoolError(_("Choose at least one thing you would like from associations."))
    theme_week.full_clean()
    with transaction.atomic():
        # The school's row is the lock: a repeated POST (a double click, Back and send
        # again) finds the theme week it posted instead of posting it twice.
        School.objects.select_for_update().filter(pk=school.pk).first()
        repeated = (
            ThemeWeek.objects.filter(
                school=school,
                theme=theme_week.theme,
                starts_on=theme_week.starts_on,
                ends_on=theme_week.ends_on,
            )
            .exclude(status=W.CANCELLED)
            .first()
        )
        if repeated is not None:
            return repeated
        theme_week.save()
        record(theme_week, "wagtail.create", by=by)
    logger.info("Theme week %s posted by user %s", theme_week.pk, by.pk)
    return theme_week


def change_theme_week_status(theme_week: ThemeWeek, target: str, *, by) -> ThemeWeek:
    """Close for new contributions, reopen, or cancel (associations with a contribution are
    told)."""
    with transaction.atomic():
        theme_week = (
            ThemeWeek.objects.select_for_update(of=("self",))
            .select_related("school")
            .get(pk=theme_week.pk)
        )
        if theme_week.status == target:
            return theme_week
        check_transition(
            THEME_WEEK_TRANSITIONS,
            theme_week.status,
            target,
            theme_week_actors(by, theme_week),
            ThemeWeekStatus,
        )
        theme_week.status = target
        theme_week.save(update_fields=["status", "updated_at"])
        record(theme_week, STATUS, by=by, data={"to": target})
        if target == W.CANCELLED:
            contributions = theme_week.contributions.filter(
                status__in=[C.OFFERED, C.ACCEPTED]
            ).select_related("offered_by", "association")
            for contribution in contributions:
                _mail_association(contribution, "theme_week_cancelled")
            contributions.update(sequence=F("sequence") + 1, updated_at=timezone.now())
    return theme_week


def _check_slot(theme_week: ThemeWeek, starts_at, ends_at) -> None:
    if ends_at <= starts_at:
        raise SchoolError(_("The contribution must end after it starts."))
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(ends_at).date()
    if first < theme_week.starts_on or last > theme_week.ends_on:
        raise SchoolError(
            _("Choose a time within the theme week (%(first)s–%(last)s).")
            % {
                "first": local_date(theme_week.starts_on),
                "last": local_date(theme_week.ends_on),
            }
        )


def offer_contribution(
    theme_week: ThemeWeek,
    association,
    *,
    by,
    kind: str,
    title: str,
    description: str,
    starts_at,
    ends_at,
    place: str = "",
    capacity: int | None = None,
) -> ThemeWeekContribution:
    """An association admin offers a talk, workshop or visit to an open theme week."""
    if not is_association_admin(by, association):
        raise SchoolError(_("Only the association's admins can offer a contribution."))
    with transaction.atomic():
        theme_week = (
            ThemeWeek.objects.select_for_update(of=("self",))
            .select_related("school")
            .get(pk=theme_week.pk)
        )
        if theme_week.status != W.OPEN:
            raise SchoolError(_("This theme week no longer takes contributions."))
        _check_slot(theme_week, starts_at, ends_at)
        # A repeated POST (a double click, Back and send again) finds the offer it made.
        repeated = theme_week.contributions.filter(
            association=association,
            status__in=(ContributionStatus.OFFERED, ContributionStatus.ACCEPTED),
            title=title.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
        ).first()
        if repeated is not None:
            return repeated
        contribution = ThemeWeekContribution(
            theme_week=theme_week,
            association=association,
            offered_by=by,
            kind=kind,
            title=title.strip(),
            description=description.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            place=place.strip(),
            capacity=capacity,
        )
        contribution.full_clean()
        contribution.save()
        record(contribution, "wagtail.create", by=by)
        mail_school(
            theme_week.school,
            "contribution_offered",
            {"theme_week": theme_week, "contribution": contribution},
        )
    return contribution


def _mail_association(contribution: ThemeWeekContribution, template: str) -> None:
    mail_association(
        contribution.association,
        template,
        {"contribution": contribution, "theme_week": contribution.theme_week},
    )


def _decide(contribution: ThemeWeekContribution, target: str, by) -> ThemeWeekContribution:
    with transaction.atomic():
        theme_week = ThemeWeek.objects.select_for_update(of=("self",)).get(
            pk=contribution.theme_week_id
        )
        contribution = (
            ThemeWeekContribution.objects.select_for_update(of=("self",))
            .select_related("association", "offered_by")
            .get(pk=contribution.pk)
        )
        contribution.theme_week = theme_week
        if contribution.status == target:
            return contribution
        actors = contribution_actors(by, contribution)
        check_transition(
            CONTRIBUTION_TRANSITIONS, contribution.status, target, actors, ContributionStatus
        )
        if target == C.ACCEPTED and theme_week.status == W.CANCELLED:
            raise SchoolError(_("The theme week is cancelled."))
        contribution.status = target
        contribution.sequence = F("sequence") + 1
        contribution.save(update_fields=["status", "sequence", "updated_at"])
        contribution.refresh_from_db(fields=["sequence"])
        record(contribution, STATUS, by=by, data={"to": target})
        if target == C.WITHDRAWN:
            mail_school(
                theme_week.school,
                "contribution_withdrawn",
                {"theme_week": theme_week, "contribution": contribution},
            )
        else:
            _mail_association(contribution, f"contribution_{target}")
    return contribution


def accept_contribution(contribution: ThemeWeekContribution, *, by) -> ThemeWeekContribution:
    """The school puts the contribution on the theme week's programme."""
    return _decide(contribution, C.ACCEPTED, by)


def decline_contribution(contribution: ThemeWeekContribution, *, by) -> ThemeWeekContribution:
    return _decide(contribution, C.DECLINED, by)


def withdraw_contribution(contribution: ThemeWeekContribution, *, by) -> ThemeWeekContribution:
    return _decide(contribution, C.WITHDRAWN, by)
