"""The personal feed /kalender/<token>.ics and its token."""

import hashlib
import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from accounts import services as account_services
from calendars import services
from calendars.models import FeedToken
from courses.models import CourseStatus, SignupStatus
from networks.models import MembershipStatus
from tests.calendars.conftest import parse_both
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def feed_path(token: str) -> str:
    return f"/kalender/{token}.ics"


def summaries(response) -> list[str]:
    return [str(e["SUMMARY"]) for e in parse_both(response.content).events]


# --- Token -------------------------------------------------------------------------------


def test_token_has_256_bits_and_only_its_sha256_is_stored():
    user = UserFactory()

    token = services.regenerate_feed_token(user)

    stored = FeedToken.objects.get(user=user)
    assert len(token) == 43  # 32 random bytes, URL-safe base64
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.token_hash
    assert services.feed_owner(token) == user


def test_tokens_differ_between_people_and_between_regenerations():
    user = UserFactory()

    tokens = {services.regenerate_feed_token(user) for _ in range(3)}
    tokens.add(services.regenerate_feed_token(UserFactory()))

    assert len(tokens) == 4
    assert FeedToken.objects.count() == 2


@pytest.mark.parametrize("token", ["", "x", "a" * 43, "a" * 200, "../../etc/passwd"], ids=str)
def test_feed_owner_of_an_unknown_or_malformed_token_is_none(token):
    services.regenerate_feed_token(UserFactory())

    assert services.feed_owner(token) is None


def test_a_regenerated_tokens_old_url_is_404_at_once(client):
    user = UserFactory()
    old = services.regenerate_feed_token(user)
    assert client.get(feed_path(old)).status_code == 200

    new = services.regenerate_feed_token(user)

    assert client.get(feed_path(old)).status_code == 404
    assert client.get(feed_path(new)).status_code == 200


def test_a_deactivated_users_feed_is_404(client):
    user = UserFactory()
    token = services.regenerate_feed_token(user)
    user.is_active = False
    user.save()

    assert client.get(feed_path(token)).status_code == 404


# --- Content -----------------------------------------------------------------------------


def test_personal_feed_holds_my_confirmed_courses_and_my_networks_meetings(client):
    user = UserFactory()
    mine = CourseFactory(
        title="Mit kursus",
        format="hybrid",
        online_link="https://meet.example.org/mit-kursus",
    )
    SignupFactory(course=mine, user=user)
    waiting = CourseFactory(title="Venteliste")
    SignupFactory(course=waiting, user=user, status=SignupStatus.WAITLISTED, queue_number=1)
    network = NetworkFactory(name="Kassererne")
    MembershipFactory(network=network, user=user)
    NetworkMeetingFactory(
        network=network, title="Budget", online_link="https://meet.example.org/budget"
    )
    pending = NetworkFactory(name="Ikke medlem endnu")
    MembershipFactory(network=pending, user=user, status=MembershipStatus.PENDING)
    NetworkMeetingFactory(network=pending, title="Hemmeligt møde")
    token = services.regenerate_feed_token(user)

    response = client.get(feed_path(token))

    assert response.status_code == 200
    assert sorted(summaries(response)) == ["Kassererne: Budget", "Mit kursus"]
    # It is the person's own feed: place and online links are in it.
    assert b"meet.example.org/mit-kursus" in response.content
    assert b"meet.example.org/budget" in response.content
    assert b"Hemmelig All" in response.content


def test_personal_feed_never_contains_another_persons_data(client):
    me, other = UserFactory(full_name="Mette Mig"), UserFactory(full_name="Anders Anden")
    SignupFactory(course=CourseFactory(title="Mit kursus"), user=me)
    SignupFactory(
        course=CourseFactory(title="Andens kursus", online_link="https://meet.example.org/anden"),
        user=other,
    )
    shared = CourseFactory(title="Fælles kursus")
    SignupFactory(course=shared, user=me)
    SignupFactory(course=shared, user=other, needs="Andens behov", association="Andens forening")
    other_network = NetworkFactory(name="Andens netværk")
    MembershipFactory(network=other_network, user=other)
    NetworkMeetingFactory(network=other_network, title="Andens møde")
    token = services.regenerate_feed_token(me)
    services.regenerate_feed_token(other)

    response = client.get(feed_path(token))

    assert sorted(summaries(response)) == ["Fælles kursus", "Mit kursus"]
    for secret in (b"Anders", b"Andens", b"anden", other.email.encode()):
        assert secret not in response.content
    assert me.email.encode() not in response.content


def test_personal_feed_marks_my_cancelled_signup_and_a_cancelled_course(client):
    user = UserFactory()
    left = CourseFactory(title="Afmeldt")
    SignupFactory(
        course=left, user=user, status=SignupStatus.CANCELLED, cancelled_at=timezone.now()
    )
    called_off = CourseFactory(
        title="Aflyst", status=CourseStatus.CANCELLED, cancelled_at=timezone.now()
    )
    called_off.meetings.update(cancelled_at=called_off.cancelled_at, sequence=1)
    SignupFactory(course=called_off, user=user)
    long_ago = CourseFactory(title="Afmeldt for længe siden")
    SignupFactory(
        course=long_ago,
        user=user,
        status=SignupStatus.CANCELLED,
        cancelled_at=timezone.now() - timedelta(days=31),
    )
    token = services.regenerate_feed_token(user)

    events = parse_both(client.get(feed_path(token)).content).events

    got = {str(e["SUMMARY"]): (str(e["STATUS"]), e["SEQUENCE"]) for e in events}
    assert got == {"Afmeldt": ("CANCELLED", 1), "Aflyst": ("CANCELLED", 1)}


def test_signing_up_again_after_cancelling_shows_the_course_once_as_confirmed(client):
    user = UserFactory()
    course = CourseFactory(title="Igen")
    SignupFactory(
        course=course, user=user, status=SignupStatus.CANCELLED, cancelled_at=timezone.now()
    )
    SignupFactory(course=course, user=user)
    token = services.regenerate_feed_token(user)

    events = parse_both(client.get(feed_path(token)).content).events

    assert [(str(e["SUMMARY"]), str(e["STATUS"])) for e in events] == [("Igen", "CONFIRMED")]


def test_personal_feed_is_private_and_never_sends_a_referrer(client):
    token = services.regenerate_feed_token(UserFactory())

    response = client.get(feed_path(token))

    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"


def test_personal_feed_answers_304_to_its_etag_only(client):
    user = UserFactory()
    SignupFactory(course=CourseFactory(), user=user)
    token = services.regenerate_feed_token(user)
    first = client.get(feed_path(token))

    by_etag = client.get(feed_path(token), headers={"if-none-match": first["ETag"]})
    # No Last-Modified: a removal leaves no newer row to date the feed by (see
    # tests/test_access_follows_roles_downloads.py).
    by_date = client.get(feed_path(token), headers={"if-modified-since": http_date(time.time())})

    assert "Last-Modified" not in first
    assert (by_etag.status_code, by_date.status_code) == (304, 200)
    assert by_etag["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("count", [1, 4], ids=["one-of-each", "four-of-each"])
def test_personal_feed_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    from schools.models import ContributionStatus
    from tests.schools.factories import ContributionFactory, SchoolCoordinatorFactory

    user = UserFactory()
    topic = TopicFactory()
    for _ in range(count):
        SignupFactory(course=CourseFactory(meetings=2, topics=[topic]), user=user)
        network = NetworkFactory()
        MembershipFactory(network=network, user=user)
        NetworkMeetingFactory.create_batch(2, network=network)
        contribution = ContributionFactory(status=ContributionStatus.ACCEPTED)
        SchoolCoordinatorFactory(school=contribution.theme_week.school, user=user)
    token = services.regenerate_feed_token(user)

    # Cold: the token; the person; signups with courses; meetings; topics; network meetings;
    # theme-week contributions.
    with django_assert_num_queries(7):
        response = client.get(feed_path(token))

    assert len(parse_both(response.content).events) == 5 * count


# --- Personal data -------------------------------------------------------------------------


def test_export_says_when_my_link_was_made_but_not_the_link(client):
    user = UserFactory()
    token = services.regenerate_feed_token(user)
    client.force_login(user)

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    assert data["calendars"]["calendar_link"]["created_at"]
    assert token not in json.dumps(data)


def test_deleting_my_account_kills_my_feed(client):
    user = UserFactory()
    token = services.regenerate_feed_token(user)

    account_services.delete_account(user)

    assert not FeedToken.objects.exists()
    assert client.get(feed_path(token)).status_code == 404


def test_a_built_feed_is_reused_until_my_courses_change(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    user = UserFactory()
    SignupFactory(course=CourseFactory(title="Første kursus"), user=user)
    token = services.regenerate_feed_token(user)
    assert summaries(client.get(feed_path(token))) == ["Første kursus"]

    with django_assert_max_num_queries(0):  # token owner and built feed come from the cache
        assert summaries(client.get(feed_path(token))) == ["Første kursus"]

    with django_capture_on_commit_callbacks(execute=True):  # the change commits
        SignupFactory(course=CourseFactory(title="Andet kursus"), user=user)

    assert sorted(summaries(client.get(feed_path(token)))) == ["Andet kursus", "Første kursus"]


def test_theme_week_contributions_reach_the_schools_coordinator_and_the_associations_admin(
    client,
):
    from schools.models import ContributionStatus
    from tests.schools.factories import (
        ContributionFactory,
        association_admin,
        school_coordinator,
    )

    accepted = ContributionFactory(title="Spejderoplæg", status=ContributionStatus.ACCEPTED)
    ContributionFactory(
        theme_week=accepted.theme_week, title="Kun tilbudt", status=ContributionStatus.OFFERED
    )
    coordinator = school_coordinator(accepted.theme_week.school)
    admin = association_admin(accepted.association)
    stranger = UserFactory()

    for person, expected in ((coordinator, 1), (admin, 1), (stranger, 0)):
        token = services.regenerate_feed_token(person)
        found = [s for s in summaries(client.get(feed_path(token))) if "Spejderoplæg" in s]
        assert len(found) == expected, person
    coordinator_feed = client.get(feed_path(services.regenerate_feed_token(coordinator)))
    assert b"Kun tilbudt" not in coordinator_feed.content


def test_a_deactivated_persons_cached_feed_is_404_at_once(client):
    user = UserFactory()
    token = services.regenerate_feed_token(user)
    assert client.get(feed_path(token)).status_code == 200  # owner now cached

    user.is_active = False
    user.save()

    assert client.get(feed_path(token)).status_code == 404
