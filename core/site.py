"""The site's own address (SITE_URL) for links that leave the request: emails, calendar
feeds, API documents. Never the request's Host header."""

from urllib.parse import urlsplit

from django.conf import settings


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def absolute_url(path: str) -> str:
    """`path` (starting with /) on SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path
