"""Check-in at the door: the participant's QR code, the page it opens for the course's
organisers, and the organiser's check-in list with a name search."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.tokens import hash_token
from courses import services
from courses.models import Attendance, Signup, SignupStatus
from courses.services.checkin import checkin_token, checkin_url, signup_by_checkin_token
from tests.courses.factories import CourseFactory, SignupFactory, local
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organiser):
    """A course meeting today 17–20 and again in a week."""
    today = timezone.localdate()
    return CourseFactory(
        title="Førstehjælp",
        organisers=[organiser],
        meetings=[
            (local(today, 17), local(today, 20)),
            (local(today + timedelta(days=7), 17), local(today + timedelta(days=7), 20)),
        ],
    )


@pytest.fixture
def signup(course):
    return SignupFactory(course=course, user=UserFactory(full_name="Lene Hansen"))


def today_meeting(course):
    return course.meetings.order_by("starts_at").first()


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


# --- the code ------------------------------------------------------------------------------


def test_code_is_long_stable_and_only_its_hash_is_stored(signup):
    url = checkin_url(signup)
    token = checkin_token(signup)

    assert len(token) == 43
    assert url.endswith(f"/kurser/tjek-ind/{token}/")
    assert checkin_url(signup) == url
    signup.refresh_from_db()
    assert signup.checkin_token_hash == hash_token(token)
    assert token not in str(Signup.objects.filter(pk=signup.pk).values().get())


def test_codes_differ_between_signups(signup, course):
    other = SignupFactory(course=course)

    assert checkin_token(signup) != checkin_token(other)


def test_code_finds_its_signup_and_nothing_else(signup):
    token = checkin_token(signup)
    checkin_url(signup)

    assert signup_by_checkin_token(token) == signup
    assert signup_by_checkin_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert signup_by_checkin_token("") is None
    assert signup_by_checkin_token("x" * 500) is None


def test_code_not_yet_shown_finds_nothing(signup):
    assert signup_by_checkin_token(checkin_token(signup)) is None


def test_confirmation_email_carries_the_qr_code(django_capture_on_commit_callbacks):
    person = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        signup = services.sign_up(CourseFactory(), person)

    (email,) = mail.outbox
    (png,) = [a for a in email.attachments if a[2] == "image/png"]
    assert png[0] == "tjek-ind-kode.png"
    assert png[1].startswith(b"\x89PNG")
    assert "QR-kode" in email.body
    signup.refresh_from_db()
    assert signup.checkin_token_hash == hash_token(checkin_token(signup))


def test_waiting_list_email_has_no_qr_code(organiser, django_capture_on_commit_callbacks):
    full = CourseFactory(capacity=1)
    SignupFactory(course=full)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up(full, UserFactory())

    assert [a for a in mail.outbox[0].attachments if a[2] == "image/png"] == []


# --- the service ---------------------------------------------------------------------------


def test_check_in_marks_present_once(signup, organiser):
    meeting = today_meeting(signup.course)

    first = services.check_in(signup, meeting, by=organiser)
    mark = Attendance.objects.get()
    second = services.check_in(signup, meeting, by=organiser)

    assert (first, second) == (True, False)
    assert Attendance.objects.get().marked_at == mark.marked_at
    assert (mark.present, mark.marked_by) == (True, organiser)


def test_check_in_turns_an_absent_mark_into_present(signup, organiser):
    meeting = today_meeting(signup.course)
    Attendance.objects.create(signup=signup, meeting=meeting, present=False)

    assert services.check_in(signup, meeting, by=organiser) is True
    assert Attendance.objects.get().present is True


def test_check_in_only_on_the_day_of_the_meeting(signup, organiser):
    later = signup.course.meetings.order_by("starts_at").last()

    with pytest.raises(services.CourseError, match="mødedagen"):
        services.check_in(signup, later, by=organiser)
    assert not Attendance.objects.exists()


def test_check_in_by_someone_else_is_refused(signup):
    with pytest.raises(services.CourseError):
        services.check_in(signup, today_meeting(signup.course), by=UserFactory())


def test_check_in_of_a_cancelled_signup_is_refused(signup, organiser):
    Signup.objects.filter(pk=signup.pk).update(status=SignupStatus.CANCELLED)

    with pytest.raises(services.CourseError, match="Lene Hansen"):
        services.check_in(signup, today_meeting(signup.course), by=organiser)


def test_check_in_at_a_cancelled_meeting_is_refused(signup, organiser):
    meeting = today_meeting(signup.course)
    meeting.cancelled_at = timezone.now()
    meeting.save()

    with pytest.raises(services.CourseError):
        services.check_in(signup, meeting, by=organiser)


# --- the page behind the QR code -----------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("organiser", 200), ("course_admin", 200), ("participant", 404), ("volunteer", 404)],
)
def test_qr_page_is_for_the_courses_organisers_only(client, signup, organiser, who, status):
    from accounts.roles import Role

    users = {
        "organiser": organiser,
        "course_admin": UserFactory(roles=[Role.COURSE_ADMINISTRATOR]),
        "participant": signup.user,
        "volunteer": UserFactory(),
    }
    client.force_login(users[who])

    response = client.get(path_of(checkin_url(signup)))

    assert response.status_code == status
    if status == 200:
        assert "Lene Hansen" in response.text


def test_qr_page_asks_a_visitor_to_log_in_whatever_the_code(client, signup):
    real = client.get(path_of(checkin_url(signup)))
    made_up = client.get("/kurser/tjek-ind/findes-ikke/")

    assert real.status_code == made_up.status_code == 302
    assert real.url.startswith("/konto/login/?next=")


def test_unknown_code_is_404_for_an_organiser(client, organiser):
    client.force_login(organiser)

    assert client.get("/kurser/tjek-ind/findes-ikke/").status_code == 404


def test_organiser_checks_in_with_one_button(client, signup, organiser):
    client.force_login(organiser)
    path = path_of(checkin_url(signup))
    meeting = today_meeting(signup.course)

    response = client.post(path, {"meeting": meeting.pk}, follow=True)

    assert response.status_code == 200
    assert "Lene Hansen er tjekket ind." in response.text
    assert "Tjekket ind" in response.text
    assert Attendance.objects.get(signup=signup, meeting=meeting).present is True
    again = client.post(path, {"meeting": meeting.pk}, follow=True)
    assert "Lene Hansen var allerede tjekket ind." in again.text
    assert Attendance.objects.count() == 1


def test_participant_cannot_check_themselves_in(client, signup):
    client.force_login(signup.user)

    response = client.post(
        path_of(checkin_url(signup)), {"meeting": today_meeting(signup.course).pk}
    )

    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_qr_page_outside_a_meeting_day_says_so(client, organiser):
    course = CourseFactory(organisers=[organiser])  # meets in two weeks
    signup = SignupFactory(course=course)
    client.force_login(organiser)

    response = client.get(path_of(checkin_url(signup)))

    assert response.status_code == 200
    assert "ingen kursusgang" in response.text
    assert "Næste kursusgang er" in response.text
    assert "Markér som til stede" not in response.text


def test_qr_page_post_outside_a_meeting_day_marks_nothing(client, organiser):
    course = CourseFactory(organisers=[organiser])
    signup = SignupFactory(course=course)
    client.force_login(organiser)

    response = client.post(
        path_of(checkin_url(signup)), {"meeting": course.meetings.get().pk}, follow=True
    )

    assert "kun åben på mødedagen" in response.text
    assert not Attendance.objects.exists()


def test_qr_page_of_a_cancelled_signup_shows_no_button(client, signup, organiser):
    Signup.objects.filter(pk=signup.pk).update(status=SignupStatus.CANCELLED)
    client.force_login(organiser)

    response = client.get(path_of(checkin_url(signup)))

    assert "Ikke en bekræftet deltager" in response.text
    assert "Markér som til stede" not in response.text


# --- the check-in list ---------------------------------------------------------------------


def list_path(course, meeting):
    return f"/kurser/{course.slug}/arrangoer/tjek-ind/{meeting.pk}/"


@pytest.mark.parametrize(("who", "status"), [("organiser", 200), ("volunteer", 404)])
def test_check_in_list_access(client, signup, organiser, who, status):
    client.force_login(organiser if who == "organiser" else UserFactory())

    response = client.get(list_path(signup.course, today_meeting(signup.course)))

    assert response.status_code == status


def test_check_in_list_searches_by_name_and_keeps_the_search(client, course, organiser, signup):
    SignupFactory(course=course, user=UserFactory(full_name="Karen Kasserer"))
    meeting = today_meeting(course)
    client.force_login(organiser)

    found = client.get(list_path(course, meeting), {"q": "lene"})
    response = client.post(f"{list_path(course, meeting)}{signup.pk}/", {"q": "lene"})

    assert "Lene Hansen" in found.text
    assert "Karen Kasserer" not in found.text
    assert response.status_code == 302
    assert response.url == f"{list_path(course, meeting)}?q=lene"
    after = client.get(response.url)
    assert "1 af 2 tjekket ind" in after.text
    assert Attendance.objects.get().signup == signup


def test_check_in_list_of_another_day_has_no_buttons(client, course, organiser, signup):
    later = course.meetings.order_by("starts_at").last()
    client.force_login(organiser)

    response = client.get(list_path(course, later))
    refused = client.post(f"{list_path(course, later)}{signup.pk}/", follow=True)

    assert "Tjek ind<" not in response.text
    assert "kun åben på mødedagen" in refused.text
    assert not Attendance.objects.exists()


def test_check_in_list_by_a_volunteer_marks_nothing(client, course, signup):
    client.force_login(UserFactory())

    response = client.post(f"{list_path(course, today_meeting(course))}{signup.pk}/")

    assert response.status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_check_in_list_query_count(client, course, organiser, count, django_assert_num_queries):
    for _ in range(count):
        SignupFactory(course=course)
    client.force_login(organiser)
    client.get("/")

    with django_assert_num_queries(15):
        response = client.get(list_path(course, today_meeting(course)))

    assert response.status_code == 200


def test_overview_links_to_todays_check_in_list(client, course, organiser):
    client.force_login(organiser)

    response = client.get(f"/kurser/{course.slug}/arrangoer/")

    assert f'href="{list_path(course, today_meeting(course))}"' in response.text
    later = course.meetings.order_by("starts_at").last()
    assert f'href="{list_path(course, later)}"' not in response.text


# --- the participant's side ----------------------------------------------------------------


def test_course_page_and_mine_show_the_qr_code_to_the_participant(client, signup):
    client.force_login(signup.user)

    detail = client.get(f"/kurser/{signup.course.slug}/")
    mine = client.get("/mine-sider/kurser/")

    for response in (detail, mine):
        assert 'class="checkin-qr" src="data:image/svg+xml' in response.text


def test_no_qr_code_on_the_waiting_list(client, course):
    signup = SignupFactory(
        course=course, status=SignupStatus.WAITLISTED, confirmed_at=None, queue_number=1
    )
    client.force_login(signup.user)

    assert "checkin-qr" not in client.get(f"/kurser/{course.slug}/").text


@pytest.mark.django_db
def test_a_signups_qr_code_is_encoded_once_per_process(monkeypatch):
    """Encoding is pure and costly (most of Mine kurser's time): the same link, the same SVG."""
    from courses.templatetags import checkin_tags

    signup = SignupFactory(course=CourseFactory(meetings=1))
    encoded = []
    real_make = checkin_tags.segno.make
    monkeypatch.setattr(
        checkin_tags.segno, "make", lambda url, **kw: encoded.append(url) or real_make(url, **kw)
    )
    checkin_tags._qr_data_uri.cache_clear()

    first = checkin_tags.checkin_qr(signup, signup.course)
    second = checkin_tags.checkin_qr(signup, signup.course)

    assert first == second
    assert first.startswith("data:image/svg+xml")
    assert encoded == [checkin_url(signup)]
