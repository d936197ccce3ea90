"""The participant overview pages its long lists and finds a person by name or email
(issue 17): the confirmed participants and the waiting list a page at a time, the search
kept while paging, the totals always the whole course's."""

import importlib
import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Signup, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXTRA = 5
# Pages of 5 instead of the overview's 25: the same paging with a fifth of the people to make.
PARTICIPANTS_PER_PAGE = 5


@pytest.fixture(autouse=True)
def _short_pages(monkeypatch):
    # The module, not the view function of the same name that its package exports.
    module = importlib.import_module("courses.views.organiser.overview")
    monkeypatch.setattr(module, "PARTICIPANTS_PER_PAGE", PARTICIPANTS_PER_PAGE)


@pytest.fixture
def course(organiser):
    """More confirmed participants than a page holds, named so that the last one sorts last,
    and a waiting list longer than a page."""
    course = CourseFactory(capacity=PARTICIPANTS_PER_PAGE + EXTRA, organisers=[organiser])
    for number in range(PARTICIPANTS_PER_PAGE + EXTRA - 1):
        SignupFactory(course=course, user=UserFactory(full_name=f"Deltager {number:02d}"))
    SignupFactory(
        course=course,
        user=UserFactory(full_name="Åse Østergaard", email="aase@example.test"),
        needs="Rullestol",
    )
    waitlist(
        course,
        [UserFactory(full_name=f"Venter {n:02d}") for n in range(PARTICIPANTS_PER_PAGE + 1)],
    )
    SignupFactory(
        course=course, user=UserFactory(full_name="Pia Afventer"), status=SignupStatus.PENDING
    )
    return course


def overview(client, organiser, course, **query):
    client.force_login(organiser)
    return client.get(reverse("courses:organiser", args=[course.slug]), query)


def test_first_page_holds_a_page_and_the_totals_are_the_whole_course(client, organiser, course):
    response = overview(client, organiser, course)

    confirmed = response.context["confirmed"]
    assert len(confirmed) == PARTICIPANTS_PER_PAGE
    assert [s.name for s in confirmed][:2] == ["Deltager 00", "Deltager 01"]
    assert response.context["totals"] == {
        SignupStatus.CONFIRMED: PARTICIPANTS_PER_PAGE + EXTRA,
        SignupStatus.OFFERED: 0,
        SignupStatus.PENDING: 1,
        SignupStatus.WAITLISTED: PARTICIPANTS_PER_PAGE + 1,
    }
    html = response.text
    assert f"Tilmeldte deltagere ({PARTICIPANTS_PER_PAGE + EXTRA})" in html
    assert f"Venteliste ({PARTICIPANTS_PER_PAGE + 1})" in html
    assert f"<dt>Venteliste</dt><dd>{PARTICIPANTS_PER_PAGE + 1}</dd>" in html
    assert "<dt>Afventer godkendelse</dt><dd>1</dd>" in html
    assert "Åse Østergaard" not in html
    assert 'href="?side=2#confirmed-heading"' in html
    assert 'href="?venteside=2#waiting-heading"' in html


def test_the_next_page_shows_the_rest(client, organiser, course):
    response = overview(client, organiser, course, side="2")

    assert [s.name for s in response.context["confirmed"]][-1] == "Åse Østergaard"
    assert len(response.context["confirmed"]) == EXTRA
    assert "Rullestol" in response.text


def test_the_waiting_list_pages_on_its_own_and_keeps_its_positions(client, organiser, course):
    response = overview(client, organiser, course, side="2", venteside="2")

    waiting = response.context["waiting"]
    assert [(s.position, s.name) for s in waiting] == [
        (PARTICIPANTS_PER_PAGE + 1, f"Venter {PARTICIPANTS_PER_PAGE:02d}")
    ]
    assert len(response.context["confirmed"]) == EXTRA


@pytest.mark.parametrize("search", ["åse øster", "AASE@example"], ids=["name", "email"])
def test_search_finds_a_person_on_any_page(client, organiser, course, search):
    response = overview(client, organiser, course, q=search)

    assert [s.name for s in response.context["confirmed"]] == ["Åse Østergaard"]
    assert list(response.context["waiting"]) == []
    assert list(response.context["pending"]) == []
    assert response.context["totals"][SignupStatus.CONFIRMED] == PARTICIPANTS_PER_PAGE + EXTRA
    assert "1 deltager passer på" in response.text


def test_the_search_is_kept_while_paging(client, organiser, course):
    response = overview(client, organiser, course, q="venter")

    assert len(response.context["waiting"]) == PARTICIPANTS_PER_PAGE
    assert list(response.context["confirmed"]) == []
    assert re.search(r'href="\?q=venter&amp;venteside=2#waiting-heading"', response.text)


def test_a_search_without_a_match_says_so(client, organiser, course):
    response = overview(client, organiser, course, q="Zacharias")

    assert "Ingen på listen passer på" in response.text
    assert response.context["matches"] == 0


def test_an_empty_course_says_nobody_has_signed_up_or_is_waiting(client, organiser):
    course = CourseFactory(organisers=[organiser])

    response = overview(client, organiser, course)

    assert "Ingen er tilmeldt endnu." in response.text
    assert "Ingen venter." in response.text
    assert "Ingen på listen passer på" not in response.text


def test_a_page_out_of_range_shows_the_last_page(client, organiser, course):
    response = overview(client, organiser, course, side="99")

    assert response.status_code == 200
    assert len(response.context["confirmed"]) == EXTRA


def test_everyone_present_stays_offered_while_the_search_shows_no_participant(client, organiser):
    course = CourseFactory(
        capacity=2, meetings=1, meetings__first_day=timezone.localdate(), organisers=[organiser]
    )
    SignupFactory(course=course, user=UserFactory(full_name="Bo Bekræftet"))

    response = overview(client, organiser, course, q="Zacharias")

    assert list(response.context["confirmed"]) == []
    assert "Alle mødt" in response.text
    assert "Tilmeldte deltagere (1)" in response.text


def test_an_action_on_a_row_comes_back_to_the_same_search_and_page(client, organiser, course):
    """Approve, give a seat, decline and cancel take the overview's search and pages along
    (`?tilbage=`) and come back to them, not to the first page without the search."""
    response = overview(client, organiser, course, q="a", side="2", venteside="2")
    back = response.context["back"]
    assert back == "q=a&side=2&venteside=2"
    assert f"?tilbage={back.replace('&', '%26').replace('=', '%3D')}" in response.text
    pending = Signup.objects.get(course=course, status=SignupStatus.PENDING)
    url = reverse("courses:approve", args=[course.slug, pending.pk])

    approved = client.post(url, {"tilbage": "ignored"}, QUERY_STRING=f"tilbage={quote(back)}")

    overview_url = reverse("courses:organiser", args=[course.slug])
    assert approved["Location"] == f"{overview_url}?q=a&side=2&venteside=2"
    confirmed = Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).first()
    cancel = reverse("courses:cancel_participant", args=[course.slug, confirmed.pk])
    page = client.get(cancel, {"tilbage": back})
    assert f'href="{overview_url}?q=a&amp;side=2&amp;venteside=2"' in page.text
    cancelled = client.post(f"{cancel}?tilbage={quote(back)}")
    assert cancelled["Location"] == f"{overview_url}?q=a&side=2&venteside=2"
    confirmed.refresh_from_db()
    assert confirmed.status == SignupStatus.CANCELLED


@pytest.mark.parametrize(
    ("tilbage", "expected"),
    [
        ("", ""),
        ("side=abc&venteside=-1&next=https://evil.example", ""),
        ("side=9999999&q=%20%20", ""),
        ("q=" + "x" * 300 + "&side=3", "?q=" + "x" * 100 + "&side=3"),
        ("q=%C3%85se", "?q=%C3%85se"),
    ],
)
def test_only_the_overviews_own_search_and_page_numbers_come_back(
    client, organiser, course, tilbage, expected
):
    client.force_login(organiser)
    pending = Signup.objects.get(course=course, status=SignupStatus.PENDING)
    url = reverse("courses:approve", args=[course.slug, pending.pk])

    response = client.post(f"{url}?tilbage={quote(tilbage)}")

    assert response["Location"] == reverse("courses:organiser", args=[course.slug]) + expected
