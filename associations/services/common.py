"""What the association services share: the error they raise, the check of who may act (the
predicates of associations/rules.py), the row lock, and giving a person a role."""

from django.utils.translation import gettext_lazy as _

from associations.models import Association, AssociationRole
from associations.rules import is_association_admin
from core.services import ServiceError


class AssociationError(ServiceError):
    """A change to an association that is not allowed; the message is shown to the person."""


def require_admin(by, association: Association) -> None:
    if not is_association_admin(by, association):
        raise AssociationError(_("Only the association's admins can do this."))


def require_admin_or_staff(by, association: Association, action: str) -> None:
    """The association's admins, or staff allowed to `action` (add, change, delete) roles in
    the Wagtail admin (`associations.<action>_roles_of` in associations/rules.py).

    Staff step in when an association has lost its admins (the chair moved away, the treasurer
    never made an account), so the last-admin rule holds for them too.
    """
    if not by.has_perm(f"associations.{action}_roles_of", association):
        raise AssociationError(_("Only the association's admins can do this."))


def lock(association: Association) -> Association:
    return Association.objects.select_for_update().get(pk=association.pk)


def apply(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed) - {"categories"}
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for field in allowed:
        if field in data:
            setattr(instance, field, data[field])


def give_role(association: Association, user, kind: str, *, is_admin: bool) -> AssociationRole:
    """Add role `kind` to the person's roles (the association row is locked). Being an admin
    and the competence consent belong to the person: the new role takes them from the
    person's other roles, and an admin role makes all of them admin."""
    mine = AssociationRole.objects.filter(association=association, user=user)
    if mine.filter(role=kind).exists():
        raise AssociationError(_("This person already has this role in the association."))
    others = list(mine)
    is_admin = is_admin or any(other.is_admin for other in others)
    consent = any(other.consent_show_competences for other in others)
    if is_admin:
        mine.update(is_admin=True)
    return AssociationRole.objects.create(
        association=association,
        user=user,
        role=kind,
        is_admin=is_admin,
        consent_show_competences=consent,
    )
