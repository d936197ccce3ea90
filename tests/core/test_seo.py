"""robots.txt and sitemap.xml: what an anonymous visitor may see, in both languages, on
SITE_URL's host — and nothing else."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseStatus
from schools.models import OfferStatus
from tests.associations.factories import AssociationFactory, FairFactory
from tests.courses.factories import CourseFactory
from tests.networks.factories import NetworkFactory
from tests.schools.factories import OfferFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def world(home_page, standard_page):
    public = AssociationFactory(name="Ubby Forsamlingshus", slug="ubby", is_public=True)
    hidden = AssociationFactory(name="Skjult forening", slug="skjult", is_public=False)
    return {
        "course": CourseFactory(slug="foerstehjaelp", meetings=1),
        "draft": CourseFactory(slug="kladde", status=CourseStatus.DRAFT, meetings=1),
        "network": NetworkFactory(slug="bestyrelser", is_listed=True),
        "unlisted": NetworkFactory(slug="lukket", is_listed=False),
        "public": public,
        "hidden": hidden,
        "offer": OfferFactory(association=public),
        "hidden_offer": OfferFactory(association=hidden),
        "draft_offer": OfferFactory(association=public, status=OfferStatus.DRAFT),
        "fair": FairFactory(slug="messe"),
        "unpublished_fair": FairFactory(slug="hemmelig-messe", is_published=False),
    }


def test_sitemap_lists_the_public_pages_in_both_languages_with_lastmod(client, world):
    entries = _entries(client)
    base = "http://testserver"

    for path in (
        "/kurser/foerstehjaelp/",
        "/netvaerk/bestyrelser/",
        "/foreninger/ubby/",
        f"/skoler/praktik/{world['offer'].pk}/",
        "/frivilligmesse/messe/",
    ):
        assert f"{base}{path}" in entries or any(loc.endswith(path) for loc in entries), path
    english = [loc for loc in entries if loc.startswith(f"{base}/en/")]
    danish = [loc for loc in entries if not loc.startswith(f"{base}/en/")]
    assert len(english) >= 5
    assert len(danish) >= 5
    assert all(entries[loc] for loc in entries if "/kurser/" in loc)
    # Wagtail's pages, Danish and English.
    assert any(loc.endswith("/om/") for loc in danish)
    assert any(loc.startswith(f"{base}/en/") and loc.endswith("/") for loc in english)


def test_sitemap_leaves_out_what_a_visitor_may_not_see(client, world):
    text = " ".join(_entries(client))

    for hidden in ("kladde", "lukket", "skjult", "hemmelig-messe", "/bevis/", "mine-sider"):
        assert hidden not in text
    for offer in (world["hidden_offer"], world["draft_offer"]):
        assert f"/praktik/{offer.pk}/" not in text


def test_every_sitemap_url_opens_for_an_anonymous_visitor(client, world):
    for loc in _entries(client):
        path = loc.removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


def test_sitemap_urls_carry_their_alternate_language(client, world):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    course = next(
        url
        for url in root.findall("s:url", NS)
        if url.findtext("s:loc", namespaces=NS).endswith("/en/kurser/foerstehjaelp/")
        or url.findtext("s:loc", namespaces=NS).endswith("/en/courses/foerstehjaelp/")
    )
    languages = {link.get("hreflang") for link in course.findall("x:link", NS)}
    assert {"da", "en"} <= languages


def test_sitemap_uses_site_url_whatever_the_host(client, world, settings):
    settings.SITE_URL = "https://frivilligloeft.example.dk"
    settings.ALLOWED_HOSTS = ["*"]

    entries = _entries(client)

    model_urls = [loc for loc in entries if "/kurser/" in loc or "/netvaerk/" in loc]
    assert model_urls
    assert all(loc.startswith("https://frivilligloeft.example.dk/") for loc in model_urls)


def test_the_cms_pages_in_the_sitemap_are_on_site_url_too(client, world, settings):
    """Wagtail's Site may keep the hostname it was created with ("localhost"): a sitemap whose
    pages are on another host than the sitemap itself is refused by the search engines."""
    settings.SITE_URL = "https://frivilligloeft.example.dk"
    settings.ALLOWED_HOSTS = ["*"]

    entries = _entries(client)

    assert any("/en/" in loc for loc in entries)
    assert [
        loc for loc in entries if not loc.startswith("https://frivilligloeft.example.dk/")
    ] == []


def test_sitemap_query_count_does_not_grow_with_the_content(client, world):
    client.get("/sitemap.xml")  # Wagtail caches the site's root paths on the first request
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    for number in range(5):
        CourseFactory(slug=f"kursus-ekstra-{number}", meetings=1)
        NetworkFactory(slug=f"netvaerk-ekstra-{number}", is_listed=True)
        public = AssociationFactory(slug=f"forening-ekstra-{number}", is_public=True)
        OfferFactory(association=public)
        FairFactory(slug=f"messe-ekstra-{number}")
    with CaptureQueriesContext(connection) as many:
        entries = _entries(client)

    assert len(entries) > 30
    assert len(many) == len(few)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_places(
    client, settings
):
    settings.SITE_URL = "https://frivilligloeft.example.dk"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://frivilligloeft.example.dk/sitemap.xml" in lines
    for rule in (
        "Disallow: /mine-sider/",
        "Disallow: /en/mine-sider/",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /bevis/",
        "Disallow: /kalender/",
        "Disallow: /soeg/",
        "Disallow: /en/soeg/",
    ):
        assert rule in lines
    assert "Allow: /kalender/kurser.ics" in lines
