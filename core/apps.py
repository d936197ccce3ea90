from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.conf import settings
        from django.db import transaction
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import cache, lookups, page_cache

        lookups.register()

        content_apps = frozenset(settings.ANONYMOUS_PAGE_CACHE_APPS)
        ignored = frozenset(
            label.lower() for label in getattr(settings, "ANONYMOUS_PAGE_CACHE_IGNORED_MODELS", ())
        )

        def content_changed(sender, **kwargs):
            if sender._meta.app_label in content_apps and sender._meta.label_lower not in ignored:
                # After the commit only: invalidation can never roll a change back. A page
                # rendered from the old data before that is stored under the generation it
                # read first, which the bump makes unreachable.
                transaction.on_commit(page_cache.bump_generation, robust=True)

        # Changes made while Redis was away could not invalidate anything.
        cache.on_recovery(page_cache.bump_generation)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, weak=False, dispatch_uid=f"page-cache-{signal!r}")
