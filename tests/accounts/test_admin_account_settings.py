"""The Wagtail admin's account page (admin/account/): a member of staff changes their name and
the admin's language there. Our User has one full name; Wagtail's own panel asked for a first
and a last name, fields our User lacks, so every save of the page was refused."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def account_form(**fields) -> dict[str, str]:
    return {
        "name_email-full_name": "Jonas Holm",
        "locale-preferred_language": "",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
        **fields,
    }


def test_the_account_page_asks_for_the_full_name_only(client):
    staff = UserFactory(full_name="Jonas Holm", roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(staff)

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 200
    assert 'name="name_email-full_name"' in response.text
    assert 'value="Jonas Holm"' in response.text
    assert "first_name" not in response.text
    # The address is changed on the site's own page, which verifies the new one.
    assert 'name="name_email-email"' not in response.text
    assert reverse("account_email") in response.text


def test_staff_can_switch_the_admin_to_english_and_change_their_name(client):
    staff = UserFactory(full_name="Jonas Holm", roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(staff)

    response = client.post(
        reverse("wagtailadmin_account"),
        account_form(
            **{"name_email-full_name": "Jonas K. Holm", "locale-preferred_language": "en"}
        ),
    )

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.full_name == "Jonas K. Holm"
    assert UserProfile.get_for_user(staff).preferred_language == "en"
    assert client.get(reverse("wagtailadmin_home")).text.count('lang="en"') >= 1


def test_an_empty_name_is_refused(client):
    staff = UserFactory(full_name="Jonas Holm", roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(staff)

    response = client.post(
        reverse("wagtailadmin_account"), account_form(**{"name_email-full_name": ""})
    )

    assert response.status_code == 200
    staff.refresh_from_db()
    assert staff.full_name == "Jonas Holm"


def test_the_account_page_needs_admin_access(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 302
