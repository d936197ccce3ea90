from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from core.navigation import register_main_nav
        from schools import personal_data, queries
        from schools import search as schools_search

        register_main_nav("schools", _("Schools"), "schools:index", order=40)
        schools_search.register()
        register_mine_sider_link("my_schools:index", _("Schools and internships"), order=40)
        register_dashboard_panel(
            "schools/includes/dashboard_panel.html", queries.dashboard_context, order=40
        )
        register_personal_data(
            "schools", export=personal_data.export_data, erase=personal_data.erase_data
        )
