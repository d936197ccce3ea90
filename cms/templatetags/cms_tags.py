from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

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


# How the file types volunteers download are named to them.
DOCUMENT_TYPE_LABELS = {
    "docx": _("Word document (DOCX)"),
    "xlsx": _("Excel spreadsheet (XLSX)"),
    "pdf": _("PDF"),
    "odt": _("Text document (ODT)"),
    "ods": _("Spreadsheet (ODS)"),
    "pptx": _("PowerPoint (PPTX)"),
    "csv": _("CSV file"),
    "txt": _("Text file"),
}


@register.filter
def document_type_label(document) -> str:
    extension = (document.file_extension or "").lower()
    return str(DOCUMENT_TYPE_LABELS.get(extension, extension.upper()))


@register.filter
def document_size(document) -> int:
    """The stored size; only documents uploaded before sizes were recorded read the file."""
    if document.file_size is None:
        return document.get_file_size() or 0
    return document.file_size
