"""robots.txt and sitemap.xml.

The sitemap lists what an anonymous visitor may open, in Danish and English: the CMS pages
(Wagtail's sitemap, every locale), published courses, listed networks, public associations,
public internship offers and published fairs, each with its last change. Everything else —
hidden associations, drafts, unlisted networks, certificates (/bevis/<code>/), personal
calendar feeds, Mine sider — is left out, and robots.txt asks crawlers to stay away from it.

It lives in config because it reads every app (like the URL configuration itself).
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

from associations import queries as association_queries
from associations.models import Fair
from courses import queries as course_queries
from networks.models import Network
from schools import queries as school_queries

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class PagesSitemap(WagtailSitemap):
    """Wagtail's live, public pages under the site's root page in every language."""

    def items(self):
        from wagtail.models import Page

        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Each page on SITE_URL's host, like every other entry: Wagtail's Site may keep the
        hostname it was created with ("localhost"), and search engines refuse a sitemap
        entry on another host than the sitemap's."""
        base = urlsplit(settings.SITE_URL)
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = urlunsplit((base.scheme, base.netloc, *parts[2:]))
        return urls


class _ModelSitemap(Sitemap):
    """A model's public pages in both languages (Danish without prefix, English under /en/),
    each URL with its alternate in the other language, on SITE_URL's host."""

    i18n = True
    languages = LANGUAGES
    alternates = True
    x_default = True
    lastmod_field = "updated_at"

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, obj):
        return getattr(obj, self.lastmod_field)


class CourseSitemap(_ModelSitemap):
    def items(self):
        return (
            course_queries.published_courses()
            .only("slug", "updated_at")
            .order_by("starts_at", "pk")
        )


class NetworkSitemap(_ModelSitemap):
    def items(self):
        return Network.objects.filter(is_listed=True).only("slug", "updated_at").order_by("pk")


class AssociationSitemap(_ModelSitemap):
    def items(self):
        return association_queries.public_associations().only("slug", "updated_at").order_by("pk")


class InternshipOfferSitemap(_ModelSitemap):
    def items(self):
        return (
            school_queries.public_offers()
            .select_related(None)
            .only("pk", "updated_at")
            .order_by("pk")
        )


class FairSitemap(_ModelSitemap):
    lastmod_field = "created_at"

    def items(self):
        return Fair.objects.filter(is_published=True).only("slug", "created_at").order_by("pk")


SITEMAPS = {
    "pages": PagesSitemap,
    "courses": CourseSitemap,
    "networks": NetworkSitemap,
    "associations": AssociationSitemap,
    "internship-offers": InternshipOfferSitemap,
    "fairs": FairSitemap,
}


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    """One sitemap (a municipality's volunteering stays far below 50,000 URLs)."""
    return wagtail_sitemap_view(request, SITEMAPS)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    site = settings.SITE_URL.rstrip("/")
    with translation.override(None):
        sitemap_url = site + reverse("sitemap")
    lines = ["User-agent: *"]
    for prefix in ("", "/en"):
        lines += [
            f"Disallow: {prefix}/mine-sider/",
            f"Disallow: {prefix}/konto/",
            f"Disallow: {prefix}/soeg/",
            # Certificates: the form to check a code may be found, the codes may not.
            f"Allow: {prefix}/bevis/$",
            f"Disallow: {prefix}/bevis/",
            # Personal calendar feeds (/kalender/<token>.ics); the course feed is public.
            f"Allow: {prefix}/kalender/kurser.ics",
            f"Disallow: {prefix}/kalender/",
        ]
    lines += ["Disallow: /admin/", "Disallow: /django-admin/", "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
