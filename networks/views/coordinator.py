"""Coordinator tools: requests, invitations, members, meetings, answers and messages.

Every view goes through `manager_view`, the core guard
(`core.permissions.permission_required_or_404`) with the permission `networks.manage_network`
of networks/rules.py: anonymous visitors log in first; the network's own coordinators and the
volunteer consultants get in; everybody else gets a 404, so a coordinator of one network cannot
even see that another's tools exist.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.services import render_form, run_form_service, run_service
from networks import exports, queries, services
from networks.forms import (
    CancelMeetingForm,
    DeclineForm,
    InviteForm,
    MeetingForm,
    MessageForm,
    NotesForm,
)
from networks.models import (
    Invitation,
    Membership,
    MembershipStatus,
    NetworkMeeting,
    Rsvp,
    RsvpAnswer,
)
from networks.views.common import manager_view


def _tools_url(network) -> str:
    return reverse("networks:manage", kwargs={"slug": network.slug})


@manager_view
def overview(request, network):
    now = timezone.now()
    context = {
        "network": network,
        "pending": list(
            Membership.objects.filter(network=network, status=MembershipStatus.PENDING)
            .select_related("user")
            .order_by("requested_at", "pk")
        ),
        "upcoming": list(
            queries.meetings_with_counts(network.meetings.filter(ends_at__gt=now)).order_by(
                "starts_at", "pk"
            )
        ),
        "past": list(network.meetings.filter(ends_at__lte=now).order_by("-starts_at", "-pk")[:10]),
        "invitations": list(
            Invitation.objects.filter(network=network).select_related("invited_by")[:20]
        ),
        "member_count": Membership.objects.filter(
            network=network, status=MembershipStatus.ACTIVE
        ).count(),
        "sent_messages": list(network.messages.select_related("sender")[:5]),
        "decline_form": DeclineForm(),
    }
    return render(request, "networks/manage/overview.html", context)


def _active_members(network):
    """The network's active members with their person, coordinators first, then by name."""
    return (
        Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__full_name", "pk")
    )


def _membership(network, membership_id):
    """A membership of this network, with its person (for the message naming them)."""
    return get_object_or_404(
        Membership.objects.select_related("user"), network=network, pk=membership_id
    )


@manager_view
@require_POST
def approve(request, network, membership_id):
    membership = _membership(network, membership_id)
    run_service(
        request,
        services.approve_membership,
        membership,
        by=request.user,
        success=_("%(name)s is now a member.") % {"name": membership.user.get_full_name()},
    )
    return redirect(_tools_url(network))


@manager_view
@require_POST
def decline(request, network, membership_id):
    membership = _membership(network, membership_id)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason is too long (at most 1000 characters)."))
        return redirect(_tools_url(network))
    run_service(
        request,
        services.decline_membership,
        membership,
        by=request.user,
        reason=form.cleaned_data["reason"],
        success=_("The request from %(name)s has been declined.")
        % {"name": membership.user.get_full_name()},
    )
    return redirect(_tools_url(network))


@manager_view
def members(request, network):
    memberships = list(_active_members(network))
    return render(
        request,
        "networks/manage/members.html",
        {"network": network, "memberships": memberships},
    )


@manager_view
@require_POST
def remove_member(request, network, membership_id):
    membership = _membership(network, membership_id)
    run_service(
        request,
        services.remove_member,
        membership,
        by=request.user,
        success=_("%(name)s is no longer a member.") % {"name": membership.user.get_full_name()},
    )
    return redirect("networks:members", slug=network.slug)


@manager_view
def members_csv(request, network):
    return exports.members_csv(network, _active_members(network))


@manager_view
@require_http_methods(["GET", "POST"])
def invite(request, network):
    form = InviteForm(request.POST or None)
    context = {"network": network, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "networks/manage/invite.html", context, status=400)
        try:
            sent, skipped = services.invite_by_email(
                network, form.cleaned_data["emails"], by=request.user
            )
        except services.NetworkError as error:
            form.add_error("emails", str(error))
            return render(request, "networks/manage/invite.html", context, status=400)
        if sent:
            messages.success(
                request,
                ngettext(
                    "%(count)d invitation has been sent.",
                    "%(count)d invitations have been sent.",
                    len(sent),
                )
                % {"count": len(sent)},
            )
        if skipped:
            messages.info(
                request,
                _("Already members, not invited again: %(emails)s")
                % {"emails": ", ".join(skipped)},
            )
        return redirect(_tools_url(network))
    return render(request, "networks/manage/invite.html", context)


@manager_view
@require_POST
def revoke_invitation(request, network, invitation_id):
    invitation = get_object_or_404(Invitation, network=network, pk=invitation_id)
    run_service(
        request,
        services.revoke_invitation,
        invitation,
        by=request.user,
        success=_("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
    )
    return redirect(_tools_url(network))


@manager_view
@require_http_methods(["GET", "POST"])
def plan_meeting(request, network):
    form = MeetingForm(request.POST or None)
    planned, meeting = run_form_service(
        request,
        form,
        services.plan_meeting,
        network,
        success=_("The meeting is planned and the members have been emailed."),
    )
    if planned:
        return redirect(meeting)
    context = {"network": network, "form": form, "meeting": None}
    return render_form(request, "networks/manage/meeting_form.html", context)


def _meeting(network, meeting_id) -> NetworkMeeting:
    return get_object_or_404(NetworkMeeting, network=network, pk=meeting_id)


@manager_view
@require_http_methods(["GET", "POST"])
def change_meeting(request, network, meeting_id):
    meeting = _meeting(network, meeting_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    context = {"network": network, "form": form, "meeting": meeting}
    if meeting.is_cancelled or meeting.is_past:
        messages.error(request, _("A cancelled or past meeting cannot be changed."))
        return redirect(_tools_url(network))
    changed, _result = run_form_service(
        request, form, services.change_meeting, meeting, success=_("The meeting has been saved.")
    )
    if changed:
        return redirect(meeting)
    return render_form(request, "networks/manage/meeting_form.html", context)


@manager_view
@require_http_methods(["GET", "POST"])
def cancel_meeting(request, network, meeting_id):
    meeting = _meeting(network, meeting_id)
    form = CancelMeetingForm(request.POST or None)
    context = {"network": network, "form": form, "meeting": meeting}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "networks/manage/meeting_cancel.html", context, status=400)
        try:
            services.cancel_meeting(meeting, by=request.user, reason=form.cleaned_data["reason"])
        except services.NetworkError as error:
            messages.error(request, str(error))
            return redirect(_tools_url(network))
        messages.success(request, _("The meeting is cancelled and the members have been emailed."))
        return redirect(_tools_url(network))
    return render(request, "networks/manage/meeting_cancel.html", context)


@manager_view
@require_http_methods(["GET", "POST"])
def meeting_notes(request, network, meeting_id):
    meeting = _meeting(network, meeting_id)
    form = NotesForm(request.POST or None, initial={"notes": meeting.notes})
    context = {"network": network, "form": form, "meeting": meeting}
    saved, _result = run_form_service(
        request, form, services.save_meeting_notes, meeting, success=_("The notes have been saved.")
    )
    if saved:
        return redirect(meeting)
    return render_form(request, "networks/manage/meeting_notes.html", context)


@manager_view
def meeting_answers(request, network, meeting_id):
    meeting = get_object_or_404(
        queries.meetings_with_counts(NetworkMeeting.objects.filter(network=network)),
        pk=meeting_id,
    )
    rsvps = list(
        Rsvp.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("answer", "user__full_name", "pk")
    )
    answered = {r.user_id for r in rsvps}
    not_answered = list(
        Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE)
        .exclude(user_id__in=answered)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    groups = [
        (label, [r for r in rsvps if r.answer == value]) for value, label in RsvpAnswer.choices
    ]
    context = {
        "network": network,
        "meeting": meeting,
        "groups": groups,
        "not_answered": not_answered,
    }
    return render(request, "networks/manage/meeting_answers.html", context)


@manager_view
@require_http_methods(["GET", "POST"])
def message_members(request, network):
    form = MessageForm(request.POST or None)
    count = _active_members(network).count()
    sent, _message = run_form_service(
        request,
        form,
        services.message_members,
        network,
        success=lambda message: (
            ngettext(
                "The message has been sent to %(count)d member.",
                "The message has been sent to %(count)d members.",
                message.recipient_count,
            )
            % {"count": message.recipient_count}
        ),
    )
    if sent:
        return redirect(_tools_url(network))
    context = {"network": network, "form": form, "count": count}
    return render_form(request, "networks/manage/message.html", context)
