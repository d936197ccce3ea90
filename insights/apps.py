from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """ "Frivilligløft i tal": the impact report for staff. Reads every app; nothing imports it."""

    name = "insights"
    verbose_name = _("Frivilligløft in figures")
