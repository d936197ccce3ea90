"""Demo guidance: topics, fallback courses, templates, the guide and story sections, from
cms/demo_data/guidance.yaml, guides/*.yaml and stories.yaml.

Idempotent: documents are found by title, topics by name, courses and pages by slug.
"""

from datetime import timedelta

from wagtail.documents.models import Document

from cms.demo.content import GUIDES, guide, load, page_content
from cms.demo.pages import ensure_child, publish_page, translate_page
from cms.models import GuideIndexPage, GuidePage, StoryIndexPage, StoryPage
from cms.queries import upcoming_courses
from core.demo_support import demo_date, demo_file, ensure_row, local_datetime, without
from courses.models import Course, CourseStatus, Meeting
from taxonomy.models import Topic

# The conflict guide is deliberately overdue for review, so the admin report has something.
OVERDUE_GUIDE = "konflikthaandtering"


def _ensure_fallback_courses(data: list[dict], topics: dict[str, Topic]) -> None:
    """Upcoming courses for each guide topic, unless the courses demo already has some."""
    fallback_slugs = [course["slug"] for course in data]
    for fields in data:
        topic = topics[fields["topic"]]
        if upcoming_courses([topic.pk]).exclude(slug__in=fallback_slugs).exists():
            continue
        starts = local_datetime(demo_date(fields["days_from_today"]), "18:00")
        ends = starts + timedelta(hours=3)
        values = {"summary": fields["summary"], "description": f"<p>{fields['summary']}</p>"}
        values |= {"title": fields["title"], "venue_name": fields["venue"], "capacity": 20}
        values |= {"status": CourseStatus.PUBLISHED, "starts_at": starts, "ends_at": ends}
        values |= {"contact_name": "Frivilligløft", "contact_email": "frivilligloeft@kalundborg.dk"}
        lookup, many = {"slug": fields["slug"]}, {"topics": [topic]}
        course, created = ensure_row(Course, lookup, values, many=many)
        if created:
            Meeting.objects.create(course=course, starts_at=starts, ends_at=ends)


def _with_documents(body: list[dict], documents: dict[str, int]) -> list[dict]:
    for block in body:
        if block["type"] == "template":
            block["value"]["document"] = documents[block["value"]["document"]]
    return body


def _ensure_guides(index: GuideIndexPage, english, topics, documents) -> None:
    for build in GUIDES:
        data = build()
        guide_page = GuidePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if guide_page is None:
            guide_topics = [topics[slug] for slug in data.pop("topics")]
            data["body"] = _with_documents(data["body"], documents)
            days = 420 if data["slug"] == OVERDUE_GUIDE else 30
            guide_page = GuidePage(**data, last_reviewed=demo_date(-days))
            index.add_child(instance=guide_page)
            guide_page.topics.set(guide_topics)
            publish_page(guide_page)
        if guide_page.get_translation_or_none(english) is not None:
            continue
        translation = guide(guide_page.slug, "en")
        if translation is not None:
            translation["body"] = _with_documents(translation["body"], documents)
            translate_page(guide_page, english, translation)
        else:
            # Untranslated guides are still reachable under /en/, in Danish.
            guide_page.copy_for_translation(english, alias=True)


def _ensure_stories(index: StoryIndexPage, english) -> None:
    for data in load("stories")["stories"]:
        story = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if story is None:
            data = page_content(data)
            tags = data.pop("tags")
            consent_given_on = demo_date(-data.pop("consent_given_days_ago"))
            story = StoryPage(**data, consent_given_on=consent_given_on)
            index.add_child(instance=story)
            story.tags.set(tags)
            publish_page(story)
        if story.get_translation_or_none(english) is None:
            story.copy_for_translation(english, alias=True)


def seed_guidance(home, english, pages: dict) -> None:
    data = load("guidance")
    topics = {}
    for fields in data["topics"]:
        name, slug = {"name": fields["name"]}, {"slug": fields["slug"]}
        topics[fields["slug"]] = ensure_row(Topic, slug, without(fields, "slug"), prefer=name)[0]
    _ensure_fallback_courses(data["fallback_courses"], topics)
    documents = {}
    for key, fields in data["documents"].items():
        content = demo_file("cms", f"documents/{fields['file']}")
        file = {"file": content, "file_size": content.size}
        documents[key] = ensure_row(Document, {"title": fields["title"]}, file)[0].pk
    guides = ensure_child(home, GuideIndexPage, pages["guide_index"], english)
    _ensure_guides(guides, english, topics, documents)
    _ensure_stories(ensure_child(home, StoryIndexPage, pages["story_index"], english), english)
