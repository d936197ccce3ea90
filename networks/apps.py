from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from core.navigation import register_main_nav
        from networks import personal_data, queries

        register_main_nav("networks", _("Networks"), "networks:list", order=30)
        register_mine_sider_link("my_networks:index", _("My networks"), order=30)
        register_mine_sider_link("my_networks:sparring_list", _("Sparring"), order=35)
        register_dashboard_panel(
            "networks/includes/dashboard_panel.html", queries.dashboard_context, order=30
        )
        register_personal_data(
            "networks", export=personal_data.export_data, erase=personal_data.erase_data
        )
