"""The site search and the catalogue's search field with the words people typed (issue 20).

Runs on SQLite and, with DATABASE_URL, on PostgreSQL: both must find the same things.
"""

import datetime

import pytest
from django.utils import timezone

from courses.models import CourseStatus
from networks.models import JoinPolicy
from schools.models import OfferStatus, ThemeWeekStatus
from tests.associations.factories import AssociationFactory
from tests.courses.factories import CourseFactory
from tests.networks.factories import NetworkFactory
from tests.schools.factories import OfferFactory, SchoolFactory, ThemeWeekFactory

pytestmark = pytest.mark.indexes


@pytest.fixture
def world(home_page):
    """Public things to find, and hidden ones with the same words that must stay hidden."""
    CourseFactory(title="Ny i bestyrelsen", slug="ny-i-bestyrelsen")
    CourseFactory(title="Bestyrelse og jura", slug="bestyrelse-og-jura")
    CourseFactory(title="Kassererkursus", slug="kassererkursus")
    CourseFactory(title="Kassererkursus for viderekomne", slug="kladde", status=CourseStatus.DRAFT)
    CourseFactory(title="Aflyst bestyrelsesdag", slug="aflyst", status=CourseStatus.CANCELLED)

    NetworkFactory(name="Spejderledernes netværk", slug="spejderledere")
    NetworkFactory(
        name="Lukket spejdernetværk",
        slug="lukket",
        is_listed=False,
        join_policy=JoinPolicy.INVITATION,
        description="Kassererne i spejderkorpsene mødes her.",
    )

    scouts = AssociationFactory(name="Svebølle Spejderne", slug="svebolle-spejderne")
    hidden = AssociationFactory(name="Skjulte spejdere", slug="skjulte", is_public=False)

    OfferFactory(association=scouts, title="Hjælpeleder til spejdermøder")
    OfferFactory(association=scouts, title="Kladde til praktik", status=OfferStatus.DRAFT)
    OfferFactory(association=hidden, title="Praktik hos skjulte spejdere")

    school = SchoolFactory(name="Høng Skole")
    ThemeWeekFactory(school=school, theme="Fællesskab i lokalsamfundet")
    ThemeWeekFactory(school=school, theme="Aflyst tema", status=ThemeWeekStatus.CANCELLED)
    past = timezone.localdate() - datetime.timedelta(days=30)
    ThemeWeekFactory(
        school=school, theme="Overstået tema", starts_on=past, ends_on=past + datetime.timedelta(4)
    )


def found(response) -> dict[str, set[str]]:
    return {
        group.key: {hit.title for hit in group.results}
        for group in response.context["groups"]
        if group.total
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bestyrelse", {"courses": {"Ny i bestyrelsen", "Bestyrelse og jura"}}),
        ("bestyrelsen", {"courses": {"Ny i bestyrelsen", "Bestyrelse og jura"}}),
        ("kasserer", {"courses": {"Kassererkursus"}}),
        ("praktik", {"internship_offers": {"Hjælpeleder til spejdermøder"}}),
        ("temauge", {"theme_weeks": {"Fællesskab i lokalsamfundet – Høng Skole"}}),
        (
            "spejder",
            {
                "networks": {"Spejderledernes netværk"},
                "associations": {"Svebølle Spejderne"},
                "internship_offers": {"Hjælpeleder til spejdermøder"},
            },
        ),
        (
            "Spejderne",
            {
                "networks": {"Spejderledernes netværk"},
                "associations": {"Svebølle Spejderne"},
                "internship_offers": {"Hjælpeleder til spejdermøder"},
            },
        ),
        ("bestyrelse jura", {"courses": {"Bestyrelse og jura"}}),
        ("og", {}),
    ],
    ids=[
        "bestyrelse",
        "bestyrelsen",
        "kasserer-compound",
        "praktik",
        "temauge",
        "spejder",
        "spejderne",
        "two-words-narrow",
        "stop-word-only",
    ],
)
@pytest.mark.django_db
def test_site_search_finds_danish_words_in_every_kind_and_nothing_hidden(
    client, world, query, expected
):
    response = client.get("/soeg/", {"q": query})

    assert response.status_code == 200
    assert found(response) == expected


@pytest.mark.django_db
def test_site_search_groups_have_headings_counts_and_meta(client, world):
    response = client.get("/soeg/", {"q": "spejder"})

    text = response.text
    assert '<h2 id="group-networks">Netværk <span class="search-group__count">(1)</span>' in text
    assert '<h2 id="group-associations">Foreninger' in text
    assert '<h2 id="group-internship_offers">Frivilligpraktik' in text
    assert '<p class="search-hit__meta">Høng</p>' in text
    assert 'href="/foreninger/svebolle-spejderne/"' in text


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("bestyrelse", ["Bestyrelse og jura", "Ny i bestyrelsen"]),
        ("bestyrelsen", ["Bestyrelse og jura", "Ny i bestyrelsen"]),
        ("kasserer", ["Kassererkursus"]),
        ("kasserer bestyrelse", []),
        ("og", []),
    ],
    ids=["bestyrelse", "bestyrelsen", "kasserer", "both-words", "stop-word-only"],
)
@pytest.mark.django_db
def test_catalogue_search_field_matches_as_the_site_search(client, world, query, titles):
    response = client.get("/kurser/", {"q": query})

    assert response.status_code == 200
    assert sorted(course.title for course in response.context["page_obj"]) == titles
