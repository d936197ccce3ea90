"""iCalendar bytes as an HTTP response that answers conditional requests.

The ETag is a hash of the bytes, so it changes exactly when the calendar does; Last-Modified
is the newest change among its rows. A calendar client that sends either back gets a 304
with no body. Used by the course download (courses) and by every feed (calendars).
"""

import hashlib
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from core.ical import CONTENT_TYPE


def calendar_response(
    request: HttpRequest,
    body: bytes,
    *,
    last_modified: datetime | None,
    filename: str,
    cache_control: str,
    disposition: str = "inline",
) -> HttpResponse:
    """`last_modified=None` for a calendar whose rows can leave it without a trace (a person's
    own feed when a membership or role ends): only the ETag then answers "not modified"."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    timestamp = int(last_modified.timestamp()) if last_modified is not None else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = HttpResponse(body, content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = cache_control
    return response
