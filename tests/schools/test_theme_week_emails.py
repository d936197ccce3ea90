"""The emails about a theme week's contributions, as the school and the association read them."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from schools import services
from tests.schools.factories import (
    ContributionFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)


@pytest.fixture
def week(db):
    theme_week = ThemeWeekFactory(starts_on=datetime.date(2030, 1, 14))
    theme_week.ends_on = datetime.date(2030, 1, 18)
    theme_week.save()
    return theme_week


def _offer(theme_week, admin, association):
    start = datetime.datetime(2030, 1, 15, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))
    return services.offer_contribution(
        theme_week,
        association,
        by=admin,
        kind="visit",
        title="Besøg i klubhuset",
        description="Eleverne hører om foreningens frivillige.",
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=90),
    )


@pytest.fixture
def offer_email(week, django_capture_on_commit_callbacks):
    """The school coordinator and the email they get when an association offers a visit."""
    coordinator = school_coordinator(week.school)
    contribution = ContributionFactory(theme_week=week)
    admin = association_admin(contribution.association)

    with django_capture_on_commit_callbacks(execute=True):
        _offer(week, admin, contribution.association)

    (email,) = [m for m in mail.outbox if m.to == [coordinator.email]]
    return coordinator, email


def test_the_school_learns_when_an_offered_contribution_would_be(offer_email):
    """The school decides from the email: it names the day and the hours, not only the title."""
    _coordinator, email = offer_email

    assert "tirsdag 15. januar 2030, 09:00–10:30" in email.body


def test_a_school_email_has_one_blank_line_after_the_greeting(offer_email):
    coordinator, email = offer_email

    assert email.body.startswith(f"Hej {coordinator.get_short_name()}\n\n")
    assert "\n\n\n" not in email.body
