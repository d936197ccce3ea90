"""Access is decided from current roles at the moment of the request, never from a copy: each
kind of role, taken away, closes what it opened at once (and who keeps the role keeps access).

Certificates have their own tests (tests/certificates/test_internships.py)."""

import pytest

from associations import services as association_services
from associations.models import AssociationRole
from courses.models import Course
from networks import services as network_services
from networks.models import Membership, MembershipRole
from schools.models import PlacementState, SchoolCoordinator
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MeetingFactory, MembershipFactory
from tests.schools.factories import PlacementFactory, association_admin, school_coordinator

pytestmark = pytest.mark.django_db


def status(client, user, url) -> int:
    client.force_login(user)
    return client.get(url).status_code


def test_a_coordinator_removed_from_the_school_no_longer_sees_its_placements(client):
    placement = PlacementFactory(state=PlacementState.AGREED, pupils=[("Zenobia", "7.A")])
    coordinator = school_coordinator(placement.school)
    url = f"/skoler/forloeb/{placement.pk}/"
    client.force_login(coordinator)
    assert "Zenobia" in client.get(url).content.decode()

    SchoolCoordinator.objects.filter(user=coordinator).delete()

    response = client.get(url)
    assert response.status_code == 404
    assert "Zenobia" not in client.get("/mine-sider/skoler/").content.decode()


def test_an_admin_who_steps_down_no_longer_manages_the_associations_people(client):
    treasurer = association_admin()
    association = AssociationRole.objects.get(user=treasurer).association
    chair = association_admin(association)
    url = f"/mine-sider/foreninger/{association.slug}/personer/"
    assert status(client, treasurer, url) == 200

    role = AssociationRole.objects.get(association=association, user=treasurer)
    association_services.change_role(role, by=chair, kind=role.role, is_admin=False)

    assert status(client, treasurer, url) == 404
    assert status(client, chair, url) == 200


def test_a_removed_member_no_longer_sees_where_the_network_meets(client):
    meeting = MeetingFactory(place_address="Hemmelig Allé 1, 4400 Kalundborg")
    coordinator = CoordinatorFactory(network=meeting.network).user
    membership = MembershipFactory(network=meeting.network)
    url = f"/netvaerk/{meeting.network.slug}/moeder/{meeting.pk}/"
    client.force_login(membership.user)
    assert "Hemmelig Allé" in client.get(url).content.decode()

    network_services.remove_member(membership, by=coordinator)

    assert "Hemmelig Allé" not in client.get(url).content.decode()


def test_a_coordinator_made_member_again_loses_the_coordinator_tools(client):
    network = CoordinatorFactory().network
    coordinator = CoordinatorFactory(network=network).user
    url = f"/netvaerk/{network.slug}/koordinator/medlemmer/"
    assert status(client, coordinator, url) == 200

    Membership.objects.filter(network=network, user=coordinator).update(role=MembershipRole.MEMBER)

    assert status(client, coordinator, url) == 404


def test_an_organiser_taken_off_the_course_loses_the_participant_list(client):
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])
    SignupFactory(course=course, user__full_name="Deltager Synlig")
    url = f"/kurser/{course.slug}/arrangoer/"
    assert status(client, organiser, url) == 200

    Course.organisers.through.objects.filter(course=course, user=organiser).delete()

    assert status(client, organiser, url) == 404
    assert status(client, organiser, f"{url}deltagere.csv") == 404
