"""Course wishes: propose, support with one click, demand per topic, plan a course and tell the
supporters when it opens for signup."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.roles import Role
from core.models import OutgoingEmail
from courses import queries, services
from courses.models import CourseStatus, CourseWish, WishStatus, WishSupport
from tests.associations.factories import AssociationFactory, NeedFactory
from tests.courses.factories import CourseFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def propose(user=None, topic=None, title="Sociale medier for begyndere", **kwargs):
    return services.propose_wish(
        user or UserFactory(),
        topic=topic or TopicFactory(name="Kommunikation"),
        title=title,
        expected_participants=kwargs.pop("expected_participants", 6),
        **kwargs,
    )


def support(wish, count):
    for _ in range(count):
        services.support_wish(wish, UserFactory())


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.COURSE_ADMINISTRATOR])


# --- Proposing and supporting ------------------------------------------------------------------


def test_proposing_a_wish_counts_the_proposer_as_its_first_supporter():
    mette = UserFactory()

    wish = propose(mette, description=" Fra nul til første opslag. ", association="Høng IF")

    assert (wish.status, wish.description, wish.association) == (
        WishStatus.OPEN,
        "Fra nul til første opslag.",
        "Høng IF",
    )
    assert list(WishSupport.objects.values_list("wish", "user")) == [(wish.pk, mette.pk)]


def test_support_is_one_click_once_and_can_be_withdrawn():
    wish = propose()
    ole = UserFactory()

    services.support_wish(wish, ole)
    services.support_wish(wish, ole)
    assert wish.supports.count() == 2
    assert services.withdraw_support(wish, ole) is True
    assert services.withdraw_support(wish, ole) is False
    assert wish.supports.count() == 1


def test_proposing_the_same_wish_twice_gives_the_first_back():
    """A double click (or Back and send again) on "Send the wish": one wish on the list."""
    mette = UserFactory()
    topic = TopicFactory()

    first = propose(mette, topic=topic, title="Sociale medier for begyndere")
    second = propose(mette, topic=topic, title=" Sociale medier for begyndere ")

    assert second.pk == first.pk
    assert CourseWish.objects.count() == 1


def test_a_person_has_at_most_five_open_wishes():
    mette = UserFactory()
    topic = TopicFactory()
    for number in range(5):
        propose(mette, topic=topic, title=f"Ønske {number}")

    with pytest.raises(services.CourseError, match="allerede 5 åbne ønsker"):
        propose(mette, topic=topic, title="Ønske 6")


def test_the_public_list_shows_open_and_planned_wishes_most_supported_first(client):
    topic = TopicFactory(name="Økonomi")
    few = propose(topic=topic, title="Kontingent og MobilePay")
    many = propose(topic=topic, title="Regnskab for begyndere")
    support(many, 3)
    closed = propose(topic=topic, title="Kagebod")
    CourseWish.objects.filter(pk=closed.pk).update(status=WishStatus.CLOSED)

    response = client.get("/kurser/oensker/")

    assert response.status_code == 200
    text = response.text
    assert text.index("Regnskab for begyndere") < text.index("Kontingent og MobilePay")
    assert "Kagebod" not in text
    assert "4 støtter ønsket" in text
    assert "1 støtter ønsket" in text
    assert 'href="/konto/login/?next=/kurser/oensker/"' in text
    assert few.pk != many.pk


def test_the_list_filters_by_topic_and_refuses_an_unknown_one(client):
    propose(topic=TopicFactory(name="Økonomi", slug="oekonomi"), title="Regnskab")
    propose(topic=TopicFactory(name="Førstehjælp", slug="foerstehjaelp"), title="Hjertestarter")

    filtered = client.get("/kurser/oensker/?topic=oekonomi")
    unknown = client.get("/kurser/oensker/?topic=findes-ikke")

    assert "Regnskab" in filtered.text
    assert "Hjertestarter" not in filtered.text
    assert unknown.status_code == 404


@pytest.mark.parametrize("wishes", [1, 12], ids=["1", "12"])
def test_the_list_costs_the_same_queries_however_many_wishes(
    client, django_assert_num_queries, wishes
):
    topic = TopicFactory()
    for number in range(wishes):
        support(propose(topic=topic, title=f"Ønske {number}"), 2)
    client.force_login(UserFactory())

    # The page's own three (the count, the page of wishes with their support, the topics)
    # and the site layout's eleven (session, user, site, menu, footer, permissions).
    with django_assert_num_queries(13):
        response = client.get("/kurser/oensker/")

    assert response.status_code == 200


def test_support_and_withdraw_by_post(client):
    wish = propose()
    ole = UserFactory()
    client.force_login(ole)

    supported = client.post(f"/kurser/oensker/{wish.pk}/stoet/")
    page = client.get("/kurser/oensker/")
    withdrawn = client.post(f"/kurser/oensker/{wish.pk}/fortryd/")

    assert (supported.status_code, supported["Location"]) == (
        302,
        f"/kurser/oensker/#wish-{wish.pk}",
    )
    assert "Du støtter dette ønske." in page.text
    assert withdrawn.status_code == 302
    assert list(wish.supports.values_list("user", flat=True)) == [wish.proposed_by_id]


def test_supporting_without_login_asks_to_log_in(client):
    wish = propose()

    response = client.post(f"/kurser/oensker/{wish.pk}/stoet/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")
    assert wish.supports.count() == 1


def test_proposing_by_the_form(client):
    topic = TopicFactory(name="Rekruttering")
    client.force_login(UserFactory())

    empty = client.post("/kurser/oensker/nyt/", {})
    sent = client.post(
        "/kurser/oensker/nyt/",
        {
            "topic": topic.pk,
            "title": "Unge frivillige",
            "expected_participants": "4",
            "time_of_day": "weekend",
            "format": "any",
        },
    )

    assert empty.status_code == 400
    wish = CourseWish.objects.get()
    assert (sent.status_code, sent["Location"]) == (302, f"/kurser/oensker/#wish-{wish.pk}")
    assert (wish.title, wish.time_of_day, wish.topic) == ("Unge frivillige", "weekend", topic)


def test_the_form_needs_a_login(client):
    response = client.get("/kurser/oensker/nyt/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=%2Fkurser%2Foensker%2Fnyt%2F"


# --- Demand --------------------------------------------------------------------------------------


def test_demand_per_topic_counts_supporters_and_boards_needs_and_ranks_them():
    board = TopicFactory(name="Bestyrelse")
    money = TopicFactory(name="Økonomi")
    first_aid = TopicFactory(name="Førstehjælp")
    support(propose(topic=money, title="Regnskab", expected_participants=8), 2)  # 3 people
    support(propose(topic=board, title="Årshjul", expected_participants=5), 0)  # 1 person
    for _ in range(3):
        NeedFactory(topic=board, association=AssociationFactory())
    NeedFactory(topic=first_aid, association=AssociationFactory())
    CourseFactory(topics=[first_aid])  # a coming course answers that need

    demand = queries.demand_by_topic()

    assert [
        (row.topic.name, row.supporters, row.open_wishes, row.expected, row.other, row.unmet)
        for row in demand
    ] == [
        ("Bestyrelse", 1, 1, 5, {"board_needs": 3}, True),
        ("Økonomi", 3, 1, 8, {}, True),
        ("Førstehjælp", 0, 0, 0, {"board_needs": 1}, False),
    ]


def test_demand_report_for_course_administrators(client, staff):
    support(propose(topic=TopicFactory(name="Kommunikation"), title="Sociale medier"), 4)
    client.force_login(staff)

    response = client.get("/admin/reports/efterspoergsel/")
    refused = UserFactory(roles=[Role.EDITOR])
    client.force_login(refused)
    forbidden = client.get("/admin/reports/efterspoergsel/")

    assert response.status_code == 200
    assert "Kommunikation" in response.text
    assert "<td>5</td>" in response.text
    assert forbidden.status_code in (302, 403)


# --- Wish → course → the supporters are told --------------------------------------------------


def test_planning_a_wish_with_an_open_course_tells_every_supporter_once(
    staff, django_capture_on_commit_callbacks
):
    wish = propose(title="GDPR i foreningen")
    english = UserFactory(preferred_language="en")
    services.support_wish(wish, english)
    course = CourseFactory(title="Persondata og GDPR")

    with django_capture_on_commit_callbacks(execute=True):
        services.plan_wish(wish, course, by=staff, response="Nu er kurset her.")
        again = services.announce_planned_wishes()

    wish.refresh_from_db()
    assert (wish.status, wish.planned_course, wish.response) == (
        WishStatus.PLANNED,
        course,
        "Nu er kurset her.",
    )
    assert wish.announced_at is not None
    assert again == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([wish.proposed_by.email, english.email])
    danish = next(m for m in mail.outbox if m.to == [wish.proposed_by.email])
    assert danish.subject == "Det kursus, du ønskede, er åbent for tilmelding: Persondata og GDPR"
    assert f"http://testserver/kurser/{course.slug}/" in danish.body
    assert OutgoingEmail.objects.filter(about=f"courses.coursewish:{wish.pk}").count() == 2


def test_a_wish_planned_with_a_draft_is_announced_when_the_course_is_published(
    staff, django_capture_on_commit_callbacks
):
    wish = propose()
    course = CourseFactory(status=CourseStatus.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        services.plan_wish(wish, course, by=staff)
    assert mail.outbox == []

    course.status = CourseStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        services.save_course(
            course, by=staff, save=course.save, capacity=course.capacity, status="published"
        )

    assert [m.to for m in mail.outbox] == [[wish.proposed_by.email]]


def test_the_command_announces_when_signup_opens_later(staff, django_capture_on_commit_callbacks):
    wish = propose()
    course = CourseFactory(signup_opens_at=timezone.now() + timedelta(hours=2))
    services.plan_wish(wish, course, by=staff)
    assert services.announce_planned_wishes() == 0

    course.signup_opens_at = timezone.now() - timedelta(minutes=1)
    course.save(update_fields=["signup_opens_at"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("announce_course_wishes", stdout=(out := __import__("io").StringIO()))
        call_command("announce_course_wishes", stdout=out)

    assert out.getvalue() == "1 supporter(s) told.\n0 supporter(s) told.\n"
    assert len(mail.outbox) == 1


def test_only_course_administrators_plan_wishes():
    wish = propose()

    with pytest.raises(services.CourseError, match="Kun kursusadministratorer"):
        services.plan_wish(wish, CourseFactory(), by=UserFactory())


def test_an_announced_wish_takes_no_more_support(staff):
    wish = propose()
    services.plan_wish(wish, CourseFactory(), by=staff)
    wish.refresh_from_db()

    with pytest.raises(services.CourseError, match="tilmeld dig det i stedet"):
        services.support_wish(wish, UserFactory())


@pytest.mark.indexes
def test_staff_plan_a_wish_in_the_admin(client, staff, django_capture_on_commit_callbacks):
    wish = propose(title="Sociale medier")
    course = CourseFactory(title="Fortæl foreningens historie")
    client.force_login(staff)
    url = f"/admin/snippets/courses/coursewish/edit/{wish.pk}/"

    page = client.get(url)
    refused = client.post(url, {"status": "planned", "planned_course": "", "response": ""})
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url, {"status": "planned", "planned_course": course.pk, "response": ""})

    assert page.status_code == 200
    assert refused.status_code == 200  # the form again, with the error
    assert "Vælg det kursus, der er planlagt." in refused.text
    assert saved.status_code == 302
    wish.refresh_from_db()
    assert (wish.status, wish.planned_course) == (WishStatus.PLANNED, course)
    assert len(mail.outbox) == 1


# --- Personal data -----------------------------------------------------------------------------


def test_export_and_erase_cover_wishes_and_support():
    from courses import personal_data

    mette = UserFactory()
    alone = propose(mette, title="Kun mit ønske")
    shared = propose(mette, title="Vores ønske", topic=alone.topic)
    services.support_wish(shared, UserFactory())
    other = propose(title="Andres ønske", topic=alone.topic)
    services.support_wish(other, mette)

    exported = personal_data.export(mette)
    personal_data.erase(mette)

    assert [w["title"] for w in exported["course_wishes"]] == ["Kun mit ønske", "Vores ønske"]
    assert [s["wish"] for s in exported["course_wishes_supported"]] == [
        "Kun mit ønske",
        "Vores ønske",
        "Andres ønske",
    ]
    assert set(CourseWish.objects.values_list("title", flat=True)) == {
        "Vores ønske",
        "Andres ønske",
    }
