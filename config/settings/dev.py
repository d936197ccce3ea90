"""Development: `make run` on a laptop. Debug pages, emails printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]
# Demo signups should not need a mailbox; the confirmation mail still prints to the console.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Serve uploaded media from runserver (production serves it from object storage or the proxy).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
DEMO_CONTENT_ALLOWED = True
# Open Badges are signed with a key made in VAR_DIR on first use (certificates.credentials).
CREDENTIAL_SIGNING_KEY_GENERATE = True
# Static files come straight from the source folders; production runs collectstatic.
STATIC_ROOT = None

# Template edits show at once; the anonymous page cache is tried in tests/core/test_page_cache.py.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
