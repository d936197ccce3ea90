"""The "Subscribe to calendar" box on pages that have a public feed.

The course list and network pages belong to apps below calendars, which must not import it;
this context processor gives their templates the feed URL instead. It reads no database.
"""

from django.http import QueryDict
from django.urls import reverse

# Query parameters of the course list that are not filters.
_NOT_FILTERS = {"page"}


def _urls(request, path: str) -> dict:
    https = request.build_absolute_uri(path)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def calendar_subscriptions(request) -> dict:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {}
    if match.view_name == "courses:catalogue":
        filters = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            kept = [value for value in values if value]
            if key not in _NOT_FILTERS and kept:
                filters.setlist(key, kept)
        path = reverse("calendars:courses")
        if filters:
            path += "?" + filters.urlencode()
        return {"calendar_feed": {**_urls(request, path), "filtered": bool(filters)}}
    if match.view_name == "networks:detail":
        path = reverse("calendars:network", kwargs={"slug": match.kwargs["slug"]})
        return {"calendar_feed": _urls(request, path)}
    return {}
