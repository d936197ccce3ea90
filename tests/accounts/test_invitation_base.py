"""Network and association invitations share accounts.models.InvitationBase: the same fields,
order and status rules (issue 19). The pages they open share templates/accounts/invitation_base/."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from accounts.models import InvitationBase
from associations.models import AssociationInvitation
from networks.models import Invitation

KINDS = [Invitation, AssociationInvitation]
SHARED = [
    "email",
    "token_hash",
    "invited_by",
    "created_at",
    "expires_at",
    "accepted_at",
    "accepted_by",
    "revoked_at",
]


@pytest.mark.parametrize("model", KINDS)
def test_both_kinds_have_the_base_fields_and_order(model):
    assert issubclass(model, InvitationBase)
    assert not model._meta.abstract
    fields = {field.name: field for field in model._meta.get_fields()}
    assert set(SHARED) <= set(fields)
    assert fields["token_hash"].unique
    assert model._meta.ordering == ["-created_at", "-pk"]


@pytest.mark.parametrize("model", KINDS)
@pytest.mark.parametrize(
    ("changes", "status", "display"),
    [
        ({}, "open", "Venter på svar"),
        ({"expires_at": -1}, "expired", "Udløbet"),
        ({"revoked_at": 0, "expires_at": -1}, "revoked", "Trukket tilbage"),
        ({"accepted_at": 0, "revoked_at": 0}, "accepted", "Accepteret"),
    ],
)
def test_both_kinds_share_the_status_rules(model, changes, status, display):
    now = timezone.now()
    values = {"expires_at": now + timedelta(days=1)}
    values |= {name: now + timedelta(days=days) for name, days in changes.items()}
    invitation = model(email="mette@example.org", **values)

    assert invitation.status == status
    assert invitation.is_usable == (status == "open")
    with translation.override("da"):
        assert invitation.get_status_display() == display
