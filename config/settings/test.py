"""Tests: `make test`. Fast hashing, emails kept in memory, tasks run at once."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, USING_POSTGRESQL, VAR_DIR

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

# The migrated test database kept as a template, shared by the workers and later runs
# (tests/database_template.py).
TEST_TEMPLATE_DIR = VAR_DIR / "test-templates"

# pytest-xdist (`make test` runs one worker per core): each worker has a VAR_DIR of its own
# (its SQLite test database, the Open Badges key made on first use); pytest-django also
# suffixes the test database's name with the worker (gw0, gw1), on PostgreSQL too.
if XDIST_WORKER := os.environ.get("PYTEST_XDIST_WORKER", ""):
    VAR_DIR = VAR_DIR / "xdist" / XDIST_WORKER
    VAR_DIR.mkdir(parents=True, exist_ok=True)

# live_server answers each browser request in a thread of its own, and a thread that still held
# a browser's keep-alive socket kept its database connection too (CONN_MAX_AGE): once, at the end
# of a browser run, PostgreSQL refused to drop the test database ("being accessed by other
# users"). Closed after every request instead; the test client's requests keep the test's own.
DATABASES["default"]["CONN_MAX_AGE"] = 0

if not USING_POSTGRESQL:
    # A file, not SQLite's default in-memory test database: concurrency tests open several
    # connections, and live_server runs in a second thread.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEMO_CONTENT_ALLOWED = True
# Open Badges are signed with a key made in VAR_DIR on first use (certificates.credentials).
CREDENTIAL_SIGNING_KEY_GENERATE = True
# Static files come straight from the apps' and static/ folders (no collectstatic in tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Look a static file up when it is asked for, not at start-up: every test client builds the
# middleware anew, and listing every app's static files each time (Wagtail's admin holds
# thousands) was about a third of an ordinary view test's time.
WHITENOISE_AUTOREFRESH = True

# Off by default so no test sees another test's pages; tests/core/test_page_cache.py turns it on.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
