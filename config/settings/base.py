"""Settings shared by every environment.

dev.py, test.py and production.py import everything from here and change only what differs.
Values that vary between installations come from environment variables; the README and
docs/operations.md list them all.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from accounts.sso.config import provider_origins, socialaccount_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the running site writes (SQLite database, uploaded media, collected static files).
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Overridden (and required) in production; this value only ever signs development sessions.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-frivilligloeft")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# Our apps come first so that their templates override those of the libraries below.
# Order follows the dependency order in docs/architecture.md; cms is last because it may use
# every app below it (related courses, search across courses).
INSTALLED_APPS = [
    "core",
    "accounts",
    # The shared vocabulary (topics, audiences) of the apps that follow.
    "taxonomy",
    "courses",
    "networks",
    "associations",
    "schools",
    "certificates",
    "cms",
    "calendars",
    # Reads every app above; nothing imports it.
    "api",
    # "Frivilligløft i tal", the impact report: reads every app above; nothing imports it.
    "insights",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.wagtail_apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Municipal OpenID Connect and MitID login (accounts/sso); inert until configured.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Interfaces and background work
    "django_filters",
    "django_htmx",
    "django_tasks_db",
    # Object permissions from predicates. The autodiscovering config imports every app's
    # rules.py at start-up (plain "rules" would not, and a permission nobody imported is a no).
    "rules.apps.AutodiscoverRulesConfig",
    # Django
    "config.apps.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A NUL (%00) in the URL is a 400, and in a cookie is dropped, before the session or any
    # view looks anything up with it (PostgreSQL refuses NUL in text: a 500).
    "core.middleware.RefuseNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The request's user reads its roles and permissions once per request (accounts.roles).
    "accounts.middleware.RequestAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Below the CSP middleware so that its response hook runs first and can relax the policy
    # for the Wagtail and Django admins, which still use inline scripts and styles.
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # A formset POST missing a form it announces is a 400, not modelcluster's KeyError (500).
    "core.middleware.IncompleteFormsetMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMultiFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail pages take their site from cms.sites (per process) instead of a query each.
    "cms.middleware.WagtailSiteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_navigation",
                "calendars.context_processors.calendar_subscriptions",
            ],
        },
    },
]
FORM_RENDERER = "core.forms.SiteFormRenderer"

# --- Database -----------------------------------------------------------------------------
# SQLite in var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
else:
    # A fresh clone has no var/ yet; SQLite cannot create the folder itself.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "frivilligloeft.sqlite3",
            "OPTIONS": {
                # Every transaction takes the write lock at BEGIN, so two signups never both read
                # "one seat left"; writers queue for up to `timeout` seconds instead of failing.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
USING_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRESQL:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's Redis backend behind a guard: an unreachable Redis is a cache miss, logged once
    # per minute, never an error page (core/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "frivilligloeft",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors, kept this many seconds (0 = off); see core/page_cache.py.
# Saves in these apps make every cached page stale at once.
ANONYMOUS_PAGE_CACHE_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_CACHE_SECONDS", "30"))
ANONYMOUS_PAGE_CACHE_APPS = [
    "taxonomy",
    "courses",
    "networks",
    "associations",
    "schools",
    "certificates",
    "cms",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
]
# ... except these, which an anonymous page shows only as seat counts: those may lag by up to
# ANONYMOUS_PAGE_CACHE_SECONDS, so 200 people signing up in a minute do not empty the page
# cache 200 times, just when a newsletter brings everyone to the same pages.
ANONYMOUS_PAGE_CACHE_IGNORED_MODELS = ["courses.signup", "courses.signupanswer"]
# Paths the page cache never stores and so does not look up: the public API's answers, which
# api.http keeps itself (per language, after the rate limit); its documentation page is a page.
ANONYMOUS_PAGE_CACHE_BYPASS = r"^/api/v1/(?!docs/$)"

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# Django's database sessions, the row read with SQL built once per process (accounts.sessions).
SESSION_ENGINE = "accounts.sessions"
AUTHENTICATION_BACKENDS = [
    # user.has_perm("app.perm", obj): the predicates in each app's rules.py, from current roles.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Pages an editor restricts to logged-in people send visitors to our login, not Wagtail's.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "accounts:dashboard"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Signup, login and password reset answer alike whether or not an address has an account;
# the address's owner is told by email (allauth's default, kept on purpose:
# tests/accounts/test_enumeration.py).
ACCOUNT_PREVENT_ENUMERATION = True
# "mandatory" in production and tests; development sets "optional" so demo signups are quick.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Frivilligløft: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# allauth's rate limits (login failures, signups, password resets) stay at their defaults: on.
# They count per client IP as core.http.client_ip sees it (accounts.adapters).

# --- Client IP behind proxies (core/http.py) -----------------------------------------------
# How many proxies (load balancer, reverse proxy) append to X-Forwarded-For in front of the
# web processes; 0 = none, the header is ignored. Or the header a proxy sets to the client's
# address (e.g. X-Real-IP), which then wins. Every rate limit uses the result.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)
TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff must turn on two-step verification before using the admin (on in production).
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", False)
MFA_TOTP_ISSUER = "Frivilligløft"

# --- Single sign-on (accounts/sso, docs/operations.md "Single sign-on") ---------------------
# The municipality's OpenID Connect provider for staff (OIDC_STAFF_*) and MitID through an
# OpenID Connect broker (MITID_BROKER_*); either or both may be unset, and with neither set
# nothing changes. Authorization code flow with PKCE; accounts link by verified email only.
SOCIALACCOUNT_PROVIDERS = socialaccount_providers(os.environ)
SOCIALACCOUNT_ADAPTER = "accounts.sso.adapter.SocialAccountAdapter"
SOCIALACCOUNT_FORMS = {"signup": "accounts.sso.forms.SocialSignupForm"}
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
# No access or refresh tokens in the database: we only need to know who logged in.
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
# Our own catalogue first (it wins on shared msgids), then our Danish for the Wagtail admin.
# locale_allauth: allauth's strings in the site's terms (»adgangskode«, »totrinsbekræftelse«).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail", BASE_DIR / "locale_allauth"]
TIME_ZONE = "Europe/Copenhagen"
# Dates in each language's own style ("5. december 2026", "5 December 2026"): core/formats/.
FORMAT_MODULE_PATH = ["core.formats"]
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True

# --- Static files and media ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Frivilligløft"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No third-party requests from the admin: staff avatars are not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's own login form leaves the password label untranslated.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.wagtail_users.AdminLoginForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents are downloads (templates, agendas): every type is sent as an attachment, so a PDF
# never opens inside our origin, and uploads above this size are refused by Wagtail's form.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's rich text editor, but a POSTed value it cannot parse is a form error, not a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "core.widgets.SafeDraftailRichTextArea"}}
# Wagtail's database backend, every word matched by its Danish stem and beginning
# (core/search_backend.py): "bestyrelse" finds "bestyrelsen", "kasserer" "Kassererkursus".
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "core.search_backend",
        **({"SEARCH_CONFIG": "danish"} if USING_POSTGRESQL else {}),
    }
}

# --- Background work ----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# --- Email --------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Frivilligløft <noreply@frivilligloeft.dk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# --- Security -----------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_MEDIA_ORIGINS")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, *env_list("CSP_MEDIA_ORIGINS")],
    # Video blocks embed these players only.
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    # 'self', not 'none': Wagtail's page preview shows the page in a frame of the admin.
    "frame-ancestors": [CSP.SELF],
    # Login buttons post to us, and we redirect to the login provider (accounts/sso).
    "form-action": [CSP.SELF, *provider_origins(os.environ), *env_list("CSP_FORM_ACTION_ORIGINS")],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The admins get this policy instead (see core.middleware.AdminContentSecurityPolicyMiddleware).
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *env_list("CSP_MEDIA_ORIGINS")],
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

SITE_URL = WAGTAILADMIN_BASE_URL

# --- Open Badges credentials (certificates/credentials; docs/operations.md "Open Badges keys") --
# The Ed25519 key that signs them: PEM in the environment, or a file the environment names.
# Never in the database or the repository. Retired public keys (multibase) stay published so
# credentials signed before a rotation keep verifying.
CREDENTIAL_SIGNING_KEY = os.environ.get("CREDENTIAL_SIGNING_KEY", "")
CREDENTIAL_SIGNING_KEY_FILE = os.environ.get("CREDENTIAL_SIGNING_KEY_FILE", "")
CREDENTIAL_RETIRED_KEYS = env_list("CREDENTIAL_RETIRED_KEYS")
# Development and tests make a key in VAR_DIR on first use; production never does.
CREDENTIAL_SIGNING_KEY_GENERATE = False
# Uploaded media through Django itself: development and tests only (see docs/operations.md).
SERVE_MEDIA = False
# seed_demo may only run where this is on (development and tests), never in production.
DEMO_CONTENT_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "INFO"},
        # Each task logs its start and end at INFO; only failures are worth a line.
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
