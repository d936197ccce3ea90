"""Read queries for schools. Other apps (certificates, calendars) read schools only through here."""

from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from associations.queries import associations_administered_by
from core.prepared import PreparedQuery
from schools.models import (
    OPEN_STATES,
    PLACE_HOLDING_STATES,
    ContributionStatus,
    InternshipOffer,
    OfferStatus,
    Placement,
    PlacementPupil,
    PlacementState,
    School,
    SchoolCoordinator,
    ThemeWeek,
    ThemeWeekContribution,
    ThemeWeekStatus,
)
from schools.rules import administered_association_ids, is_schools_staff


def with_places_held(offers: QuerySet[InternshipOffer]) -> QuerySet[InternshipOffer]:
    """Annotate `held` (pupils on accepted, agreed or completed placements) in the same query."""
    return offers.annotate(
        held=Coalesce(
            Sum("placements__pupil_count", filter=Q(placements__state__in=PLACE_HOLDING_STATES)),
            Value(0),
            output_field=IntegerField(),
        )
    )


def public_offers() -> QuerySet[InternshipOffer]:
    """Offers anyone may see: published or filled, from associations shown in the directory."""
    return with_places_held(
        InternshipOffer.objects.filter(
            status__in=[OfferStatus.PUBLISHED, OfferStatus.FILLED],
            association__is_public=True,
        ).select_related("association")
    ).order_by("status", "-published_at", "-pk")


def offers_of_associations(association_ids) -> QuerySet[InternshipOffer]:
    return with_places_held(
        InternshipOffer.objects.filter(association_id__in=list(association_ids))
        .select_related("association")
        .annotate(
            open_requests=Count(
                "placements", filter=Q(placements__state=PlacementState.REQUESTED), distinct=True
            )
        )
    ).order_by("association__name", "-created_at", "-pk")


def visible_offer(user, pk: int) -> InternshipOffer | None:
    """The offer if `user` may see it: public ones for all, drafts and closed ones for the
    association's admins and staff."""
    offer = (
        with_places_held(InternshipOffer.objects.select_related("association"))
        .filter(pk=pk)
        .first()
    )
    if offer is None:
        return None
    if offer.is_public and offer.association.is_public:
        return offer
    if offer.association_id in administered_association_ids(user) or is_schools_staff(user):
        return offer
    return None


def placements_visible_to(user) -> QuerySet[Placement]:
    """Placements of the schools `user` coordinates and on offers of associations they
    administer. Nobody else's: school A never sees school B's pupils."""
    if not user.is_authenticated:
        return Placement.objects.none()
    school_ids = SchoolCoordinator.objects.filter(user_id=user.pk).values("school_id")
    # Subqueries, not lists: the placements come in one query, and callers such as
    # certificates can nest this in their own.
    association_ids = associations_administered_by(user).values("pk")
    return Placement.objects.filter(
        Q(school_id__in=school_ids) | Q(offer__association_id__in=association_ids)
    )


def with_pupils(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    return placements.select_related("offer__association", "school").prefetch_related(
        Prefetch("pupils", queryset=PlacementPupil.objects.order_by("pk"))
    )


def completed_placements() -> QuerySet[Placement]:
    """Placements whose hours the association has confirmed (evaluated ones included)."""
    return Placement.objects.filter(
        state__in=[PlacementState.COMPLETED, PlacementState.EVALUATED]
    ).select_related("offer__association", "school")


def placement_certificate_data(placement: Placement) -> dict:
    """What an internship certificate (frivilligbevis) says, as plain values."""
    return {
        "placement_id": placement.pk,
        "pupils": [
            {"first_name": pupil.first_name, "class_name": pupil.class_name}
            for pupil in placement.pupils.order_by("pk")
        ],
        "school": placement.school.name,
        "association": placement.offer.association.name,
        "offer_title": placement.offer.title,
        "tasks": placement.offer.tasks,
        "hours": placement.hours_confirmed,
        "starts_on": placement.starts_on,
        "ends_on": placement.ends_on,
        "completed_on": timezone.localtime(placement.completed_at).date()
        if placement.completed_at
        else None,
    }


def open_theme_weeks() -> QuerySet[ThemeWeek]:
    """Theme weeks that have not ended and are not cancelled, with their accepted count."""
    return (
        ThemeWeek.objects.filter(
            ends_on__gte=timezone.localdate(),
            status__in=[ThemeWeekStatus.OPEN, ThemeWeekStatus.CLOSED],
        )
        .select_related("school")
        .annotate(
            accepted_count=Count(
                "contributions", filter=Q(contributions__status=ContributionStatus.ACCEPTED)
            )
        )
        .order_by("starts_on", "pk")
    )


def programme(theme_week: ThemeWeek) -> QuerySet[ThemeWeekContribution]:
    """The accepted contributions of a theme week, in time order."""
    return (
        theme_week.contributions.filter(status=ContributionStatus.ACCEPTED)
        .select_related("association")
        .order_by("starts_at", "pk")
    )


def dashboard_context(request) -> dict | None:
    """The Mine sider box: open requests and theme weeks for coordinators and association
    admins; nothing for everybody else."""
    user = request.user
    schools = _COORDINATED.instances(user.pk)
    association_ids = administered_association_ids(user)
    if not schools and not association_ids:
        return None
    counts = placements_visible_to(user).aggregate(
        waiting_for_me=Count(
            "pk",
            filter=Q(
                state=PlacementState.REQUESTED, offer__association_id__in=list(association_ids)
            ),
        ),
        open=Count("pk", filter=Q(state__in=OPEN_STATES)),
    )
    return {"schools": schools, "is_association_admin": bool(association_ids), **counts}


# Mine sider's box on every view (core.prepared: the SQL built once per process).
_COORDINATED = PreparedQuery(
    lambda user_id: School.objects.filter(coordinator_roles__user_id=user_id).order_by("name")
)


def contributions_for_person(user) -> QuerySet[ThemeWeekContribution]:
    """Accepted theme-week contributions on a person's calendar: those at the schools they
    coordinate and those their associations (as admin) give. One query."""
    return (
        ThemeWeekContribution.objects.filter(status=ContributionStatus.ACCEPTED)
        .filter(
            Q(theme_week__school__coordinator_roles__user=user)
            | Q(association__roles__user=user, association__roles__is_admin=True)
        )
        .select_related("theme_week__school", "association")
        .distinct()
        .order_by("starts_at", "pk")
    )
