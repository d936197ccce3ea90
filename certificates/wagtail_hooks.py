"""Certificates in the Wagtail admin: a "Beviser" menu item for staff. The signer and logo are
a site setting (Settings › Certificate signer)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from certificates import admin_views
from certificates.models import Certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "certificates_admin"
    url_prefix = "beviser"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = admin_views.CertificateIndexView
    list_display = [
        "holder_name",
        "title",
        "kind",
        Column("display_code", label=_("Code")),
        "issued_at",
        "revoked_at",
    ]
    list_filter = ["kind"]
    search_fields = ["holder_name", "title"]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["revocation_reason"]

    def get_urlpatterns(self):
        # Certificates are issued from the course's organiser page and the services; here
        # staff read, reissue and revoke them (no add, no free-form edit, no delete).
        patterns = [p for p in super().get_urlpatterns() if p.name not in ("add", "edit", "delete")]
        return [*patterns, path("edit/<int:pk>/", admin_views.certificate_detail, name="edit")]


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet()
