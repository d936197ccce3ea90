from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_email_kind,
            register_mine_sider_link,
            register_personal_data,
        )
        from core.navigation import register_main_nav
        from networks import personal_data, queries
        from networks import search as networks_search
        from networks.services.common import MESSAGES, REMINDERS

        register_main_nav("networks", _("Networks"), "networks:list", order=30)
        networks_search.register()
        register_mine_sider_link("my_networks:index", _("My networks"), order=30)
        register_mine_sider_link("my_networks:sparring_list", _("Sparring"), order=35)
        register_dashboard_panel(
            "networks/includes/dashboard_panel.html", queries.dashboard_context, order=30
        )
        register_personal_data(
            "networks", export=personal_data.export_data, erase=personal_data.erase_data
        )
        # Emails a member may turn off; invitations and changes to meetings always go out.
        register_email_kind(REMINDERS, _("Reminders before network meetings"), order=30)
        register_email_kind(MESSAGES, _("Messages from your networks' coordinators"), order=31)
