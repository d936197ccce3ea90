"""Counts of one are singular: "1 plads er allerede givet til elever" when an offer's places
go below those held, and the school's email "bekræftet 1 times frivilligpraktik" ("1 hour
of volunteer internship"), never "1 pladser" or "1 timers"."""

import pytest
from django.core import mail
from django.utils import translation

from schools import services
from schools.models import PlacementState
from schools.rules import Actor
from tests.schools.factories import PlacementFactory


@pytest.mark.parametrize(
    ("language", "held", "message"),
    [
        ("da", 1, "1 plads er allerede givet til elever; der kan ikke være færre pladser."),
        ("da", 2, "2 pladser er allerede givet til elever; der kan ikke være færre pladser."),
        ("en", 1, "1 place is already given to pupils; places cannot be fewer."),
        ("en", 2, "2 places are already given to pupils; places cannot be fewer."),
    ],
)
def test_places_below_those_held_are_refused_in_the_right_number(world, language, held, message):
    PlacementFactory(
        offer=world["offer"],
        state=PlacementState.AGREED,
        pupil_count=held,
        pupils=[("A", "1")] * held,
    )

    with translation.override(language), pytest.raises(services.SchoolError) as refused:
        services.update_offer(world["offer"], by=world[Actor.ASSOCIATION], places=held - 1)

    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("hours", "shown"), [(1, "bekræftet 1 times frivilligpraktik"), (2, "bekræftet 2 timers")]
)
def test_the_completed_email_counts_the_hours(
    world, django_capture_on_commit_callbacks, hours, shown
):
    placement = PlacementFactory(
        offer=world["offer"], school=world["the_school"], state=PlacementState.AGREED
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_hours(placement, by=world[Actor.ASSOCIATION], hours=hours)

    (email,) = [m for m in mail.outbox if "frivilligpraktik på" in m.body]
    assert shown in " ".join(email.body.split())
