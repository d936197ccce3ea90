from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts import wagtail_users
from accounts.sso import views as sso_views
from certificates.views import credentials as credential_views
from config import seo
from core import views as core_views

# A database outage anywhere answers 503 with Retry-After; other errors our own 500 page.
handler500 = "core.middleware.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("healthz/ready", core_views.ready, name="healthz-ready"),
    # The certificate issuer's did:web document (Open Badges keys; certificates.credentials).
    path(".well-known/did.json", credential_views.did_document, name="did_document"),
    # The admin's "Log out" also ends a municipal login at the provider (accounts.sso).
    path("admin/logout/", sso_views.AdminLogoutView.as_view()),
    # The account page names a person by their full name (accounts.wagtail_users).
    path("admin/account/", require_admin_access(wagtail_users.AccountView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("dokumenter/", include(wagtaildocs_urls)),
    # The public read API (JSON, no language prefix: ?lang= or Accept-Language decides).
    path("api/v1/", include("api.urls")),
    # OpenID Connect back-channel logout: the provider posts here (no language, no CSRF).
    path(
        "oidc/<str:provider_id>/backchannel-logout",
        sso_views.backchannel_logout,
        name="oidc_backchannel_logout",
    ),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"),  # noqa: UP031
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Danish pages have no prefix; English ones live under /en/. Each app adds its URLs here;
# Wagtail's catch-all page serving comes last.
urlpatterns += i18n_patterns(
    # Linked logins are managed on Mine sider (accounts.sso), not on allauth's own page.
    path("konto/3rdparty/", RedirectView.as_view(pattern_name="accounts:linked_logins")),
    path("konto/", include("allauth.urls")),
    path("", include("calendars.urls")),
    path("mine-sider/kalender/", include("calendars.urls_mine_sider")),
    path("netvaerk/", include("networks.urls")),
    path("mine-sider/netvaerk/", include("networks.urls_mine_sider")),
    path("skoler/", include("schools.urls")),
    path("mine-sider/skoler/", include("schools.urls_mine_sider")),
    path("", include("associations.urls")),
    path("mine-sider/foreninger/", include("associations.urls_mine_sider")),
    path("", include("certificates.urls")),
    path("", include("courses.urls")),
    path("mine-sider/", include("accounts.urls")),
    path("", include("cms.urls")),
    path("", include("api.urls_pages")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
