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

        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from calendars.services import forget_feed_owner

        def deactivated(sender, instance, **kwargs):
            # A deactivated person's feed must answer 404 at once, not when the cache expires.
            if not instance.is_active:
                forget_feed_owner(instance)

        post_save.connect(
            deactivated, sender=get_user_model(), weak=False, dispatch_uid="calendars-deactivated"
        )
