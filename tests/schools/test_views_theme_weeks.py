"""Theme weeks through the pages: the flow, the calendar feed and who sees the offers."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from schools.models import (
    ContributionStatus,
    ThemeWeek,
    ThemeWeekContribution,
)
from tests.associations.factories import AssociationFactory
from tests.factories import UserFactory
from tests.schools.factories import (
    ContributionFactory,
    SchoolFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db


def test_theme_week_flow_and_feed(client, django_capture_on_commit_callbacks):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    association = AssociationFactory(name="Høng Spejderne")
    admin = association_admin(association)
    client.force_login(coordinator)
    response = client.post(
        reverse("schools:post_theme_week"),
        {
            "school": school.pk,
            "theme": "Frivillighed i lokalsamfundet",
            "description": "Eleverne undersøger foreningslivet.",
            "starts_on": "2026-10-05",
            "ends_on": "2026-10-09",
            "grade_level": "8. klasse",
            "wants_workshop": "on",
        },
    )
    theme_week = ThemeWeek.objects.get()
    assert response.status_code == 302

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("schools:offer_contribution", args=[theme_week.pk]),
            {
                "association": association.pk,
                "kind": "workshop",
                "title": "Byg et bål",
                "description": "Vi viser, hvordan man tænder bål sikkert.",
                "day": "2026-10-06",
                "starts": "09:00",
                "ends": "11:30",
                "capacity": "25",
            },
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [coordinator.email]
    contribution = theme_week.contributions.get()

    client.force_login(coordinator)
    client.post(reverse("schools:contribution_action", args=[contribution.pk, "accept"]))
    client.logout()

    page = client.get(theme_week.get_absolute_url())
    assert "Byg et bål" in page.content.decode()
    feed = client.get(reverse("schools:theme_week_feed", args=[theme_week.pk]))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "SUMMARY:Byg et bål (Høng Spejderne)" in body
    assert "DTSTART;TZID=Europe/Copenhagen:20261006T090000" in body
    again = client.get(
        reverse("schools:theme_week_feed", args=[theme_week.pk]),
        headers={"if-none-match": feed["ETag"]},
    )
    assert again.status_code == 304


def test_theme_week_feed_answers_conditional_requests_like_every_feed(client):
    theme_week = ThemeWeekFactory()
    contribution = ContributionFactory(theme_week=theme_week, status=ContributionStatus.ACCEPTED)
    url = reverse("schools:theme_week_feed", args=[theme_week.pk])

    feed = client.get(url)
    by_etag = client.get(url, headers={"if-none-match": feed["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": feed["Last-Modified"]})

    assert feed.status_code == 200
    assert feed["Cache-Control"] == "public, max-age=900"
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    # A calendar program or a proxy keeps the 304's caching rules too.
    assert by_etag["Cache-Control"] == by_date["Cache-Control"] == "public, max-age=900"
    assert by_etag["ETag"] == feed["ETag"]
    # A contribution leaving the programme changes the feed and its date.
    ThemeWeekContribution.objects.filter(pk=contribution.pk).update(  # a minute later
        status=ContributionStatus.WITHDRAWN,
        updated_at=contribution.updated_at + datetime.timedelta(minutes=1),
    )
    changed = client.get(url, headers={"if-modified-since": feed["Last-Modified"]})
    assert changed.status_code == 200
    assert changed["Last-Modified"] != feed["Last-Modified"]
    assert "BEGIN:VEVENT" not in changed.content.decode()


def test_theme_week_offers_are_hidden_from_the_public_and_other_associations(client):
    contribution = ContributionFactory(title="Hemmeligt tilbud")

    assert (
        "Hemmeligt tilbud"
        not in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )
    client.force_login(association_admin())
    assert (
        "Hemmeligt tilbud"
        not in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )
    client.force_login(association_admin(contribution.association))
    assert (
        "Hemmeligt tilbud"
        in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )


def test_contribution_action_by_a_stranger_is_404(client):
    contribution = ContributionFactory()
    client.force_login(UserFactory())

    response = client.post(reverse("schools:contribution_action", args=[contribution.pk, "accept"]))

    assert response.status_code == 404


def test_posting_a_theme_week_twice_makes_one(client):
    """A double click (or Back and send again) on "Post the theme week": one theme week, and
    the second request lands on it."""
    school = SchoolFactory()
    client.force_login(school_coordinator(school))
    form = {
        "school": school.pk,
        "theme": "Frivillighed i lokalsamfundet",
        "description": "Eleverne undersøger foreningslivet.",
        "starts_on": "2030-10-07",
        "ends_on": "2030-10-11",
        "grade_level": "8. klasse",
        "wants_talk": "on",
    }

    first = client.post(reverse("schools:post_theme_week"), form)
    second = client.post(reverse("schools:post_theme_week"), form)

    theme_week = ThemeWeek.objects.get()
    assert first["Location"] == second["Location"] == theme_week.get_absolute_url()


def test_cancelling_a_theme_week_asks_first(client, django_capture_on_commit_callbacks):
    """Cancelling cannot be undone and emails every association with an offer: the button
    asks once more, and only the confirmation cancels."""
    contribution = ContributionFactory()
    theme_week = contribution.theme_week
    association_admin(contribution.association)
    client.force_login(school_coordinator(theme_week.school))
    url = reverse("schools:theme_week_status", args=[theme_week.pk])

    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(url, {"status": "cancelled"})

    assert asked.status_code == 200
    assert f"Vil du aflyse “{theme_week.theme}”?" in asked.text
    assert "Behold temaugen" in asked.text
    theme_week.refresh_from_db()
    assert theme_week.status == "open"
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(url, {"status": "cancelled", "confirm": "1"})

    assert confirmed.status_code == 302
    theme_week.refresh_from_db()
    assert theme_week.status == "cancelled"
    assert len(mail.outbox) == 1
