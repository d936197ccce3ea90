"""The 500 page (core.middleware.server_error): in the visitor's language, and its way back
leads to the front page in that language."""

from django.test import RequestFactory

from core.middleware import server_error


def _page(path: str, language: str) -> str:
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = language
    response = server_error(request)
    assert response.status_code == 500
    return response.content.decode()


def test_the_english_500_page_leads_to_the_english_front_page():
    page = _page("/en/kurser/", "en")

    assert '<html lang="en">' in page
    assert 'href="/en/"' in page
    assert "Go to the front page" in page


def test_the_danish_500_page_leads_to_the_danish_front_page():
    page = _page("/kurser/", "da")

    assert '<html lang="da">' in page
    assert 'href="/"' in page
