from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override

from cms.footer import get_footer

register = template.Library()


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    if request is None:
        return {"contact": {}, "links": []}
    return get_footer(request)


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """The address of a LinkBlock value: the chosen page in the current language, or the URL."""
    page = link.get("page")
    if page is not None:
        return page.localized.get_url(context.get("request"))
    url = link.get("url") or ""
    if url.startswith("/"):
        # Editors write the Danish path; an English page links to the /en/ version of it.
        language = get_language()
        with override(settings.LANGUAGE_CODE):
            return translate_url(url, language)
    return url
