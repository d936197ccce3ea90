"""The OpenAPI document is generated from the code and describes every operation; the
documentation page is made from it, in Danish and English, without third-party scripts."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


def api_routes() -> set[str]:
    """The routes of the API's operations, as Django resolves them."""
    resolver = next(
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "api"
    )
    return {
        "/api/v1/" + str(p.pattern)
        for p in resolver.url_patterns
        if isinstance(p, URLPattern) and p.name not in ("openapi", "not_found", "api-root")
    }


def test_document_is_openapi_31_and_lists_every_operation(client):
    document = client.get("/api/v1/openapi.json").json()

    routes = {path.replace("{", "<").replace("}", ">") for path in document["paths"]}
    django_routes = {
        route.replace("<int:", "<").replace("<str:", "<").replace("<slug:", "<")
        for route in api_routes()
    }
    assert document["openapi"] == "3.1.0"
    assert routes == django_routes
    assert len(document["paths"]) == 16
    assert document["servers"] == [{"url": "http://testserver"}]


def test_document_is_translated(client):
    danish = client.get("/api/v1/openapi.json").json()
    english = client.get("/api/v1/openapi.json?lang=en").json()

    courses_da = danish["paths"]["/api/v1/courses/"]["get"]
    courses_en = english["paths"]["/api/v1/courses/"]["get"]
    assert (courses_da["summary"], courses_en["summary"]) == ("Kurser", "Courses")
    assert courses_da["tags"] == ["Kurser"]
    page_da = next(p for p in courses_da["parameters"] if p["name"] == "page")
    assert page_da["description"] == "Sidenummer, fra 1."


def test_filter_parameters_come_from_the_catalogues_filterset(client):
    from courses.filters import CourseFilter

    document = client.get("/api/v1/openapi.json").json()
    names = [p["name"] for p in document["paths"]["/api/v1/courses/"]["get"]["parameters"]]

    assert names == [*CourseFilter.base_filters, "page", "page_size", "lang"]


@pytest.mark.parametrize(
    ("url", "heading", "lang"),
    [
        ("/api/v1/docs/", "Åbne data: Frivilligløfts API", "da"),
        ("/en/api/v1/docs/", "Open data: the Frivilligløft API", "en"),
    ],
)
def test_documentation_page_shows_every_operation(client, url, heading, lang):
    document = client.get(f"/api/v1/openapi.json?lang={lang}").json()

    response = client.get(url)

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text
    for path, methods in document["paths"].items():
        assert f"<code>{path}</code>" in response.text
        assert f'id="{methods["get"]["operationId"]}"' in response.text
    for name in document["components"]["schemas"]:
        assert f'id="schema-{name}"' in response.text


def test_documentation_page_loads_nothing_from_other_sites(client):
    response = client.get("/api/v1/docs/")

    assert '<script src="http' not in response.text
    assert "cdn" not in response.text.lower()
    assert "unsafe-inline" not in response["Content-Security-Policy"]
