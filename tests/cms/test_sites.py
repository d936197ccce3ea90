"""cms.sites.find_site: the Wagtail site per process, not one query per request, and any save in
wagtailcore (a Site included) is seen at once."""

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms import sites
from core import fragments, page_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def request():
    return RequestFactory().get("/kurser/", HTTP_HOST="testserver")


def test_a_second_request_asks_no_query_and_gets_its_own_copy():
    first = sites.find_site(request())
    assert first == Site.objects.get(is_default_site=True)

    second_request = request()
    with CaptureQueriesContext(connection) as queries:
        second = sites.find_site(second_request)
        again = sites.find_site(second_request)
        # Wagtail's own lookup in the same request reuses it.
        wagtails = Site.find_for_request(second_request)

    # (one cache read for the generation, no SQL)
    assert len(queries) == 0
    assert second == first
    assert second is not first
    assert again is second
    assert wagtails is second
    assert second.root_page_id == first.root_page_id


def test_an_edited_site_is_seen_at_once(django_capture_on_commit_callbacks):
    sites.find_site(request())
    site = Site.objects.get(is_default_site=True)

    with django_capture_on_commit_callbacks(execute=True):
        site.site_name = "Frivilligløft Kalundborg"
        site.save()

    assert sites.find_site(request()).site_name == "Frivilligløft Kalundborg"


def test_an_answer_lasts_at_most_the_fragment_seconds(settings, monkeypatch):
    sites.find_site(request())
    Site.objects.update(site_name="Ændret med update()")  # sends no signal
    assert sites.find_site(request()).site_name != "Ændret med update()"

    later = sites.time.monotonic() + settings.FRAGMENT_CACHE_SECONDS + 1
    monkeypatch.setattr(sites.time, "monotonic", lambda: later)
    assert sites.find_site(request()).site_name == "Ændret med update()"


def test_off_without_fragment_seconds_or_shared_cache(settings, monkeypatch):
    settings.FRAGMENT_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        sites.find_site(request())
        sites.find_site(request())
    assert len(queries) == 2  # Wagtail's lookup each time, as before

    settings.FRAGMENT_CACHE_SECONDS = 300
    monkeypatch.setattr(fragments, "is_degraded", lambda: True)
    with CaptureQueriesContext(connection) as queries:
        sites.find_site(request())
        sites.find_site(request())
    assert len(queries) == 2


def test_the_local_copies_stay_few():
    for number in range(sites._LIMIT + 5):
        sites.find_site(RequestFactory().get("/", HTTP_HOST=f"h{number}.example"))
    assert len(sites._sites) <= sites._LIMIT
    assert sites.find_site(None) is None


def test_no_site_at_all_is_remembered_too():
    with transaction.atomic():
        Site.objects.all().delete()
        page_cache.clear_local()
        assert sites.find_site(request()) is None
        with CaptureQueriesContext(connection) as queries:
            assert sites.find_site(request()) is None
        assert len(queries) == 0
        transaction.set_rollback(True)
