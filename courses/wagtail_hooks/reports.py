"""The course reports in the admin's "Reports" menu (evaluations, demand) and their URLs."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses import admin_organisers, admin_views


@hooks.register("register_admin_urls")
def register_course_reports():
    return [
        path("reports/evalueringer/", admin_views.evaluation_report, name="courses_evaluations"),
        path("reports/efterspoergsel/", admin_views.demand_report, name="courses_demand"),
        path(
            "kurser/arrangoerer/soeg/",
            admin_organisers.organiser_search,
            name="courses_organiser_search",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_evaluation_report_menu_item():
    return PermissionMenuItem(
        _("Course evaluations"),
        reverse("courses_evaluations"),
        name="course-evaluations",
        icon_name="list-ul",
        order=1300,
        permission="courses.view_evaluationanswer",
    )


@hooks.register("register_reports_menu_item")
def register_demand_report_menu_item():
    return PermissionMenuItem(
        _("Demand for courses"),
        reverse("courses_demand"),
        name="course-demand",
        icon_name="pick",
        order=1310,
        permission="courses.view_coursewish",
    )
