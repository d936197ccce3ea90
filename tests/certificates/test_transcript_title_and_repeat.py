"""A competence transcript as others read it: its name in the reader's language (its stored
title is the holder's word for it), and asking for one twice on a day with nothing new
(a double click, Back and again) gives the same transcript, not a second code."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def transcript(completed):
    completed.user.preferred_language = "da"
    completed.user.save()
    return services.issue_transcript(completed.user, with_pdf=False)


def test_an_english_reader_sees_competence_transcript_not_the_danish_word(client, transcript):
    url = reverse("certificates:verify", kwargs={"code": transcript.display_code})

    english = client.get("/en" + url).text

    assert "Competence transcript" in english
    assert "Kompetencebevis" not in english


def test_a_danish_reader_sees_the_kind_once(client, transcript):
    url = reverse("certificates:verify", kwargs={"code": transcript.display_code})

    danish = client.get(url).text

    assert "Kompetencebevis" in danish
    assert "Kompetencebevis: Kompetencebevis" not in danish


def test_my_certificates_in_english_names_a_danish_transcript_in_english(client, transcript):
    client.force_login(transcript.holder)

    page = client.get("/en" + reverse("certificates:mine")).text

    assert "Kompetencebevis" not in page


def test_asking_twice_for_a_transcript_gives_the_same_one(client, completed):
    client.force_login(completed.user)

    client.post(reverse("certificates:transcript"))
    response = client.post(reverse("certificates:transcript"), follow=True)

    (transcript,) = Certificate.objects.filter(kind="transcript")
    assert transcript.display_code in response.text


def test_a_new_completed_course_makes_a_new_transcript(completed):
    from tests.certificates.conftest import attend, finished_course
    from tests.courses.factories import SignupFactory

    first = services.issue_transcript(completed.user, with_pdf=False)
    attend(SignupFactory(course=finished_course(title="Mødeledelse"), user=completed.user))

    second = services.issue_transcript(completed.user, with_pdf=False)

    assert second.pk != first.pk
