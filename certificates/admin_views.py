"""Certificates in the Wagtail admin: the list (search by code or name) and one
certificate's page, where staff download, reissue or revoke it through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views import generic

from certificates import codes, services
from certificates.forms import RevokeForm
from certificates.models import Certificate


class CertificateIndexView(generic.IndexView):
    def search_queryset(self, queryset):
        # A typed code (any case, O for 0, with or without hyphens) finds its certificate.
        if self.is_searching:
            stored = codes.normalise(self.search_query)
            if stored is not None:
                return queryset.filter(code=stored)
        return super().search_queryset(queryset)


def certificate_detail(request, pk):
    if not request.user.has_perm("certificates.view_certificate"):
        raise PermissionDenied
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "issued_by", "revoked_by"), pk=pk
    )
    may_change = request.user.has_perm("certificates.change_certificate")
    form = RevokeForm()
    status = 200
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        try:
            if request.POST.get("action") == "reissue":
                services.reissue_certificate(certificate, by=request.user)
                messages.success(request, _("The certificate was reissued with the same code."))
                return redirect("certificates_admin:edit", pk=certificate.pk)
            form = RevokeForm(request.POST)
            if form.is_valid():
                services.revoke_certificate(
                    certificate, reason=form.cleaned_data["reason"], by=request.user
                )
                messages.success(request, _("The certificate is revoked."))
                return redirect("certificates_admin:edit", pk=certificate.pk)
        except services.CertificateError as error:
            messages.error(request, str(error))
        status = 400
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "certificate": certificate,
            "form": form,
            "may_change": may_change,
            "page_title": _("Certificate"),
            "page_subtitle": certificate.display_code,
            "header_title": f"{certificate.title} – {certificate.holder_name}"
            if certificate.holder_name
            else certificate.title,
            "index_url": reverse("certificates_admin:index"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("certificates_admin:index"), "label": _("Certificates")},
                {"url": "", "label": certificate.display_code},
            ],
        },
        status=status,
    )
