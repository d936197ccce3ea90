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


def field_names(response) -> set[str]:
    return {
        name
        for name in (
            "email",
            "full_name",
            "phone",
            "preferred_language",
            "password1",
            "password2",
            "is_active",
            "first_name",
        )
        if f'name="{name}"' in response.text
    }


def test_the_create_form_asks_for_the_full_name_and_a_password(superuser_client):
    response = superuser_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    assert field_names(response) == {
        "email",
        "full_name",
        "phone",
        "preferred_language",
        "password1",
        "password2",
    }


@pytest.mark.indexes  # the edit screen's side panel counts references to the user
def test_the_edit_form_of_someone_else_can_deactivate_them(superuser_client):
    person = UserFactory(full_name="Vera Frivillig")

    response = superuser_client.get(reverse("wagtailusers_users:edit", args=[person.pk]))

    assert response.status_code == 200
    assert "is_active" in field_names(response)
    assert {"full_name", "email", "phone", "preferred_language"} <= field_names(response)
    assert 'value="Vera Frivillig"' in response.text
