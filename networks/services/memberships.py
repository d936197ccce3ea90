"""Joining, approving, declining and leaving networks; coordinators; messages to members."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, people_with_role
from core.audit import record
from networks.models import (
    Invitation,
    JoinPolicy,
    MeetingStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMessage,
    Rsvp,
)
from networks.services.common import (
    MESSAGES,
    NetworkError,
    lock_network,
    mail_active_members,
    mail_user,
    require_manager,
    require_staff,
)

logger = logging.getLogger(__name__)


A_JOINED = "frivilligloeft.networks.member_joined"
A_APPROVED = "frivilligloeft.networks.member_approved"
A_DECLINED = "frivilligloeft.networks.member_declined"
A_LEFT = "frivilligloeft.networks.member_left"
A_REMOVED = "frivilligloeft.networks.member_removed"
A_COORDINATORS = "frivilligloeft.networks.coordinators_set"
A_MESSAGED = "frivilligloeft.networks.members_messaged"
A_DETAILS = "frivilligloeft.networks.member_details"


def _about(membership: Membership) -> dict:
    return {"membership": membership.pk, "user": membership.user_id, "status": membership.status}


def join_network(
    network: Network,
    user,
    *,
    association: str = "",
    linked_association_id: int | None = None,
    show_name_to_members: bool = False,
    message: str = "",
    invitation: Invitation | None = None,
) -> Membership:
    """Join `network` by its policy: open → active, by approval → pending (the coordinators are
    emailed), by invitation → refused unless `invitation` is a usable invitation to it.

    A repeated request returns the existing active or pending membership unchanged.
    """
    with transaction.atomic():
        network = lock_network(network)
        membership = (
            Membership.objects.select_for_update().filter(network=network, user=user).first()
        )
        is_current = membership is not None and membership.status in (
            MembershipStatus.ACTIVE,
            MembershipStatus.PENDING,
        )
        # An invitation turns a pending request into a membership; otherwise nothing changes.
        if is_current and (membership.status == MembershipStatus.ACTIVE or invitation is None):
            return membership

        invited = invitation is not None and invitation.network_id == network.pk
        if invited and not invitation.is_usable:
            raise NetworkError(_("This invitation can no longer be used."))
        if network.join_policy == JoinPolicy.INVITATION and not invited:
            raise NetworkError(
                _("This network is by invitation only. Ask a coordinator for an invitation.")
            )
        now = timezone.now()
        if network.join_policy == JoinPolicy.APPROVAL and not invited:
            status = MembershipStatus.PENDING
        else:
            status = MembershipStatus.ACTIVE

        if membership is None:
            membership = Membership(network=network, user=user)
        membership.status = status
        membership.role = MembershipRole.MEMBER
        membership.association = association.strip()
        membership.linked_association_id = linked_association_id
        membership.show_name_to_members = show_name_to_members
        membership.request_message = message.strip() if status == MembershipStatus.PENDING else ""
        membership.requested_at = now
        membership.joined_at = now if status == MembershipStatus.ACTIVE else None
        membership.decided_at = None
        membership.decided_by = None
        membership.left_at = None
        membership.save()
        record(network, A_JOINED, by=user, data=_about(membership))

        if status == MembershipStatus.PENDING:
            _notify_coordinators_of_request(network, membership)
        else:
            mail_user(user, "welcome", {"network": network, "membership": membership})
    logger.info("User %s joined network %s as %s", user.pk, network.pk, status)
    return membership


def _notify_coordinators_of_request(network: Network, membership: Membership) -> None:
    from networks.queries import coordinators_of

    coordinators = list(coordinators_of(network))
    for coordinator in coordinators:
        mail_user(coordinator, "join_request", {"network": network, "membership": membership})
    if not coordinators and network.contact_email:
        from core.email import queue_email

        queue_email(
            network.contact_email,
            "emails/networks/join_request",
            {"network": network, "membership": membership, "recipient": None},
            "da",
        )


def approve_membership(membership: Membership, *, by) -> Membership:
    """A pending request becomes an active membership; the person is emailed."""
    require_manager(by, membership.network)
    with transaction.atomic():
        network = lock_network(membership.network)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status == MembershipStatus.ACTIVE:
            return membership
        if membership.status != MembershipStatus.PENDING:
            raise NetworkError(_("Only a request that awaits approval can be approved."))
        now = timezone.now()
        membership.status = MembershipStatus.ACTIVE
        membership.joined_at = now
        membership.decided_at = now
        membership.decided_by = by
        membership.save(update_fields=["status", "joined_at", "decided_at", "decided_by"])
        record(network, A_APPROVED, by=by, data=_about(membership))
        mail_user(membership.user, "request_approved", {"network": membership.network, "by": by})
    return membership


def decline_membership(membership: Membership, *, by, reason: str = "") -> Membership:
    """A pending request is declined; the person is emailed, with the reason if one is given."""
    require_manager(by, membership.network)
    with transaction.atomic():
        network = lock_network(membership.network)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status == MembershipStatus.DECLINED:
            return membership
        if membership.status != MembershipStatus.PENDING:
            raise NetworkError(_("Only a request that awaits approval can be declined."))
        membership.status = MembershipStatus.DECLINED
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        record(network, A_DECLINED, by=by, data=_about(membership))
        mail_user(
            membership.user,
            "request_declined",
            {"network": membership.network, "reason": reason.strip()},
        )
    return membership


def leave_network(network: Network, user) -> Membership:
    """Leave a network, or withdraw a pending request. Answers to future meetings are removed,
    so the seats are free. The only coordinator cannot leave: someone must run the network."""
    with transaction.atomic():
        network = lock_network(network)
        membership = (
            Membership.objects.select_for_update().filter(network=network, user=user).first()
        )
        if membership is None or membership.status not in (
            MembershipStatus.ACTIVE,
            MembershipStatus.PENDING,
        ):
            raise NetworkError(_("You are not a member of this network."))
        if membership.is_coordinator:
            others = (
                Membership.objects.filter(
                    network=network,
                    status=MembershipStatus.ACTIVE,
                    role=MembershipRole.COORDINATOR,
                )
                .exclude(pk=membership.pk)
                .exists()
            )
            if not others:
                raise NetworkError(
                    _(
                        "You are the only coordinator of this network. Ask a volunteer "
                        "consultant to appoint another coordinator before you leave."
                    )
                )
        membership.status = MembershipStatus.LEFT
        membership.role = MembershipRole.MEMBER
        membership.left_at = timezone.now()
        membership.save(update_fields=["status", "role", "left_at"])
        record(network, A_LEFT, by=user, data=_about(membership))
        Rsvp.objects.filter(
            user=user,
            meeting__network=network,
            meeting__status=MeetingStatus.PLANNED,
            meeting__starts_at__gt=timezone.now(),
        ).delete()
    return membership


def remove_member(membership: Membership, *, by) -> Membership:
    """A coordinator takes a member off the network (they are told by email). Coordinators
    are appointed and removed by the volunteer consultants in the admin, not here."""
    require_manager(by, membership.network)
    with transaction.atomic():
        network = lock_network(membership.network)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != MembershipStatus.ACTIVE:
            raise NetworkError(_("Only an active member can be removed."))
        if membership.role == MembershipRole.COORDINATOR:
            raise NetworkError(
                _("A coordinator is removed by a volunteer consultant in the administration.")
            )
        membership.status = MembershipStatus.LEFT
        membership.left_at = timezone.now()
        membership.decided_at = membership.left_at
        membership.decided_by = by
        membership.save(update_fields=["status", "left_at", "decided_at", "decided_by"])
        record(network, A_REMOVED, by=by, data=_about(membership))
        Rsvp.objects.filter(
            user_id=membership.user_id,
            meeting__network_id=membership.network_id,
            meeting__status=MeetingStatus.PLANNED,
            meeting__starts_at__gt=timezone.now(),
        ).delete()
        mail_user(membership.user, "removed", {"network": membership.network})
    return membership


def update_membership_details(
    membership: Membership,
    *,
    association: str,
    show_name_to_members: bool,
    linked_association_id: int | None = None,
) -> Membership:
    """A member changes their association or whether other members may see their name."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status not in (MembershipStatus.ACTIVE, MembershipStatus.PENDING):
            raise NetworkError(_("You are not a member of this network."))
        membership.association = association.strip()
        membership.linked_association_id = linked_association_id
        membership.show_name_to_members = show_name_to_members
        membership.save(
            update_fields=[
                "association",
                "linked_association_id",
                "show_name_to_members",
                "updated_at",
            ]
        )
        record(membership.network, A_DETAILS, by=membership.user, data=_about(membership))
    return membership


def set_coordinators(network: Network, users, *, by) -> None:
    """Make exactly `users` the network's coordinators (volunteer consultants do this in the
    admin). New coordinators become active members; former ones stay members."""
    require_staff(by)
    wanted = {user.pk: user for user in users}
    now = timezone.now()
    with transaction.atomic():
        network = lock_network(network)
        existing = {
            m.user_id: m for m in Membership.objects.select_for_update().filter(network=network)
        }
        for user_id, membership in existing.items():
            if membership.role == MembershipRole.COORDINATOR and user_id not in wanted:
                membership.role = MembershipRole.MEMBER
                membership.save(update_fields=["role", "updated_at"])
        for user_id, user in wanted.items():
            membership = existing.get(user_id) or Membership(network=network, user=user)
            if membership.is_coordinator:
                continue
            if membership.status != MembershipStatus.ACTIVE:
                membership.status = MembershipStatus.ACTIVE
                membership.joined_at = now
                membership.left_at = None
                membership.decided_at = now
                membership.decided_by = by
            membership.role = MembershipRole.COORDINATOR
            membership.save()
        record(network, A_COORDINATORS, by=by, data={"users": sorted(wanted)})


def message_members(network: Network, *, by, subject: str, body: str) -> NetworkMessage:
    """Email every active member; the message is kept for the coordinators to see."""
    require_manager(by, network)
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise NetworkError(_("Write both a subject and a message."))
    with transaction.atomic():
        network = lock_network(network)
        message = NetworkMessage.objects.create(
            network=network, sender=by, subject=subject, body=body
        )
        message.recipient_count = mail_active_members(
            network,
            "message",
            {"message": message, "sender": by},
            email_kind=MESSAGES,
            # Written by the coordinator: replies (even automatic ones) are for them.
            automatic=False,
        )
        message.save(update_fields=["recipient_count"])
        record(
            network,
            A_MESSAGED,
            by=by,
            data={"message": message.pk, "recipients": message.recipient_count},
        )
    return message


def remove_memberships_of_deleted_account(user) -> list[Network]:
    """An account is being deleted: remove its memberships. A network that loses its last
    active coordinator this way is handed to the volunteer consultants — each is told by
    email, with a link to the network in the admin, where they appoint a new coordinator.
    Returns the networks left without a coordinator."""
    with transaction.atomic():
        coordinated = list(
            Network.objects.filter(
                memberships__user=user,
                memberships__role=MembershipRole.COORDINATOR,
                memberships__status=MembershipStatus.ACTIVE,
            ).order_by("pk")
        )
        orphaned = []
        for network in coordinated:
            network = lock_network(network)
            others = Membership.objects.filter(
                network=network,
                role=MembershipRole.COORDINATOR,
                status=MembershipStatus.ACTIVE,
                user__is_active=True,  # a closed account cannot run the network either
            ).exclude(user=user)
            if not others.exists():
                orphaned.append(network)
        Membership.objects.filter(user=user).delete()
        consultants = list(people_with_role(Role.VOLUNTEER_CONSULTANT))
        if orphaned and not consultants:
            logger.warning(
                "Networks %s have no coordinator and no consultant to tell",
                [network.pk for network in orphaned],
            )
        for network in orphaned:
            for consultant in consultants:
                mail_user(consultant, "no_coordinator", {"network": network})
    return orphaned
