"""Certificates in the Wagtail admin: a "Beviser" menu item for staff, and on the course
administrators' dashboard the finished courses still waiting for their certificates. The signer
and logo are a site setting (Settings › Certificate signer)."""

from django.db.models import Count, Exists, Max, OuterRef
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import Role
from certificates import admin_views
from certificates.models import Certificate
from core.admin_dashboard import DashboardItem, DashboardPanel
from core.admin_viewsets import SafeViewSetMixin, without_views
from core.audit import register_actions
from courses.models import CourseStatus, Signup
from courses.queries import completed_signups_across_courses


def _holder(certificate):
    if certificate.holder_erased_at is not None:
        return _("Account deleted")
    return certificate.holder_name


class CertificateViewSet(SafeViewSetMixin, ModelViewSet):
    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add", "delete")
    model = Certificate
    name = "certificates_admin"
    url_prefix = "beviser"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = admin_views.CertificateIndexView
    list_display = [
        Column("holder_name", label=_("Holder"), accessor=_holder, sort_key="holder_name"),
        "title",
        "kind",
        Column("display_code", label=_("Code")),
        "issued_at",
        "revoked_at",
    ]
    list_filter = ["kind"]
    search_fields = ["holder_name", "title"]
    inspect_view_enabled = False
    form_fields = ["revocation_reason"]

    def get_urlpatterns(self):
        # Certificates are issued from the course's organiser page and the services; here
        # staff read, reissue and revoke them (no add, no free-form edit, no delete).
        return without_views(
            super().get_urlpatterns(),
            ("add", "edit", "delete"),
            path("edit/<int:pk>/", admin_views.certificate_detail, name="edit"),
        )


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet()


class UnissuedCertificatesPanel(DashboardPanel):
    """Course administrators: finished courses whose participants completed them but have
    no certificate yet."""

    name = "unissued_certificates"
    heading = _("Certificates")
    groups = (Role.COURSE_ADMINISTRATOR,)
    order = 105

    def get_items(self, request):
        finished = Signup.objects.filter(
            course__status=CourseStatus.PUBLISHED,
            course__issues_certificate=True,
            course__ends_at__lt=timezone.now(),
        )
        completed = completed_signups_across_courses(finished).values("pk")
        waiting = Signup.objects.filter(pk__in=completed).exclude(
            Exists(Certificate.objects.filter(source_signup=OuterRef("pk")))
        )
        by_course = list(
            waiting.values("course__title", "course__slug")
            .annotate(n=Count("pk"), ended=Max("course__ends_at"))
            .order_by("-ended", "course__title")[:5]
        )
        return [
            DashboardItem(
                _("Finished courses with certificates not yet issued"),
                waiting.values("course").distinct().count(),
                reverse("certificates_admin:index"),
                link_text=_("See the certificates"),
                rows=[
                    (
                        row["course__title"],
                        reverse("certificates:organiser", args=[row["course__slug"]]),
                        ngettext("%(n)d participant", "%(n)d participants", row["n"])
                        % {"n": row["n"]},
                    )
                    for row in by_course
                ],
            )
        ]


@hooks.register("construct_homepage_panels")
def add_unissued_certificates_panel(request, panels):
    panels.append(UnissuedCertificatesPanel())


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    """The names `certificates.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.certificates.reissued": (_("Reissue"), _("Certificate reissued")),
            "frivilligloeft.certificates.revoked": (
                _("Revoke"),
                _("Certificate revoked: %(reason)s"),
            ),
            "frivilligloeft.certificates.batch_started": (
                _("Issue certificates"),
                ngettext_lazy(
                    "The certificate for %(total)s participant is being issued",
                    "Certificates for %(total)s participants are being issued",
                    "total",
                ),
            ),
        },
    )
