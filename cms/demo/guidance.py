"""Demo guidance: topics, fallback courses, templates, the guide and story sections, from
cms/demo_data/guidance.yaml, guides/*.yaml and stories.yaml.

Idempotent: documents are found by title, topics by name, courses and pages by slug.
"""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale

from cms.demo.content import GUIDES, document_bytes, guide, load, page_content
from cms.demo.pages import ensure_child
from cms.demo.pages import publish_page as _publish
from cms.demo.pages import translate_page as _translate
from cms.models import GuideIndexPage, GuidePage, HomePage, StoryIndexPage, StoryPage
from cms.queries import upcoming_courses
from courses.models import Course, CourseStatus, Meeting
from taxonomy.models import Topic

# The conflict guide is deliberately overdue for review, so the admin report has something.
OVERDUE_GUIDE = "konflikthaandtering"
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def _ensure_topics(data: list[dict]) -> dict[str, Topic]:
    topics = {}
    for fields in data:
        topic = (
            Topic.objects.filter(name=fields["name"]).first()
            or Topic.objects.filter(slug=fields["slug"]).first()
        )
        if topic is None:
            topic = Topic.objects.create(**fields)
        topics[fields["slug"]] = topic
    return topics


def _ensure_fallback_courses(data: list[dict], topics: dict[str, Topic]) -> None:
    """Upcoming courses for each guide topic, unless the courses demo already has some."""
    fallback_slugs = [course["slug"] for course in data]
    today = timezone.localdate()
    for fields in data:
        topic = topics[fields["topic"]]
        if Course.objects.filter(slug=fields["slug"]).exists():
            continue
        if upcoming_courses([topic.pk]).exclude(slug__in=fallback_slugs).exists():
            continue
        day = today + datetime.timedelta(days=fields["days_from_today"])
        starts = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=COPENHAGEN)
        ends = starts + datetime.timedelta(hours=3)
        course = Course(
            title=fields["title"],
            slug=fields["slug"],
            summary=fields["summary"],
            description=f"<p>{fields['summary']}</p>",
            venue_name=fields["venue"],
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


def _ensure_documents(data: dict[str, dict]) -> dict[str, int]:
    ids = {}
    for key, fields in data.items():
        document = Document.objects.filter(title=fields["title"]).first()
        if document is None:
            content = document_bytes(fields["file"])
            document = Document(title=fields["title"], file=ContentFile(content, fields["file"]))
            document.file_size = len(content)
            document.save()
        ids[key] = document.pk
    return ids


def _with_documents(body: list[dict], documents: dict[str, int]) -> list[dict]:
    for block in body:
        if block["type"] == "template":
            block["value"]["document"] = documents[block["value"]["document"]]
    return body


def _ensure_guides(index: GuideIndexPage, english: Locale, topics, documents) -> None:
    today = timezone.localdate()
    for build in GUIDES:
        data = build()
        guide_page = GuidePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if guide_page is None:
            guide_topics = [topics[slug] for slug in data.pop("topics")]
            data["body"] = _with_documents(data["body"], documents)
            overdue = data["slug"] == OVERDUE_GUIDE
            data["last_reviewed"] = today - datetime.timedelta(days=420 if overdue else 30)
            guide_page = GuidePage(**data)
            index.add_child(instance=guide_page)
            guide_page.topics.set(guide_topics)
            _publish(guide_page)
        if guide_page.get_translation_or_none(english) is not None:
            continue
        translation = guide(guide_page.slug, "en")
        if translation is not None:
            translation["body"] = _with_documents(translation["body"], documents)
            _translate(guide_page, english, translation)
        else:
            # Untranslated guides are still reachable under /en/, in Danish.
            guide_page.copy_for_translation(english, alias=True)


def _ensure_stories(index: StoryIndexPage, english: Locale) -> None:
    today = timezone.localdate()
    for data in load("stories")["stories"]:
        story = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if story is None:
            data = page_content(data)
            tags = data.pop("tags")
            days_ago = datetime.timedelta(days=data.pop("consent_given_days_ago"))
            story = StoryPage(**data, consent_given_on=today - days_ago)
            index.add_child(instance=story)
            story.tags.set(tags)
            _publish(story)
        if story.get_translation_or_none(english) is None:
            story.copy_for_translation(english, alias=True)


def seed_guidance(home: HomePage, english: Locale, pages: dict) -> None:
    data = load("guidance")
    topics = _ensure_topics(data["topics"])
    _ensure_fallback_courses(data["fallback_courses"], topics)
    documents = _ensure_documents(data["documents"])
    guide_index = ensure_child(home, GuideIndexPage, page_content(pages["guide_index"]["da"]))
    _translate(guide_index, english, page_content(pages["guide_index"]["en"]))
    _ensure_guides(guide_index, english, topics, documents)
    story_index = ensure_child(home, StoryIndexPage, page_content(pages["story_index"]["da"]))
    _translate(story_index, english, page_content(pages["story_index"]["en"]))
    _ensure_stories(story_index, english)
