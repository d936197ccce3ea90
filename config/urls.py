from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("dokumenter/", include(wagtaildocs_urls)),
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
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
