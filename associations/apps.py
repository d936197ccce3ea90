from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from associations import personal_data, queries
        from core.navigation import register_main_nav

        register_main_nav("associations", _("Associations"), "associations:directory", order=50)
        register_mine_sider_link("my_associations:index", _("My associations"), order=40)
        register_dashboard_panel(
            "associations/includes/dashboard_panel.html", queries.dashboard_context, order=40
        )
        register_personal_data(
            "associations", export=personal_data.export_data, erase=personal_data.erase_data
        )
