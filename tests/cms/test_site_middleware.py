"""Wagtail page views take their site from cms.sites.find_site (issue 17): a warm page view
asks the database nothing about sites, and without the per-process copies it asks as before."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms import sites
from core import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean():
    sites.clear_local()
    fragments.clear_local()
    yield
    sites.clear_local()
    fragments.clear_local()


def _site_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in captured if '"wagtailcore_site"' in q["sql"]], response


def test_a_warm_page_view_asks_no_site_query(settings, home_page):
    settings.FRAGMENT_CACHE_SECONDS = 300
    client = Client()
    client.get(home_page.url)

    queries, response = _site_queries(client, home_page.url)

    assert queries == []
    assert "Kurser for frivillige." in response.text


def test_without_per_process_copies_the_site_is_looked_up_once(settings, home_page):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client = Client()
    client.get(home_page.url)

    queries, _response = _site_queries(client, home_page.url)

    assert len(queries) == 1
