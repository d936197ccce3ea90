from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public read API (/api/v1/), its documentation and the embeddable course list.

    It reads every app through their queries and FilterSets; no app imports it.
    """

    name = "api"
    verbose_name = _("Public API")
