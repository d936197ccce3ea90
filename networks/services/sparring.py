"""Sparring requests: a volunteer leader or a board asks the volunteer consultants for help.

Status moves new → assigned → answered → closed. A consultant's reply makes it answered; a
follow-up from the requester makes it assigned (or new) again, so it is back in the queue.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, has_role, people_with_role
from core.audit import record
from networks.models import ContactMethod, SparringReply, SparringRequest, SparringStatus
from networks.services.common import NetworkError, mail_user, require_staff


def consultants():
    """The people who handle sparring: active members of the Frivilligkonsulent group."""
    return people_with_role(Role.VOLUNTEER_CONSULTANT)


def create_sparring_request(
    user,
    *,
    subject: str,
    description: str,
    topic=None,
    association: str = "",
    linked_association_id: int | None = None,
    contact_method: str = ContactMethod.EMAIL,
    phone: str = "",
) -> SparringRequest:
    """Receive a request; the requester gets a receipt and every consultant is told."""
    subject, description, phone = subject.strip(), description.strip(), phone.strip()
    if not subject or not description:
        raise NetworkError(_("Write a subject and a short description."))
    if contact_method not in ContactMethod.values:
        raise NetworkError(_("Choose how you would like to be contacted."))
    if contact_method == ContactMethod.PHONE and not phone:
        raise NetworkError(_("Write the phone number we should call."))
    with transaction.atomic():
        request = SparringRequest.objects.create(
            requester=user,
            subject=subject,
            description=description,
            topic=topic,
            association=association.strip(),
            linked_association_id=linked_association_id,
            contact_method=contact_method,
            phone=phone,
        )
        record(request, "wagtail.create", by=user)
        mail_user(user, "sparring_received", {"sparring": request})
        for consultant in consultants():
            mail_user(consultant, "sparring_new", {"sparring": request})
    return request


def _locked(request: SparringRequest) -> SparringRequest:
    return SparringRequest.objects.select_for_update().get(pk=request.pk)


def assign_sparring_request(request: SparringRequest, consultant, *, by) -> SparringRequest:
    """Give the request to a consultant (who is emailed unless they took it themselves)."""
    require_staff(by)
    if not has_role(consultant, Role.VOLUNTEER_CONSULTANT):
        raise NetworkError(_("Sparring requests can only be given to a volunteer consultant."))
    with transaction.atomic():
        request = _locked(request)
        if request.status == SparringStatus.CLOSED:
            raise NetworkError(_("The request is closed."))
        if request.assigned_to_id == consultant.pk and request.status != SparringStatus.NEW:
            return request
        request.assigned_to = consultant
        request.assigned_at = timezone.now()
        if request.status == SparringStatus.NEW:
            request.status = SparringStatus.ASSIGNED
        request.save(update_fields=["assigned_to", "assigned_at", "status", "updated_at"])
        record(
            request,
            "frivilligloeft.networks.sparring_assigned",
            by=by,
            data={"consultant": consultant.pk},
        )
        if consultant.pk != by.pk:
            mail_user(consultant, "sparring_assigned", {"sparring": request, "by": by})
    return request


def reply_to_sparring_request(request: SparringRequest, *, by, body: str) -> SparringReply:
    """A consultant's reply: the requester sees it in Mine sider and gets it by email."""
    require_staff(by)
    body = body.strip()
    if not body:
        raise NetworkError(_("Write a reply."))
    with transaction.atomic():
        request = _locked(request)
        if request.status == SparringStatus.CLOSED:
            raise NetworkError(_("The request is closed."))
        reply = SparringReply.objects.create(request=request, author=by, from_staff=True, body=body)
        now = timezone.now()
        request.status = SparringStatus.ANSWERED
        request.answered_at = now
        if request.assigned_to_id is None:
            request.assigned_to = by
            request.assigned_at = now
        request.save(
            update_fields=["status", "answered_at", "assigned_to", "assigned_at", "updated_at"]
        )
        record(request, "frivilligloeft.networks.sparring_replied", by=by, data={"reply": reply.pk})
        mail_user(request.requester, "sparring_reply", {"sparring": request, "reply": reply})
    return reply


def add_requester_message(request: SparringRequest, *, by, body: str) -> SparringReply:
    """The requester writes back; the request returns to the consultant's queue."""
    body = body.strip()
    if not body:
        raise NetworkError(_("Write a message."))
    with transaction.atomic():
        request = _locked(request)
        if request.requester_id != by.pk:
            raise NetworkError(_("Only the person who asked can write here."))
        if request.status == SparringStatus.CLOSED:
            raise NetworkError(
                _("The request is closed. Send a new request if you need more help.")
            )
        reply = SparringReply.objects.create(
            request=request, author=by, from_staff=False, body=body
        )
        request.status = SparringStatus.ASSIGNED if request.assigned_to_id else SparringStatus.NEW
        request.save(update_fields=["status", "updated_at"])
        record(
            request, "frivilligloeft.networks.sparring_followed_up", by=by, data={"reply": reply.pk}
        )
        if request.assigned_to is not None:
            mail_user(
                request.assigned_to,
                "sparring_followup",
                {"sparring": request, "reply": reply},
            )
    return reply


def close_sparring_request(request: SparringRequest, *, by) -> SparringRequest:
    """Close the request, by a consultant or by the requester; the other side is told."""
    if by is None or by.pk != request.requester_id:
        require_staff(by)
    with transaction.atomic():
        request = _locked(request)
        if request.status == SparringStatus.CLOSED:
            return request
        request.status = SparringStatus.CLOSED
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at", "updated_at"])
        record(request, "frivilligloeft.networks.sparring_closed", by=by)
        if by.pk != request.requester_id:
            mail_user(request.requester, "sparring_closed", {"sparring": request})
    return request
