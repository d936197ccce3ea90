"""The public network pages: the list, a network, a meeting; joining, leaving and answering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.page_cache import public_page
from core.prepared import PreparedQuery
from networks import queries, services
from networks.filters import NetworkFilter
from networks.forms import JoinForm, MembershipDetailsForm, RsvpForm
from networks.models import (
    JoinPolicy,
    MeetingStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    NetworkMeeting,
    Rsvp,
)
from networks.views.common import network_access, safe_next
from taxonomy.models import Topic

PER_PAGE = 20


@public_page
def network_list(request):
    filterset = NetworkFilter(request.GET or None, queryset=queries.listed_networks())
    if filterset.is_bound and not filterset.is_valid():
        # An unknown topic or audience in the URL: say so instead of showing everything.
        networks = queries.listed_networks().none()
        status = 400
    else:
        networks = filterset.qs
        status = 200
    page = Paginator(networks, PER_PAGE).get_page(request.GET.get("side"))
    statuses = {}
    if request.user.is_authenticated:
        statuses = dict(
            Membership.objects.filter(
                user=request.user, network__in=[n.pk for n in page.object_list]
            ).values_list("network_id", "status")
        )
    for network in page.object_list:
        network.my_status = statuses.get(network.pk)
    context = {
        "filter": filterset,
        "page": page,
        "networks": page.object_list,
        "filtered": any(request.GET.get(name) for name in ("topic", "audience")),
    }
    template = "networks/includes/network_results.html" if request.htmx else "networks/list.html"
    return render(request, template, context, status=status)


@public_page
def network_detail(request, slug):
    access = network_access(request, slug)
    network = access.network
    now = timezone.now()
    topics = _TOPICS.instances(network.pk)
    upcoming = _UPCOMING_WITH_COUNTS if access.sees_member_content else _UPCOMING
    meetings = _of_network(network, upcoming.instances(network.pk, now))
    _attach_my_answers(request.user, meetings, access.is_member)
    context = {
        "network": network,
        "access": access,
        "topics": topics,
        "meetings": meetings,
        "JoinPolicy": JoinPolicy,
    }
    if access.sees_member_content:
        context["past_meetings"] = _of_network(network, _PAST_WITH_NOTES.instances(network.pk, now))
        context.update(_member_list(network))
    return render(request, "networks/detail.html", context)


def _of_network(network, meetings: list) -> list:
    """The meetings with their network set, as network.meetings would have set it."""
    for meeting in meetings:
        meeting.network = network
    return meetings


def _member_list(network) -> dict:
    """Names of members who agreed to show them (managers see everyone in their tools)."""
    counted = _ACTIVE_MEMBER_COUNT.values(network.pk)
    return {
        "members_shown": _MEMBERS_SHOWN.instances(network.pk),
        "member_count": counted["n"] if counted else 0,
        "coordinator_role": MembershipRole.COORDINATOR,
    }


# The network page on every view (core.prepared: the SQL built once per process).
_TOPICS = PreparedQuery(lambda network_id: Topic.objects.filter(networks=network_id))
# queries.upcoming_meetings by the network's id (a related manager's queryset is not prepared).
_UPCOMING = PreparedQuery(
    lambda network_id, now: queries.not_ended(
        NetworkMeeting.objects.filter(network=network_id), now
    )
)
_UPCOMING_WITH_COUNTS = PreparedQuery(
    lambda network_id, now: queries.meetings_with_counts(
        queries.not_ended(NetworkMeeting.objects.filter(network=network_id), now)
    )
)
_PAST_WITH_NOTES = PreparedQuery(
    lambda network_id, now: (
        NetworkMeeting.objects.filter(
            network=network_id, ends_at__lte=now, status=MeetingStatus.PLANNED
        )
        .exclude(notes="")
        .order_by("-starts_at")[:5]
    )
)
_MEMBERS_SHOWN = PreparedQuery(
    lambda network_id: (
        Membership.objects.filter(
            network=network_id, status=MembershipStatus.ACTIVE, show_name_to_members=True
        )
        .select_related("user")
        .order_by("-role", "user__full_name")
    )
)
_ACTIVE_MEMBER_COUNT = PreparedQuery(
    lambda network_id: (
        Membership.objects.filter(network=network_id, status=MembershipStatus.ACTIVE)
        .order_by()
        .values("network")
        .annotate(n=Count("pk"))
    )
)


def _attach_my_answers(user, meetings, is_member) -> None:
    answers = {}
    if is_member and meetings:
        answers = dict(
            Rsvp.objects.filter(user=user, meeting__in=[m.pk for m in meetings]).values_list(
                "meeting_id", "answer"
            )
        )
    for meeting in meetings:
        meeting.my_answer = answers.get(meeting.pk)


def meeting_detail(request, slug, meeting_id):
    access = network_access(request, slug)
    queryset = NetworkMeeting.objects.filter(network=access.network)
    if access.sees_member_content:
        queryset = queries.meetings_with_counts(queryset)
    meeting = get_object_or_404(queryset, pk=meeting_id)
    _attach_my_answers(request.user, [meeting], access.is_member)
    context = {
        "network": access.network,
        "access": access,
        "meeting": meeting,
        "rsvp_form": RsvpForm(initial={"answer": meeting.my_answer}),
        "can_answer": access.is_member
        and not meeting.is_cancelled
        and meeting.starts_at > timezone.now(),
    }
    return render(request, "networks/meeting.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request, slug):
    access = network_access(request, slug)
    network = access.network
    if access.is_member or access.is_pending:
        return redirect(network)
    if network.join_policy == JoinPolicy.INVITATION:
        messages.error(
            request,
            _("This network is by invitation only. Ask a coordinator for an invitation."),
        )
        return render(request, "networks/join.html", {"network": network, "form": None}, status=403)
    ask_message = network.join_policy == JoinPolicy.APPROVAL
    form = JoinForm(request.POST or None, ask_message=ask_message, user=request.user)
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request, "networks/join.html", {"network": network, "form": form}, status=400
            )
        try:
            membership = services.join_network(
                network,
                request.user,
                association=form.cleaned_data["association"],
                linked_association_id=form.cleaned_data["linked_association_id"],
                show_name_to_members=form.cleaned_data["show_name_to_members"],
                message=form.cleaned_data.get("request_message", ""),
            )
        except services.NetworkError as error:
            messages.error(request, str(error))
            return redirect(network)
        if membership.status == MembershipStatus.PENDING:
            messages.success(
                request,
                _("Your request has been sent. You get an email when a coordinator has answered."),
            )
        else:
            messages.success(request, _("Welcome to %(network)s!") % {"network": network.name})
        return redirect(network)
    return render(request, "networks/join.html", {"network": network, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, slug):
    access = network_access(request, slug)
    if not (access.is_member or access.is_pending):
        messages.info(request, _("You are not a member of this network."))
        return redirect(access.network)
    if request.method == "POST":
        try:
            services.leave_network(access.network, request.user)
        except services.NetworkError as error:
            messages.error(request, str(error))
            return redirect(access.network)
        if access.is_pending:
            messages.success(request, _("Your request has been withdrawn."))
        else:
            messages.success(
                request, _("You have left %(network)s.") % {"network": access.network.name}
            )
        return redirect(safe_next(request, access.network.get_absolute_url()))
    return render(request, "networks/leave.html", {"network": access.network, "access": access})


@login_required
@require_http_methods(["GET", "POST"])
def membership_details(request, slug):
    access = network_access(request, slug)
    if not (access.is_member or access.is_pending):
        return redirect(access.network)
    form = MembershipDetailsForm(
        request.POST or None, instance=access.membership, user=request.user
    )
    if request.method == "POST":
        if not form.is_valid():
            context = {"network": access.network, "form": form}
            return render(request, "networks/membership_details.html", context, status=400)
        services.update_membership_details(
            access.membership,
            association=form.cleaned_data["association"],
            linked_association_id=form.cleaned_data["linked_association_id"],
            show_name_to_members=form.cleaned_data["show_name_to_members"],
        )
        messages.success(request, _("Your details have been saved."))
        return redirect(access.network)
    return render(
        request, "networks/membership_details.html", {"network": access.network, "form": form}
    )


@login_required
@require_POST
def answer_meeting(request, slug, meeting_id):
    access = network_access(request, slug)
    meeting = get_object_or_404(NetworkMeeting, network=access.network, pk=meeting_id)
    back = safe_next(request, meeting.get_absolute_url())
    form = RsvpForm(request.POST)
    if not access.is_member:
        return _answer_refused(
            request, access, meeting, back, 403, _("Only members of the network can answer.")
        )
    if not form.is_valid():
        return _answer_refused(
            request, access, meeting, back, 400, _("Choose coming, not coming or maybe.")
        )
    try:
        rsvp = services.rsvp(meeting, request.user, form.cleaned_data["answer"])
    except services.NetworkError as error:
        return _answer_refused(request, access, meeting, back, 409, str(error))
    messages.success(
        request, _("Your answer is saved: %(answer)s.") % {"answer": rsvp.get_answer_display()}
    )
    return redirect(back)


def _answer_refused(request, access, meeting, back, status, message):
    """Explain on a page of its own (with a 4xx) why the answer was not saved."""
    context = {"network": access.network, "meeting": meeting, "back": back, "error": message}
    return render(request, "networks/answer_error.html", context, status=status)
