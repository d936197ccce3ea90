"""Whole-page cache for anonymous visitors ("micro-caching").

When the municipality's newsletter announces a course, hundreds of people open the same few
pages in the same minute, almost all of them not logged in. Those pages are the same for every
anonymous visitor, so we render each once and serve it from the shared cache (Redis in
production) for a short while.

Opt-in: a view marks its response with `public_page` (a decorator) or, for Wagtail pages, the
`before_serve_page` hook in cms marks the request. Only marked `GET` responses are stored, and
only when all of this holds:

- the request carries no session cookie and no messages cookie (so no logged-in user, no
  "you were signed up" message, no page-password session is ever involved);
- the response is a 200 without cookies, not streaming, and not `private`/`no-store`;
- rendering it neither wrote to the session nor used a CSRF token.

A response's CSP nonce is swapped for a placeholder before it is stored, and every hit gets a
fresh nonce, so caching never weakens the Content-Security-Policy.

Invalidation: entries live `ANONYMOUS_PAGE_CACHE_SECONDS` (30 s by default; 0 turns the cache
off), and any save or delete in a content app (`ANONYMOUS_PAGE_CACHE_APPS`) or a Wagtail
publish bumps a generation number that is part of every key, so editors' changes show at once.
The public API's answers (`content_cached(..., local=True)` in api.http) follow the same rules;
the middleware leaves their paths alone (`ANONYMOUS_PAGE_CACHE_BYPASS`).
Signups are the exception (`ANONYMOUS_PAGE_CACHE_IGNORED_MODELS`): an anonymous page shows them
only as seat counts, which may lag by the entry's lifetime rather than a rush of signups
emptying the cache once each.
Changes made with `QuerySet.update()` send no signals; they show when the entry expires.
The bump runs after the change commits, so a cache error can never roll the change back.

While the shared cache is unreachable (core.cache.is_degraded) pages are neither served from
nor stored in any cache: a generation bump cannot reach other processes then, so even this
process's local copies could go stale. Rendering goes on as if the cache were off.
"""

import hashlib
import re
import time
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from core.cache import is_degraded

GENERATION_KEY = "anonymous-page:generation"
NONCE_PLACEHOLDER = b"__frivilligloeft_csp_nonce__"
MARK = "_cache_anonymously"
# A small per-process copy in front of the shared cache: a hot page (or a 1 MB calendar feed)
# is not fetched from Redis on every hit. Keys carry the generation, so a bump makes these
# unreachable as well; the entry count keeps the worker's memory bounded.
_local = LocMemCache("anonymous-pages", {"OPTIONS": {"MAX_ENTRIES": 24, "CULL_FREQUENCY": 3}})
# The same for content_cached(..., local=True) values (the public API's answers), apart, so
# many API URLs cannot push the hot pages out of the copy above.
_local_content = LocMemCache(
    "content-cached", {"OPTIONS": {"MAX_ENTRIES": 24, "CULL_FREQUENCY": 3}}
)


def clear_local() -> None:
    """Forget this process's copies (tests, which clear the shared cache between tests)."""
    _local.clear()
    _local_content.clear()


def cache_seconds() -> int:
    return getattr(settings, "ANONYMOUS_PAGE_CACHE_SECONDS", 0)


def mark(request_or_response) -> None:
    """Allow this page to be served from the anonymous page cache."""
    setattr(request_or_response, MARK, True)


def public_page(view):
    """Decorator for views whose anonymous response is the same for every visitor."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        mark(response)
        return response

    return wrapper


def bump_generation(**kwargs) -> None:
    """Make every cached page and content_cached value stale (called on content changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # No generation yet, or Redis restarted empty: start from the clock, so a number this
        # process may still hold local copies under is never handed out again.
        cache.set(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)


def content_cached(key: str, build, *, timeout: int, local: bool = False):
    """build()'s value, kept in the shared cache until content changes (any save in a content
    app bumps the generation) or `timeout` seconds pass, whichever comes first. For private
    things that are expensive to build and cheap to key, like a person's calendar feed.
    `local`: also keep a per-process copy, like the anonymous pages (for values everyone reads,
    like the public API's answers): a hit then costs the generation's read only."""
    generation = cache.get(GENERATION_KEY, 0)
    if is_degraded():
        return build()
    full_key = f"content:{generation}:{key}"
    value = _read_through(_local_content, full_key, timeout) if local else cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout=timeout)
        if local:
            _local_content.set(full_key, value, timeout=timeout)
    return value


def _read_through(local: LocMemCache, key: str, seconds: int):
    """The value kept under `key`: this process's copy in `local`, else the shared cache's
    (copied into `local` for `seconds`); None when neither has it."""
    value = local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            local.set(key, value, timeout=seconds)
    return value


@lru_cache(maxsize=4)
def _bypass_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _bypassed(path: str) -> bool:
    """Paths this middleware never stores (ANONYMOUS_PAGE_CACHE_BYPASS, a regular expression),
    so it does not look them up either: the public API keeps its answers itself, per language,
    and counts every request for its rate limit."""
    pattern = getattr(settings, "ANONYMOUS_PAGE_CACHE_BYPASS", "")
    return bool(pattern) and _bypass_pattern(pattern).match(path) is not None


def _is_anonymous(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(request, generation) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    # htmx asks for a whole page again after Back (HX-History-Restore-Request): that is a page.
    partial = request.headers.get("HX-Request") and not request.headers.get(
        "HX-History-Restore-Request"
    )
    htmx = "htmx" if partial else "page"
    return f"anonymous-page:{generation}:{htmx}:{path}"


def _storable(request, response) -> bool:
    if not (getattr(response, MARK, False) or getattr(request, MARK, False)):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page that wrote to the session or used a CSRF token (whose masked form reveals the
    # visitor's secret) belongs to one visitor only. Reading the empty session of a visitor
    # without a session cookie (request.user does) is the same for everyone.
    session = getattr(request, "session", None)
    if (session is not None and session.modified) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages; see the module docstring. Sits below the CSP
    middleware (so every hit gets its policy header with a fresh nonce) and below the session,
    CSRF and message middleware (which leave a response alone when nothing touched them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if (
            not seconds
            or request.method != "GET"
            or not _is_anonymous(request)
            or _bypassed(request.path)
            or is_degraded()
        ):
            return self.get_response(request)
        generation = cache.get(GENERATION_KEY, 0)
        if is_degraded():  # the read above found the cache gone
            return self.get_response(request)
        key = _key(request, generation)
        stored = _read_through(_local, key, seconds)
        if stored is not None:
            return self._rebuild(request, stored)
        response = self.get_response(request)
        if _storable(request, response) and not is_degraded():
            frozen = self._freeze(request, response)
            cache.set(key, frozen, timeout=seconds)
            _local.set(key, frozen, timeout=seconds)
        return response

    @staticmethod
    def _freeze(request, response) -> dict:
        body = response.content
        nonce = get_nonce(request)
        has_nonce = bool(nonce) and str(nonce).encode() in body  # generated and used
        if has_nonce:
            body = body.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
        return {
            "status": response.status_code,
            "headers": dict(response.headers),
            "body": body,
            "has_nonce": has_nonce,
        }

    @staticmethod
    def _rebuild(request, stored: dict) -> HttpResponse:
        headers = stored["headers"]
        if "ETag" in headers or "Last-Modified" in headers:
            # Calendar clients ask "changed since?"; answer from the stored copy too.
            not_modified = get_conditional_response(
                request,
                etag=headers.get("ETag"),
                last_modified=parse_http_date_safe(headers.get("Last-Modified", "")),
            )
            if not_modified is not None:
                for header in ("ETag", "Last-Modified", "Cache-Control"):
                    if header in headers:
                        not_modified.headers[header] = headers[header]
                return not_modified
        body = stored["body"]
        if stored.get("has_nonce"):
            body = body.replace(NONCE_PLACEHOLDER, str(get_nonce(request)).encode())
        response = HttpResponse(body, status=stored["status"])
        for header, value in headers.items():
            response.headers[header] = value
        response.headers["Content-Length"] = str(len(body))
        return response
