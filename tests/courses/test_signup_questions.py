"""The organisers' own signup questions: asked on the signup form, checked, stored per signup,
shown to the organisers and in their exports, exported to the person and erased when the
signup or the course ends."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses import services
from courses.models import Course, QuestionKind, SignupAnswer, SignupQuestion, SignupStatus
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organiser):
    return CourseFactory(title="Førstehjælp", organisers=[organiser])


@pytest.fixture
def questions(course):
    club = SignupQuestion.objects.create(
        course=course, sort_order=0, text="Hvilken klub træner du?", required=True
    )
    lunch = SignupQuestion.objects.create(
        course=course, sort_order=1, text="Vegetarisk frokost?", kind=QuestionKind.YES_NO
    )
    level = SignupQuestion.objects.create(
        course=course,
        sort_order=2,
        text="Erfaring",
        kind=QuestionKind.CHOICE,
        options="Ingen\nLidt\nMeget\n",
        required=True,
    )
    return club, lunch, level


def answers(questions, club="Høng IF", lunch="yes", level="Lidt"):
    return {questions[0].pk: club, questions[1].pk: lunch, questions[2].pk: level}


# --- the model -----------------------------------------------------------------------------


def test_a_choice_needs_two_options(course):
    question = SignupQuestion(course=course, text="Farve", kind=QuestionKind.CHOICE, options="Rød")

    with pytest.raises(ValidationError) as error:
        question.full_clean()

    assert "options" in error.value.message_dict


# --- services ------------------------------------------------------------------------------


def test_sign_up_stores_the_answers(course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))

    stored = {a.question.text: a.display_value for a in signup.answers.select_related("question")}
    assert stored == {
        "Hvilken klub træner du?": "Høng IF",
        "Vegetarisk frokost?": "Ja",
        "Erfaring": "Lidt",
    }


def test_an_optional_question_may_be_left_out(course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions, lunch=""))

    assert signup.answers.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"club": ""}, "Besvar venligst spørgsmålet"),
        ({"level": "Alt"}, "er ikke et af valgene"),
        ({"lunch": "måske"}, "er ikke et af valgene"),
        ({"club": "x" * 501}, "er for langt"),
    ],
    ids=["required", "unknown option", "not yes or no", "too long"],
)
def test_sign_up_refuses_answers_that_do_not_fit(course, questions, change, message):
    with pytest.raises(services.CourseError, match=message):
        services.sign_up(course, UserFactory(), answers=answers(questions, **change))

    assert not course.signups.exists()


def test_answers_are_checked_after_whether_the_signup_may_happen_at_all(course, questions):
    """The answers are checked before the course's lock (issue 17), but their refusal still
    comes after the course's own: a repeated signup gets its signup back, a closed course says
    it is closed, whatever the answers."""
    person = UserFactory()
    signup = services.sign_up(course, person, answers=answers(questions))

    assert services.sign_up(course, person, answers={}) == signup
    assert SignupAnswer.objects.filter(signup=signup).count() == 3

    Course.objects.filter(pk=course.pk).update(signup_deadline=timezone.now() - timedelta(hours=1))
    course.refresh_from_db()
    with pytest.raises(services.CourseError, match="lukket"):
        services.sign_up(course, UserFactory(), answers={})
    assert course.signups.count() == 1


def test_an_answer_to_another_courses_question_is_refused(course, questions):
    stranger = SignupQuestion.objects.create(course=CourseFactory(), text="Andet")

    with pytest.raises(services.CourseError):
        services.sign_up(course, UserFactory(), answers={**answers(questions), stranger.pk: "svar"})


def test_cancelling_erases_the_answers(course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))

    services.cancel_signup(signup, by=signup.user)

    assert not SignupAnswer.objects.exists()


def test_answers_are_erased_once_the_course_has_ended(course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))
    other = services.sign_up(CourseFactory(), UserFactory())
    Course.objects.filter(pk=course.pk).update(ends_at=timezone.now() - timedelta(days=1))

    services.erase_needs_of_ended_courses()

    assert not SignupAnswer.objects.filter(signup=signup).exists()
    assert other.status == SignupStatus.CONFIRMED


def test_participant_changes_their_answers(course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))

    services.update_signup_details(
        signup,
        by=signup.user,
        association="",
        needs="",
        show_name_to_participants=False,
        answers=answers(questions, club="Roklubben", lunch=""),
    )

    assert dict(signup.answers.values_list("question__text", "value")) == {
        "Hvilken klub træner du?": "Roklubben",
        "Erfaring": "Lidt",
    }


# --- views ---------------------------------------------------------------------------------


def form_data(questions, **change):
    return {f"q-question_{pk}": value for pk, value in answers(questions, **change).items()}


def test_signup_form_shows_the_questions(client, course, questions):
    client.force_login(UserFactory())

    response = client.get(f"/kurser/{course.slug}/")

    assert "Spørgsmål fra arrangørerne" in response.text
    assert "Hvilken klub træner du?" in response.text
    assert 'value="Meget"' in response.text


def test_signup_with_answers(client, course, questions):
    user = UserFactory()
    client.force_login(user)

    response = client.post(f"/kurser/{course.slug}/tilmeld/", form_data(questions))

    assert response.status_code == 302
    assert SignupAnswer.objects.filter(signup__user=user).count() == 3


@pytest.mark.parametrize(
    ("change", "message"),
    [({"club": ""}, "Dette felt er påkrævet"), ({"level": "Alt"}, "Marker en gyldig valgmulighed")],
    ids=["required", "unknown option"],
)
def test_signup_with_a_bad_answer_is_a_400_in_words(client, course, questions, change, message):
    client.force_login(UserFactory())

    response = client.post(f"/kurser/{course.slug}/tilmeld/", form_data(questions, **change))

    assert response.status_code == 400
    assert message in response.text
    assert not course.signups.exists()


def test_edit_signup_shows_and_saves_the_answers(client, course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))
    client.force_login(signup.user)
    path = f"/kurser/{course.slug}/min-tilmelding/"

    page = client.get(path)
    response = client.post(path, form_data(questions, club="Roklubben"))

    assert 'value="Høng IF"' in page.text
    assert response.status_code == 302
    assert signup.answers.get(question=questions[0]).value == "Roklubben"


def test_organiser_sees_the_answers_and_exports_them(client, course, organiser, questions):
    services.sign_up(course, UserFactory(full_name="Lene Hansen"), answers=answers(questions))
    client.force_login(organiser)

    overview = client.get(f"/kurser/{course.slug}/arrangoer/")
    exported = client.get(f"/kurser/{course.slug}/arrangoer/deltagere.csv")

    assert "<dt>Hvilken klub træner du?</dt><dd>Høng IF</dd>" in overview.text
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-3:] == ["Hvilken klub træner du?", "Vegetarisk frokost?", "Erfaring"]
    assert rows[1][0] == "Lene Hansen"
    assert rows[1][-3:] == ["Høng IF", "Ja", "Lidt"]


def test_xlsx_export_has_the_answers(client, course, organiser, questions):
    from openpyxl import load_workbook

    services.sign_up(course, UserFactory(), answers=answers(questions))
    client.force_login(organiser)

    response = client.get(f"/kurser/{course.slug}/arrangoer/deltagere.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["Høng IF", "Ja", "Lidt"] in [row[-3:] for row in values]


def test_my_data_export_has_my_answers(client, course, questions):
    signup = services.sign_up(course, UserFactory(), answers=answers(questions))
    client.force_login(signup.user)

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    (exported,) = data["courses"]["signups"]
    assert exported["answers"] == [
        {"question": "Hvilken klub træner du?", "answer": "Høng IF"},
        {"question": "Vegetarisk frokost?", "answer": "Ja"},
        {"question": "Erfaring", "answer": "Lidt"},
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_overview_query_count_with_answers(
    client, course, organiser, questions, count, django_assert_num_queries
):
    for _ in range(count):
        services.sign_up(course, UserFactory(), answers=answers(questions))
    client.force_login(organiser)
    client.get("/")

    # 16: every signup of the course (with whether each has answers), then the answers of
    # the rows on the page; the organiser's permissions come with their roles.
    with django_assert_num_queries(16):
        response = client.get(f"/kurser/{course.slug}/arrangoer/")

    assert response.status_code == 200
