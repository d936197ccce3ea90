"""An association's people: roles (several per person), the admin right that belongs to the
person, never the last admin lost, the competence consent, and accounts being deleted."""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role, people_with_role
from associations.models import Association, AssociationInvitation, AssociationRole
from associations.services.common import AssociationError, give_role, lock, require_admin_or_staff
from associations.services.invitations import invite_person
from core.audit import record, record_many
from core.email import queue_email

logger = logging.getLogger(__name__)


def add_person(
    association: Association, email: str, *, by, role: str, is_admin: bool = False
) -> AssociationRole:
    """Give a person with an account a role in the association. Only its admins.

    The person must already have an account: we never create accounts for others (invite
    them instead, `invite_person`). Staff with the right to add roles may do it too. A person
    may hold several roles (chair and treasurer), each once.
    """
    require_admin_or_staff(by, association, "add")
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise AssociationError(
            _(
                "No one with this email address has an account on Frivilligløft. "
                "Ask them to create one first."
            )
        )
    with transaction.atomic():
        association = lock(association)
        given = give_role(association, user, role, is_admin=is_admin)
        record(given, "wagtail.create", by=by)
        return given


def add_or_invite_person(
    association: Association, email: str, *, by, role: str, is_admin: bool = False
) -> AssociationRole | AssociationInvitation:
    """Give the role to the person with this email address, or, when nobody has a profile
    with it, send them an invitation (see `invite_person`). Returns what was done."""
    if User.objects.filter(email__iexact=email.strip(), is_active=True).exists():
        return add_person(association, email, by=by, role=role, is_admin=is_admin)
    return invite_person(association, email, by=by, role=role, is_admin=is_admin)


def _other_admins(association: Association, role: AssociationRole) -> bool:
    """Whether someone other than `role`'s person is an admin of the association."""
    return (
        AssociationRole.objects.filter(association=association, is_admin=True)
        .exclude(user_id=role.user_id)
        .exists()
    )


def change_role(role: AssociationRole, *, by, kind: str, is_admin: bool) -> AssociationRole:
    """Change one of a person's roles and their admin right (which holds for all their roles
    in the association). The last admin cannot lose the admin right."""
    require_admin_or_staff(by, role.association, "change")
    with transaction.atomic():
        association = lock(role.association)
        # again: another admin may have just demoted them
        require_admin_or_staff(by, association, "change")
        role = AssociationRole.objects.select_for_update().get(pk=role.pk)
        if role.is_admin and not is_admin and not _other_admins(association, role):
            raise AssociationError(
                _("The association must have at least one admin. Make someone else admin first.")
            )
        mine = AssociationRole.objects.filter(association=association, user_id=role.user_id)
        if kind != role.role and mine.filter(role=kind).exists():
            raise AssociationError(_("This person already has this role in the association."))
        role.role = kind
        role.is_admin = is_admin
        role.save(update_fields=["role", "is_admin"])
        mine.exclude(pk=role.pk).update(is_admin=is_admin)
        record(role, "wagtail.edit", by=by, data={"role": kind, "is_admin": is_admin})
    return role


def remove_person(role: AssociationRole, *, by) -> None:
    """Remove one role of a person (admins, staff, or the person themselves); the person stays
    in the association with their other roles.

    The last admin cannot lose their last role.
    """
    if role.user_id != by.pk:
        require_admin_or_staff(by, role.association, "delete")
    with transaction.atomic():
        association = lock(role.association)
        role = AssociationRole.objects.select_for_update().filter(pk=role.pk).first()
        if role is None:
            return
        keeps_a_role = (
            AssociationRole.objects.filter(association=association, user_id=role.user_id)
            .exclude(pk=role.pk)
            .exists()
        )
        if role.is_admin and not keeps_a_role and not _other_admins(association, role):
            raise AssociationError(
                _("The association must have at least one admin. Make someone else admin first.")
            )
        record(role, "wagtail.delete", by=by)
        role.delete()


def set_competence_consent(role: AssociationRole, *, by, consent: bool) -> AssociationRole:
    """Only the person themselves (`by` is the role's person) decides whether the board sees
    their completed courses (for all their roles in the association)."""
    if role.user_id != by.pk:
        raise AssociationError(_("Only the person themselves can change this consent."))
    with transaction.atomic():
        AssociationRole.objects.filter(association_id=role.association_id, user=by).update(
            consent_show_competences=consent
        )
        record(role, "wagtail.edit", by=by, data={"consent_show_competences": consent})
    role.consent_show_competences = consent
    return role


def remove_people_of_deleted_account(user) -> list[Association]:
    """An account is being deleted: remove its roles. An association that loses its last admin
    this way is handed to the volunteer consultants — each is told by email, with a link to the
    association's people in the admin, where they appoint a new admin (consultants may manage
    every association's people). Nothing is copied: "has no admin" is read from the roles.
    Returns the associations left without an admin."""
    with transaction.atomic():
        admin_of = list(
            Association.objects.filter(roles__user=user, roles__is_admin=True).order_by("pk")
        )
        orphaned = []
        for association in admin_of:
            association = lock(association)
            # Admins whose accounts are closed cannot step in either.
            others = AssociationRole.objects.filter(
                association=association, is_admin=True, user__is_active=True
            )
            if not others.exclude(user=user).exists():
                orphaned.append(association)
        roles = AssociationRole.objects.filter(user=user)
        record_many(list(roles), "wagtail.delete", by=None, data={"account_deleted": True})
        roles.delete()
        for association in orphaned:
            tell_consultants_no_admin(association)
    return orphaned


def tell_consultants_no_admin(association: Association) -> None:
    """Email every volunteer consultant that `association` has no admin any more."""
    consultants = list(people_with_role(Role.VOLUNTEER_CONSULTANT))
    if not consultants:
        logger.warning(
            "Association %s has no admin and there is no consultant to tell", association.pk
        )
    for consultant in consultants:
        queue_email(
            consultant.email,
            "emails/associations/no_admin",
            {"recipient": consultant, "association": association},
            consultant.preferred_language or "da",
            about=association,
        )
