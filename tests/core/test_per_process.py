"""Small values every page shows, kept per process under the content generation (issue 17):
the footer, the header's guides link and a page's language links cost no cache read or
query on a warm page, and an edit shows at once."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Locale

from cms.models import SiteContactSettings
from core import fragments
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def test_a_value_is_computed_once_per_generation_and_language():
    calls = []
    request = RequestFactory().get("/")

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    first = fragments.per_process(request, "x", compute)
    again = fragments.per_process(RequestFactory().get("/"), "x", compute)
    with translation.override("en"):
        english = fragments.per_process(RequestFactory().get("/en/"), "x", compute)

    assert first == again == {"n": 1}
    assert english == {"n": 2}


def test_off_without_fragment_seconds_in_a_preview_or_without_the_cache(settings, monkeypatch):
    calls = []
    compute = lambda: calls.append(1) or "v"  # noqa: E731
    preview = RequestFactory().get("/")
    preview.is_preview = True
    fragments.per_process(preview, "x", compute)
    fragments.per_process(preview, "x", compute)
    settings.FRAGMENT_CACHE_SECONDS = 0
    fragments.per_process(RequestFactory().get("/"), "x", compute)
    fragments.per_process(RequestFactory().get("/"), "x", compute)
    settings.FRAGMENT_CACHE_SECONDS = 300
    monkeypatch.setattr(fragments, "is_degraded", lambda: True)
    fragments.per_process(RequestFactory().get("/"), "x", compute)
    fragments.per_process(RequestFactory().get("/"), "x", compute)

    assert len(calls) == 6


def test_a_warm_page_reads_no_footer_or_guides_link_from_the_cache(
    home_page, monkeypatch, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(UserFactory())
    client.get("/kurser/")
    reads = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)

    client.get("/kurser/")

    assert [key for key in reads if "footer" in key or "guides-url" in key] == []

    contact = SiteContactSettings.for_site(home_page.get_site())
    with django_capture_on_commit_callbacks(execute=True):
        contact.phone = "59 53 44 00"
        contact.save()

    assert "59 53 44 00" in client.get("/kurser/").text


def test_a_pages_language_links_follow_a_new_translation_at_once(
    standard_page, django_capture_on_commit_callbacks
):
    client = Client()
    first = client.get("/om/").text
    assert client.get("/om/").text == first  # warm: the same links

    english = standard_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "About Frivilligløft"
    english.slug = "about"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()

    assert "/en/about/" not in first
    assert "/en/about/" in client.get("/om/").text
