"""Mine sider → Mine netværk: the person's networks, requests and next meetings."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from networks import queries
from networks.models import (
    OPEN_SPARRING_STATUSES,
    Membership,
    MembershipStatus,
    Rsvp,
    SparringRequest,
)


@login_required
def my_networks(request):
    user = request.user
    memberships = list(
        Membership.objects.filter(
            user=user,
            status__in=[
                MembershipStatus.ACTIVE,
                MembershipStatus.PENDING,
                MembershipStatus.DECLINED,
            ],
        )
        .select_related("network")
        .order_by("network__name")
    )
    meetings = list(queries.meetings_for_member(user).filter(ends_at__gt=timezone.now())[:10])
    answers = dict(
        Rsvp.objects.filter(user=user, meeting__in=[m.pk for m in meetings]).values_list(
            "meeting_id", "answer"
        )
    )
    for meeting in meetings:
        meeting.my_answer = answers.get(meeting.pk)
    sparring = SparringRequest.objects.filter(requester=user).aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_SPARRING_STATUSES)), total=Count("pk")
    )
    context = {
        "active": [m for m in memberships if m.status == MembershipStatus.ACTIVE],
        "pending": [m for m in memberships if m.status == MembershipStatus.PENDING],
        "declined": [m for m in memberships if m.status == MembershipStatus.DECLINED],
        "meetings": meetings,
        "sparring": sparring,
    }
    return render(request, "networks/mine/index.html", context)
