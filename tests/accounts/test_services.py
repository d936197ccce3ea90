import pytest
from allauth.account.models import EmailAddress

from accounts import registry, services
from accounts.models import User
from tests.factories import UserFactory


@pytest.fixture
def isolated_registry(monkeypatch):
    monkeypatch.setattr(registry, "_personal_data", {})
    return registry


@pytest.mark.django_db
def test_update_profile_saves_trimmed_values(user):
    services.update_profile(
        user, full_name="  Mette S  ", phone=" 12 34 56 78 ", preferred_language="en"
    )

    user.refresh_from_db()
    assert (user.full_name, user.phone, user.preferred_language) == ("Mette S", "12 34 56 78", "en")


@pytest.mark.django_db
def test_export_contains_account_and_every_registered_app(user, isolated_registry):
    isolated_registry.register_personal_data(
        "courses", export=lambda u: [{"course": "Ny i bestyrelsen"}]
    )

    data = services.export_personal_data(user)

    assert data["account"]["email"] == user.email
    assert data["account"]["full_name"] == user.full_name
    assert data["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]
    assert data["courses"] == [{"course": "Ny i bestyrelsen"}]


@pytest.mark.django_db
def test_export_holds_no_password_hash(user):
    data = services.export_personal_data(user)

    assert "password" not in str(data)


@pytest.mark.django_db
def test_delete_account_runs_every_eraser_then_deletes(user, isolated_registry):
    erased = []
    isolated_registry.register_personal_data("a", export=list, erase=lambda u: erased.append(u.pk))

    user_id = user.pk

    services.delete_account(user)

    assert erased == [user_id]
    assert not User.objects.filter(email=user.email).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()


@pytest.mark.django_db
def test_delete_account_keeps_everything_when_an_eraser_fails(user, isolated_registry):
    def broken(u):
        raise RuntimeError("cannot erase")

    isolated_registry.register_personal_data("broken", export=list, erase=broken)

    with pytest.raises(RuntimeError):
        services.delete_account(user)

    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db
def test_staff_cannot_delete_their_own_account():
    staff = UserFactory(roles=["Redaktør"])

    with pytest.raises(services.AccountError):
        services.delete_account(staff)

    assert User.objects.filter(pk=staff.pk).exists()
