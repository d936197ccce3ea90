from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        from cms.navigation import guide_index_url
        from cms.search import register_page_groups
        from cms.signal_handlers import register_signal_handlers
        from core.navigation import register_main_nav

        register_signal_handlers()
        register_main_nav("guides", _("Guides"), guide_index_url, order=20)
        register_page_groups()
