import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.guide_blocks import video_embed_url
from cms.queries import upcoming_courses
from courses.models import CourseStatus
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

    with django_assert_num_queries(20):
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count('class="course-teaser"') == blocks * (blocks + 1)


@pytest.mark.django_db
def test_guide_shows_audience_reading_time_review_date_and_topic_link(client, make_guide):
    make_guide(last_reviewed=datetime.date(2026, 3, 1))

    response = client.get("/vejledninger/generalforsamling/")

    assert "Denne vejledning er til bestyrelsesmedlemmer." in response.text
    assert "1 minut" in response.text
    assert '<time datetime="2026-03-01">1. marts 2026</time>' in response.text
    assert (
        '<a href="/vejledninger/emne/bestyrelsesarbejde/">Bestyrelsesarbejde</a>' in response.text
    )


@pytest.mark.django_db
def test_template_block_shows_file_type_and_size_and_downloads_as_attachment(client, make_guide):
    document = make_document(content=b"x" * 2048)
    make_guide(
        body=[
            {
                "type": "template",
                "value": {"title": "Sporingsark", "document": document.pk, "description": "Brug"},
            }
        ]
    )

    response = client.get("/vejledninger/generalforsamling/")
    download = client.get(document.url)

    assert "Excel-regneark (XLSX), 2,0\xa0KB" in response.text
    assert f'href="{document.url}" download' in response.text
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"x" * 2048
    download.close()


@pytest.mark.django_db
def test_pdf_documents_are_attachments_too(client, home_page):
    document = make_document(title="Dagsorden", name="dagsorden.pdf", content=b"%PDF-1.4")

    response = client.get(document.url)
    response.close()

    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_related_courses_show_chosen_upcoming_courses_or_fall_back_to_the_topic(
    client, make_guide, topic
):
    past = CourseFactory(title="Forbi", starts_at=timezone.now() - datetime.timedelta(days=1))
    chosen = CourseFactory(title="Valgt kursus", slug="valgt")
    CourseFactory(title="Kladde", status=CourseStatus.DRAFT, topics=[topic])
    CourseFactory(title="Andet emne", topics=[TopicFactory()])
    later = CourseFactory(
        title="Senere",
        slug="senere",
        topics=[topic],
        starts_at=timezone.now() + datetime.timedelta(days=30),
    )
    sooner = CourseFactory(
        title="Snart",
        slug="snart",
        topics=[topic],
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    make_guide(
        body=[
            heading("Kurser"),
            related_courses(chosen.pk, title="Valgte"),
            related_courses(past.pk, title="Automatisk", limit=3),
        ]
    )

    response = client.get("/vejledninger/generalforsamling/")

    titles = re.findall(r'class="course-teaser__title"><a href="([^"]+)">', response.text)
    assert titles == [
        f"/kurser/{chosen.slug}/",
        f"/kurser/{sooner.slug}/",
        f"/kurser/{later.slug}/",
    ]


@pytest.mark.django_db
def test_upcoming_courses_by_topic_are_one_row_each_soonest_first_in_two_queries(
    topic, django_assert_num_queries
):
    other = TopicFactory()
    now = timezone.now()
    both = CourseFactory(topics=[topic, other], starts_at=now + datetime.timedelta(days=5))
    first = CourseFactory(topics=[other], starts_at=now + datetime.timedelta(days=2))
    CourseFactory(topics=[topic], starts_at=now - datetime.timedelta(days=1))  # started
    CourseFactory(topics=[topic], status=CourseStatus.DRAFT)
    CourseFactory(topics=[TopicFactory()])

    with django_assert_num_queries(2):  # the courses, their topics (prefetched)
        courses = list(upcoming_courses([topic.pk, other.pk])[:3])

    assert courses == [first, both]
    assert {t.pk for t in courses[1].topics.all()} == {topic.pk, other.pk}


@pytest.mark.django_db
def test_english_alias_shows_danish_text_marked_as_danish_in_an_english_page(client, make_guide):
    guide = make_guide()
    guide.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)

    response = client.get("/en/vejledninger/generalforsamling/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert '<article class="guide" lang="da">' in response.text
    assert "This guide is for bestyrelsesmedlemmer." in response.text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
        ),
        ("https://example.com/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
    ids=["youtube", "youtu.be", "shorts", "vimeo", "vimeo-player", "other-site", "bad-id"],
)
def test_video_links_become_players_the_csp_allows(url, expected):
    assert video_embed_url(url) == expected


@pytest.mark.django_db
def test_video_block_has_a_title_and_a_text_version(client, make_guide):
    make_guide(
        body=[
            {
                "type": "video",
                "value": {
                    "url": "https://vimeo.com/76979871",
                    "title": "Sådan holder I mødet",
                    "text_alternative": "<p>Formanden byder velkommen.</p>",
                },
            }
        ]
    )

    response = client.get("/vejledninger/generalforsamling/")

    assert (
        'src="https://player.vimeo.com/video/76979871?dnt=1" title="Sådan holder I mødet"'
        in response.text
    )
    assert "<summary>Tekstversion af videoen</summary>" in response.text
    assert "Formanden byder velkommen." in response.text


def test_video_frames_are_allowed_by_the_content_security_policy(settings):
    assert settings.SECURE_CSP["frame-src"] == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


@pytest.mark.django_db
def test_guide_index_filters_by_topic(client, make_guide, topic):
    other = TopicFactory(name="Konflikter", slug="konflikter")
    make_guide(title="Generalforsamling")
    make_guide(title="Svære samtaler", slug="samtaler", topics=[other])

    everything = client.get("/vejledninger/")
    filtered = client.get("/vejledninger/", {"emne": "konflikter"})

    assert [g.title for g in everything.context["guides"]] == [
        "Generalforsamling",
        "Svære samtaler",
    ]
    assert [g.title for g in filtered.context["guides"]] == ["Svære samtaler"]
    assert 'href="/vejledninger/emne/konflikter/"' in everything.text


@pytest.mark.django_db
def test_guide_index_answers_an_unknown_topic_filter_with_400(client, make_guide):
    make_guide()

    response = client.get("/vejledninger/", {"emne": "findes-ikke"})

    assert response.status_code == 400
    assert "errorlist" in response.text


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
@pytest.mark.django_db
def test_topic_page_lists_its_guides_and_upcoming_courses(client, make_guide, topic, prefix):
    guide = make_guide()
    guide.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    CourseFactory(title="Ny i bestyrelsen", slug="ny", topics=[topic])
    CourseFactory(title="Andet", topics=[TopicFactory()])

    response = client.get(f"{prefix}/vejledninger/emne/bestyrelsesarbejde/")

    assert response.status_code == 200
    assert [g.title for g in response.context["guides"]] == ["Sådan holder I generalforsamling"]
    assert [c.title for c in response.context["courses"]] == ["Ny i bestyrelsen"]
    heading_text = "Board work" if prefix else "Bestyrelsesarbejde"
    assert f"<h1>{heading_text}</h1>" in response.text
    assert f'href="{prefix}/kurser/ny/"' in response.text


@pytest.mark.django_db
def test_topic_page_language_switch_keeps_the_topic(client, make_guide):
    make_guide()

    response = client.get("/vejledninger/emne/bestyrelsesarbejde/")

    assert 'href="/en/vejledninger/emne/bestyrelsesarbejde/"' in response.text


@pytest.mark.django_db
def test_unknown_topic_page_is_404(client, guide_index):
    assert client.get("/vejledninger/emne/findes-ikke/").status_code == 404


@pytest.mark.django_db
def test_main_menu_links_to_the_guides_in_each_language(client, guide_index):
    danish = client.get("/")
    english = client.get("/en/")

    assert '<li><a href="/vejledninger/">Vejledninger</a></li>' in danish.text
    assert '<li><a href="/en/vejledninger/">Guides</a></li>' in english.text


@pytest.mark.parametrize("count", [1, 4], ids=["one", "many"])
@pytest.mark.django_db
def test_guide_index_and_topic_page_query_counts_are_constant(
    client, make_guide, topic, count, django_assert_num_queries
):
    for number in range(count):
        make_guide(title=f"Vejledning {number}", slug=f"v-{number}")
        CourseFactory(topics=[topic])
    client.get("/vejledninger/")

    with django_assert_num_queries(13):
        index = client.get("/vejledninger/")
    with django_assert_num_queries(13):
        topic_page = client.get("/vejledninger/emne/bestyrelsesarbejde/")

    assert len(index.context["guides"]) == count
    assert len(topic_page.context["courses"]) == count
