"""What every operation shares: its documented answers, its parameters, and links to the site."""

import re

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_noop

from api.params import LANGUAGE_PARAMETERS, PAGE_PARAMETERS, filter_parameters
from api.schemas import ErrorOut

_HEADER = {"schema": {"type": "string"}}
SUCCESS_HEADERS = {
    "ETag": {
        **_HEADER,
        "description": gettext_noop("Send it back in If-None-Match to get 304 when unchanged."),
    },
    "Last-Modified": {
        **_HEADER,
        "description": gettext_noop(
            "When this answer last changed; send it back in If-Modified-Since."
        ),
    },
    "Cache-Control": {**_HEADER, "description": gettext_noop("How long the answer may be kept.")},
}
RETRY_HEADERS = {
    "Retry-After": {
        "schema": {"type": "string"},
        "description": gettext_noop("Seconds to wait before the next request."),
    }
}


def responses(schema) -> dict:
    """The answers every operation may give (Ninja documents and validates them)."""
    return {200: schema, 304: None, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut}


def documented(
    *, summary: str, description: str, filterset=None, filter_descriptions=None, paged=True
) -> dict:
    """Keyword arguments for a router's `get`: texts, query parameters, response headers."""
    parameters = []
    if filterset is not None:
        parameters += filter_parameters(filterset, filter_descriptions)
    if paged:
        parameters += PAGE_PARAMETERS
    parameters += LANGUAGE_PARAMETERS
    return {
        "summary": summary,
        "description": description,
        "openapi_extra": {
            "parameters": parameters,
            "responses": {
                200: {"headers": SUCCESS_HEADERS},
                304: {"description": gettext_noop("Not modified since the ETag or date sent.")},
                400: {"description": gettext_noop("A parameter is not valid.")},
                404: {"description": gettext_noop("Not found, or not public.")},
                429: {
                    "description": gettext_noop("Too many requests from this address."),
                    "headers": RETRY_HEADERS,
                },
            },
        },
    }


def site_url(path: str) -> str:
    """An absolute link to a page of the site."""
    return settings.SITE_URL.rstrip("/") + path


_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_links(html: str) -> str:
    """Rich text with links to our own pages made absolute (the API's reader is elsewhere)."""
    return _RELATIVE_LINK.sub(lambda m: m.group(1) + settings.SITE_URL.rstrip("/") + "/", html)


def choice(value: str, label) -> dict:
    return {"value": str(value), "label": str(label)}


def local(value):
    """A datetime in Copenhagen time (ISO 8601 with its offset), or None."""
    return timezone.localtime(value) if value is not None else None


def topic_ref(topic) -> dict:
    return {"slug": topic.slug, "name": topic.display_name}


def first_or_404(queryset):
    """The one object a detail operation answers with (the first of `queryset`), or a 404."""
    found = queryset.first()
    if found is None:
        raise Http404
    return found
