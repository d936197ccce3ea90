import json
import logging
import re
import sys
import threading
import time
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext_lazy as _
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)

# SQLite reports an outage and a bug with the same exception class; these say "outage".
SQLITE_UNAVAILABLE = ("locked", "busy", "unable to open", "disk i/o", "readonly database")
LOG_SECONDS = 60.0


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail and Django admins the relaxed ADMIN_CSP policy.

    Both admins still ship inline scripts and styles; the public site keeps the strict,
    nonce-based SECURE_CSP. Must sit below ContentSecurityPolicyMiddleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            response._csp_config = settings.ADMIN_CSP
        return response


def is_database_unavailable(error: BaseException | None) -> bool:
    """True for errors that mean "the database cannot answer now" (down, restarting, failed
    over, connection cut, locked past the timeout) rather than a bug in a query."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if connection.vendor != "sqlite":
        return True
    message = str(error).lower()
    return any(marker in message for marker in SQLITE_UNAVAILABLE)


def is_database_busy(error: BaseException) -> bool:
    return "locked" in str(error).lower() or "busy" in str(error).lower()


class _Throttle:
    """One error line per interval for an outage that hits every request."""

    def __init__(self):
        self.lock = threading.Lock()
        self.logged_at = 0.0
        self.suppressed = 0

    def log(self, request, error) -> None:
        now = time.monotonic()
        with self.lock:
            if now - self.logged_at < LOG_SECONDS:
                self.suppressed += 1
                return
            suppressed, self.suppressed, self.logged_at = self.suppressed, 0, now
        logger.error(
            "Database unavailable on %s %s (%s: %s); answered 503 (%d more since the last line)",
            request.method,
            request.path,
            type(error).__name__,
            error,
            suppressed,
        )


_throttle = _Throttle()


def database_unavailable_response(request, error) -> HttpResponse:
    """A translated "try again in a moment" page with Retry-After, rendered without touching
    the database (no context processors, no session, no navigation from the CMS)."""
    _throttle.log(request, error)
    busy = is_database_busy(error)
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_path(
        request.path_info
    )
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(
            "503.html",
            {"busy": busy, "LANGUAGE_CODE": translation.get_language()},
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "5" if busy else "30"
    response["Cache-Control"] = "no-store"
    # Logged above, once per interval: Django would log (and mail) every request otherwise.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """Answer "try again" with a 503, never a 500, when the database cannot answer.

    On SQLite the database file is the lock: writers queue for the busy timeout (20 s), and a
    burst that outlasts it gets this page. On PostgreSQL it covers a server that is down,
    restarting or failing over, and connections cut mid-request. The transaction that failed
    is rolled back by Django, so the request changed nothing. Errors raised outside views
    (middleware, the session) reach `server_error`, which answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable_response(request, exception)
        return None


def server_error(request):
    """handler500: a database outage is a 503 too; anything else is our own 500 page, rendered
    without the database (which may be why we are here)."""
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return database_unavailable_response(request, error)
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string("500.html", {"LANGUAGE_CODE": translation.get_language()})
    return HttpResponse(body, status=500)


class RefuseNulCharactersMiddleware:
    """Answer 400 to a URL whose path or query string holds a NUL character (%00).

    No text we store or look up can hold one (PostgreSQL refuses it in text, and our forms'
    validators refuse control characters), so a NUL can only be an attack or a broken link.
    Refusing it here, before any view queries the database, keeps every URL (the API, allauth's
    provider callbacks, Wagtail's pages) from answering a 500 on PostgreSQL. A cookie with a NUL
    is dropped, as if the browser had not sent it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in [name for name, value in request.COOKIES.items() if "\x00" in name + value]:
            del request.COOKIES[name]
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        message = _("The address contains a character that is not allowed.")
        if request.path_info.startswith("/api/"):
            response = HttpResponse(
                json.dumps({"detail": str(message)}, ensure_ascii=False),
                status=400,
                content_type="application/json; charset=utf-8",
            )
            response["Access-Control-Allow-Origin"] = "*"
            return response
        language = translation.get_language_from_path(request.path_info)
        with translation.override(language or settings.LANGUAGE_CODE):
            return bad_request(request, BadRequest(message))


# A field of one form in a formset: "<prefix>-<number>-<name>", e.g. "meetings-2-id".
FORMSET_FIELD = re.compile(r"[\w-]+-\d+-\w+")


class IncompleteFormsetMiddleware:
    """Answer 400, not 500, to a POST whose formset lacks a form its management data announces.

    django-modelcluster (the Wagtail admin's inline panels: a course's meetings and questions)
    reads each saved form's id as `data[key]`, so a POST whose INITIAL_FORMS was raised by hand,
    or that arrived cut short, raised MultiValueDictKeyError. Only a missing formset field is
    answered here; any other missing key is still a bug of ours and a 500. Nothing was saved:
    the error comes while the form is read, before any change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not isinstance(exception, MultiValueDictKeyError):
            return None
        key = exception.args[0] if exception.args else None
        if not isinstance(key, str) or not FORMSET_FIELD.fullmatch(key) or key in request.POST:
            return None
        logger.warning(
            "Incomplete formset in POST %s: %s is missing; answered 400", request.path, key
        )
        with translation.override(_admin_language(request) or translation.get_language()):
            return bad_request(request, BadRequest(f"{key} is missing"))


def _admin_language(request) -> str | None:
    """The language a staff member chose for the Wagtail admin, on the admin's pages (Wagtail
    applies it inside its views only, and this answer comes after the view)."""
    if not request.path_info.startswith(reverse("wagtailadmin_home")):
        return None
    if not hasattr(request.user, "wagtail_userprofile"):
        return None
    return request.user.wagtail_userprofile.get_preferred_language()
