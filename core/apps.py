from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.conf import settings
        from django.db import transaction
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import page_cache

        content_apps = frozenset(settings.ANONYMOUS_PAGE_CACHE_APPS)

        def content_changed(sender, **kwargs):
            if sender._meta.app_label in content_apps:
                # Now, and again once the change is committed: a request that rendered
                # between the two saw the old data and must not stay cached.
                page_cache.bump_generation()
                transaction.on_commit(page_cache.bump_generation, robust=True)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, weak=False, dispatch_uid=f"page-cache-{signal!r}")
