"""Who may be named a course's organiser, and finding them by name or address.

Organisers are staff (anyone with a staff role or access to the admin) and the contact
people of named course providers, matched by the provider's contact email. Volunteers are
never offered. Each function costs one query however many accounts the site holds: nothing
here lists every user.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower

from accounts.roles import Role
from courses.models import Provider

SEARCH_LIMIT = 20
MIN_SEARCH_LENGTH = 2


@dataclass(frozen=True)
class OrganiserCandidate:
    pk: int
    name: str
    email: str
    organisation: str  # a provider's name, or "" for the municipality's staff


def _provider_of_email():
    return Provider.objects.annotate(address=Lower("contact_email")).filter(
        address=Lower(OuterRef("email"))
    )


def organiser_candidates() -> QuerySet:
    """Active accounts that may be named organisers now."""
    staff_roles = [role.value for role in Role]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(
                Exists(
                    get_user_model().groups.through.objects.filter(
                        user_id=OuterRef("pk"), group__name__in=staff_roles
                    )
                )
            )
            | Q(Exists(_provider_of_email()))
        )
    )


def _with_organisation(users: QuerySet) -> QuerySet:
    return users.annotate(
        organisation=Subquery(_provider_of_email().order_by("name").values("name")[:1])
    )


def _candidate(user) -> OrganiserCandidate:
    return OrganiserCandidate(
        pk=user.pk,
        name=user.full_name or user.email,
        email=user.email,
        organisation=user.organisation or "",
    )


def search_organiser_candidates(text: str, limit: int = SEARCH_LIMIT) -> list[OrganiserCandidate]:
    """Up to `limit` candidates whose name or email contains every word of `text`, by name.
    Fewer than two characters finds nobody (a single letter would match half the staff)."""
    words = text.split()[:5]
    if len("".join(words)) < MIN_SEARCH_LENGTH:
        return []
    users = organiser_candidates()
    for word in words:
        word = word[:100]
        users = users.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    users = _with_organisation(users).order_by("full_name", "email", "pk")[:limit]
    return [_candidate(user) for user in users]


def organisers_by_pk(pks) -> list[OrganiserCandidate]:
    """The accounts behind `pks` (the organisers a form shows), candidates or not."""
    users = _with_organisation(get_user_model().objects.filter(pk__in=list(pks)))
    return [_candidate(user) for user in users.order_by("full_name", "email", "pk")]
