from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.footer import clear_footer_cache
from cms.models import SiteContactSettings, StoryPage
from cms.navigation import clear_navigation_cache
from courses.models import Course
from taxonomy.models import Topic


def _clear_page_caches(**kwargs):
    site_ids = list(Site.objects.values_list("pk", flat=True))
    clear_footer_cache(site_ids)
    clear_navigation_cache(site_ids)


def _take_down_withdrawn_story(sender, instance, **kwargs):
    # Covers every way a page is published: the editor, workflow approval, scheduled publishing.
    from cms.services import enforce_story_consent

    enforce_story_consent(instance)


def _reindex_course(instance, **kwargs):
    """Course topics are saved after the course itself, so index the course again then."""
    from wagtail.search.index import insert_or_update_object

    if kwargs.get("action") in ("post_add", "post_remove", "post_clear"):
        if kwargs.get("reverse"):
            for course in Course.objects.filter(pk__in=kwargs.get("pk_set") or []):
                insert_or_update_object(course)
        else:
            insert_or_update_object(instance)


def _reindex_topic_courses(instance, **kwargs):
    """A renamed topic changes what its courses are found by."""
    from wagtail.search.index import insert_or_update_object

    if kwargs.get("raw"):
        return
    for course in Course.objects.filter(topics=instance):
        insert_or_update_object(course)


def register_signal_handlers():
    post_save.connect(
        _clear_page_caches, sender=SiteContactSettings, dispatch_uid="cms_footer_settings"
    )
    page_published.connect(_clear_page_caches, dispatch_uid="cms_footer_published")
    page_unpublished.connect(_clear_page_caches, dispatch_uid="cms_footer_unpublished")
    page_slug_changed.connect(_clear_page_caches, dispatch_uid="cms_footer_slug")
    post_page_move.connect(_clear_page_caches, dispatch_uid="cms_footer_move")
    post_delete.connect(_clear_page_caches, sender=Page, dispatch_uid="cms_footer_delete")
    page_published.connect(
        _take_down_withdrawn_story, sender=StoryPage, dispatch_uid="cms_story_consent"
    )
    m2m_changed.connect(
        _reindex_course, sender=Course.topics.through, dispatch_uid="cms_course_topics_index"
    )
    post_save.connect(_reindex_topic_courses, sender=Topic, dispatch_uid="cms_topic_index")
