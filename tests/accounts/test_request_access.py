"""Roles and permissions are read once per request (accounts.roles, RequestAccessMiddleware),
still from the current data: a change of role shows on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role, has_role
from tests.factories import UserFactory


def _access_queries(captured) -> list[str]:
    return [
        q["sql"] for q in captured if '"auth_permission"' in q["sql"] or '"auth_group"' in q["sql"]
    ]


@pytest.mark.django_db
def test_a_volunteer_page_asks_for_roles_and_permissions_once_and_shows_no_user_bar(client):
    client.force_login(UserFactory())
    client.get("/mine-sider/")

    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/mine-sider/")

    assert response.status_code == 200
    assert len(_access_queries(ctx.captured_queries)) == 1
    assert "wagtail-userbar" not in response.text


@pytest.mark.django_db
def test_an_editor_still_gets_the_user_bar_from_the_same_single_query(client):
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    client.get("/mine-sider/")

    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/mine-sider/")

    assert "wagtail-userbar" in response.text
    assert len(_access_queries(ctx.captured_queries)) == 1


@pytest.mark.django_db
def test_a_role_given_or_taken_between_requests_counts_on_the_next_request(client):
    person = UserFactory()
    client.force_login(person)
    assert "wagtail-userbar" not in client.get("/mine-sider/").text

    person.groups.add(Group.objects.get(name=Role.EDITOR))
    assert "wagtail-userbar" in client.get("/mine-sider/").text

    person.groups.clear()
    assert "wagtail-userbar" not in client.get("/mine-sider/").text


@pytest.mark.django_db
def test_a_user_object_outside_a_request_is_asked_afresh_every_time():
    person = UserFactory()
    assert not has_role(person, Role.VOLUNTEER_CONSULTANT)

    Group.objects.get(name=Role.VOLUNTEER_CONSULTANT).user_set.add(person)

    assert has_role(person, Role.VOLUNTEER_CONSULTANT)
    assert not has_role(person, Role.COURSE_ADMINISTRATOR)


@pytest.mark.django_db
def test_the_admin_asks_for_the_roles_once_however_many_menu_items_ask(client):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    client.force_login(consultant)
    client.get("/admin/")

    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/admin/")

    assert response.status_code == 200
    roles = [sql for sql in _access_queries(ctx.captured_queries) if "'role'" in sql]
    assert len(roles) == 1


@pytest.mark.django_db
def test_admin_access_given_to_the_person_directly_shows_the_user_bar(client):
    from django.contrib.auth.models import Permission

    person = UserFactory()
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(person)

    assert "wagtail-userbar" in client.get("/mine-sider/").text
