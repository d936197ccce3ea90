"""The editors' list of stories whose signed consent is not filed yet: the dashboard's
"Stories awaiting a filed consent" leads there (it led to Wagtail's page search with a
content type id the search does not take: a 404)."""

import pytest
from django.test import RequestFactory

from accounts.roles import Role
from cms.wagtail_hooks import EditorPanel
from tests.cms.fixtures import *  # noqa: F403
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def stories_item(editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    (item,) = [
        item
        for item in EditorPanel().get_items(request)
        if str(item.label) == "Historier, hvor samtykket ikke er arkiveret"
    ]
    return item


def test_the_dashboards_stories_link_lists_the_stories_without_a_filed_consent(client, make_story):
    editor = UserFactory(roles=[Role.EDITOR])
    make_story(title="Lises lørdage", slug="lise", consent_reference="")
    make_story(title="Arkiveret", slug="arkiveret", consent_reference="Sag 2026-17")
    client.force_login(editor)
    item = stories_item(editor)

    response = client.get(item.url)

    assert response.status_code == 200
    assert [page.title for page in response.context["pages"]] == ["Lises lørdage"]
    assert item.count == 1
    assert "Lise Hansen" in response.text  # who gave the consent


def test_the_list_says_so_when_every_consent_is_filed(client, make_story):
    editor = UserFactory(roles=[Role.EDITOR])
    make_story(consent_reference="Sag 2026-17")
    client.force_login(editor)

    response = client.get(stories_item(editor).url)

    assert response.status_code == 200
    assert "Alle historier har en note om, hvor det underskrevne samtykke ligger." in response.text


def test_the_list_exports_a_spreadsheet(client, make_story):
    editor = UserFactory(roles=[Role.EDITOR])
    make_story(consent_reference="")
    client.force_login(editor)

    response = client.get(stories_item(editor).url, {"export": "csv"})

    assert response.status_code == 200
    exported = b"".join(response.streaming_content).decode()
    assert "Lises lørdage i klubhuset" in exported
    assert "Samtykke givet af" in exported


def test_people_without_page_permissions_cannot_see_the_list(client):
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))

    response = client.get("/admin/reports/historier-uden-arkiveret-samtykke/")

    assert response.status_code == 302
