"""Page fixtures for the CMS tests (imported by tests/cms/conftest.py and browser tests)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.models import GuideIndexPage, GuidePage, StoryIndexPage, StoryPage
from tests.cms.factories import TopicFactory
from tests.conftest import make_home_page, put_back_pages


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def checklist(title, *items):
    return {"type": "checklist", "value": {"title": title, "intro": "", "items": list(items)}}


def related_courses(*course_ids, limit=3, title=""):
    return {
        "type": "related_courses",
        "value": {"title": title, "courses": list(course_ids), "limit": limit},
    }


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_guide_index(home_page):
    index = GuideIndexPage(title="Vejledninger", slug="vejledninger", intro="Hjælp til foreningen.")
    home_page.add_child(instance=index)
    publish(index)
    english = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Guides"
    english.intro = "Help for your association."
    publish(english)
    return index


def _index_snapshot(build_once, make_index):
    """A snapshot of the migrations' data with a home page and `make_index(home)` under it."""

    def build():
        index = make_index(make_home_page())
        return index.get_parent().pk, index.pk

    return build_once(build, with_files=False)


def _index_under(home_page, snapshot, name, make_index, model):
    """The index page `name` under `home_page`: put back from `snapshot` while the test has
    written nothing but the home page (tests/conftest.py), else made by `make_index`."""
    built = put_back_pages(snapshot, name, after="home_page")
    if built is None:
        return make_index(home_page)
    home_pk, index_pk = built
    assert home_pk == home_page.pk, "both snapshots are built on the migrations' data"
    home_page.refresh_from_db()  # it has a child now
    return model.objects.get(pk=index_pk)


@pytest.fixture(scope="session")
def guide_index_snapshot(build_once):
    return _index_snapshot(build_once, make_guide_index)


@pytest.fixture
def guide_index(guide_index_snapshot, home_page):
    """A published guide index under `home_page`, with its English translation."""
    return _index_under(
        home_page, guide_index_snapshot, "guide_index", make_guide_index, GuideIndexPage
    )


def make_topic():
    return TopicFactory(name="Bestyrelsesarbejde", name_en="Board work", slug="bestyrelsesarbejde")


@pytest.fixture
def topic(db):
    return make_topic()


def guide_maker(guide_index, topic):
    """make(title=..., body=..., topics=..., **fields): a published guide in `guide_index`."""

    def make(title="Sådan holder I generalforsamling", body=None, topics=None, **fields):
        guide = GuidePage(
            title=title,
            slug=fields.pop("slug", "generalforsamling"),
            audience=fields.pop("audience", "bestyrelsesmedlemmer"),
            lead=fields.pop("lead", "Alt om generalforsamlingen i en forening."),
            body=body
            if body is not None
            else [heading("Indkaldelse"), paragraph("<p>Indkald bestyrelsen i god tid.</p>")],
            **fields,
        )
        guide_index.add_child(instance=guide)
        guide.topics.set(topics if topics is not None else [topic])
        return publish(guide)

    return make


@pytest.fixture
def make_guide(guide_index, topic):
    return guide_maker(guide_index, topic)


def make_story_index(home_page):
    index = StoryIndexPage(title="Historier", slug="historier")
    home_page.add_child(instance=index)
    return publish(index)


@pytest.fixture(scope="session")
def story_index_snapshot(build_once):
    return _index_snapshot(build_once, make_story_index)


@pytest.fixture
def story_index(story_index_snapshot, home_page):
    """A published story index under `home_page`."""
    return _index_under(
        home_page, story_index_snapshot, "story_index", make_story_index, StoryIndexPage
    )


@pytest.fixture
def make_story(story_index):
    def make(title="Lises lørdage i klubhuset", **fields):
        story = StoryPage(
            title=title,
            slug=fields.pop("slug", "lises-loerdage"),
            association=fields.pop("association", "Høng Idrætsforening"),
            person_name=fields.pop("person_name", "Lise Hansen"),
            lead=fields.pop("lead", "Lise har stået i cafeen hver lørdag i tolv år."),
            body=fields.pop("body", [paragraph("<p>Det begyndte med en kage.</p>")]),
            consent_given_by=fields.pop("consent_given_by", "Lise Hansen"),
            consent_given_on=fields.pop(
                "consent_given_on", timezone.localdate() - datetime.timedelta(days=30)
            ),
            **fields,
        )
        story_index.add_child(instance=story)
        return publish(story)

    return make


def make_image(title="Billede"):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title=title, file=get_test_image_file())


def make_document(title="Sporingsark", name="sporingsark.xlsx", content=b"x" * 2048):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title=title, file=ContentFile(content, name=name))
    document.file_size = len(content)
    document.save()
    return document
