"""Course signup: the person picks one of their own associations (read through
accounts.registry, which the associations app fills; courses never imports associations) or
writes another. The signup keeps the name either way and the chosen association's id."""

import pytest

from associations.models import RoleKind
from courses.models import Signup
from tests.associations.factories import AssociationFactory, RoleFactory
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(client):
    role = RoleFactory(role=RoleKind.CHAIR, association__name="Høng Boldklub")
    RoleFactory(user=role.user, association=role.association, role=RoleKind.TREASURER)
    client.force_login(role.user)
    return role


def test_course_page_offers_the_persons_associations(client, chair):
    course = CourseFactory(slug="foreningsjura")

    response = client.get(f"/kurser/{course.slug}/")

    form = response.context["form"]
    assert [label for _value, label in form.fields["association_choice"].choices] == [
        "Høng Boldklub",
        "En anden forening",
        "Ingen forening",
    ]
    assert response.text.count("Høng Boldklub") == 1


def test_signup_with_own_association_keeps_link_and_name_in_the_export(client, chair):
    organiser = UserFactory()
    course = CourseFactory(slug="foreningsjura", organisers=[organiser])

    response = client.post(
        "/kurser/foreningsjura/tilmeld/", {"association_choice": str(chair.association.pk)}
    )

    assert response.status_code == 302
    signup = Signup.objects.get(course=course)
    assert (signup.association, signup.linked_association_id) == (
        "Høng Boldklub",
        chair.association.pk,
    )
    client.force_login(organiser)
    export = client.get("/kurser/foreningsjura/arrangoer/deltagere.csv")
    assert "Høng Boldklub" in export.content.decode("utf-8-sig")


def test_signup_with_another_association_by_name(client, chair):
    course = CourseFactory(slug="foreningsjura")

    client.post(
        "/kurser/foreningsjura/tilmeld/",
        {"association_choice": "other", "association": "Kalundborg Roklub"},
    )

    signup = Signup.objects.get(course=course)
    assert (signup.association, signup.linked_association_id) == ("Kalundborg Roklub", None)


def test_signup_refuses_someone_elses_association(client, chair):
    CourseFactory(slug="foreningsjura")
    stranger = AssociationFactory(name="Fremmed Forening")

    response = client.post(
        "/kurser/foreningsjura/tilmeld/", {"association_choice": str(stranger.pk)}
    )

    assert response.status_code == 400
    assert not Signup.objects.exists()


def test_edit_signup_shows_and_changes_the_choice(client, chair):
    course = CourseFactory(slug="foreningsjura")
    signup = SignupFactory(
        course=course,
        user=chair.user,
        association="Høng Boldklub",
        linked_association_id=chair.association.pk,
    )
    url = "/kurser/foreningsjura/min-tilmelding/"

    form = client.get(url).context["form"]
    assert form["association_choice"].value() == str(chair.association.pk)

    client.post(url, {"association_choice": ""})
    signup.refresh_from_db()
    assert (signup.association, signup.linked_association_id) == ("", None)
