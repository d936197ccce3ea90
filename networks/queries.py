"""Reusable read queries for networks: who may see and do what, and what a person belongs to.

Other apps use these instead of reading the models directly:
- certificates lists `active_memberships(user)` on a volunteer's competence transcript;
- calendars puts `meetings_for_member(user)` and `public_meetings(network)` in its feeds.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from core.prepared import PreparedQuery
from networks.models import (
    OPEN_SPARRING_STATUSES,
    MeetingStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMeeting,
    SparringRequest,
)
from networks.rules import is_network_staff


def membership_of(user, network: Network) -> Membership | None:
    if not user.is_authenticated:
        return None
    return _MEMBERSHIP.instance(user.pk, network.pk)


def network_by_slug(slug: str) -> Network | None:
    return _NETWORK_BY_SLUG.instance(slug)


# Every network page reads the network and the visitor's membership (core.prepared: the SQL
# built once per process). first() orders by the model's ordering: so does this.
_MEMBERSHIP = PreparedQuery(
    lambda user_id, network_id: Membership.objects.filter(user=user_id, network=network_id)[:1]
)
_NETWORK_BY_SLUG = PreparedQuery(lambda slug: Network.objects.filter(slug=slug)[:1])


def can_manage(user, network: Network, membership: Membership | None = None) -> bool:
    """Coordinators of this network and volunteer consultants manage it; nobody else. The
    permission `networks.manage_network` (networks/rules.py), for a caller that already holds
    the person's membership of the network."""
    if not user.is_authenticated:
        return False
    if membership is None:
        membership = membership_of(user, network)
    if membership is not None and membership.network_id == network.pk and membership.is_coordinator:
        return True
    return is_network_staff(user)


def active_memberships(user) -> QuerySet[Membership]:
    """The networks a person is an active member (or coordinator) of, oldest first."""
    return (
        Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE)
        .select_related("network")
        .order_by("joined_at", "pk")
    )


def coordinators_of(network: Network) -> QuerySet:
    from accounts.models import User

    return User.objects.filter(
        network_memberships__network=network,
        network_memberships__status=MembershipStatus.ACTIVE,
        network_memberships__role=MembershipRole.COORDINATOR,
        is_active=True,
    )


def has_coordinator() -> Exists:
    """Whether a network has an active coordinator with an active account now (an expression
    for `filter()` / `exclude()`)."""
    return Exists(
        Membership.objects.filter(
            network=OuterRef("pk"),
            status=MembershipStatus.ACTIVE,
            role=MembershipRole.COORDINATOR,
            user__is_active=True,
        )
    )


def networks_without_coordinator() -> QuerySet[Network]:
    """Networks nobody runs (the last coordinator deleted their account): the volunteer
    consultants appoint a new coordinator. Read from the memberships, never stored."""
    return Network.objects.exclude(has_coordinator())


def upcoming_meetings(network: Network) -> QuerySet[NetworkMeeting]:
    """Meetings that have not ended, cancelled ones included (members must see the news)."""
    return not_ended(network.meetings.all(), timezone.now())


def not_ended(meetings: QuerySet[NetworkMeeting], now) -> QuerySet[NetworkMeeting]:
    return meetings.filter(ends_at__gt=now).order_by("starts_at", "pk")


def meetings_with_counts(queryset: QuerySet[NetworkMeeting]) -> QuerySet[NetworkMeeting]:
    return queryset.annotate(
        yes_count=Count("rsvps", filter=Q(rsvps__answer="yes")),
        no_count=Count("rsvps", filter=Q(rsvps__answer="no")),
        maybe_count=Count("rsvps", filter=Q(rsvps__answer="maybe")),
    )


def public_meetings(network: Network) -> QuerySet[NetworkMeeting]:
    """Every meeting of a network (for its public calendar feed; place is for members only)."""
    return network.meetings.order_by("starts_at", "pk")


def meetings_for_member(user) -> QuerySet[NetworkMeeting]:
    """Every meeting of the networks the person is an active member of (personal feeds)."""
    return (
        NetworkMeeting.objects.filter(
            network__memberships__user=user,
            network__memberships__status=MembershipStatus.ACTIVE,
        )
        .select_related("network")
        .order_by("starts_at", "pk")
    )


def listed_networks() -> QuerySet[Network]:
    now = timezone.now()
    return (
        Network.objects.filter(is_listed=True)
        .prefetch_related("topics")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__status=MembershipStatus.ACTIVE),
                distinct=True,
            ),
        )
        .prefetch_related(
            Prefetch(
                "meetings",
                queryset=NetworkMeeting.objects.filter(
                    status=MeetingStatus.PLANNED, starts_at__gt=now
                ).order_by("starts_at", "pk"),
                to_attr="upcoming",
            )
        )
        .order_by("name")
    )


def open_sparring_requests(user) -> QuerySet[SparringRequest]:
    return SparringRequest.objects.filter(requester=user, status__in=OPEN_SPARRING_STATUSES)


def dashboard_context(request) -> dict | None:
    """The Mine sider box: the next network meeting and open sparring requests, or nothing."""
    user = request.user
    next_meeting = _NEXT_MEETING.instance(user.pk, timezone.now())
    sparring = _OPEN_SPARRING.instances(user.pk)
    if next_meeting is None and not sparring:
        return None
    return {"next_meeting": next_meeting, "sparring_requests": sparring}


# Mine sider's box on every view (core.prepared: the SQL built once per process).
_NEXT_MEETING = PreparedQuery(
    lambda user_id, now: meetings_for_member(user_id).filter(
        status=MeetingStatus.PLANNED, ends_at__gt=now
    )[:1]
)
_OPEN_SPARRING = PreparedQuery(
    lambda user_id: open_sparring_requests(user_id).order_by("-created_at")[:3]
)
