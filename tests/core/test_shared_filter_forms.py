"""The association directory's and the internship list's filter forms are rendered once per
content generation, language and query for everyone (core.fragments.SharedRenderedForm,
issue 17): the chosen values belong to their query, and new content shows at once."""

import pytest
from django.test import Client

from tests.associations.factories import AssociationFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def test_the_chosen_area_belongs_to_its_query():
    AssociationFactory(town="Høng", is_public=True)
    AssociationFactory(town="Gørlev", is_public=True)
    client = Client()
    client.force_login(UserFactory())

    plain = client.get("/foreninger/").text
    chosen = client.get("/foreninger/?area=G%C3%B8rlev").text

    assert 'value="Gørlev" selected' in chosen
    assert 'value="Gørlev" selected' not in plain
    assert 'value="Gørlev" selected' not in client.get("/foreninger/").text


def test_a_new_town_is_an_option_at_once(django_capture_on_commit_callbacks):
    AssociationFactory(town="Høng", is_public=True)
    client = Client()
    assert 'value="Svebølle"' not in client.get("/foreninger/").text

    with django_capture_on_commit_callbacks(execute=True):
        AssociationFactory(town="Svebølle", is_public=True)

    assert 'value="Svebølle"' in client.get("/foreninger/").text


def test_each_language_gets_its_own_form():
    client = Client()
    danish = client.get("/skoler/praktik/").text
    english = client.get("/en/skoler/praktik/").text

    assert "Alle klassetrin" in danish
    assert "All grades" in english
    assert "All grades" not in client.get("/skoler/praktik/").text
