"""Mine sider › Kalender and the subscribe boxes on the course list and network pages."""

import pytest

from calendars import services
from calendars.models import FeedToken
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

PAGE = "/mine-sider/kalender/"
NEW_LINK = "/mine-sider/kalender/nyt-link/"


def test_calendar_page_needs_login(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_creating_the_first_link_shows_it_once(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(NEW_LINK, follow=True)

    token_hash = FeedToken.objects.get(user=user).token_hash
    page = response.content.decode()
    (url,) = [line for line in page.split('"') if "/kalender/" in line and line.endswith(".ics")][
        :1
    ]
    assert url.startswith("http://testserver/kalender/")
    token = url.removeprefix("http://testserver/kalender/").removesuffix(".ics")
    assert services.hash_token(token) == token_hash
    assert f'href="webcal://testserver/kalender/{token}.ics"' in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["Referrer-Policy"] == "same-origin"
    # Shown once: the next visit cannot show it.
    assert token not in client.get(PAGE).content.decode()


def test_regenerating_asks_for_confirmation_first(client):
    user = UserFactory()
    old = services.regenerate_feed_token(user)
    client.force_login(user)

    confirm = client.get(NEW_LINK)

    assert confirm.status_code == 200
    assert "stops working at once" in client.get("/en" + NEW_LINK).content.decode()
    assert services.feed_owner(old) == user

    client.post(NEW_LINK)

    assert services.feed_owner(old) is None
    assert FeedToken.objects.filter(user=user).count() == 1


def test_confirmation_page_without_a_link_goes_back_to_the_calendar_page(client):
    client.force_login(UserFactory())

    response = client.get(NEW_LINK)

    assert response.status_code == 302
    assert response["Location"] == PAGE


def test_calendar_page_in_english_has_instructions_for_the_three_programs(client):
    user = UserFactory()
    client.force_login(user)

    page = client.get("/en" + PAGE).content.decode()

    for program in ("Google Calendar", "Outlook", "Apple Calendar"):
        assert program in page
    assert "Create my calendar link" in page


def test_calendar_is_in_the_mine_sider_menu_and_dashboard(client):
    client.force_login(UserFactory())

    page = client.get("/mine-sider/").content.decode()

    assert 'href="/mine-sider/kalender/"' in page
    assert "Kalender" in page


def test_course_list_offers_the_feed_for_the_current_filters(client):
    page = client.get("/kurser/", {"format": "online", "page": "1", "q": ""}).content.decode()

    assert 'href="webcal://testserver/kalender/kurser.ics?format=online"' in page
    assert 'href="http://testserver/kalender/kurser.ics?format=online"' in page


def test_network_page_offers_its_feed(client):
    NetworkFactory(slug="kassererne")

    page = client.get("/netvaerk/kassererne/").content.decode()

    assert 'href="webcal://testserver/netvaerk/kassererne/kalender.ics"' in page
