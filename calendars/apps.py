from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    name = "calendars"
    verbose_name = _("Calendars")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from calendars import personal_data, queries

        register_mine_sider_link("my_calendar:index", _("Calendar"), order=60)
        register_dashboard_panel(
            "calendars/includes/dashboard_panel.html", queries.dashboard_context, order=60
        )
        register_personal_data(
            "calendars", export=personal_data.export_data, erase=personal_data.erase_data
        )
