"""One of everything the API shows, and one of everything it must never show.

Every person in the world has a name and an email that must not appear in any answer
(PERSONAL), and every object that is not public has a title with "HIDDEN" in it.
"""

import dataclasses
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from cms.models import GuidePage
from courses.models import Course, CourseFormat, CourseStatus
from networks.models import MeetingStatus
from schools.models import ContributionStatus, OfferStatus, ThemeWeekStatus
from tests.associations.factories import (
    ActivityFactory,
    AdminRoleFactory,
    AssociationFactory,
    CategoryFactory,
    DeclarationFactory,
    FairFactory,
    StandFactory,
    VenueFactory,
)
from tests.cms.fixtures import *  # noqa: F403 - guide_index, make_guide, topic
from tests.cms.fixtures import guide_maker, make_guide_index, make_topic
from tests.conftest import make_home_page
from tests.courses.factories import (
    CourseFactory,
    ProviderFactory,
    SignupFactory,
    waitlist,
)
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory, NetworkFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolCoordinatorFactory,
    SchoolFactory,
    ThemeWeekFactory,
)

# Strings that belong to people: none may appear in any answer of the API.
PERSONAL = [
    "Dorte Deltager",
    "dorte.deltager@",
    "Ventende Villy",
    "Kirsten Koordinator",
    "kirsten.koordinator@",
    "Kontakt Karen",
    "karen.kontakt@",
    "Instruktør Ib",
    "Udbyderkontakt Ulla",
    "ulla@udbyder",
    "Pernille Praktikkontakt",
    "praktik.pernille@",
    "Skolekoordinator Søren",
    "Eleven Ida",
    "8.Z",
    "Formand Frede",
    "netvaerk.privat@",
    "Hemmelig Allé",
    "https://moede.example/hemmeligt",
    "forening.privat@",
    "+45 11 22 33 44",
]


@dataclass
class World:
    guide: object
    topic: object
    provider: object
    course: object
    online_course: object
    draft_course: object
    cancelled_recently: object
    cancelled_long_ago: object
    network: object
    unlisted_network: object
    association: object
    hidden_association: object
    offer: object
    draft_offer: object
    hidden_offer: object
    theme_week: object
    cancelled_theme_week: object
    fair: object
    unpublished_fair: object


def person(name: str, email: str):
    return UserFactory(full_name=name, email=email)


@pytest.fixture(scope="session")
def _world_once(build_once):
    return build_once(build_world)


@pytest.fixture
def world(_world_once, db):
    """The world, built once per session (worker) and put back for each test (build_once in
    tests/conftest.py); its objects are read again, as a test before may have changed them."""
    world, put_back = _world_once
    put_back()
    for field in dataclasses.fields(world):
        getattr(world, field.name).refresh_from_db()
    return world


def build_world() -> World:
    now = timezone.now()
    guide_index = make_guide_index(make_home_page())
    # The same topic as the guide fixtures' (get_or_create by slug).
    topic = make_topic()
    make_guide = guide_maker(guide_index, topic)
    provider = ProviderFactory(
        name="Frivilligcentret",
        website="https://frivilligcenter.example/",
        contact_name="Udbyderkontakt Ulla",
        contact_email="ulla@udbyder.example",
    )
    course = CourseFactory(
        title="Ny i bestyrelsen",
        slug="ny-i-bestyrelsen",
        topics=[topic],
        provider=provider,
        capacity=2,
        meetings=2,
        instructors="Instruktør Ib",
        contact_name="Kontakt Karen",
        contact_email="karen.kontakt@example.org",
        online_link="https://moede.example/hemmeligt",
        description='<p>Se <a href="/vejledninger/">vejledningerne</a>.</p>',
    )
    SignupFactory(
        course=course, user=person("Dorte Deltager", "dorte.deltager@example.org"), needs="Kaffe"
    )
    SignupFactory(course=course)
    waitlist(course, [person("Ventende Villy", "villy@example.org")])
    online_course = CourseFactory(
        title="Fondsansøgninger online",
        format=CourseFormat.ONLINE,
        capacity=None,
        online_link="https://moede.example/hemmeligt",
    )
    draft_course = CourseFactory(title="HIDDEN kladde", status=CourseStatus.DRAFT)
    cancelled_recently = CourseFactory(title="Aflyst for nylig", status=CourseStatus.CANCELLED)
    Course.objects.filter(pk=cancelled_recently.pk).update(cancelled_at=now - timedelta(days=3))
    cancelled_long_ago = CourseFactory(
        title="HIDDEN aflyst for længe siden", status=CourseStatus.CANCELLED
    )
    Course.objects.filter(pk=cancelled_long_ago.pk).update(cancelled_at=now - timedelta(days=60))

    network = NetworkFactory(
        name="Netværk for formænd", slug="formaend", contact_email="netvaerk.privat@example.org"
    )
    network.topics.set([topic])
    CoordinatorFactory(
        network=network, user=person("Kirsten Koordinator", "kirsten.koordinator@example.org")
    )
    MembershipFactory(network=network, show_name_to_members=True)
    NetworkMeetingFactory(
        network=network, title="Årshjul", online_link="https://moede.example/hemmeligt"
    )
    NetworkMeetingFactory(
        network=network, title="Aflyst møde", status=MeetingStatus.CANCELLED, cancelled_at=now
    )
    unlisted_network = NetworkFactory(name="HIDDEN unlisted", slug="skjult", is_listed=False)

    category = CategoryFactory(name="Idræt", name_en="Sports", slug="idraet")
    association = AssociationFactory(
        name="Høng Gymnastikforening",
        slug="hoeng-gf",
        categories=[category],
        email="forening.privat@example.org",
        phone="+45 11 22 33 44",
        website="https://hoeng-gf.example/",
    )
    AdminRoleFactory(association=association, user=person("Formand Frede", "frede@example.org"))
    venue = VenueFactory(association=association, name="Hønghallen")
    ActivityFactory(association=association, venue=venue, looking_for_volunteers=True)
    DeclarationFactory(association=association)
    hidden_association = AssociationFactory(name="HIDDEN forening", is_public=False)

    offer = OfferFactory(
        association=association,
        title="Hjælpetræner",
        contact_name="Pernille Praktikkontakt",
        contact_email="praktik.pernille@example.org",
    )
    school = SchoolFactory(name="Fjordskolen")
    SchoolCoordinatorFactory(
        school=school, user=person("Skolekoordinator Søren", "soeren@example.org")
    )
    PlacementFactory(offer=offer, school=school, pupils=[("Eleven Ida", "8.Z")])
    draft_offer = OfferFactory(
        association=association, title="HIDDEN kladde", status=OfferStatus.DRAFT
    )
    hidden_offer = OfferFactory(association=hidden_association, title="HIDDEN praktik")

    theme_week = ThemeWeekFactory(school=school, theme="Fællesskab")
    ContributionFactory(
        theme_week=theme_week, association=association, status=ContributionStatus.ACCEPTED
    )
    ContributionFactory(
        theme_week=theme_week,
        association=association,
        title="HIDDEN tilbud",
        status=ContributionStatus.OFFERED,
    )
    cancelled_theme_week = ThemeWeekFactory(
        school=school, theme="HIDDEN aflyst", status=ThemeWeekStatus.CANCELLED
    )

    fair = FairFactory(title="Frivilligmessen", slug="messen")
    StandFactory(fair=fair, association=association, offer="Prøv en salto.")
    StandFactory(fair=fair, association=hidden_association, offer="HIDDEN stand")
    unpublished_fair = FairFactory(title="HIDDEN messe", slug="kladde", is_published=False)

    guide = make_guide(title="Generalforsamlingen", topics=[topic])
    draft = GuidePage(
        title="HIDDEN kladde", slug="kladde", audience="alle", lead="Ikke offentlig.", body=[]
    )
    draft.live = False
    guide_index.add_child(instance=draft)
    draft.topics.set([topic])
    draft.save_revision()

    return World(
        guide=guide,
        topic=topic,
        provider=provider,
        course=course,
        online_course=online_course,
        draft_course=draft_course,
        cancelled_recently=cancelled_recently,
        cancelled_long_ago=cancelled_long_ago,
        network=network,
        unlisted_network=unlisted_network,
        association=association,
        hidden_association=hidden_association,
        offer=offer,
        draft_offer=draft_offer,
        hidden_offer=hidden_offer,
        theme_week=theme_week,
        cancelled_theme_week=cancelled_theme_week,
        fair=fair,
        unpublished_fair=unpublished_fair,
    )


def list_urls() -> list[str]:
    return [
        "/api/v1/",
        "/api/v1/courses/",
        "/api/v1/topics/",
        "/api/v1/providers/",
        "/api/v1/guides/",
        "/api/v1/networks/",
        "/api/v1/associations/",
        "/api/v1/internships/",
        "/api/v1/theme-weeks/",
        "/api/v1/fairs/",
    ]


def detail_urls(world: World) -> list[str]:
    return [
        f"/api/v1/courses/{world.course.slug}/",
        f"/api/v1/courses/{world.online_course.slug}/",
        f"/api/v1/courses/{world.cancelled_recently.slug}/",
        f"/api/v1/networks/{world.network.slug}/",
        f"/api/v1/associations/{world.association.slug}/",
        f"/api/v1/internships/{world.offer.pk}/",
        f"/api/v1/theme-weeks/{world.theme_week.pk}/",
        f"/api/v1/fairs/{world.fair.slug}/",
    ]


def hidden_urls(world: World) -> list[str]:
    return [
        f"/api/v1/courses/{world.draft_course.slug}/",
        f"/api/v1/courses/{world.cancelled_long_ago.slug}/",
        f"/api/v1/networks/{world.unlisted_network.slug}/",
        f"/api/v1/associations/{world.hidden_association.slug}/",
        f"/api/v1/internships/{world.draft_offer.pk}/",
        f"/api/v1/internships/{world.hidden_offer.pk}/",
        f"/api/v1/theme-weeks/{world.cancelled_theme_week.pk}/",
        f"/api/v1/fairs/{world.unpublished_fair.slug}/",
    ]
