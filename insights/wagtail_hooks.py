"""The impact report's place in the Wagtail admin: its URL and an item in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from insights import views


@hooks.register("register_admin_urls")
def register_impact_report_url():
    return [path("reports/impact/", views.impact_report, name="insights_impact_report")]


class ImpactReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_impact_report_menu_item():
    return ImpactReportMenuItem(
        _("Frivilligløft in figures"),
        reverse("insights_impact_report"),
        name="impact-report",
        icon_name="table",
        order=100,
    )
