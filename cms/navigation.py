"""The header's "Vejledninger" link: the guide index in the current language, cached.

The link is on every page, so it must not cost a query per request: one query on a cold cache,
none after. The site and its root paths are looked up once per request and shared with the
footer. The cache is cleared with the footer's whenever a page is published, unpublished, moved
or deleted (see cms.signal_handlers).
"""

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from cms.sites import find_site
from core.fragments import per_process

CACHE_SECONDS = 60 * 60


def _cache_key(site_id: int, language: str) -> str:
    return f"cms:guides-url:{site_id}:{language}"


def guide_index_url(request) -> str | None:
    site = find_site(request)
    if site is None:
        return None
    # In this process under the content generation, in front of the shared cache.
    return per_process(request, f"guides-url:{site.pk}", lambda: _shared_url(site, request))


def _shared_url(site, request) -> str | None:
    from cms.models import GuideIndexPage

    key = _cache_key(site.pk, get_language())
    url = cache.get(key)
    if url is None:
        page = (
            GuideIndexPage.objects.live()
            .filter(locale__language_code=get_language())
            .order_by("path")
            .first()
        )
        url = page.get_url(request) if page is not None else ""
        cache.set(key, url, CACHE_SECONDS)
    return url or None


def clear_navigation_cache(site_ids=None) -> None:
    from django.conf import settings

    if site_ids is None:
        site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many(
        [_cache_key(site_id, code) for site_id in site_ids for code, _name in settings.LANGUAGES]
    )
