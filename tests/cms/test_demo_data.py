"""The CMS demo content is data (cms/demo_data/): every page body in it is StreamField data its
page type accepts, and every document, topic and guide it names is there."""

import pytest
from wagtail.blocks import StructBlock

from cms.demo import content
from cms.models import GuidePage, HomePage, StandardPage, StoryPage
from core.demo_support import demo_data_path


def _check_body(model, body: list[dict]) -> None:
    children = model._meta.get_field("body").stream_block.child_blocks
    for block in body:
        assert block["type"] in children, (model.__name__, block["type"])
        child = children[block["type"]]
        if isinstance(child, StructBlock):
            assert set(block["value"]) <= set(child.child_blocks), (model.__name__, block)


def _pages():
    pages = content.load("pages")
    for key, model in (
        ("home", HomePage),
        ("about", StandardPage),
        ("privacy", StandardPage),
        ("accessibility", StandardPage),
    ):
        for language in ("da", "en"):
            yield model, content.page_content(pages[key][language])
    for slug in content.GUIDE_SLUGS:
        for language in ("da", "en"):
            guide = content.guide(slug, language)
            if guide is not None:
                yield GuidePage, guide
    for story in content.load("stories")["stories"]:
        yield StoryPage, content.page_content(story)


def test_every_demo_body_fits_its_page_type():
    pages = list(_pages())
    assert len(pages) == 8 + 4 + 3
    for model, fields in pages:
        _check_body(model, fields["body"])


def test_demo_guides_name_documents_and_topics_that_exist():
    guidance = content.load("guidance")
    topics = {topic["slug"] for topic in guidance["topics"]}
    for name, document in guidance["documents"].items():
        assert demo_data_path("cms", f"documents/{document['file']}").is_file(), name
    for build in content.GUIDES:
        guide = build()
        assert set(guide["topics"]) <= topics
        for block in guide["body"]:
            if block["type"] == "template":
                assert block["value"]["document"] in guidance["documents"]
    assert {course["topic"] for course in guidance["fallback_courses"]} <= topics


@pytest.mark.parametrize(
    ("written", "data"),
    [
        ({"heading": "Roller"}, {"text": "Roller", "level": "h2"}),
        ({"heading": {"text": "Roller", "level": "h3"}}, {"text": "Roller", "level": "h3"}),
        (
            {"paragraph": ["<p>Én</p>", "<ul><li>to</li>", "<li>tre</li></ul>"]},
            "<p>Én</p><ul><li>to</li><li>tre</li></ul>",
        ),
        ({"paragraph": "<p>Én</p>"}, "<p>Én</p>"),
        (
            {"call_to_action": {"heading": "H", "text": "T", "link_text": "L", "url": "/u/"}},
            {"heading": "H", "text": "T", "link": {"text": "L", "page": None, "url": "/u/"}},
        ),
        (
            {"checklist": {"title": "Før", "items": ["a"]}},
            {"title": "Før", "intro": "", "items": ["a"]},
        ),
        ({"related_courses": {"title": "Kurser"}}, {"title": "Kurser", "courses": [], "limit": 3}),
    ],
)
def test_short_forms_become_streamfield_data(written, data):
    ((kind, _value),) = written.items()
    assert content.block(written) == {"type": kind, "value": data}
