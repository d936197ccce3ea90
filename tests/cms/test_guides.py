import pytest

from tests.cms.factories import CourseFactory, TopicFactory
from tests.cms.fixtures import (
    checklist,
    heading,
    make_document,
    make_image,
    paragraph,
    related_courses,
)


@pytest.mark.django_db
def test_guide_renders_toc_with_unique_ids_and_levels_in_order(client, make_guide):
    make_guide(
        body=[
            heading("Roller"),
            heading("Formand", "h3"),
            heading("Roller"),
            checklist("Før mødet", "Send dagsorden", "Book lokale"),
            paragraph("<p>Tekst</p>"),
        ]
    )

    response = client.get("/vejledninger/generalforsamling/")

    assert response.status_code == 200
    html = response.text
    assert '<h2 id="roller">Roller</h2>' in html
    assert '<h3 id="formand">Formand</h3>' in html
    assert '<h2 id="roller-2">Roller</h2>' in html
    assert '<a href="#roller-2">Roller</a>' in html
    # The checklist's title sits one level below the heading before it.
    assert '<h3 class="checklist__title">Før mødet</h3>' in html
    assert html.count('type="checkbox"') == 2


def _rich_guide_body(n, topic_courses, images, documents):
    body = []
    for i in range(n):
        body += [
            heading(f"Afsnit {i}"),
            heading(f"Underafsnit {i}", "h3"),
            paragraph(f"<p>Tekst {i} om <b>bestyrelsen</b>.</p>"),
            checklist(f"Tjekliste {i}", "Et punkt", "Et andet punkt"),
            {
                "type": "callout",
                "value": {"kind": "warning", "title": "Pas på", "text": "<p>Husk fristen.</p>"},
            },
            {
                "type": "faq",
                "value": {
                    "title": "",
                    "questions": [{"question": "Hvornår?", "answer": "<p>I marts.</p>"}],
                },
            },
            {
                "type": "steps",
                "value": {
                    "title": "Sådan gør I",
                    "steps": [
                        {"title": "Først", "text": "<p>Et</p>"},
                        {"title": "Så", "text": "<p>To</p>"},
                    ],
                },
            },
            {
                "type": "image",
                "value": {"image": images[i].pk, "alt_text": f"Billede {i}", "caption": ""},
            },
            {
                "type": "template",
                "value": {"title": f"Skabelon {i}", "document": documents[i].pk, "description": ""},
            },
            {
                "type": "video",
                "value": {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Video",
                    "text_alternative": "<p>Tekst.</p>",
                },
            },
            {"type": "quote", "value": {"quote": "Citat", "attribution": "Nogen"}},
            related_courses(*[c.pk for c in topic_courses[: i + 1]]),
            related_courses(limit=i + 1),
        ]
    return body


@pytest.mark.parametrize("blocks", [1, 4], ids=["one-of-each-block", "many-blocks"])
@pytest.mark.django_db
def test_guide_page_query_count_is_constant(
    client, make_guide, topic, blocks, django_assert_num_queries
):
    other_topic = TopicFactory()
    courses = [CourseFactory(topics=[topic, other_topic]) for _ in range(blocks)]
    images = [make_image(f"Billede {i}") for i in range(blocks)]
    documents = [make_document(f"Skabelon {i}", f"skabelon-{i}.xlsx") for i in range(blocks)]
    make_guide(
        body=_rich_guide_body(blocks, courses, images, documents), topics=[topic, other_topic]
    )
    url = "/vejledninger/generalforsamling/"
    client.get(url)  # renditions are created on the first view; the footer is cached

    with django_assert_num_queries(21):
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count('class="course-teaser"') == blocks * (blocks + 1)
