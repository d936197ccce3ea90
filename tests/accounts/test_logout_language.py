"""Logging out leaves the person on the front page in the language they were reading: the
English header's "Log out" lands on /en/, the Danish one on /."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("prefix", "home"), [("", "/"), ("/en", "/en/")])
def test_logout_lands_on_the_front_page_in_the_pages_language(client, prefix, home):
    client.force_login(UserFactory(preferred_language="da"))

    response = client.post(f"{prefix}/konto/logout/")

    assert response.status_code == 302
    assert response.url == home
    assert client.get("/mine-sider/").status_code == 302
