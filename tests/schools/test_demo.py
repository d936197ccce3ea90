"""The demo's schools are made through schools.services (issue 19): each placement is
requested by its school's coordinator and decided by the association's admin, so the demo
shows only states the services produce, each logged by who did it."""

from wagtail.models import ModelLogEntry

from associations.models import AssociationRole
from schools.models import (
    ContributionStatus,
    InternshipOffer,
    Placement,
    PlacementState,
    SchoolCoordinator,
    ThemeWeekContribution,
)


def test_placements_and_offers_come_from_the_services(demo_site):
    for placement in Placement.objects.select_related("offer"):
        created = ModelLogEntry.objects.for_instance(placement).get(action="wagtail.create")
        assert created.user_id == placement.requested_by_id
        assert SchoolCoordinator.objects.filter(
            school=placement.school_id, user=placement.requested_by_id
        ).exists()
        decided = ModelLogEntry.objects.for_instance(placement).exclude(pk=created.pk)
        admins = AssociationRole.objects.filter(association=placement.offer.association_id)
        admins = set(admins.filter(is_admin=True).values_list("user_id", flat=True))
        if placement.state != PlacementState.REQUESTED:
            assert decided.exists()
            assert set(decided.values_list("user_id", flat=True)) <= admins | {
                placement.requested_by_id
            }
    for offer in InternshipOffer.objects.all():
        assert ModelLogEntry.objects.for_instance(offer).filter(action="wagtail.create").exists()


def test_theme_week_contributions_are_offered_and_accepted_through_the_services(demo_site):
    contributions = ThemeWeekContribution.objects.all()
    assert {c.status for c in contributions} == {
        ContributionStatus.ACCEPTED,
        ContributionStatus.OFFERED,
    }
    for contribution in contributions:
        assert contribution.offered_by_id is not None
        if contribution.status == ContributionStatus.ACCEPTED:
            assert contribution.sequence == 1
