"""Course evaluations: who is invited and when, the anonymous answer, the threshold of three."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from accounts.roles import Role
from core.models import OutgoingEmail
from courses import queries, services
from courses.models import (
    Attendance,
    EvaluationAnswer,
    EvaluationInvitation,
    SignupStatus,
)
from courses.services.evaluations import hash_token
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def finished_course(days_ago: int = 2, meetings: int = 2, **kwargs):
    """A course whose last meeting was `days_ago` days ago (weekly meetings)."""
    first_day = timezone.localdate() - timedelta(days=days_ago + 7 * (meetings - 1))
    return CourseFactory(meetings=meetings, meetings__first_day=first_day, **kwargs)


def attend(signup, *, present=True, meetings=None):
    for meeting in meetings or signup.course.meetings.all():
        Attendance.objects.create(signup=signup, meeting=meeting, present=present)
    return signup


def participant(course, **kwargs):
    return attend(SignupFactory(course=course, **kwargs))


def invite_with_token(course, user, key="kendt-nøgle-til-evalueringen", **kwargs):
    return EvaluationInvitation.objects.create(
        course=course,
        user=user,
        token_hash=hash_token(key),
        sent_at=kwargs.pop("sent_at", timezone.now()),
        **kwargs,
    )


def answer(course, usefulness, recommend=True, keep="", change=""):
    return EvaluationAnswer.objects.create(
        course=course, usefulness=usefulness, would_recommend=recommend, keep=keep, change=change
    )


# --- Who is invited -------------------------------------------------------------------------


def test_send_course_evaluations_invites_each_attended_participant_once_by_email(
    django_capture_on_commit_callbacks,
):
    course = finished_course(title="Ny i bestyrelsen")
    mette = participant(course, user=UserFactory(full_name="Mette Hansen"))
    ole = participant(course, user=UserFactory(preferred_language="en"))

    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_course_evaluations()
        second = services.send_course_evaluations()

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mette.user.email, ole.user.email])
    danish = next(m for m in mail.outbox if m.to == [mette.user.email])
    assert danish.subject == "Hvordan var »Ny i bestyrelsen«? Et minut af din tid"
    token = re.search(r"http://testserver/kurser/evaluering/([\w-]+)/", danish.body).group(1)
    invitation = EvaluationInvitation.objects.get(user=mette.user)
    assert invitation.token_hash == hash_token(token)
    english = next(m for m in mail.outbox if m.to == [ole.user.email])
    assert "http://testserver/en/kurser/evaluering/" in english.body
    assert OutgoingEmail.objects.get(to=[mette.user.email]).about == (
        f"courses.evaluationinvitation:{invitation.pk}"
    )


@pytest.mark.parametrize(
    "arrange",
    [
        "absent",
        "cancelled_meeting_only",
        "waitlisted",
        "cancelled_signup",
        "not_ended",
        "ended_too_long_ago",
        "draft_course",
    ],
)
def test_send_course_evaluations_leaves_out_who_did_not_take_part(arrange):
    course = finished_course(days_ago=20 if arrange == "ended_too_long_ago" else 2)
    if arrange == "not_ended":
        course = CourseFactory(meetings=1)
    if arrange == "draft_course":
        course.status = "draft"
        course.save(update_fields=["status"])
    status = {
        "waitlisted": SignupStatus.WAITLISTED,
        "cancelled_signup": SignupStatus.CANCELLED,
    }.get(arrange, SignupStatus.CONFIRMED)
    signup = SignupFactory(course=course, status=status)
    meetings = list(course.meetings.all())
    if arrange == "cancelled_meeting_only":
        meetings[0].cancelled_at = timezone.now()
        meetings[0].save(update_fields=["cancelled_at"])
        attend(signup, meetings=meetings[:1])
    else:
        attend(signup, present=arrange != "absent")

    assert services.send_course_evaluations() == 0
    assert EvaluationInvitation.objects.count() == 0


def test_a_participant_marked_present_late_is_invited_on_the_next_run():
    course = finished_course()
    participant(course)
    late = SignupFactory(course=course)
    assert services.send_course_evaluations() == 1

    attend(late)

    assert services.send_course_evaluations() == 1
    assert EvaluationInvitation.objects.filter(course=course).count() == 2


def test_the_command_reports_what_it_did_and_is_idempotent(django_capture_on_commit_callbacks):
    participant(finished_course())
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_course_evaluations", stdout=out)
        call_command("send_course_evaluations", stdout=out)

    assert out.getvalue() == "1 invitation(s) sent.\n0 invitation(s) sent.\n"
    assert len(mail.outbox) == 1


def test_one_invitation_per_person_and_course_is_a_database_rule():
    course = finished_course()
    signup = participant(course)
    invite_with_token(course, signup.user, key="a")

    with pytest.raises(IntegrityError):
        invite_with_token(course, signup.user, key="b")


# --- Answering --------------------------------------------------------------------------------


def test_an_answer_keeps_no_link_to_the_person():
    course = finished_course()
    signup = participant(course)
    invitation = invite_with_token(course, signup.user)

    services.submit_evaluation(
        invitation, services.Answer(usefulness=4, would_recommend=True, keep=" Øvelserne ")
    )

    invitation.refresh_from_db()
    assert invitation.answered is True
    stored = EvaluationAnswer.objects.get()
    assert (stored.course_id, stored.usefulness, stored.would_recommend, stored.keep) == (
        course.pk,
        4,
        True,
        "Øvelserne",
    )
    assert {f.name for f in EvaluationAnswer._meta.concrete_fields} == {
        "id",
        "course",
        "usefulness",
        "would_recommend",
        "keep",
        "change",
    }


def test_an_invitation_is_answered_once_and_not_after_thirty_days():
    course = finished_course()
    invitation = invite_with_token(course, participant(course).user)
    services.submit_evaluation(invitation, services.Answer(usefulness=5, would_recommend=True))
    old = invite_with_token(
        course,
        participant(course).user,
        key="gammel",
        sent_at=timezone.now() - timedelta(days=31),
    )

    with pytest.raises(services.CourseError, match="allerede svaret"):
        services.submit_evaluation(invitation, services.Answer(usefulness=1, would_recommend=False))
    with pytest.raises(services.CourseError, match="lukket"):
        services.submit_evaluation(old, services.Answer(usefulness=1, would_recommend=False))
    assert EvaluationAnswer.objects.count() == 1


def test_the_form_from_the_email_link_works_without_logging_in(client):
    course = finished_course(title="Kassererkursus")
    invite_with_token(course, participant(course).user, key="min-nøgle")
    path = "/kurser/evaluering/min-n%C3%B8gle/"

    form = client.get(path)
    sent = client.post(
        path, {"usefulness": "5", "would_recommend": "yes", "keep": "", "change": "Mere kaffe"}
    )
    thanks = client.get(path)

    assert form.status_code == 200
    assert "Hvordan var kurset?" in form.text
    assert 'name="usefulness"' in form.text
    assert (sent.status_code, sent["Location"]) == (302, path)
    assert thanks.status_code == 200
    assert "Tak for dit svar" in thanks.text
    assert "Tak! Dit svar er gemt." in thanks.text
    assert list(
        EvaluationAnswer.objects.values_list("usefulness", "would_recommend", "change")
    ) == [(5, True, "Mere kaffe")]


def test_the_form_refuses_an_incomplete_answer_with_status_400(client):
    course = finished_course()
    invite_with_token(course, participant(course).user, key="nøgle")

    response = client.post("/kurser/evaluering/n%C3%B8gle/", {"usefulness": "9"})

    assert response.status_code == 400
    assert EvaluationAnswer.objects.count() == 0


def test_an_unknown_or_expired_link(client):
    course = finished_course()
    invite_with_token(
        course,
        participant(course).user,
        key="udloebet",
        sent_at=timezone.now() - timedelta(days=31),
    )

    unknown = client.get("/kurser/evaluering/findes-ikke/")
    assert unknown.status_code == 404
    assert "Evalueringslinket virker ikke" in unknown.text
    assert "Tjek, at du har kopieret hele linket fra e-mailen." in unknown.text
    assert "The evaluation link does not work" in client.get("/en/kurser/evaluering/x/").text
    expired = client.get("/kurser/evaluering/udloebet/")
    assert "Evalueringen er lukket" in expired.text
    late = client.post("/kurser/evaluering/udloebet/", {"usefulness": "3", "would_recommend": "no"})
    assert late.status_code == 409
    assert EvaluationAnswer.objects.count() == 0


def test_mine_kurser_links_to_the_evaluation_for_the_participant_only(client):
    course = finished_course(title="Ledelse af frivillige")
    signup = participant(course)
    invite_with_token(course, signup.user)
    other = UserFactory()

    client.force_login(signup.user)
    mine = client.get("/mine-sider/kurser/")
    form = client.get(f"/kurser/{course.slug}/evaluering/")
    client.force_login(other)
    refused = client.get(f"/kurser/{course.slug}/evaluering/")

    assert f'href="/kurser/{course.slug}/evaluering/"' in mine.text
    assert form.status_code == 200
    assert refused.status_code == 404


# --- Results and the threshold of three -------------------------------------------------------


def test_results_stay_hidden_below_three_answers():
    course = finished_course()
    answer(course, 5, keep="Underviseren")
    answer(course, 2, recommend=False, change="Kortere pauser")

    results = queries.course_evaluation_results(course)

    assert (results.summary.answers, results.summary.visible, results.summary.missing) == (
        2,
        False,
        1,
    )
    assert (results.keep, results.change) == ([], [])


def test_results_show_from_three_answers_with_text_in_alphabetical_order():
    course = finished_course()
    answer(course, 5, keep="Øvelserne i grupper")
    answer(course, 4, keep="Cases fra egne foreninger", change="Mere tid")
    answer(course, 2, recommend=False, change="Bedre lokale")

    results = queries.course_evaluation_results(course)

    summary = results.summary
    assert (summary.answers, summary.visible, round(summary.average, 2)) == (3, True, 3.67)
    assert (summary.recommend, summary.recommend_percent) == (2, 67)
    assert summary.distribution == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
    assert results.keep == ["Cases fra egne foreninger", "Øvelserne i grupper"]
    assert results.change == ["Bedre lokale", "Mere tid"]


def test_organiser_page_shows_results_only_from_three_answers(client):
    organiser = UserFactory()
    course = finished_course(organisers=[organiser])
    answer(course, 5, keep="Den gode stemning")
    answer(course, 3)
    client.force_login(organiser)

    before = client.get(f"/kurser/{course.slug}/arrangoer/evaluering/")
    answer(course, 4)
    after = client.get(f"/kurser/{course.slug}/arrangoer/evaluering/")

    assert "Der mangler ét svar endnu." in before.text
    assert "Den gode stemning" not in before.text
    assert "Den gode stemning" in after.text
    assert "<dd>4,0</dd>" in after.text


def test_organiser_results_are_404_for_everybody_else(client):
    course = finished_course()
    client.force_login(participant(course).user)

    assert client.get(f"/kurser/{course.slug}/arrangoer/evaluering/").status_code == 404


def test_results_per_topic_count_a_course_in_each_of_its_topics():
    board, money = TopicFactory(name="Bestyrelse"), TopicFactory(name="Økonomi")
    both = finished_course(topics=[board, money])
    only_board = finished_course(topics=[board])
    for value in (5, 4, 3):
        answer(both, value)
    answer(only_board, 1, recommend=False)

    rows = queries.evaluation_summaries_by_topic()

    assert [
        (topic.name, courses, summary.answers, summary.average, summary.recommend)
        for topic, summary, courses in rows
    ] == [("Bestyrelse", 2, 4, 3.25, 3), ("Økonomi", 1, 3, 4.0, 3)]


@pytest.mark.parametrize(("shown", "answers", "expected"), [(False, 3, None), (True, 2, None)])
def test_course_page_rating_needs_staffs_choice_and_three_answers(shown, answers, expected):
    course = finished_course(show_evaluation_average=shown)
    for _ in range(answers):
        answer(course, 4)

    assert queries.public_rating(course) is expected


def test_course_page_shows_the_rating_of_this_and_the_copied_run(client):
    earlier = finished_course()
    for value in (5, 4):
        answer(earlier, value)
    course = CourseFactory(duplicated_from=earlier, show_evaluation_average=True)
    answer(course, 4)

    response = client.get(f"/kurser/{course.slug}/")

    assert "4,3 af 5 for udbytte (3 svar)" in response.text


def test_admin_evaluation_report_for_course_administrators(client):
    staff = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    course = finished_course(title="Konflikthåndtering", topics=[TopicFactory(name="Konflikter")])
    for value in (5, 5, 2):
        answer(course, value)
    few = finished_course(title="Lille hold")
    answer(few, 1)
    client.force_login(staff)

    response = client.get("/admin/reports/evalueringer/")

    assert response.status_code == 200
    assert "Konflikthåndtering" in response.text
    assert "4,0" in response.text
    assert "Lille hold" in response.text
    assert "færre end 3 svar" in response.text
