"""Feeds as HTTP responses (conditional requests answered by core.calendar_http)."""

from django.http import HttpRequest

from calendars.feeds import Feed
from core.calendar_http import calendar_response

PUBLIC_CACHE_CONTROL = "public, max-age=900"
PRIVATE_CACHE_CONTROL = "private, no-store"


def feed_response(request: HttpRequest, feed: Feed, *, filename: str, private: bool = False):
    response = calendar_response(
        request,
        feed.body,
        # A personal feed loses events without a trace when a membership or role ends: the
        # newest remaining change cannot date it, so only its ETag answers "not modified" (a
        # date would keep a removed member's meetings, places and links on their calendar).
        last_modified=None if private else feed.last_modified,
        filename=filename,
        cache_control=PRIVATE_CACHE_CONTROL if private else PUBLIC_CACHE_CONTROL,
    )
    if private:
        # The URL is the only key to this feed: no shared cache may keep it and no page the
        # calendar program opens from it may learn it through the Referer header.
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
