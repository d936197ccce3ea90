"""Theme weeks and their contributions in schools.services."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from schools import services
from schools.models import (
    ContributionStatus,
    ThemeWeekStatus,
)
from schools.rules import Actor
from tests.factories import UserFactory
from tests.schools.factories import (
    ContributionFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)


@pytest.fixture
def theme(db):
    theme_week = ThemeWeekFactory()
    contribution = ContributionFactory(theme_week=theme_week)
    return {
        "theme_week": theme_week,
        "contribution": contribution,
        Actor.SCHOOL: school_coordinator(theme_week.school),
        Actor.ASSOCIATION: association_admin(contribution.association),
        "stranger": association_admin(),
    }


@pytest.mark.parametrize(
    ("current", "target", "actor"),
    [(c, t, a) for (c, t), actors in services.CONTRIBUTION_TRANSITIONS.items() for a in actors],
)
def test_contribution_allowed_transitions(theme, current, target, actor):
    contribution = ContributionFactory(theme_week=theme["theme_week"], status=current)
    contribution.association = theme["contribution"].association
    contribution.save()
    change = {
        ContributionStatus.ACCEPTED: services.accept_contribution,
        ContributionStatus.DECLINED: services.decline_contribution,
        ContributionStatus.WITHDRAWN: services.withdraw_contribution,
    }[target]

    result = change(contribution, by=theme[actor])

    assert result.status == target
    assert result.sequence == 1


@pytest.mark.parametrize(
    ("current", "change", "who"),
    [
        (ContributionStatus.OFFERED, services.accept_contribution, Actor.ASSOCIATION),
        (ContributionStatus.OFFERED, services.withdraw_contribution, Actor.SCHOOL),
        (ContributionStatus.OFFERED, services.accept_contribution, "stranger"),
        (ContributionStatus.DECLINED, services.accept_contribution, Actor.SCHOOL),
        (ContributionStatus.WITHDRAWN, services.accept_contribution, Actor.SCHOOL),
        (ContributionStatus.DECLINED, services.withdraw_contribution, Actor.ASSOCIATION),
    ],
)
def test_contribution_forbidden_transitions(theme, current, change, who):
    contribution = theme["contribution"]
    contribution.status = current
    contribution.save()

    with pytest.raises(services.SchoolError):
        change(contribution, by=theme[who])


def test_a_decision_on_a_contribution_goes_to_the_associations_admins_of_today(
    theme, django_capture_on_commit_callbacks
):
    """Not to whoever offered it: they may have left the association since."""

    from associations.models import AssociationRole

    contribution = theme["contribution"]
    offerer = UserFactory(email="tidligere.formand@example.org")
    contribution.offered_by = offerer
    contribution.save()
    AssociationRole.objects.filter(user=offerer).delete()  # stepped down (never admin now)
    admin = theme[Actor.ASSOCIATION]

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_contribution(contribution, by=theme[Actor.SCHOOL])

    recipients = [m.to[0] for m in mail.outbox]
    assert admin.email in recipients
    assert offerer.email not in recipients


def test_an_admin_with_two_roles_in_the_association_gets_one_email(
    theme, django_capture_on_commit_callbacks
):
    """A board member who is also the treasurer holds two admin roles: one email, not two."""
    from associations.models import RoleKind
    from tests.associations.factories import AdminRoleFactory

    contribution = theme["contribution"]
    admin = theme[Actor.ASSOCIATION]
    AdminRoleFactory(association=contribution.association, user=admin, role=RoleKind.TREASURER)

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_contribution(contribution, by=theme[Actor.SCHOOL])

    assert [m.to[0] for m in mail.outbox] == [admin.email]


def test_offering_the_same_contribution_twice_gives_the_first_back(
    theme, django_capture_on_commit_callbacks
):
    """A double click (or Back and send again) on the offer form: one offer, one email."""
    theme_week = theme["theme_week"]
    association = theme["contribution"].association
    start = timezone.make_aware(datetime.datetime.combine(theme_week.starts_on, datetime.time(12)))
    offer = {
        "by": theme[Actor.ASSOCIATION],
        "kind": "talk",
        "title": "Hvorfor bliver man træner?",
        "description": "Et oplæg.",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=1),
    }

    with django_capture_on_commit_callbacks(execute=True):
        first = services.offer_contribution(theme_week, association, **offer)
        second = services.offer_contribution(theme_week, association, **offer)

    assert second.pk == first.pk
    assert theme_week.contributions.filter(title="Hvorfor bliver man træner?").count() == 1
    assert len(mail.outbox) == 1


def test_offer_contribution_within_the_week_only(theme):
    theme_week = theme["theme_week"]
    association = theme["contribution"].association
    day = theme_week.starts_on
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))

    contribution = services.offer_contribution(
        theme_week,
        association,
        by=theme[Actor.ASSOCIATION],
        kind="workshop",
        title="Byg en fuglekasse",
        description="Vi tager værktøj med.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    assert contribution.status == ContributionStatus.OFFERED
    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            association,
            by=theme[Actor.ASSOCIATION],
            kind="talk",
            title="For sent",
            description="…",
            starts_at=start + datetime.timedelta(days=30),
            ends_at=start + datetime.timedelta(days=30, hours=1),
        )
    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            association,
            by=theme["stranger"],
            kind="talk",
            title="Ikke min forening",
            description="…",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )


@pytest.mark.parametrize(
    ("current", "target"),
    list(services.THEME_WEEK_TRANSITIONS),
    ids=[f"{c}-{t}" for c, t in services.THEME_WEEK_TRANSITIONS],
)
def test_theme_week_allowed_transitions(theme, current, target):
    theme_week = theme["theme_week"]
    theme_week.status = current
    theme_week.save()

    result = services.change_theme_week_status(theme_week, target, by=theme[Actor.SCHOOL])

    assert result.status == target


def test_theme_week_cannot_be_reopened_after_cancelling_nor_closed_by_an_association(theme):
    theme_week = theme["theme_week"]
    with pytest.raises(services.SchoolError):
        services.change_theme_week_status(
            theme_week, ThemeWeekStatus.CLOSED, by=theme[Actor.ASSOCIATION]
        )
    services.change_theme_week_status(theme_week, ThemeWeekStatus.CANCELLED, by=theme[Actor.SCHOOL])
    with pytest.raises(services.SchoolError):
        services.change_theme_week_status(theme_week, ThemeWeekStatus.OPEN, by=theme[Actor.SCHOOL])


def test_closed_theme_week_takes_no_new_contributions(theme):
    theme_week = theme["theme_week"]
    services.change_theme_week_status(theme_week, ThemeWeekStatus.CLOSED, by=theme[Actor.SCHOOL])
    start = theme["contribution"].starts_at

    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            theme["contribution"].association,
            by=theme[Actor.ASSOCIATION],
            kind="talk",
            title="For sent",
            description="…",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )
