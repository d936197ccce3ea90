"""The API shows exactly what an anonymous visitor may see: drafts, hidden associations and
offers, unlisted networks, unpublished fairs and pages, cancelled theme weeks and courses
cancelled long ago never appear, and no person's name or email appears anywhere."""

import pytest

from tests.api.conftest import PERSONAL, detail_urls, hidden_urls, list_urls


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_answer_holds_hidden_objects_or_personal_data(client, world, language):
    bodies = {}
    for url in list_urls() + detail_urls(world):
        response = client.get(url, {"lang": language, "page_size": 100})
        assert response.status_code == 200, url
        bodies[url] = response.content.decode()

    leaks = [
        (url, secret)
        for url, body in bodies.items()
        for secret in [*PERSONAL, "HIDDEN"]
        if secret in body
    ]
    assert leaks == []


def test_hidden_objects_are_404(client, world):
    statuses = {url: client.get(url).status_code for url in hidden_urls(world)}

    assert set(statuses.values()) == {404}


def test_lists_hold_the_public_objects(client, world):
    def names(url, field):
        return [item[field] for item in client.get(url).json()["results"]]

    assert names("/api/v1/courses/", "title") == ["Fondsansøgninger online", "Ny i bestyrelsen"]
    assert names("/api/v1/networks/", "name") == ["Netværk for formænd"]
    assert names("/api/v1/associations/", "name") == ["Høng Gymnastikforening"]
    assert names("/api/v1/internships/", "title") == ["Hjælpetræner"]
    assert names("/api/v1/theme-weeks/", "theme") == ["Fællesskab"]
    assert names("/api/v1/fairs/", "title") == ["Frivilligmessen"]
    assert names("/api/v1/guides/", "title") == ["Generalforsamlingen"]


def test_course_cancelled_lately_is_shown_as_cancelled(client, world):
    data = client.get(f"/api/v1/courses/{world.cancelled_recently.slug}/").json()

    assert data["status"] == {"value": "cancelled", "label": "Aflyst"}
    assert data["signup"]["state"] == "cancelled"


def test_network_meetings_have_no_place(client, world):
    data = client.get(f"/api/v1/networks/{world.network.slug}/").json()

    assert [(m["title"], m["cancelled"]) for m in data["upcoming_meetings"]] == [
        ("Årshjul", False),
        ("Aflyst møde", True),
    ]
    assert all(
        set(m) == {"id", "title", "starts_at", "ends_at", "when", "agenda", "cancelled", "url"}
        for m in data["upcoming_meetings"]
    )


def test_association_shows_its_badge_activities_venues_and_stands(client, world):
    data = client.get(f"/api/v1/associations/{world.association.slug}/").json()

    assert data["child_record_declaration_year"] is not None
    assert [a["venue"] for a in data["activities"]] == ["Hønghallen"]
    assert [v["name"] for v in data["venues"]] == ["Hønghallen"]
    assert [s["fair"] for s in data["fair_stands"]] == ["Frivilligmessen"]


def test_fair_lists_only_stands_of_public_associations(client, world):
    data = client.get(f"/api/v1/fairs/{world.fair.slug}/").json()

    assert [s["association"]["name"] for s in data["stands"]] == ["Høng Gymnastikforening"]


def test_theme_week_programme_holds_only_accepted_contributions(client, world):
    data = client.get(f"/api/v1/theme-weeks/{world.theme_week.pk}/").json()

    assert len(data["programme"]) == 1
    assert data["school"] == "Fjordskolen"
