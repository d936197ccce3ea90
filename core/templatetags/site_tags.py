from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from core.fragments import per_process

register = template.Library()


# A path's address in another language follows from the URLconf alone; resolving and
# reversing it on every page was about 500 function calls per language.
@lru_cache(maxsize=2048)
def _translated(path: str, language: str, script_prefix: str, urlconf) -> str:
    return translate_url(path, language)


def _translation_urls(page, request) -> dict[str, str]:
    """Language code → URL of the page's live translations (itself included)."""
    return {
        translation.locale.language_code: translation.get_url(request)
        for translation in page.get_translations(inclusive=True).select_related("locale")
        if translation.live
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every site language.

    On a Wagtail page the link goes to that page's translation (or alias) where one exists;
    elsewhere Django's translate_url maps the current URL to the other language's prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    # A routable page's sub-page (e.g. /vejledninger/emne/x/) keeps its path in the other
    # language; the page's translation would only lead to the page's own front.
    match = getattr(request, "routable_resolver_match", None)
    on_subpage = match is not None and bool(getattr(match, "route", ""))
    if isinstance(page, Page) and page.pk and not on_subpage:
        # The same for everyone until a page changes (any save bumps the generation); per
        # site, as a page's URL is relative on its own site.
        site = getattr(request, "_wagtail_site", None)
        translations = per_process(
            request,
            f"page-translations:{page.pk}:{getattr(site, 'pk', None)}",
            lambda: _translation_urls(page, request),
        )
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        else:
            path = request.get_full_path() if request else "/"
            url = (
                _translated(path, code, get_script_prefix(), get_urlconf())
                if len(path) <= 500
                else translate_url(path, code)
            )
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"language_links": links}


@register.simple_tag
def home_url():
    """The front page in the current language: / or /en/."""
    return reverse("wagtail_serve", args=[""])


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page, param="page", anchor="", label=""):
    """Previous/next links for a Paginator page, keeping the rest of the query string.

    `param` names the page parameter, so one view can page two lists independently
    (Mine sider › Skoler: `skoleside` and `foreningsside`); `anchor` brings the reader back
    to the list they paged instead of the top of the page.
    """
    request = context["request"]

    def link(number):
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}{'#' + anchor if anchor else ''}"

    return {
        "page": page,
        "label": label,
        "previous_url": link(page.previous_page_number()) if page.has_previous() else "",
        "next_url": link(page.next_page_number()) if page.has_next() else "",
    }
