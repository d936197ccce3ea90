"""certificates/rules.py: who may download a certificate — from the roles of now."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.roles import Role
from certificates.models import Certificate
from certificates.rules import holds_certificate, is_certificate_staff, sees_source_placement
from schools.models import SchoolCoordinator
from tests.factories import UserFactory
from tests.schools.factories import PlacementFactory, association_admin, school_coordinator

pytestmark = pytest.mark.django_db
PERMISSION = "certificates.download_certificate"


@pytest.fixture
def internship():
    """An (unsaved) internship certificate of a placement, its school's coordinator and the
    host association's admin: the rules read only the certificate's fields."""
    placement = PlacementFactory()
    certificate = Certificate(source_placement=placement)
    return (
        certificate,
        school_coordinator(placement.school),
        association_admin(placement.offer.association),
    )


def test_holder_downloads_their_certificate_without_a_query(django_assert_num_queries):
    holder = UserFactory()
    certificate = Certificate(holder=holder)

    with django_assert_num_queries(0):
        assert holds_certificate(holder, certificate) is True
        assert holder.has_perm(PERMISSION, certificate) is True
    assert UserFactory().has_perm(PERMISSION, certificate) is False


def test_school_and_association_download_the_pupils_certificate(internship):
    certificate, coordinator, admin = internship

    assert sees_source_placement(coordinator, certificate) is True
    assert coordinator.has_perm(PERMISSION, certificate) is True
    assert admin.has_perm(PERMISSION, certificate) is True
    assert school_coordinator().has_perm(PERMISSION, certificate) is False


def test_former_coordinator_loses_the_certificate_at_once(internship):
    certificate, coordinator, _admin = internship
    SchoolCoordinator.objects.filter(user=coordinator).delete()

    assert coordinator.has_perm(PERMISSION, certificate) is False


def test_staff_download_every_certificate_also_a_revoked_one():
    staff = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    holder = UserFactory()
    revoked = Certificate(holder=holder, revoked_at=timezone.now())

    assert is_certificate_staff(staff) is True
    assert staff.has_perm(PERMISSION, revoked) is True
    assert holder.has_perm(PERMISSION, revoked) is False


def test_anonymous_visitor_downloads_nothing(internship):
    certificate, _coordinator, _admin = internship

    assert is_certificate_staff(AnonymousUser()) is False
    assert AnonymousUser().has_perm(PERMISSION, certificate) is False
