"""Tests: `make test`. Fast hashing, emails kept in memory, tasks run at once."""

import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, USING_POSTGRESQL

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="frivilligloeft-test-media-")
CERTIFICATE_ROOT = tempfile.mkdtemp(prefix="frivilligloeft-test-certificates-")
SERVE_MEDIA = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Templates used only by tests (e.g. a sample email).
TEMPLATES[0]["DIRS"].append(BASE_DIR / "tests" / "templates")  # noqa: F405

if not USING_POSTGRESQL:
    # A file, not SQLite's default in-memory test database: concurrency tests open several
    # connections, and live_server runs in a second thread.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
DEMO_CONTENT_ALLOWED = True
# Static files come straight from the apps' and static/ folders (no collectstatic in tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Off by default so no test sees another test's pages; tests/core/test_page_cache.py turns it on.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
