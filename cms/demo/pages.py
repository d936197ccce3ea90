"""Helpers shared by the demo seeders of the CMS."""

from wagtail.models import Locale, Page


def publish_page(page: Page) -> None:
    page.save_revision().publish()


def translate_page(page: Page, locale: Locale, content: dict) -> Page:
    """The English version of `page`, created from `content` if it does not exist yet."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for field, value in content.items():
        setattr(translation, field, value)
    publish_page(translation)
    return translation
