"""/api/v1/: the operations and the OpenAPI document, each wrapped by api.http.api_endpoint
(language, rate limit, CORS, caching headers, 304)."""

from django.urls import URLPattern, path, re_path

from api.http import api_endpoint
from api.main import api
from api.views import not_found, openapi_json

_patterns, _app_name, _namespace = api.urls


def _wrapped(pattern: URLPattern) -> URLPattern:
    return URLPattern(
        pattern.pattern, api_endpoint(pattern.callback), pattern.default_args, pattern.name
    )


app_name = "api"
urlpatterns = [
    path("openapi.json", api_endpoint(openapi_json), name="openapi"),
    *(_wrapped(pattern) for pattern in _patterns),
    # Anything else under /api/v1/ is a JSON 404 too (not the site's HTML page), except the
    # documentation page, which is a page of the site (config/urls.py, in both languages).
    re_path(r"^(?!docs/$)", api_endpoint(not_found), name="not_found"),
]
