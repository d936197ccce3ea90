"""Helpers shared by the demo seeders of the CMS."""

from wagtail.models import Locale, Page

from cms.demo.content import page_content


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


def ensure_child(parent: Page, model: type[Page], content: dict, english: Locale) -> Page:
    """The `model` page from content["da"] under `parent`, found by slug or made and published,
    with its English version from content["en"]."""
    danish = page_content(content["da"])
    page = model.objects.child_of(parent).filter(slug=danish["slug"]).first()
    if page is None:
        page = model(**danish)
        parent.add_child(instance=page)
        publish_page(page)
    translate_page(page, english, page_content(content["en"]))
    return page
