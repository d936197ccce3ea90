"""HTTP around every API URL: language, rate limit, CORS, caching headers, conditional requests.

`api_endpoint` wraps the views of the operations and of the OpenAPI document (api/urls.py), so
each of them answers the same way:

- **Language**: `?lang=da|en` wins, else `Accept-Language`, else Danish. The site's own
  LocaleMiddleware gives every path outside /en/ Danish, so the API negotiates by itself and
  says `Vary: Accept-Language` and `Content-Language`.
- **Rate limit**: a fixed window per client IP (`core.http.client_ip`, which honours the trusted
  proxy settings), counted in the cache in one round trip (`core.cache.count_in_window`). An
  unreachable cache (core.cache.TolerantRedisCache counts 1) means no limit, never an error.
- **CORS**: any origin may GET; preflights are answered here.
- **Caching**: `Cache-Control: public` for a few minutes (a municipal CMS may keep the answer and
  show it when we are down, `stale-if-error`); the body itself is kept like an anonymous page
  (`core.page_cache.content_cached`, invalidated by any content change, with a per-process
  copy in front) when the page cache is on, together with its ETag and Last-Modified.
- **Conditional requests**: the ETag is a hash of the body, so it changes exactly when the
  answer does. `Last-Modified` is when this URL's answer (in this language) was first seen with
  that ETag, kept in the cache; when the cache forgets, it is "now", which is always safe.
  Both are worked out when the body is built (a rebuild with the same body keeps the moment)
  and kept with the body, so a warm hit costs two round trips to Redis: the rate limit's and
  the page cache generation's.
"""

import hashlib
import json
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _

from core.cache import count_in_window
from core.http import client_ip
from core.page_cache import cache_seconds, content_cached

# Requests per client IP and window (seconds). Settings may override it (bench turns it off).
DEFAULT_RATE_LIMIT = (120, 60)
CACHE_CONTROL = "public, max-age=300, stale-if-error=86400"
# Errors change when the data does (an unknown topic may be created): revalidate every time.
ERROR_CACHE_CONTROL = "public, no-cache"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Language, Retry-After",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
LANGUAGE_PARAMETER = "lang"
# How long the moment an answer was first seen is remembered (for Last-Modified).
SEEN_SECONDS = 7 * 24 * 3600


def json_response(data: dict, status: int) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def rate_limit() -> tuple[int, int]:
    return getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


def over_limit(request) -> int:
    """Count this request against the client's window; the seconds until the window ends if
    the client is over its limit, else 0. One round trip to Redis (core.cache.count_in_window)."""
    limit, window = rate_limit()
    now = time.time()
    bucket = int(now // window)
    count = count_in_window(f"api:rate:{client_ip(request)}:{bucket}", window)
    if count <= limit:
        return 0
    return max(int((bucket + 1) * window - now), 1)


def requested_language(request) -> str | None:
    """The language asked for with ?lang=, Accept-Language or the default; None when ?lang=
    names a language we do not have."""
    code = request.GET.get(LANGUAGE_PARAMETER)
    if code is not None:
        return code if code in dict(settings.LANGUAGES) else None
    return translation.get_language_from_request(request)


def _with_common_headers(response: HttpResponse, language: str) -> HttpResponse:
    for header, value in CORS_HEADERS.items():
        response[header] = value
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    for header, value in {**CORS_HEADERS, **PREFLIGHT_HEADERS}.items():
        response[header] = value
    response["Allow"] = "GET, HEAD, OPTIONS"
    return response


def _too_many(retry_after: int, language: str) -> HttpResponse:
    with translation.override(language):
        response = json_response(
            {"detail": _("Too many requests. Please wait a minute and try again.")}, 429
        )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _first_seen(key: str, etag: str) -> int:
    """When this URL first answered with this ETag (seconds since the epoch)."""
    seen_key = f"api:seen:{key}"
    stored = cache.get(seen_key)
    if stored is not None and stored[0] == etag:
        return stored[1]
    now = int(time.time())
    cache.set(seen_key, (etag, now), timeout=SEEN_SECONDS)
    return now


def _render(view, request, args, kwargs, key: str) -> tuple:
    """(status, content type, body, ETag, Last-Modified as seconds since the epoch); ETag and
    Last-Modified only for a 200 (else None). The ETag and the moment are worked out when the
    body is built and kept with it, so a cached answer costs neither a hash nor a read."""

    def build():
        response = view(request, *args, **kwargs)
        status, body = response.status_code, response.content
        etag = last_modified = None
        if status == 200:
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            last_modified = _first_seen(key, etag)
        return status, response["Content-Type"], body, etag, last_modified

    seconds = cache_seconds()
    if not seconds:
        return build()
    # Everyone reads the same answers: keep a per-process copy too (core.page_cache). The key
    # names the value's shape: entries of the three-part shape before it are never read.
    return content_cached(f"api-answer:{key}", build, timeout=seconds, local=True)


def api_endpoint(view):
    """Wrap a GET view of the API with everything the module docstring describes."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)  # the operation answers 405 itself
        language = requested_language(request)
        if language is None:
            language = settings.LANGUAGE_CODE
            with translation.override(language):
                choices = ", ".join(code for code, _name in settings.LANGUAGES)
                error = json_response(
                    {
                        "detail": _("Some parameters are not valid."),
                        "errors": {
                            LANGUAGE_PARAMETER: [
                                _("Choose one of these languages: %(languages)s.")
                                % {"languages": choices}
                            ]
                        },
                    },
                    400,
                )
            error["Cache-Control"] = ERROR_CACHE_CONTROL
            return _with_common_headers(error, language)
        retry_after = over_limit(request)
        if retry_after:
            return _with_common_headers(_too_many(retry_after, language), language)

        head = request.method == "HEAD"
        key = hashlib.sha256(
            f"{language}|{request.build_absolute_uri()}".encode(), usedforsecurity=False
        ).hexdigest()
        request.method = "GET"  # a HEAD is answered as the GET, without the body
        try:
            with translation.override(language):
                status, content_type, body, etag, last_modified = _render(
                    view, request, args, kwargs, key
                )
            response = HttpResponse(body, status=status, content_type=content_type)
            if status == 200:
                response["ETag"] = etag
                response["Last-Modified"] = http_date(last_modified)
                response["Cache-Control"] = CACHE_CONTROL
                response = (
                    get_conditional_response(
                        request, etag=etag, last_modified=last_modified, response=response
                    )
                    or response
                )
            else:
                response["Cache-Control"] = ERROR_CACHE_CONTROL
        finally:
            if head:
                request.method = "HEAD"
        if head and response.status_code == 200:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return _with_common_headers(response, language)

    # Ninja's views take no CSRF token (they only read); keep that through the wrapper.
    wrapper.csrf_exempt = True
    return wrapper
