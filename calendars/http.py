"""Feeds as HTTP responses that answer conditional requests.

The ETag is a hash of the bytes, so it changes exactly when the feed does; Last-Modified is
the newest change among the feed's rows. A calendar client that sends either back gets a
304 with no body.
"""

import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from calendars.feeds import Feed
from core.ical import CONTENT_TYPE

PUBLIC_CACHE_CONTROL = "public, max-age=900"
PRIVATE_CACHE_CONTROL = "private, no-store"


def feed_response(request: HttpRequest, feed: Feed, *, filename: str, private: bool = False):
    etag = '"' + hashlib.sha256(feed.body).hexdigest()[:32] + '"'
    last_modified = int(feed.last_modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(feed.body, content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    if private:
        # The URL is the only key to this feed: no shared cache may keep it and no page the
        # calendar program opens from it may learn it through the Referer header.
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
    else:
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    return response
