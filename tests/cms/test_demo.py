import io
import zipfile

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.documents.models import Document
from wagtail.models import Page

from cms.models import GuidePage, StoryPage
from courses.models import Course
from taxonomy.models import Topic


def _counts():
    return (
        Page.objects.count(),
        Document.objects.count(),
        Course.objects.count(),
        Topic.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing(demo_site):
    first = _counts()

    call_command("seed_demo", stdout=io.StringIO())

    assert _counts() == first


@pytest.mark.django_db
def test_demo_guides_are_complete_and_reachable_in_both_languages(client, demo_site):
    guides = GuidePage.objects.filter(locale__language_code="da", alias_of__isnull=True)
    assert sorted(guides.values_list("slug", flat=True)) == [
        "bestyrelsesarbejde",
        "fondsansoegning",
        "konflikthaandtering",
    ]
    for guide in guides:
        block_types = {block.block_type for block in guide.body}
        assert {"checklist", "template", "related_courses"} <= block_types, guide.slug
        danish = client.get(guide.url)
        english = client.get("/en" + guide.url)
        assert (danish.status_code, english.status_code) == (200, 200)
        assert danish.text.count('class="course-teaser"') >= 1, guide.slug
    english_board = client.get("/en/vejledninger/bestyrelsesarbejde/")
    assert (
        "<h1>Board work: roles, the annual plan and the general meeting</h1>" in english_board.text
    )
    assert StoryPage.objects.filter(locale__language_code="da", live=True).count() == 3


@pytest.mark.django_db
def test_demo_templates_are_real_files(demo_site):
    tracking = Document.objects.get(title="Sporingsark til fondsansøgninger")
    agenda = Document.objects.get(title="Dagsorden til ordinær generalforsamling")
    conversation = Document.objects.get(title="Samtaleguide: Den svære samtale")

    with tracking.open_file() as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    assert workbook.sheetnames == ["Ansøgninger", "Budget"]
    assert workbook["Ansøgninger"]["A1"].value == "Fond eller pulje"
    with agenda.open_file() as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as package:
        assert "Valg af dirigent" in package.read("word/document.xml").decode()
    with conversation.open_file() as handle:
        assert handle.read(5) == b"%PDF-"
    assert tracking.file_size > 0
