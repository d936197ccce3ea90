import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from schools.models import (
    ContributionStatus,
    OfferStatus,
    Placement,
    PlacementState,
    ThemeWeek,
    ThemeWeekContribution,
)
from tests.associations.factories import AssociationFactory, DeclarationFactory
from tests.factories import UserFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db

# Pupil names no factory can produce: Faker's Danish first names include Astrid and Bertil, so
# a plain "Bertil" could turn up as some user's name on the page.
PUPIL_A = "Astrid Elev-A"
PUPIL_B = "Bertil Elev-B"


@pytest.fixture
def matrix(db):
    """Two schools, two associations, a placement each: who sees what."""
    offer_a = OfferFactory(title="Praktik hos A")
    offer_b = OfferFactory(title="Praktik hos B")
    school_a = SchoolFactory(name="Skole A")
    school_b = SchoolFactory(name="Skole B")
    placement_a = PlacementFactory(offer=offer_a, school=school_a, pupils=[(PUPIL_A, "8.A")])
    placement_b = PlacementFactory(offer=offer_b, school=school_b, pupils=[(PUPIL_B, "9.B")])
    return {
        "offer_a": offer_a,
        "offer_b": offer_b,
        "placement_a": placement_a,
        "placement_b": placement_b,
        "coordinator_a": school_coordinator(school_a),
        "coordinator_b": school_coordinator(school_b),
        "admin_a": association_admin(offer_a.association),
        "admin_b": association_admin(offer_b.association),
        "staff": UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]),
        "stranger": UserFactory(),
    }


@pytest.mark.parametrize(
    ("who", "placement", "status"),
    [
        ("coordinator_a", "placement_a", 200),
        ("coordinator_a", "placement_b", 404),
        ("coordinator_b", "placement_a", 404),
        ("admin_a", "placement_a", 200),
        ("admin_a", "placement_b", 404),
        ("admin_b", "placement_a", 404),
        ("staff", "placement_a", 200),
        ("stranger", "placement_a", 404),
    ],
)
def test_placement_page_access(client, matrix, who, placement, status):
    client.force_login(matrix[who])

    response = client.get(matrix[placement].get_absolute_url())

    assert response.status_code == status


def test_anonymous_is_sent_to_login_for_a_placement(client, matrix):
    response = client.get(matrix["placement_a"].get_absolute_url())

    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_school_a_never_sees_school_b_pupils(client, matrix):
    client.force_login(matrix["coordinator_a"])

    pages = [
        client.get(reverse("my_schools:index")),
        client.get(matrix["offer_b"].get_absolute_url()),
        client.get(matrix["offer_a"].get_absolute_url()),
    ]

    for response in pages:
        assert response.status_code == 200
        assert PUPIL_B not in response.content.decode()
    assert PUPIL_A in pages[0].content.decode()


def test_association_sees_only_placements_on_its_own_offers(client, matrix):
    client.force_login(matrix["admin_a"])

    mine = client.get(reverse("my_schools:index")).content.decode()
    other_offer = client.get(matrix["offer_b"].get_absolute_url()).content.decode()
    overview = client.get(reverse("schools:association", args=[matrix["offer_a"].association.slug]))

    assert PUPIL_A in mine
    assert PUPIL_B not in mine
    assert PUPIL_B not in other_offer
    assert overview.status_code == 200
    assert PUPIL_B not in overview.content.decode()
    assert (
        client.get(
            reverse("schools:association", args=[matrix["offer_b"].association.slug])
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("status", "anonymous", "admin"),
    [
        (OfferStatus.PUBLISHED, 200, 200),
        (OfferStatus.FILLED, 200, 200),
        (OfferStatus.DRAFT, 404, 200),
        (OfferStatus.CLOSED, 404, 200),
    ],
)
def test_anonymous_sees_only_published_offers(client, status, anonymous, admin):
    offer = OfferFactory(status=status, title="Hjælper til fodbold")

    assert client.get(offer.get_absolute_url()).status_code == anonymous
    listed = "Hjælper til fodbold" in client.get(reverse("schools:offers")).content.decode()
    assert listed == (anonymous == 200)
    client.force_login(association_admin(offer.association))
    assert client.get(offer.get_absolute_url()).status_code == admin


def test_offers_of_hidden_associations_are_not_public(client):
    offer = OfferFactory(association=AssociationFactory(is_public=False))

    assert client.get(offer.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url_name", ["schools:edit_offer", "schools:offer_status", "schools:request_places"]
)
def test_tools_are_404_for_people_without_a_role(client, matrix, url_name):
    client.force_login(matrix["stranger"])

    response = client.post(reverse(url_name, args=[matrix["offer_a"].pk]), {"status": "closed"})

    assert response.status_code == 404


def test_placement_action_by_the_other_school_is_404_and_changes_nothing(client, matrix):
    client.force_login(matrix["coordinator_b"])

    response = client.post(
        reverse("schools:placement_action", args=[matrix["placement_a"].pk, "cancel"]), {}
    )

    assert response.status_code == 404
    assert Placement.objects.get(pk=matrix["placement_a"].pk).state == PlacementState.REQUESTED


# --- The flow through the views -----------------------------------------------------------


def test_request_accept_agree_and_confirm_through_the_pages(
    client, django_capture_on_commit_callbacks
):
    offer = OfferFactory(places=3, hours_total=10)
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    admin = association_admin(offer.association)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("schools:request_places", args=[offer.pk]),
            {
                "school": school.pk,
                "message": "Tirsdage passer bedst.",
                "pupils-TOTAL_FORMS": "4",
                "pupils-INITIAL_FORMS": "0",
                "pupils-0-first_name": "Freja",
                "pupils-0-class_name": "8.C",
                "pupils-1-first_name": "Malik",
                "pupils-1-class_name": "8.C",
            },
        )
    placement = Placement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == placement.get_absolute_url()
    assert [p.first_name for p in placement.pupils.all()] == ["Freja", "Malik"]
    assert mail.outbox[-1].to == [offer.contact_email]

    client.force_login(admin)
    action = reverse("schools:placement_action", args=[placement.pk, "accept"])
    assert client.post(action, {"note": "Velkommen!"}).status_code == 302
    action = reverse("schools:placement_action", args=[placement.pk, "agree"])
    assert (
        client.post(action, {"starts_on": "2026-03-02", "ends_on": "2026-03-06"}).status_code == 302
    )
    action = reverse("schools:placement_action", args=[placement.pk, "hours"])
    assert client.post(action, {"hours": "10"}).status_code == 302

    placement.refresh_from_db()
    assert placement.state == PlacementState.COMPLETED
    assert placement.starts_on == datetime.date(2026, 3, 2)
    assert placement.hours_confirmed == 10


def test_request_form_errors_are_400_in_danish(client):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))

    response = client.post(
        reverse("schools:request_places", args=[offer.pk]),
        {
            "school": school.pk,
            "pupils-TOTAL_FORMS": "2",
            "pupils-INITIAL_FORMS": "0",
            "pupils-0-first_name": "Freja",
            "pupils-0-class_name": "8.C",
            "pupils-1-first_name": "Malik",
        },
    )

    assert response.status_code == 400
    assert "Skriv elevens klasse." in response.content.decode()


def test_too_many_pupils_is_a_form_error_not_a_500(client):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))

    response = client.post(
        reverse("schools:request_places", args=[offer.pk]),
        {
            "school": school.pk,
            "pupils-TOTAL_FORMS": "2",
            "pupils-INITIAL_FORMS": "0",
            "pupils-0-first_name": "Freja",
            "pupils-0-class_name": "8.C",
            "pupils-1-first_name": "Malik",
            "pupils-1-class_name": "8.C",
        },
    )

    assert response.status_code == 400
    assert not Placement.objects.exists()


def test_publish_under_15_offer_without_declaration_shows_the_reason(client):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=True)
    client.force_login(association_admin(offer.association))

    response = client.post(
        reverse("schools:offer_status", args=[offer.pk]), {"status": "published"}, follow=True
    )

    assert "børneattester" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    DeclarationFactory(association=offer.association)
    client.post(reverse("schools:offer_status", args=[offer.pk]), {"status": "published"})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED


def test_association_admin_creates_an_offer_as_draft(client):
    association = AssociationFactory()
    client.force_login(association_admin(association))

    response = client.post(
        reverse("schools:create_offer", args=[association.slug]),
        {
            "title": "Hjælper ved loppemarked",
            "tasks": "Sætte borde op og sælge.",
            "hours_total": "6",
            "weeks": "Uge 37",
            "places": "4",
            "contact_name": "Hanne",
            "contact_email": "hanne@example.org",
        },
    )

    offer = association.internship_offers.get()
    assert response.status_code == 302
    assert offer.status == OfferStatus.DRAFT


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Fodbold", "Spejder", "Café"}),
        ("?area=Gørlev", {"Spejder"}),
        ("?grade=7", {"Fodbold", "Café"}),
        ("?age=13", {"Fodbold", "Spejder"}),
        ("?hours=10", {"Café"}),
        ("?children=yes", {"Spejder"}),
        ("?children=no", {"Fodbold", "Café"}),
    ],
)
def test_offer_filters(client, query, expected):
    OfferFactory(title="Fodbold", grade_from=7, grade_to=9, hours_total=20)
    OfferFactory(
        title="Spejder",
        association=AssociationFactory(town="Gørlev"),
        grade_from=3,
        grade_to=6,
        involves_children_under_15=True,
    )
    OfferFactory(title="Café", minimum_age=15, hours_total=8)

    response = client.get(reverse("schools:offers") + query)

    assert response.status_code == 200
    shown = {
        title for title in ("Fodbold", "Spejder", "Café") if title in response.content.decode()
    }
    assert shown == expected


def test_unknown_filter_value_is_400(client):
    OfferFactory()

    response = client.get(reverse("schools:offers") + "?area=Atlantis")

    assert response.status_code == 400


# --- Query counts ---------------------------------------------------------------------------


def _offers(count):
    for _ in range(count):
        offer = OfferFactory(association=AssociationFactory())
        PlacementFactory(offer=offer, state=PlacementState.ACCEPTED)


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_offer_list_query_count_is_constant(client, django_assert_num_queries, count):
    _offers(count)

    with django_assert_num_queries(10):
        response = client.get(reverse("schools:offers"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_mine_query_count_is_constant(client, django_assert_num_queries, count):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    for _ in range(count):
        offer = OfferFactory()
        PlacementFactory(offer=offer, school=school, pupils=[("Ida", "8.A"), ("Bo", "8.B")])
        ThemeWeekFactory(school=school)
        association_admin(offer.association)
        offer.association.roles.create(user=coordinator, role="contact", is_admin=True)
    client.force_login(coordinator)

    # 20 before paging; +2 page counts, +1 count of requests waiting for an answer.
    with django_assert_num_queries(22):
        response = client.get(reverse("my_schools:index"))

    assert response.status_code == 200


def test_mine_pages_a_long_placement_history_and_counts_every_waiting_request(client):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    offer = OfferFactory()
    offer.association.roles.create(user=coordinator, role="contact", is_admin=True)
    for number in range(23):
        PlacementFactory(offer=offer, school=school, pupils=[(f"Elev{number:02d}-X", "8.A")])
    client.force_login(coordinator)

    first = client.get(reverse("my_schools:index")).content.decode()
    second = client.get(reverse("my_schools:index"), {"skoleside": 2}).content.decode()

    # The newest first, 20 a page; both lists (school and association) are paged on their own.
    assert "Elev22-X" in first
    assert "Elev02-X" not in first.split('id="association-heading"')[0]
    assert "Elev02-X" in second.split('id="association-heading"')[0]
    assert "Elev22-X" not in second.split('id="association-heading"')[0]
    assert "?skoleside=2#school-placements" in first
    assert "?foreningsside=2#association-placements" in first
    assert "23 anmodninger fra skoler venter på jeres svar." in first


# Not named "page": Playwright has a fixture by that name (see tests/conftest.py).
@pytest.mark.parametrize("number", ["0", "abc", "999", "-1"])
def test_mine_shrugs_off_a_bad_page_number(client, number):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    PlacementFactory(school=school, pupils=[(PUPIL_A, "8.A")])
    client.force_login(coordinator)

    response = client.get(reverse("my_schools:index"), {"skoleside": number})

    assert response.status_code == 200
    assert PUPIL_A in response.content.decode()


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_theme_week_pages_query_count_is_constant(client, django_assert_num_queries, count):
    theme_week = ThemeWeekFactory()
    for _ in range(count):
        ContributionFactory(theme_week=theme_week, status=ContributionStatus.ACCEPTED)
        ThemeWeekFactory()
    client.force_login(school_coordinator(theme_week.school))

    with django_assert_num_queries(16):
        assert client.get(theme_week.get_absolute_url()).status_code == 200
    with django_assert_num_queries(7):
        assert client.get(reverse("schools:theme_weeks")).status_code == 200


# --- Theme weeks ----------------------------------------------------------------------------


def test_theme_week_flow_and_feed(client, django_capture_on_commit_callbacks):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    association = AssociationFactory(name="Høng Spejderne")
    admin = association_admin(association)
    client.force_login(coordinator)
    response = client.post(
        reverse("schools:post_theme_week"),
        {
            "school": school.pk,
            "theme": "Frivillighed i lokalsamfundet",
            "description": "Eleverne undersøger foreningslivet.",
            "starts_on": "2026-10-05",
            "ends_on": "2026-10-09",
            "grade_level": "8. klasse",
            "wants_workshop": "on",
        },
    )
    theme_week = ThemeWeek.objects.get()
    assert response.status_code == 302

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("schools:offer_contribution", args=[theme_week.pk]),
            {
                "association": association.pk,
                "kind": "workshop",
                "title": "Byg et bål",
                "description": "Vi viser, hvordan man tænder bål sikkert.",
                "day": "2026-10-06",
                "starts": "09:00",
                "ends": "11:30",
                "capacity": "25",
            },
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [coordinator.email]
    contribution = theme_week.contributions.get()

    client.force_login(coordinator)
    client.post(reverse("schools:contribution_action", args=[contribution.pk, "accept"]))
    client.logout()

    page = client.get(theme_week.get_absolute_url())
    assert "Byg et bål" in page.content.decode()
    feed = client.get(reverse("schools:theme_week_feed", args=[theme_week.pk]))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "SUMMARY:Byg et bål (Høng Spejderne)" in body
    assert "DTSTART;TZID=Europe/Copenhagen:20261006T090000" in body
    again = client.get(
        reverse("schools:theme_week_feed", args=[theme_week.pk]),
        headers={"if-none-match": feed["ETag"]},
    )
    assert again.status_code == 304


def test_theme_week_feed_answers_conditional_requests_like_every_feed(client):
    theme_week = ThemeWeekFactory()
    contribution = ContributionFactory(theme_week=theme_week, status=ContributionStatus.ACCEPTED)
    url = reverse("schools:theme_week_feed", args=[theme_week.pk])

    feed = client.get(url)
    by_etag = client.get(url, headers={"if-none-match": feed["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": feed["Last-Modified"]})

    assert feed.status_code == 200
    assert feed["Cache-Control"] == "public, max-age=900"
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    # A calendar program or a proxy keeps the 304's caching rules too.
    assert by_etag["Cache-Control"] == by_date["Cache-Control"] == "public, max-age=900"
    assert by_etag["ETag"] == feed["ETag"]
    # A contribution leaving the programme changes the feed and its date.
    ThemeWeekContribution.objects.filter(pk=contribution.pk).update(  # a minute later
        status=ContributionStatus.WITHDRAWN,
        updated_at=contribution.updated_at + datetime.timedelta(minutes=1),
    )
    changed = client.get(url, headers={"if-modified-since": feed["Last-Modified"]})
    assert changed.status_code == 200
    assert changed["Last-Modified"] != feed["Last-Modified"]
    assert "BEGIN:VEVENT" not in changed.content.decode()


def test_theme_week_offers_are_hidden_from_the_public_and_other_associations(client):
    contribution = ContributionFactory(title="Hemmeligt tilbud")

    assert (
        "Hemmeligt tilbud"
        not in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )
    client.force_login(association_admin())
    assert (
        "Hemmeligt tilbud"
        not in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )
    client.force_login(association_admin(contribution.association))
    assert (
        "Hemmeligt tilbud"
        in client.get(contribution.theme_week.get_absolute_url()).content.decode()
    )


def test_contribution_action_by_a_stranger_is_404(client):
    contribution = ContributionFactory()
    client.force_login(UserFactory())

    response = client.post(reverse("schools:contribution_action", args=[contribution.pk, "accept"]))

    assert response.status_code == 404


# --- Evaluation, dashboard, personal data -------------------------------------------------


def test_both_sides_evaluate_through_the_placement_page(client):
    placement = PlacementFactory(state=PlacementState.COMPLETED, hours_confirmed=10)
    coordinator = school_coordinator(placement.school)
    admin = association_admin(placement.offer.association)
    action = reverse("schools:placement_action", args=[placement.pk, "evaluate"])

    client.force_login(coordinator)
    assert "Evaluér praktikken" in client.get(placement.get_absolute_url()).content.decode()
    bad = client.post(action, {"rating": "9"})
    assert bad.status_code == 400
    assert client.post(action, {"rating": "4", "went_well": "Godt."}).status_code == 302
    assert "Evaluér praktikken" not in client.get(placement.get_absolute_url()).content.decode()
    client.force_login(admin)
    assert client.post(action, {"rating": "3", "would_repeat": "on"}).status_code == 302

    placement.refresh_from_db()
    assert placement.state == PlacementState.EVALUATED
    assert placement.evaluations.count() == 2


def test_dashboard_panel_shows_waiting_requests_to_the_association(client):
    placement = PlacementFactory()
    client.force_login(association_admin(placement.offer.association))

    response = client.get(reverse("accounts:dashboard"))

    assert "1 anmodning fra en skole venter på jeres svar." in response.content.decode()


def test_dashboard_panel_is_hidden_for_people_without_a_role(client):
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:dashboard"))

    assert "Skoler og praktik</h2>" not in response.content.decode()


def test_personal_data_export_and_erase(client):
    placement = PlacementFactory(message="Tirsdage passer bedst.")
    coordinator = school_coordinator(placement.school)
    placement.requested_by = coordinator
    placement.save()
    client.force_login(coordinator)

    data = client.get(reverse("accounts:export_data")).json()

    assert data["schools"]["school_coordinator_for"] == [placement.school.name]
    assert data["schools"]["placements_requested"][0]["message"] == "Tirsdage passer bedst."
    from accounts.services import delete_account

    delete_account(coordinator)
    placement.refresh_from_db()
    assert placement.requested_by is None
    assert placement.pupils.count() == 1  # the school's placement stays


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_placement_page_query_count_is_constant(client, django_assert_num_queries, count):
    placement = PlacementFactory(pupil_count=count, pupils=[("Ida", "8.A")] * count)
    client.force_login(school_coordinator(placement.school))

    with django_assert_num_queries(16):
        response = client.get(placement.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_association_overview_query_count_is_constant(client, django_assert_num_queries, count):
    association = AssociationFactory()
    for _ in range(count):
        offer = OfferFactory(association=association)
        PlacementFactory(offer=offer, pupils=[("Ida", "8.A")])
    client.force_login(association_admin(association))

    with django_assert_num_queries(14):
        response = client.get(reverse("schools:association", args=[association.slug]))

    assert response.status_code == 200


def test_schools_front_page_query_count_is_constant(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("schools:index")).status_code == 200
        return len(queries)

    OfferFactory(status=OfferStatus.PUBLISHED)
    ThemeWeekFactory()
    count()  # warm per-process caches
    few = count()
    for _ in range(4):
        OfferFactory(status=OfferStatus.PUBLISHED)
        ThemeWeekFactory()

    # <=, not ==: the site and footer lookups are cached per process and may drop out.
    assert count() <= few
