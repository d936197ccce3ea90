import pytest
from django.db import IntegrityError

from accounts.models import User


@pytest.mark.django_db
def test_email_is_stored_lower_case():
    user = User.objects.create_user("Mette.Soerensen@Example.ORG", "x", full_name="Mette")

    assert user.email == "mette.soerensen@example.org"


@pytest.mark.django_db
def test_email_is_unique_whatever_the_case():
    User.objects.create_user("a@example.org", "x", full_name="A")

    with pytest.raises(IntegrityError):
        User.objects.create(email="A@EXAMPLE.ORG".lower(), full_name="B")


@pytest.mark.django_db
def test_login_lookup_ignores_case():
    User.objects.create_user("a@example.org", "x", full_name="A")

    assert User.objects.get_by_natural_key("A@Example.org").email == "a@example.org"


def test_names_for_display():
    user = User(email="k@example.org", full_name="Karim Nielsen")

    assert str(user) == "Karim Nielsen"
    assert user.get_short_name() == "Karim"
    assert User(email="k@example.org").get_full_name() == "k@example.org"
