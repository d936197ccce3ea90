"""Mine sider's menu reverses its links once per language (issue 17), and each language still
gets its own links and marks the page it is on."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_menu_links_follow_the_language_and_mark_the_current_page(client):
    client.force_login(UserFactory())

    danish = client.get("/mine-sider/kurser/").content.decode()
    english = client.get("/en/mine-sider/kurser/").content.decode()
    danish_again = client.get("/mine-sider/profil/").content.decode()

    assert '<a href="/mine-sider/kurser/" aria-current="page">' in danish
    assert 'href="/mine-sider/profil/"' in danish
    assert '<a href="/en/mine-sider/kurser/" aria-current="page">' in english
    assert 'href="/en/mine-sider/profil/"' in english
    assert '<a href="/mine-sider/profil/" aria-current="page">' in danish_again
    assert 'href="/en/' not in danish_again.split('class="side-menu"')[1].split("</ul>")[0]
