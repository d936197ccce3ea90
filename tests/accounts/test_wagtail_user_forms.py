"""The Wagtail admin's user screens show our User's fields (full name, phone, language) from
one include (templates/wagtailusers/users/includes/fields.html) on both forms."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


OUR_FIELDS = {"email", "full_name", "phone", "preferred_language"}
PASSWORDS = {"password1", "password2"}


def field_names(response) -> set[str]:
    """Which of our fields, the password fields, "active" and Wagtail's own first name the
    form shows."""
    candidates = OUR_FIELDS | PASSWORDS | {"is_active", "first_name"}
    return {name for name in candidates if f'name="{name}"' in response.text}


def test_the_create_form_asks_for_the_full_name_and_a_password(superuser_client):
    response = superuser_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    assert field_names(response) == OUR_FIELDS | PASSWORDS


@pytest.mark.indexes  # the edit screen's side panel counts references to the user
def test_the_edit_form_of_someone_else_can_deactivate_them(superuser_client):
    person = UserFactory(full_name="Vera Frivillig")

    response = superuser_client.get(reverse("wagtailusers_users:edit", args=[person.pk]))

    assert response.status_code == 200
    assert field_names(response) == OUR_FIELDS | PASSWORDS | {"is_active"}
    assert 'value="Vera Frivillig"' in response.text
