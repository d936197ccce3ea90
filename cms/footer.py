"""The footer's contact details and links, cached per site and language.

Every page shows the footer, so it must not cost queries on every request. The cache is
cleared when the contact settings change or any page is published, unpublished, moved or
deleted (see cms.signal_handlers).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.models import SiteContactSettings
from cms.sites import find_site
from core.fragments import per_process

CACHE_SECONDS = 60 * 60


def _cache_key(site_id: int, language: str) -> str:
    return f"cms:footer:{site_id}:{language}"


def get_footer(request) -> dict:
    site = find_site(request)
    if site is None:
        return {"contact": {}, "links": []}
    # In this process under the content generation, in front of the shared cache.
    return per_process(request, f"footer:{site.pk}", lambda: _shared_footer(site, request))


def _shared_footer(site: Site, request) -> dict:
    key = _cache_key(site.pk, get_language())
    footer = cache.get(key)
    if footer is None:
        footer = _build_footer(site, request)
        cache.set(key, footer, CACHE_SECONDS)
    return footer


def _build_footer(site: Site, request) -> dict:
    contact = SiteContactSettings.for_site(site)
    links = []
    for page, label in (
        (contact.about_page, None),
        (contact.privacy_page, _("Privacy policy")),
        (contact.accessibility_page, _("Accessibility statement")),
    ):
        if page is None:
            continue
        page = page.localized
        if page.live:
            links.append({"url": page.get_url(request), "title": label or page.title})
    return {
        "contact": {
            field: getattr(contact, field)
            for field in (
                "organisation",
                "department",
                "address",
                "phone",
                "email",
                "opening_hours",
            )
        },
        "links": links,
    }


def clear_footer_cache(site_ids=None) -> None:
    if site_ids is None:
        site_ids = Site.objects.values_list("pk", flat=True)
    keys = [_cache_key(site_id, code) for site_id in site_ids for code, _name in settings.LANGUAGES]
    cache.delete_many(keys)
