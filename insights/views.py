"""The impact report in the Wagtail admin: /admin/reports/impact/ (?from=&to=&topic=&provider=
&category=; &format=xlsx or &format=pdf downloads the same report)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from insights import exports, presentation
from insights.forms import ReportForm
from insights.report import build_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def may_see_report(user) -> bool:
    """Course administrators and volunteer consultants (and superusers)."""
    return has_role(user, Role.COURSE_ADMINISTRATOR) or has_role(user, Role.VOLUNTEER_CONSULTANT)


def _filename(params, extension: str) -> str:
    return f"frivilligloeft-i-tal-{params.start:%Y-%m-%d}-{params.end:%Y-%m-%d}.{extension}"


def impact_report(request):
    if not may_see_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.GET)
    valid = form.is_valid()
    params = form.params()
    report = build_report(params)
    wanted = request.GET.get("format", "")
    if valid and wanted == "xlsx":
        response = HttpResponse(exports.to_xlsx(report), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{_filename(params, "xlsx")}"'
        return response
    if valid and wanted == "pdf":
        from certificates.rendering import PdfUnavailable

        try:
            pdf = exports.to_pdf(report)
        except PdfUnavailable:
            return HttpResponse(
                _("The PDF cannot be made on this server right now. Download the XLSX instead."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{_filename(params, "pdf")}"'
        return response
    query = {
        key: value
        for key, value in (
            ("from", params.start.isoformat()),
            ("to", params.end.isoformat()),
            ("topic", params.topic.slug if params.topic else ""),
            ("provider", params.provider.pk if params.provider else ""),
            ("category", params.category.slug if params.category else ""),
        )
        if value
    }
    base = reverse("insights_impact_report")
    title = _("Frivilligløft in figures")
    context = {
        **presentation.context(report),
        "form": form,
        "quick_periods": [
            (label, f"{base}?{urlencode({**query, 'from': start, 'to': end})}")
            for label, start, end in form.quick_periods()
        ],
        "xlsx_url": f"{base}?{urlencode({**query, 'format': 'xlsx'})}",
        "pdf_url": f"{base}?{urlencode({**query, 'format': 'pdf'})}",
        "page_title": title,
        "header_title": title,
        "header_icon": "table",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
    }
    return TemplateResponse(
        request, "insights/admin/report.html", context, status=200 if valid else 400
    )
