"""The API object: Django Ninja's NinjaAPI with our routers, errors and OpenAPI document.

Why Django Ninja (docs/architecture.md says more): it is already installed with Wagtail 8, it
writes OpenAPI 3.1 from the pydantic schemas the answers are validated against, and a read-only
API needs nothing of DRF's viewsets, serializers or browsable API.
"""

from functools import lru_cache

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_noop
from ninja import NinjaAPI, Router
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from api.endpoints import associations, courses, guides, networks, schools
from api.http import json_response
from api.operations import documented, responses, site_url
from api.params import ApiError
from api.schemas import IndexOut

VERSION = "1"


class Utf8JSONRenderer(JSONRenderer):
    # "Frivilligløft", not "Frivillig\u00f8ft": readable, and shorter.
    json_dumps_params = {"ensure_ascii": False}


class FrivilligloeftAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # "list_courses", not "api_endpoints_courses_list_courses": the view names are unique.
        return operation.view_func.__name__


api = FrivilligloeftAPI(
    title="Frivilligløft API",
    version=VERSION,
    description=gettext_noop(
        "Public, read-only data from Frivilligløft: courses, topics, providers, guides, "
        "networks, associations, internship offers, theme weeks and volunteer fairs. Only "
        "what anyone can see on the site, never personal data. No key is needed."
    ),
    urls_namespace="api",
    renderer=Utf8JSONRenderer(),
    # Our own document (translated) and documentation page replace Ninja's Swagger UI, which
    # would load its scripts from a CDN that our Content-Security-Policy forbids.
    openapi_url=None,
    docs_url=None,
)


def _answer(request, status: int, detail: str, errors=None):
    data = {"detail": detail}
    if errors is not None:
        data["errors"] = errors
    return json_response(data, status)


@api.exception_handler(ApiError)
def _api_error(request, error: ApiError):
    return _answer(request, error.status, error.detail, error.errors)


@api.exception_handler(Http404)
def _not_found(request, error):
    return _answer(request, 404, gettext("Not found."))


@api.exception_handler(ValidationError)
def _invalid(request, error: ValidationError):
    # Path parameters Ninja checks itself (an id that is not a number).
    errors = {}
    for item in error.errors:
        name = str(item.get("loc", ["", "?"])[-1])
        errors.setdefault(name, []).append(gettext("Enter a valid value."))
    return _answer(request, 400, gettext("Some parameters are not valid."), errors)


index_router = Router(tags=[gettext_noop("About the API")])


@index_router.get(
    "/",
    response=responses(IndexOut),
    url_name="index",
    **documented(
        summary=gettext_noop("The API's entry point"),
        description=gettext_noop("Links to the OpenAPI document, its documentation and lists."),
        paged=False,
    ),
)
def index(request):
    return {
        "openapi": request.build_absolute_uri(reverse("api:openapi")),
        "documentation": site_url(reverse("api_pages:docs")),
        "endpoints": {
            name: request.build_absolute_uri(reverse(f"api:{name}"))
            for name in (
                "courses",
                "topics",
                "providers",
                "guides",
                "networks",
                "associations",
                "internships",
                "theme_weeks",
                "fairs",
            )
        },
    }


api.add_router("", index_router)
api.add_router("", courses.router)
api.add_router("", guides.router)
api.add_router("", networks.router)
api.add_router("", associations.router)
api.add_router("", schools.router)

# Keys whose text values are our English source strings (gettext_noop): translated on output.
TRANSLATED_KEYS = {"summary", "description", "title"}


def _translated(value, key=None):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {k: _translated(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_translated(item, key) for item in value]
    if isinstance(value, str) and (key in TRANSLATED_KEYS or key == "tags"):
        return gettext(value) if value else value
    return value


@lru_cache(maxsize=len(settings.LANGUAGES))
def _document(language: str) -> dict:
    schema = api.get_openapi_schema(path_prefix=reverse("api:index").rstrip("/"))
    document = _translated(dict(schema))
    document["info"]["title"] = api.title  # a name, not a text to translate
    document["servers"] = [{"url": settings.SITE_URL.rstrip("/")}]
    return document


def openapi_document() -> dict:
    """The OpenAPI 3.1 document in the active language (built once per language and process:
    it depends on the code only)."""
    return _document(get_language())
