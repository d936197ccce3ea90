"""Downloads, exports and feeds follow current roles too: what a role opened (a ZIP of
certificates, a participant or member list, a pupil's page, a calendar with members-only
places) closes the moment the role is taken away, while whoever keeps the role keeps it.

The pages themselves: tests/test_access_follows_roles.py; internship certificates:
tests/certificates/test_internships.py."""

import pytest
from django.utils.http import http_date

from accounts.roles import Role
from associations import services as association_services
from associations.models import AssociationRole
from calendars import services as calendar_services
from courses.models import Course
from networks import services as network_services
from schools.models import ContributionStatus, PlacementState, SchoolCoordinator
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MeetingFactory, MembershipFactory
from tests.schools.factories import (
    ContributionFactory,
    PlacementFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db


def statuses(client, user, urls) -> list[int]:
    client.force_login(user)
    return [client.get(url).status_code for url in urls]


def test_an_organiser_taken_off_the_course_loses_its_certificates_zip_and_participant_lists(
    client,
):
    leaving, staying = UserFactory(), UserFactory()
    course = CourseFactory(organisers=[leaving, staying])
    SignupFactory(course=course, user__full_name="Deltager Synlig")
    base = f"/kurser/{course.slug}/arrangoer/"
    urls = [
        f"{base}beviser/",
        f"{base}beviser/beviser.zip",
        f"{base}deltagere.csv",
        f"{base}deltagere.xlsx",
    ]
    assert statuses(client, leaving, urls) == [200, 200, 200, 200]

    Course.organisers.through.objects.filter(course=course, user=leaving).delete()

    assert statuses(client, leaving, urls) == [404, 404, 404, 404]
    assert statuses(client, staying, urls) == [200, 200, 200, 200]


def test_a_coordinator_the_consultants_take_off_loses_the_member_list_at_once(client):
    network = MeetingFactory().network
    leaving = CoordinatorFactory(network=network).user
    staying = CoordinatorFactory(network=network).user
    MembershipFactory(network=network, user__full_name="Medlem Synlig", show_name_to_members=True)
    urls = [
        f"/netvaerk/{network.slug}/koordinator/medlemmer/",
        f"/netvaerk/{network.slug}/koordinator/medlemmer.csv",
    ]
    assert statuses(client, leaving, urls) == [200, 200]

    network_services.set_coordinators(
        network, [staying], by=UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    )

    assert statuses(client, leaving, urls) == [404, 404]
    assert statuses(client, staying, urls) == [200, 200]


def test_an_admin_who_steps_down_no_longer_sees_the_placement_and_its_pupils(client):
    placement = PlacementFactory(state=PlacementState.AGREED, pupils=[("Zenobia", "7.A")])
    association = placement.offer.association
    leaving, staying = association_admin(association), association_admin(association)
    url = f"/skoler/forloeb/{placement.pk}/"
    client.force_login(leaving)
    assert "Zenobia" in client.get(url).content.decode()

    role = AssociationRole.objects.get(association=association, user=leaving)
    association_services.change_role(role, by=staying, kind=role.role, is_admin=False)

    assert statuses(client, leaving, [url]) == [404]
    assert "Zenobia" not in client.get("/mine-sider/skoler/").content.decode()
    assert statuses(client, staying, [url]) == [200]


def feed(client, token) -> str:
    client.logout()  # calendar programs have no session: the token is the key
    response = client.get(f"/kalender/{token}.ics")
    assert response.status_code == 200
    return response.content.decode()


def test_a_removed_member_s_calendar_drops_the_meetings_and_their_place_at_once(
    client, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(title="Kassererne mødes", place_address="Hemmelig Allé 1")
    coordinator = CoordinatorFactory(network=meeting.network).user
    leaving = MembershipFactory(network=meeting.network)
    staying = MembershipFactory(network=meeting.network)
    leaving_token = calendar_services.regenerate_feed_token(leaving.user)
    staying_token = calendar_services.regenerate_feed_token(staying.user)
    assert "Hemmelig Allé" in feed(client, leaving_token)  # built and kept in the cache

    with django_capture_on_commit_callbacks(execute=True):
        network_services.remove_member(leaving, by=coordinator)

    assert "Kassererne mødes" not in feed(client, leaving_token)
    assert "Hemmelig Allé" not in feed(client, leaving_token)
    assert "Hemmelig Allé" in feed(client, staying_token)


def test_a_coordinator_removed_from_the_school_loses_its_theme_week_in_their_calendar(
    client, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(
        status=ContributionStatus.ACCEPTED, title="Oplæg om foreningslivet"
    )
    school = contribution.theme_week.school
    leaving, staying = school_coordinator(school), school_coordinator(school)
    leaving_token = calendar_services.regenerate_feed_token(leaving)
    staying_token = calendar_services.regenerate_feed_token(staying)
    assert "Oplæg om foreningslivet" in feed(client, leaving_token)

    with django_capture_on_commit_callbacks(execute=True):
        SchoolCoordinator.objects.filter(school=school, user=leaving).delete()

    assert "Oplæg om foreningslivet" not in feed(client, leaving_token)
    assert "Oplæg om foreningslivet" in feed(client, staying_token)


def test_a_removed_member_s_calendar_program_is_not_told_its_old_copy_still_holds(
    client, django_capture_on_commit_callbacks
):
    """A removal leaves nothing newer behind to date the feed by: a calendar program that asks
    "changed since?" with the date alone must get the new feed, not a 304 that keeps the
    meeting and its place on the removed member's calendar."""
    meeting = MeetingFactory(place_address="Hemmelig Allé 1")
    coordinator = CoordinatorFactory(network=meeting.network).user
    SignupFactory(user=(leaving := MembershipFactory(network=meeting.network)).user)
    token = calendar_services.regenerate_feed_token(leaving.user)
    first = client.get(f"/kalender/{token}.ics")

    with django_capture_on_commit_callbacks(execute=True):
        network_services.remove_member(leaving, by=coordinator)
    again = client.get(f"/kalender/{token}.ics", headers={"if-modified-since": http_date()})
    by_etag = client.get(f"/kalender/{token}.ics", headers={"if-none-match": first["ETag"]})

    assert "Hemmelig Allé" in first.content.decode()
    assert (again.status_code, by_etag.status_code) == (200, 200)
    assert "Hemmelig Allé" not in again.content.decode()
