from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.footer import clear_footer_cache
from cms.models import SiteContactSettings


def _clear_footer(**kwargs):
    clear_footer_cache()


def register_signal_handlers():
    post_save.connect(_clear_footer, sender=SiteContactSettings, dispatch_uid="cms_footer_settings")
    page_published.connect(_clear_footer, dispatch_uid="cms_footer_published")
    page_unpublished.connect(_clear_footer, dispatch_uid="cms_footer_unpublished")
    page_slug_changed.connect(_clear_footer, dispatch_uid="cms_footer_slug")
    post_page_move.connect(_clear_footer, dispatch_uid="cms_footer_move")
    post_delete.connect(_clear_footer, sender=Page, dispatch_uid="cms_footer_delete")
