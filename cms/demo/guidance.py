"""Demo guidance: topics, fallback courses, templates, the guide and story sections.

Idempotent: documents are found by title, topics by name, courses and pages by slug.
"""

import datetime
import logging
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale, Page

from cms.demo import files as demo_files
from cms.demo.guides import DOCUMENTS, ENGLISH_TRANSLATIONS, FALLBACK_COURSES, GUIDES, TOPICS
from cms.demo.pages import publish_page as _publish
from cms.demo.pages import translate_page as _translate
from cms.demo.stories import stories
from cms.models import GuideIndexPage, GuidePage, HomePage, StoryIndexPage, StoryPage
from cms.queries import upcoming_courses
from courses.models import Course, CourseStatus, Meeting, Topic

logger = logging.getLogger(__name__)

GUIDE_INDEX_DA = {
    "title": "Vejledninger",
    "slug": "vejledninger",
    "intro": (
        "Konkret hjælp til bestyrelser og frivilligledere: tjeklister, skabeloner og gode råd, "
        "som I kan printe, udfylde og bruge med det samme."
    ),
}
GUIDE_INDEX_EN = {
    "title": "Guides",
    "intro": (
        "Practical help for boards and volunteer leaders: checklists, templates and advice to "
        "print, fill in and use straight away. Most guides are in Danish."
    ),
}
STORY_INDEX_DA = {
    "title": "Historier fra foreningerne",
    "slug": "historier",
    "intro": (
        "Frivillighed skal værdsættes og fortælles. Her fortæller frivillige i kommunens "
        "foreninger om det, de har fået ud af at gå i gang."
    ),
}
STORY_INDEX_EN = {
    "title": "Stories from the associations",
    "intro": "Volunteers in the municipality's associations tell what getting started gave them.",
}
# The conflict guide is deliberately overdue for review, so the admin report has something.
OVERDUE_GUIDE = "konflikthaandtering"
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def _ensure_topics() -> dict[str, Topic]:
    topics = {}
    for data in TOPICS:
        topic = (
            Topic.objects.filter(name=data["name"]).first()
            or Topic.objects.filter(slug=data["slug"]).first()
        )
        if topic is None:
            topic = Topic.objects.create(**data)
        topics[data["slug"]] = topic
    return topics


def _ensure_fallback_courses(topics: dict[str, Topic]) -> None:
    """Upcoming courses for each guide topic, unless the courses demo already has some."""
    fallback_slugs = [course[0] for course in FALLBACK_COURSES]
    today = timezone.localdate()
    for slug, title, summary, topic_slug, days, venue in FALLBACK_COURSES:
        topic = topics[topic_slug]
        if Course.objects.filter(slug=slug).exists():
            continue
        if upcoming_courses([topic.pk]).exclude(slug__in=fallback_slugs).exists():
            continue
        day = today + datetime.timedelta(days=days)
        starts = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=COPENHAGEN)
        ends = starts + datetime.timedelta(hours=3)
        course = Course(
            title=title,
            slug=slug,
            summary=summary,
            description=f"<p>{summary}</p>",
            venue_name=venue,
            capacity=20,
            status=CourseStatus.PUBLISHED,
            starts_at=starts,
            ends_at=ends,
            contact_name="Frivilligløft",
            contact_email="frivilligloeft@kalundborg.dk",
        )
        course.save()
        course.topics.set([topic])
        course.save()
        Meeting.objects.create(course=course, starts_at=starts, ends_at=ends)


def _ensure_documents() -> dict[str, int]:
    ids = {}
    for key, (title, filename, builder) in DOCUMENTS.items():
        document = Document.objects.filter(title=title).first()
        if document is None:
            try:
                data = getattr(demo_files, builder)()
            except OSError as error:
                # The PDF template needs WeasyPrint's native libraries (Pango). Without them the
                # demo still works; that guide just has no downloadable PDF.
                logger.warning("Demo document %r skipped: %s", filename, error)
                continue
            document = Document(title=title, file=ContentFile(data, name=filename))
            document.file_size = len(data)
            document.save()
        ids[key] = document.pk
    return ids


def _with_documents(body: list[dict], documents: dict[str, int]) -> list[dict]:
    kept = []
    for block in body:
        if block["type"] == "template":
            if block["value"]["document"] not in documents:
                continue
            block["value"]["document"] = documents[block["value"]["document"]]
        kept.append(block)
    return kept


def _ensure_index(home: HomePage, model, content: dict) -> Page:
    page = model.objects.child_of(home).filter(slug=content["slug"]).first()
    if page is None:
        page = model(**content)
        home.add_child(instance=page)
        _publish(page)
    return page


def _ensure_guides(index: GuideIndexPage, english: Locale, topics, documents) -> None:
    today = timezone.localdate()
    for build in GUIDES:
        data = build()
        guide = GuidePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if guide is None:
            guide_topics = [topics[slug] for slug in data.pop("topics")]
            data["body"] = _with_documents(data["body"], documents)
            overdue = data["slug"] == OVERDUE_GUIDE
            data["last_reviewed"] = today - datetime.timedelta(days=420 if overdue else 30)
            guide = GuidePage(**data)
            index.add_child(instance=guide)
            guide.topics.set(guide_topics)
            _publish(guide)
        if guide.get_translation_or_none(english) is not None:
            continue
        translation = ENGLISH_TRANSLATIONS.get(guide.slug)
        if translation is not None:
            content = translation()
            content["body"] = _with_documents(content["body"], documents)
            _translate(guide, english, content)
        else:
            # Untranslated guides are still reachable under /en/, in Danish.
            guide.copy_for_translation(english, alias=True)


def _ensure_stories(index: StoryIndexPage, english: Locale) -> None:
    for data in stories(timezone.localdate()):
        story = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if story is None:
            tags = data.pop("tags")
            story = StoryPage(**data)
            index.add_child(instance=story)
            story.tags.set(tags)
            _publish(story)
        if story.get_translation_or_none(english) is None:
            story.copy_for_translation(english, alias=True)


def seed_guidance(home: HomePage, english: Locale) -> None:
    topics = _ensure_topics()
    _ensure_fallback_courses(topics)
    documents = _ensure_documents()
    guide_index = _ensure_index(home, GuideIndexPage, GUIDE_INDEX_DA)
    _translate(guide_index, english, GUIDE_INDEX_EN)
    _ensure_guides(guide_index, english, topics, documents)
    story_index = _ensure_index(home, StoryIndexPage, STORY_INDEX_DA)
    _translate(story_index, english, STORY_INDEX_EN)
    _ensure_stories(story_index, english)
