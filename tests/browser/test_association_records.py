"""Associations as records (issue 20, item 6): a volunteer chooses one of her own associations
when signing up for a course, and the organiser's list shows its name; an association's chair
invites a person without a profile by email, who logs in from the link and gets the role; the
people page shows every role of a person. At 390 px and 1280 px, in Danish and English; every
page passes axe (WCAG 2.1 A/AA)."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from associations.models import AssociationInvitation, AssociationRole, RoleKind
from courses.models import Signup, SignupStatus
from tests.associations.factories import AssociationFactory, RoleFactory
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = os.environ.get("FRIVILLIGLOEFT_SCREENSHOTS")  # a folder to keep screenshots in

TEXTS = {
    "": {
        "other": "En anden forening",
        "submit": "Tilmeld mig",
        "confirmed": "Du er tilmeldt",
        "email": "E-mailadresse",
        "role": "Rolle",
        "add": "Tilføj",
        "invited": "har ikke en profil på Frivilligløft endnu",
        "waiting": "Invitationer, der venter på svar",
        "log_in": "Log ind",
        "accept": "Tag imod invitationen",
        "welcome": "Du har nu rollen kasserer",
        "roles": "Kasserer, Frivilligleder",
    },
    "/en": {
        "other": "Another association",
        "submit": "Sign me up",
        "confirmed": "You are signed up",
        "email": "Email address",
        "role": "Role",
        "add": "Add",
        "invited": "has no profile on Frivilligløft yet",
        "waiting": "Invitations waiting for an answer",
        "log_in": "Log in",
        "accept": "Accept the invitation",
        "welcome": "You now have the role treasurer",
        "roles": "Treasurer, Volunteer leader",
    },
}
CASES = [("", PHONE), ("/en", DESKTOP), ("", DESKTOP), ("/en", PHONE)]
IDS = ["da-390", "en-1280", "da-1280", "en-390"]


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize(("prefix", "viewport"), CASES, ids=IDS)
def test_a_volunteer_signs_up_for_a_course_from_her_own_association(
    page, live_server, assert_accessible, prefix, viewport
):
    text = TEXTS[prefix]
    volunteer = UserFactory(full_name="Bente Kjær")
    RoleFactory(user=volunteer, role=RoleKind.CHAIR, association__name="Høng Idrætsforening")
    scouts = RoleFactory(
        user=volunteer, role=RoleKind.VOLUNTEER_LEADER, association__name="Svebølle Spejderne"
    ).association
    organiser = UserFactory(full_name="Lene Holm")
    course = CourseFactory(
        title="Ny i bestyrelsen", slug="ny-i-bestyrelsen", organisers=[organiser]
    )
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, volunteer, prefix)

    page.goto(f"{live_server.url}{prefix}/kurser/{course.slug}/")
    form = page.locator("form.signup-form")
    expect(form.get_by_role("radio", name="Høng Idrætsforening")).to_be_visible()
    expect(form.get_by_role("radio", name=text["other"])).to_be_visible()
    assert_accessible(page)
    form.get_by_role("radio", name="Svebølle Spejderne").check()
    shot(page, f"signup-choice{prefix.replace('/', '-')}-{viewport['width']}")
    form.get_by_role("button", name=text["submit"]).click()

    expect(page.get_by_text(text["confirmed"]).first).to_be_visible()
    signup = Signup.objects.get(course=course, user=volunteer)
    assert (signup.status, signup.association, signup.linked_association_id) == (
        SignupStatus.CONFIRMED,
        "Svebølle Spejderne",
        scouts.pk,
    )
    assert_accessible(page)

    # The organiser's participant list shows the association by name.
    page.context.clear_cookies()
    log_in(page, live_server.url, organiser, prefix)
    page.goto(f"{live_server.url}{prefix}/kurser/{course.slug}/arrangoer/")
    expect(page.get_by_role("cell", name="Svebølle Spejderne")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(("prefix", "viewport"), CASES, ids=IDS)
def test_a_chair_invites_a_person_without_a_profile_who_accepts_after_logging_in(
    page, live_server, assert_accessible, prefix, viewport
):
    text = TEXTS[prefix]
    association = AssociationFactory(name="Gørlev Boldklub", slug="goerlev-boldklub")
    chair = RoleFactory(
        association=association, role=RoleKind.CHAIR, is_admin=True, user__full_name="Ole Dam"
    ).user
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, chair, prefix)
    people = f"{live_server.url}{prefix}/mine-sider/foreninger/{association.slug}/personer/"

    page.goto(people)
    add = page.locator("form", has=page.get_by_role("button", name=text["add"], exact=True))
    add.get_by_label(text["email"]).fill("mette.kasserer@example.org")
    add.get_by_label(text["role"]).select_option(RoleKind.TREASURER)
    add.get_by_role("button", name=text["add"], exact=True).click()

    expect(page.get_by_text(text["invited"])).to_be_visible()
    waiting = page.locator("section", has_text=text["waiting"])
    expect(waiting.get_by_text("mette.kasserer@example.org", exact=True)).to_be_visible()
    assert_accessible(page)
    shot(page, f"people-invited{prefix.replace('/', '-')}-{viewport['width']}")
    invitation = AssociationInvitation.objects.get(association=association)
    message = next(m for m in mail.outbox if "mette.kasserer@example.org" in m.to)
    path = re.search(r"/(?:en/)?foreninger/invitation/[^/\s]+/", message.body).group(0)

    # Mette signs up (here: already has a profile with that address) and opens the link.
    mette = UserFactory(email="mette.kasserer@example.org", full_name="Mette Kasserer")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page)
    page.locator("main").get_by_role("link", name=text["log_in"], exact=True).click()
    page.locator("input[name=login]").fill(mette.email)
    page.locator("input[name=password]").fill("korrekt-hest-batteri-42")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(path) + "$"))
    shot(page, f"invitation{prefix.replace('/', '-')}-{viewport['width']}")
    page.get_by_role("button", name=text["accept"]).click()

    expect(page.get_by_text(text["welcome"])).to_be_visible()
    assert_accessible(page)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    role = AssociationRole.objects.get(association=association, user=mette)
    assert (role.role, role.is_admin) == (RoleKind.TREASURER, False)

    # The chair gives Mette a second role; the people page shows both on one line.
    AssociationRole.objects.create(
        association=association, user=mette, role=RoleKind.VOLUNTEER_LEADER
    )
    page.context.clear_cookies()
    log_in(page, live_server.url, chair, prefix)
    page.goto(people)
    person = page.locator(".people-list__item", has_text="Mette Kasserer")
    expect(person.get_by_text(text["roles"], exact=True)).to_be_visible()
    assert_accessible(page)
    shot(page, f"people-roles{prefix.replace('/', '-')}-{viewport['width']}")
