import logging

from django.conf import settings
from django.db import OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)


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


class DatabaseBusyMiddleware:
    """Answer "try again" with a 503, never a 500, when SQLite stays locked past its timeout.

    On SQLite the database file is the lock: writers queue for the busy timeout (20 s). If a
    burst outlasts it, the visitor gets a clear page and the request changed nothing, because
    the transaction that could not start never wrote anything.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and "locked" in str(exception).lower():
            logger.warning("Database busy on %s %s", request.method, request.path)
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "5"
            return response
        return None
