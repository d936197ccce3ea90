"""After the last admin or coordinator deletes their account: what the volunteer consultants
read (in Danish), where they find the association or network in the Wagtail admin, how they
appoint a new admin or coordinator there — and that the handover lasts only as long as their
consultant role does (nothing was copied onto the association or network)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from accounts import services
from accounts.roles import Role
from associations.models import AssociationRole, RoleKind
from networks import queries as network_queries
from networks.models import JoinPolicy
from tests.associations.factories import AssociationFactory, RoleFactory
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory, NetworkFactory
from tests.schools.factories import association_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant():
    return UserFactory(
        roles=[Role.VOLUNTEER_CONSULTANT], preferred_language="da", full_name="Karin Konsulent"
    )


def delete(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(user)


def test_the_danish_email_says_what_happened_to_the_association_and_where_to_act(
    consultant, django_capture_on_commit_callbacks
):
    admin = association_admin(AssociationFactory(name="Gørlev Spejderne"))
    association = AssociationRole.objects.get(user=admin).association

    delete(admin, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == [consultant.email]
    assert message.subject == "Gørlev Spejderne har ikke længere en administrator"
    assert message.body.splitlines()[:7] == [
        "Hej Karin",
        "",
        "Den sidste administrator i Gørlev Spejderne har slettet sin konto på Frivilligløft, "
        "så ingen kan længere opdatere foreningens side, svare på anmodninger om praktik "
        "eller afgive foreningens erklæring om børneattester.",
        "",
        "Tag gerne kontakt til foreningen, og udpeg en ny administrator blandt foreningens "
        "personer i administrationen:",
        f"http://testserver/admin/foreninger/personer/?association={association.pk}",
        "",
    ]
    assert message.body.rstrip().endswith(
        "Du får denne e-mail, fordi du er frivilligkonsulent på Frivilligløft."
    )


def test_the_danish_email_says_what_happened_to_the_network_and_where_to_act(
    consultant, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory(network__name="Kassererne i Kalundborg")
    network = coordinator.network

    delete(coordinator.user, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.subject == "Kassererne i Kalundborg har ikke længere en koordinator"
    assert (
        "Den sidste koordinator for Kassererne i Kalundborg har slettet sin konto på "
        "Frivilligløft. Indtil netværket har en koordinator igen, kan ingen godkende eller "
        "invitere medlemmer eller sende beskeder til dem."
    ) in message.body
    assert f"http://testserver/admin/netvaerk/edit/{network.pk}/" in message.body


def test_an_admin_whose_account_is_closed_does_not_count_as_the_one_left(
    consultant, django_capture_on_commit_callbacks
):
    admin = association_admin()
    association = AssociationRole.objects.get(user=admin).association
    closed = association_admin(association)
    closed.is_active = False
    closed.save()

    delete(admin, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[consultant.email]]


def test_consultants_find_the_association_in_the_admin_and_appoint_a_new_admin(
    client, consultant, django_capture_on_commit_callbacks
):
    admin = association_admin(AssociationFactory(name="Gørlev Spejderne"))
    association = AssociationRole.objects.get(user=admin).association
    AssociationFactory(name="Foreningen Med Admin").roles.create(
        user=UserFactory(), role=RoleKind.CHAIR, is_admin=True
    )
    treasurer = RoleFactory(association=association, role=RoleKind.BOARD_MEMBER).user
    delete(admin, django_capture_on_commit_callbacks)
    client.force_login(consultant)

    without = client.get("/admin/foreninger/", {"has_admin": "false"}).content.decode()
    add = client.post(
        "/admin/foreninger/personer/new/",
        {
            "association": association.pk,
            "email": UserFactory(email="ny.formand@example.org").email,
            "role": RoleKind.CHAIR,
            "is_admin": "on",
        },
    )
    role = AssociationRole.objects.get(
        association=association, user__email="ny.formand@example.org"
    )
    client.force_login(role.user)
    people = client.get(f"/mine-sider/foreninger/{association.slug}/personer/")
    client.force_login(consultant)
    after = client.get("/admin/foreninger/", {"has_admin": "false"}).content.decode()

    assert "Gørlev Spejderne" in without
    assert "Foreningen Med Admin" not in without
    assert add.status_code == 302
    assert role.is_admin
    assert people.status_code == 200
    assert treasurer.get_full_name() in people.content.decode()
    assert "Gørlev Spejderne" not in after


def test_consultants_find_the_network_in_the_admin_and_appoint_a_new_coordinator(
    client, consultant, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory(
        network__name="Kassererne i Kalundborg", network__join_policy=JoinPolicy.APPROVAL
    )
    network = coordinator.network
    member = MembershipFactory(network=network).user
    CoordinatorFactory(network__name="Netværk Med Koordinator")
    delete(coordinator.user, django_capture_on_commit_callbacks)
    client.force_login(consultant)

    without = client.get("/admin/netvaerk/", {"has_coordinator": "false"}).content.decode()
    edit = client.post(
        f"/admin/netvaerk/edit/{network.pk}/",
        {
            "name": network.name,
            "slug": network.slug,
            "summary": network.summary,
            "description": network.description,
            "audience": network.audience,
            "join_policy": network.join_policy,
            "is_listed": "on",
            "coordinators": [member.pk],
            "contact_email": network.contact_email,
        },
    )
    client.force_login(member)
    tools = client.get(f"/netvaerk/{network.slug}/koordinator/medlemmer/")
    client.force_login(consultant)
    after = client.get("/admin/netvaerk/", {"has_coordinator": "false"}).content.decode()

    assert "Kassererne i Kalundborg" in without
    assert "Netværk Med Koordinator" not in without
    assert edit.status_code == 302, edit.text[:2000]
    assert list(network_queries.coordinators_of(network)) == [member]
    assert tools.status_code == 200
    assert "Kassererne i Kalundborg" not in after


@pytest.mark.indexes
def test_the_handover_ends_with_the_consultant_role(
    client, consultant, django_capture_on_commit_callbacks
):
    """Nothing was copied onto the association or network: a consultant who leaves the role
    loses the association's people and the network at once, like everyone else."""
    admin = association_admin()
    association = AssociationRole.objects.get(user=admin).association
    network = NetworkFactory()
    CoordinatorFactory(network=network, user=admin)
    delete(admin, django_capture_on_commit_callbacks)
    urls = [
        f"/admin/foreninger/personer/?association={association.pk}",
        f"/admin/netvaerk/edit/{network.pk}/",
    ]
    client.force_login(consultant)
    assert [client.get(url).status_code for url in urls] == [200, 200]

    consultant.groups.remove(Group.objects.get(name=Role.VOLUNTEER_CONSULTANT))

    assert [client.get(url).status_code for url in urls] == [302, 302]
    assert not AssociationRole.objects.filter(user=consultant).exists()
    assert not network.memberships.filter(user=consultant).exists()
