"""Benchmarks (bench/run.py): production settings served over plain HTTP on 127.0.0.1.

Everything that makes production fast stays on (DEBUG off, hashed static files from
WhiteNoise, persistent connections, Redis when REDIS_URL is set). What differs: no TLS, so
cookies are not Secure and nothing redirects to HTTPS; the URLconf adds the bare baseline view;
the seeding commands may run against the benchmark database.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
DEMO_CONTENT_ALLOWED = True
STAFF_MFA_REQUIRED = False
# The load generator is one client: keep the verification rate limit's bookkeeping (it still
# runs on every lookup) but never let it answer 429.
CERTIFICATE_VERIFY_RATE_LIMIT = (10**9, 600)
# The same for the public API's per-address limit.
API_RATE_LIMIT = (10**9, 60)
