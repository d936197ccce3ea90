"""Read queries other apps may use (schools reads associations only through here)."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from associations.models import Association, AssociationRole, ChildRecordDeclaration


def public_associations() -> QuerySet[Association]:
    """Associations anyone may see in the directory."""
    return Association.objects.filter(is_public=True)


def associations_administered_by(user) -> QuerySet[Association]:
    """The associations this person may manage (admins of the association)."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(roles__user=user, roles__is_admin=True).distinct()


def is_association_admin(user, association: Association) -> bool:
    if not user.is_authenticated:
        return False
    return AssociationRole.objects.filter(
        association=association, user=user, is_admin=True
    ).exists()


def has_current_child_record_declaration(
    association: Association, on: datetime.date | None = None
) -> bool:
    """Whether the association has declared børneattester for the year of `on` (default today)."""
    year = (on or timezone.localdate()).year
    return ChildRecordDeclaration.objects.filter(association=association, year=year).exists()


def frivillig_fredag(year: int) -> datetime.date:
    """Frivillig Fredag, the Danish volunteers' day: the last Friday of September."""
    last = datetime.date(year, 9, 30)
    return last - datetime.timedelta(days=(last.weekday() - 4) % 7)


def next_frivillig_fredag(today: datetime.date | None = None) -> datetime.date:
    """The next Frivillig Fredag on or after `today`."""
    today = today or timezone.localdate()
    this_year = frivillig_fredag(today.year)
    return this_year if this_year >= today else frivillig_fredag(today.year + 1)
