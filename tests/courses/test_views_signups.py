"""The public course pages and Mine kurser: what each person sees and may do."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from courses.models import (
    Audience,
    CourseFormat,
    CourseStatus,
    Signup,
    SignupStatus,
    WaitingListMode,
)
from courses.services.checkin import checkin_url
from tests.courses.factories import (
    CourseFactory,
    ProviderFactory,
    SignupFactory,
    TopicFactory,
    local,
    waitlist,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(client):
    user = UserFactory()
    client.force_login(user)
    return user


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


# --- catalogue ---------------------------------------------------------------------------


def titles(response) -> list[str]:
    return [course.title for course in response.context["page_obj"]]


def test_catalogue_lists_published_upcoming_courses_by_date(client):
    later = CourseFactory(title="Senere", meetings=1, meetings__first_day=days(30))
    sooner = CourseFactory(title="Snart", meetings=1, meetings__first_day=days(5))
    CourseFactory(title="Kladde", status=CourseStatus.DRAFT)
    CourseFactory(title="Aflyst", status=CourseStatus.CANCELLED)
    CourseFactory(title="Overstået", meetings=1, meetings__first_day=days(-10))

    response = client.get("/kurser/")

    assert response.status_code == 200
    assert titles(response) == [sooner.title, later.title]
    assert "2 kurser" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=konflikt", ["Konflikter"]),
        ("format=online", ["Online aften"]),
        ("audience=board", ["Bestyrelse"]),
        ("language=en", ["In English"]),
        ("free_seats=on", ["Konflikter", "Online aften", "In English"]),
    ],
    ids=["topic", "format", "audience", "language", "free-seats"],
)
def test_catalogue_filters(client, query, expected):
    conflict = TopicFactory(slug="konflikt", name="Konflikthåndtering")
    CourseFactory(title="Konflikter", topics=[conflict, TopicFactory()])
    CourseFactory(title="Online aften", format=CourseFormat.ONLINE)
    full = CourseFactory(title="Bestyrelse", audience=Audience.BOARD_MEMBERS, capacity=1)
    SignupFactory(course=full)
    CourseFactory(title="In English", language="en")

    response = client.get(f"/kurser/?{query}")

    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


def test_catalogue_filters_by_provider_and_date_range(client):
    provider = ProviderFactory(name="Frivilligcenter")
    CourseFactory(title="Center", provider=provider, meetings=1, meetings__first_day=days(10))
    CourseFactory(title="Andet", meetings=1, meetings__first_day=days(10))
    CourseFactory(title="Senere", provider=provider, meetings=1, meetings__first_day=days(60))

    response = client.get(
        f"/kurser/?provider={provider.pk}&date_from={days(1):%Y-%m-%d}&date_to={days(20):%Y-%m-%d}"
    )

    assert titles(response) == ["Center"]


def test_catalogue_free_text_search_finds_words_and_word_beginnings(client):
    CourseFactory(title="Konflikthåndtering i foreningen")
    CourseFactory(title="Økonomi og regnskab", summary="Budget og bilag for kassereren.")
    CourseFactory(title="Førstehjælp")

    by_word = client.get("/kurser/?q=regnskab")
    by_beginning = client.get("/kurser/?q=konflikt")

    assert titles(by_word) == ["Økonomi og regnskab"]
    assert titles(by_beginning) == ["Konflikthåndtering i foreningen"]


def test_catalogue_keeps_filters_in_the_pagination_links(client):
    online = [
        CourseFactory(format=CourseFormat.ONLINE, meetings=1, meetings__first_day=days(i + 1))
        for i in range(13)
    ]

    response = client.get("/kurser/?format=online")

    assert len(response.context["page_obj"]) == 12
    assert 'href="?format=online&amp;page=2"' in response.text
    second = client.get("/kurser/?format=online&page=2")
    assert titles(second) == [online[-1].title]


def test_catalogue_htmx_request_gets_only_the_results_and_the_count(client):
    CourseFactory(title="Ét kursus")

    response = client.get("/kurser/?format=in_person", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Ét kursus" in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text
    assert "1 kursus" in response.text


def test_catalogue_without_javascript_is_a_plain_get_form(client):
    response = client.get("/kurser/")

    assert 'method="get"' in response.text
    assert 'action="/kurser/"' in response.text
    assert 'role="status"' in response.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/kurser/?date_from=i-morgen", "Indtast en gyldig dato"),
        ("/en/kurser/?date_from=tomorrow", "Enter a valid date"),
        ("/kurser/?topic=findes-ikke", "Marker en gyldig valgmulighed"),
    ],
    ids=["bad-date-da", "bad-date-en", "unknown-topic"],
)
def test_catalogue_bad_filter_is_a_400_with_a_message_in_the_users_language(client, path, message):
    CourseFactory()

    response = client.get(path)

    assert response.status_code == 400
    assert message in response.text


@pytest.mark.parametrize(
    "query",
    ["date_from=0001-01-01", "date_to=0001-01-01", "date_from=9999-12-31", "date_to=9999-12-31"],
)
def test_catalogue_dates_at_the_ends_of_the_calendar_filter_without_error(client, query):
    course = CourseFactory()
    # Midnight on 1 January of year 1 in Copenhagen is before UTC's year 1.
    expected = {"date_from=0001-01-01": 1, "date_to=9999-12-31": 1}.get(query, 0)

    response = client.get(f"/kurser/?{query}")

    assert response.status_code == 200
    assert response.context["count"] == expected
    assert (course.title in response.text) == bool(expected)


def test_catalogue_marks_my_signups(client, volunteer):
    mine = CourseFactory(capacity=1)
    SignupFactory(course=mine, user=volunteer)
    waiting_course = CourseFactory(capacity=1)
    SignupFactory(course=waiting_course)
    waitlist(waiting_course, [UserFactory(), volunteer])

    response = client.get("/kurser/")

    assert "Du er tilmeldt" in response.text
    assert "Du er nr. 2 på ventelisten" in response.text


@pytest.mark.parametrize("count", [1, 30], ids=["1-course", "30-courses"])
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "volunteer"])
def test_catalogue_query_count_does_not_grow_with_courses(
    client, django_assert_num_queries, count, logged_in
):
    topics = [TopicFactory(), TopicFactory()]
    provider = ProviderFactory()
    user = UserFactory()
    for _ in range(count):
        course = CourseFactory(topics=topics, provider=provider, meetings=2)
        SignupFactory(course=course, user=user)
        SignupFactory(course=course)
    if logged_in:
        client.force_login(user)

    with django_assert_num_queries(16 if logged_in else 12):
        response = client.get("/kurser/")

    assert response.status_code == 200


# --- course page -------------------------------------------------------------------------


def test_course_page_shows_what_a_volunteer_needs_to_decide(client):
    course = CourseFactory(
        title="Ny i bestyrelsen",
        capacity=12,
        instructors="Birgitte Lind",
        meetings=[
            (local(days(7), 18), local(days(7), 21)),
            (local(days(14), 18), local(days(14), 21)),
        ],
        online_link="https://moede.example/hemmelig",
        format=CourseFormat.HYBRID,
    )
    SignupFactory.create_batch(3, course=course)

    response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Ny i bestyrelsen</h1>" in text
    assert "9 ledige pladser" in text
    assert "18:00–21:00" in text
    assert "Birgitte Lind" in text
    assert "Gratis" in text
    assert "Tilføj til kalender" in text
    assert "Log ind for at tilmelde dig" in text
    # The online link is for confirmed participants only.
    assert "hemmelig" not in text


@pytest.mark.parametrize(
    ("arrange", "expected"),
    [
        ("confirmed", "Du er tilmeldt"),
        ("waiting", "Du er nr. 2 på ventelisten"),
        ("offered", "Der er en ledig plads til dig"),
        ("pending", "Din tilmelding venter på godkendelse"),
        ("closed", "Tilmeldingen er lukket"),
        ("full", "Skriv mig på ventelisten"),
        ("open", "Tilmeld mig"),
        ("cancelled", "Kurset er aflyst"),
    ],
)
def test_course_page_shows_one_clear_action_with_its_state(client, volunteer, arrange, expected):
    course = CourseFactory(capacity=1)
    if arrange == "confirmed":
        SignupFactory(course=course, user=volunteer)
    elif arrange == "waiting":
        SignupFactory(course=course)
        waitlist(course, [UserFactory(), volunteer])
    elif arrange == "offered":
        SignupFactory(
            course=course,
            user=volunteer,
            status=SignupStatus.OFFERED,
            offer_expires_at=timezone.now() + timedelta(hours=10),
        )
    elif arrange == "pending":
        SignupFactory(course=course, user=volunteer, status=SignupStatus.PENDING)
    elif arrange == "closed":
        course.signup_deadline = timezone.now() - timedelta(hours=1)
        course.save()
    elif arrange == "full":
        SignupFactory(course=course)
    elif arrange == "cancelled":
        course.status = CourseStatus.CANCELLED
        course.save()

    response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200
    assert expected in response.text


def test_confirmed_participant_sees_the_online_link_and_consenting_names(client, volunteer):
    course = CourseFactory(format=CourseFormat.ONLINE, online_link="https://moede.example/abc")
    SignupFactory(course=course, user=volunteer)
    SignupFactory(
        course=course, user=UserFactory(full_name="Synlig Person"), show_name_to_participants=True
    )
    SignupFactory(course=course, user=UserFactory(full_name="Skjult Person"))

    response = client.get(f"/kurser/{course.slug}/")

    assert "https://moede.example/abc" in response.text
    assert "Synlig Person" in response.text
    assert "Skjult Person" not in response.text


def test_waiting_person_does_not_see_participant_names(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(
        course=course, user=UserFactory(full_name="Synlig Person"), show_name_to_participants=True
    )
    waitlist(course, [volunteer])

    response = client.get(f"/kurser/{course.slug}/")

    assert "Synlig Person" not in response.text


def test_draft_course_is_404_for_the_public_and_visible_to_its_organiser(client):
    organiser = UserFactory()
    course = CourseFactory(status=CourseStatus.DRAFT, organisers=[organiser])

    assert client.get(f"/kurser/{course.slug}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/kurser/{course.slug}/").status_code == 404
    client.force_login(organiser)
    assert client.get(f"/kurser/{course.slug}/").status_code == 200


@pytest.mark.parametrize("count", [1, 30], ids=["1", "30"])
def test_course_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    user = UserFactory()
    topics = [TopicFactory(), TopicFactory()]
    course = CourseFactory(capacity=100, meetings=count, topics=topics)
    # Its check-in code was stored when the confirmation email was sent (one UPDATE once).
    checkin_url(SignupFactory(course=course, user=user))
    for _ in range(count):
        SignupFactory(course=course, show_name_to_participants=True)
        CourseFactory(topics=topics)
    client.force_login(user)

    with django_assert_num_queries(17):
        response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200


def test_calendar_download_has_every_meeting_and_the_link_only_for_participants(client):
    course = CourseFactory(
        meetings=2, format=CourseFormat.ONLINE, online_link="https://moede.example/abc"
    )

    public = client.get(f"/kurser/{course.slug}/kalender.ics")
    participant = UserFactory()
    SignupFactory(course=course, user=participant)
    client.force_login(participant)
    private = client.get(f"/kurser/{course.slug}/kalender.ics")

    assert public.status_code == 200
    assert public["Content-Type"] == "text/calendar; charset=utf-8"
    assert public["Content-Disposition"] == f'attachment; filename="{course.slug}.ics"'
    assert public.content.count(b"BEGIN:VEVENT") == 2
    meeting = course.meetings.first()
    assert f"UID:meeting-{meeting.pk}@testserver".encode() in public.content
    assert b"moede.example/abc" not in public.content
    assert b"moede.example/abc" in private.content.replace(b"\r\n ", b"")


# --- signing up --------------------------------------------------------------------------


def test_signup_post_confirms_and_emails(client, volunteer, django_capture_on_commit_callbacks):
    course = CourseFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/kurser/{course.slug}/tilmeld/",
            {
                "association": "Høng Gymnastikforening",
                "needs": "",
                "show_name_to_participants": "on",
            },
        )

    assert response.status_code == 302
    assert response["Location"] == f"/kurser/{course.slug}/"
    signup = Signup.objects.get(course=course, user=volunteer)
    assert signup.status == SignupStatus.CONFIRMED
    assert signup.show_name_to_participants is True
    assert mail.outbox[0].to == [volunteer.email]
    followed = client.get(response["Location"])
    assert "Du er tilmeldt. Vi har sendt dig en bekræftelse på e-mail." in followed.text


def test_signup_twice_creates_one_signup(client, volunteer):
    course = CourseFactory()

    first = client.post(f"/kurser/{course.slug}/tilmeld/", {})
    second = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert (first.status_code, second.status_code) == (302, 302)
    assert Signup.objects.filter(course=course, user=volunteer).count() == 1


def test_signup_when_full_joins_the_waiting_list_with_the_position(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {}, follow=True)

    assert "du står på ventelisten som nr. 1" in response.text
    assert "Du er nr. 1 på ventelisten" in response.text


def test_anonymous_signup_goes_to_login_and_back(client):
    course = CourseFactory()

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next=%2Fkurser%2F{course.slug}%2F"
    assert Signup.objects.count() == 0


def test_signup_by_get_changes_nothing(client, volunteer):
    course = CourseFactory()

    response = client.get(f"/kurser/{course.slug}/tilmeld/")

    assert response.status_code == 302
    assert Signup.objects.count() == 0


@pytest.mark.parametrize(
    ("prefix", "message"),
    [("", "Denne værdi må højst have 1000 tegn"), ("/en", "at most 1000 characters")],
    ids=["da", "en"],
)
def test_signup_with_bad_input_is_a_400_in_the_users_language(client, volunteer, prefix, message):
    course = CourseFactory()

    response = client.post(f"{prefix}/kurser/{course.slug}/tilmeld/", {"needs": "x" * 1001})

    assert response.status_code == 400
    assert message in response.text
    assert Signup.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"signup_deadline": timedelta(hours=-1)}, "Tilmeldingen til kurset er lukket."),
        ({"capacity": 0}, "Kurset er fuldt."),
    ],
    ids=["closed", "full-without-waiting-list"],
)
def test_refused_signup_is_a_409_with_the_reason(client, volunteer, changes, message):
    course = CourseFactory(capacity=1, waiting_list_enabled=False)
    if "signup_deadline" in changes:
        course.signup_deadline = timezone.now() + changes["signup_deadline"]
        course.save()
    else:
        SignupFactory(course=course)

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert response.status_code == 409
    assert message in response.text


@pytest.mark.parametrize(
    "path",
    ["tilmeld/", "afmeld/", "tilbud/accepter/", "tilbud/afslaa/", "min-tilmelding/"],
)
def test_every_state_change_needs_the_csrf_token(path):
    user = UserFactory()
    course = CourseFactory()
    SignupFactory(course=course, user=user, status=SignupStatus.OFFERED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(f"/kurser/{course.slug}/{path}", {})

    assert response.status_code == 403
    assert Signup.objects.get(user=user).status == SignupStatus.OFFERED


# --- cancelling, waiting list and offers --------------------------------------------------


def test_cancel_my_signup_promotes_the_next_person(
    client, volunteer, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=1)
    mine = SignupFactory(course=course, user=volunteer)
    (next_person,) = waitlist(course, [UserFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kurser/{course.slug}/afmeld/", follow=True)

    mine.refresh_from_db()
    next_person.refresh_from_db()
    assert mine.status == SignupStatus.CANCELLED
    assert next_person.status == SignupStatus.CONFIRMED
    assert "Du er afmeldt." in response.text
    assert {m.to[0] for m in mail.outbox} == {volunteer.email, next_person.user.email}


def test_cancel_after_the_deadline_explains_why(client, volunteer):
    course = CourseFactory(cancellation_deadline=timezone.now() - timedelta(hours=1))
    SignupFactory(course=course, user=volunteer)

    response = client.post(f"/kurser/{course.slug}/afmeld/", follow=True)

    assert "Afmeldingsfristen er overskredet" in response.text
    assert Signup.objects.get(user=volunteer).status == SignupStatus.CONFIRMED


def test_leave_the_waiting_list_from_mine_kurser(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    waitlist(course, [volunteer])

    response = client.post(f"/kurser/{course.slug}/afmeld/", {"next": "mine"})

    assert response["Location"] == "/mine-sider/kurser/"
    assert Signup.objects.get(user=volunteer).end_reason == "left_waiting_list"


def test_accept_and_decline_an_offer(client, volunteer):
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    other_course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    offer = {
        "status": SignupStatus.OFFERED,
        "offer_expires_at": timezone.now() + timedelta(hours=5),
    }
    SignupFactory(course=course, user=volunteer, **offer)
    SignupFactory(course=other_course, user=volunteer, **offer)

    accepted = client.post(f"/kurser/{course.slug}/tilbud/accepter/", follow=True)
    declined = client.post(f"/kurser/{other_course.slug}/tilbud/afslaa/", follow=True)

    assert Signup.objects.get(course=course, user=volunteer).status == SignupStatus.CONFIRMED
    assert Signup.objects.get(course=other_course, user=volunteer).status == SignupStatus.DECLINED
    assert "Pladsen er din" in accepted.text
    assert "Du har sagt nej tak til pladsen" in declined.text


def test_expired_offer_cannot_be_accepted(client, volunteer):
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    SignupFactory(
        course=course,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() - timedelta(minutes=5),
    )

    response = client.post(f"/kurser/{course.slug}/tilbud/accepter/", follow=True)

    assert "tilbuddet udløb" in response.text
    assert Signup.objects.get(user=volunteer).status == SignupStatus.DECLINED


@pytest.mark.parametrize(
    "path", ["afmeld/", "tilbud/accepter/", "tilbud/afslaa/", "min-tilmelding/"]
)
def test_a_volunteer_can_never_touch_anothers_signup(client, volunteer, path):
    course = CourseFactory()
    someone = SignupFactory(course=course, status=SignupStatus.OFFERED)

    method = client.get if path == "min-tilmelding/" else client.post
    response = method(f"/kurser/{course.slug}/{path}")

    assert response.status_code == 404
    someone.refresh_from_db()
    assert someone.status == SignupStatus.OFFERED


def test_edit_my_signup_details_and_consent(client, volunteer):
    course = CourseFactory()
    signup = SignupFactory(course=course, user=volunteer)

    page = client.get(f"/kurser/{course.slug}/min-tilmelding/")
    response = client.post(
        f"/kurser/{course.slug}/min-tilmelding/",
        {"association": "Roklubben", "needs": "Vegetar", "show_name_to_participants": "on"},
    )

    assert page.status_code == 200
    assert response.status_code == 302
    signup.refresh_from_db()
    assert (signup.association, signup.needs, signup.show_name_to_participants) == (
        "Roklubben",
        "Vegetar",
        True,
    )


# --- Mine kurser --------------------------------------------------------------------------


def test_mine_kurser_requires_login(client):
    response = client.get("/mine-sider/kurser/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_mine_kurser_shows_offers_upcoming_waiting_and_past_with_attendance(client, volunteer):
    upcoming = CourseFactory(title="Kommende")
    SignupFactory(course=upcoming, user=volunteer)
    full = CourseFactory(title="Fuldt kursus", capacity=1)
    SignupFactory(course=full)
    waitlist(full, [UserFactory(), UserFactory(), volunteer])
    offered = CourseFactory(title="Tilbudt", waiting_list_mode=WaitingListMode.OFFER)
    SignupFactory(
        course=offered,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    past = CourseFactory(title="Overstået", meetings=2, meetings__first_day=days(-20))
    past_signup = SignupFactory(course=past, user=volunteer)
    first, second = past.meetings.order_by("starts_at")
    past_signup.attendance.create(meeting=first, present=True)
    past_signup.attendance.create(meeting=second, present=False)
    SignupFactory(course=CourseFactory(title="Andres kursus"))

    response = client.get("/mine-sider/kurser/")

    assert [s.course.title for s in response.context["offers"]] == ["Tilbudt"]
    assert [s.course.title for s in response.context["upcoming"]] == ["Kommende"]
    assert [(s.course.title, s.position) for s in response.context["waiting"]] == [
        ("Fuldt kursus", 3)
    ]
    assert [(s.course.title, s.attended, s.meetings_held) for s in response.context["past"]] == [
        ("Overstået", 1, 2)
    ]
    assert "Du er nr. 3 på ventelisten" in response.text
    assert "1 af 2 kursusgange" in response.text
    assert "Andres kursus" not in response.text


@pytest.mark.parametrize("count", [1, 30], ids=["1", "30"])
def test_mine_kurser_query_count_does_not_grow(client, volunteer, django_assert_num_queries, count):
    for i in range(count):
        # Check-in codes are stored with the confirmation email (one UPDATE, once).
        checkin_url(SignupFactory(course=CourseFactory(organisers=[volunteer]), user=volunteer))
        full = CourseFactory(capacity=1)
        SignupFactory(course=full)
        waitlist(full, [volunteer])
        past = CourseFactory(meetings=1, meetings__first_day=days(-5 - i))
        SignupFactory(course=past, user=volunteer).attendance.create(
            meeting=past.meetings.get(), present=True
        )

    # One of them finds the courses the person may still evaluate; the qualifications come
    # from the signups (one query for both since issue 17).
    with django_assert_num_queries(13):
        response = client.get("/mine-sider/kurser/")

    assert response.status_code == 200


def test_dashboard_panel_shows_the_next_course_and_offers(client, volunteer):
    course = CourseFactory(title="Næste kursus")
    SignupFactory(course=course, user=volunteer)
    offered = CourseFactory(title="Tilbudt kursus")
    SignupFactory(
        course=offered,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=3),
    )

    response = client.get("/mine-sider/")

    assert "Dit næste kursus:" in response.text
    assert "Næste kursus" in response.text
    assert "Der er en ledig plads til dig på »Tilbudt kursus«" in response.text
    assert 'href="/mine-sider/kurser/"' in response.text


def test_main_navigation_has_kurser(client):
    response = client.get("/kurser/")

    assert '<a href="/kurser/" aria-current="page">Kurser</a>' in response.text


def test_calendar_download_of_a_course_with_a_line_break_in_its_title(client):
    # Saved before titles were validated (core.validators): the download answered 500.
    course = CourseFactory(title="Ny i\r\nbestyrelsen", venue_name="Rådhuset\nSal 2")

    response = client.get(f"/kurser/{course.slug}/kalender.ics")

    assert response.status_code == 200
    assert b"SUMMARY:Ny i bestyrelsen\r\n" in response.content
    assert "LOCATION:Rådhuset Sal 2\\, Holbækvej 141\\, 4400 Kalundborg".encode() in (
        response.content.replace(b"\r\n ", b"")
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', ["Førstehjælp", "Ny i bestyrelsen"]),
        ('bestyrelsen"', ["Ny i bestyrelsen"]),
        ("bestyrelse*", ["Ny i bestyrelsen"]),
        ("(ny", ["Ny i bestyrelsen"]),
    ],
    ids=["quote", "trailing-quote", "star", "bracket"],
)
def test_catalogue_search_treats_search_syntax_as_ordinary_input(client, query, expected):
    # A lone quote reached SQLite's full-text parser: "unterminated string", a 500.
    CourseFactory(title="Ny i bestyrelsen")
    CourseFactory(title="Førstehjælp")

    response = client.get("/kurser/", {"q": query})

    assert response.status_code == 200
    assert sorted(course.title for course in response.context["page_obj"]) == expected


def test_catalogue_search_refuses_an_over_long_query_with_400(client):
    CourseFactory(title="Ny i bestyrelsen")

    response = client.get("/kurser/", {"q": "bestyrelse " * 10_000})

    assert response.status_code == 400
    assert [course.title for course in response.context["page_obj"]] == ["Ny i bestyrelsen"]
