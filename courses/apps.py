from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from core.navigation import register_main_nav
        from courses import personal_data
        from courses.views.mine import dashboard_panel

        register_main_nav("courses", _("Courses"), "courses:catalogue", order=10)
        register_mine_sider_link("courses:mine", _("My courses"), order=10)
        register_dashboard_panel("courses/includes/dashboard_panel.html", dashboard_panel, order=10)
        register_personal_data("courses", export=personal_data.export, erase=personal_data.erase)
