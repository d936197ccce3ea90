"""The world the fuzz test (tests/core/test_fuzz.py) walks: one of everything, built with the
factories, and a user for every role. tests/core/fuzz_urls.py fills every URL pattern of the
project with its real ids, slugs, codes and tokens.
"""

import datetime
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction, Site

from accounts.roles import Role
from associations.models import AssociationInvitation, RoleKind
from calendars.services import regenerate_feed_token
from certificates.services import issue_course_certificate
from cms.models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from core.tokens import hash_token
from courses.models import Attendance, EvaluationInvitation, QualificationKind, SignupStatus
from courses.services import propose_wish, support_wish
from courses.services.evaluations import hash_token as hash_evaluation_token
from networks.models import Invitation, MembershipStatus, Rsvp, RsvpAnswer
from schools.models import PlacementPupil, PlacementState
from tests.associations.factories import (
    ActivityFactory,
    AdminRoleFactory,
    AssociationFactory,
    CategoryFactory,
    DeclarationFactory,
    FairFactory,
    NeedFactory,
    RoleFactory,
    StandFactory,
    VenueFactory,
)
from tests.cms.fixtures import make_document, make_image, paragraph
from tests.courses.factories import (
    CourseFactory,
    ProviderFactory,
    SignupFactory,
    TopicFactory,
    waitlist,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolCoordinatorFactory,
    SchoolFactory,
    ThemeWeekFactory,
)

ROLES = (
    "anonymous",
    "volunteer",
    "course_organiser",
    "school_coordinator",
    "association_admin",
    "network_coordinator",
    "course_administrator",
    "editor",
    "volunteer_consultant",
    "superuser",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    pages: list = field(default_factory=list)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _pages(world: World) -> None:
    root = Page.get_first_root_node()
    home = HomePage(title="Frivilligløft", slug="forside-fuzz", hero_text="Kurser for frivillige.")
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    english = Locale.objects.get(language_code="en")
    # With WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE the pages added below get English aliases.
    english_home = _publish(home.copy_for_translation(english))
    standard = StandardPage(title="Om Frivilligløft", slug="om", intro="Hvem vi er.")
    home.add_child(instance=standard)
    _publish(standard)
    guides = GuideIndexPage(title="Vejledninger", slug="vejledninger", intro="Hjælp.")
    home.add_child(instance=guides)
    _publish(guides)
    guide = GuidePage(
        title="Sådan holder I generalforsamling",
        slug="generalforsamling",
        lead="Alt om generalforsamlingen.",
        audience="nye bestyrelsesmedlemmer",
        body=[],
    )
    guides.add_child(instance=guide)
    guide.topics.set([world.topic])
    _publish(guide)
    stories = StoryIndexPage(title="Historier", slug="historier")
    home.add_child(instance=stories)
    _publish(stories)
    story = StoryPage(
        title="Lises lørdage i klubhuset",
        slug="lises-loerdage",
        association="Høng Idrætsforening",
        person_name="Lise Hansen",
        lead="Lise har stået i cafeen hver lørdag i tolv år.",
        body=[paragraph("<p>Det begyndte med en kage.</p>")],
        consent_given_by="Lise Hansen",
        consent_given_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    stories.add_child(instance=story)
    story.tags.add("cafe")
    _publish(story)
    secret = StandardPage(title="Kun med adgangskode", slug="hemmelig", intro="Lukket.")
    home.add_child(instance=secret)
    _publish(secret)
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    translated = [english_home]
    for page in (standard, guides, guide, stories, story):
        copy = page.get_translation_or_none(english)
        if copy is None:
            copy = _publish(page.copy_for_translation(english))
        translated.append(copy)
    world.objects.update(
        home=home,
        standard_page=standard,
        guide_index=guides,
        guide=guide,
        story_index=stories,
        story=story,
        restricted_page=secret,
        restriction=restriction,
    )
    world.pages = [home, standard, guides, guide, stories, story, secret, *translated]


def build_world() -> World:
    """One of everything, and a user for each role (see ROLES)."""
    world = World()
    users = world.users
    users["volunteer"] = UserFactory(full_name="Vera Frivillig")
    users["course_organiser"] = UserFactory(full_name="Otto Arrangør")
    users["school_coordinator"] = UserFactory(full_name="Signe Skole")
    users["association_admin"] = UserFactory(full_name="Anders Formand")
    users["network_coordinator"] = UserFactory(full_name="Karen Koordinator")
    users["course_administrator"] = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    users["editor"] = UserFactory(roles=[Role.EDITOR])
    users["volunteer_consultant"] = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    users["superuser"] = UserFactory(is_superuser=True, is_staff=True)
    volunteer = users["volunteer"]
    other = UserFactory(full_name="Peter Anden")
    waiting = UserFactory(full_name="Ventende Person")

    # Courses: one coming with two meetings, one finished with a certificate.
    topic = TopicFactory(name="Bestyrelsesarbejde", name_en="Board work", slug="bestyrelse")
    provider = ProviderFactory()
    course = CourseFactory(
        title="Ny i bestyrelsen",
        meetings=2,
        topics=[topic],
        provider=provider,
        organisers=[users["course_organiser"]],
    )
    signup = SignupFactory(course=course, user=volunteer, association="Høng IF")
    pending = SignupFactory(
        course=course, user=other, status=SignupStatus.PENDING, confirmed_at=None
    )
    waitlist(course, [waiting])
    # A qualification the finished course grants: the volunteer holds it (Mine sider, the
    # transcript) and its admin screens have a row to edit.
    qualification = QualificationKind.objects.create(
        name="Førstehjælp", name_en="First aid", validity_months=24
    )
    finished = CourseFactory(
        title="Regnskab for kasserere",
        meetings=2,
        meetings__first_day=timezone.localdate() - datetime.timedelta(days=21),
        topics=[topic],
        qualification=qualification,
        organisers=[users["course_organiser"]],
        min_attendance_percent=50,
    )
    finished_signup = SignupFactory(course=finished, user=volunteer)
    for meeting in finished.meetings.all():
        Attendance.objects.create(signup=finished_signup, meeting=meeting, present=True)
    # notify: the email it queues gives the outbox's admin screens a row to show.
    certificate = issue_course_certificate(finished_signup, notify=True, with_pdf=False)
    # Confirmed, finished, no certificate yet: what "issue one" acts on.
    uncertified = SignupFactory(course=finished, user=other)
    for meeting in finished.meetings.all():
        Attendance.objects.create(signup=uncertified, meeting=meeting, present=True)
    # The volunteer's evaluation of the finished course (its emailed link), and a course wish.
    evaluation_token = "fuzz-evaluation-token-0123456789abcdefghijklmnop"
    EvaluationInvitation.objects.create(
        course=finished,
        user=volunteer,
        token_hash=hash_evaluation_token(evaluation_token),
        sent_at=timezone.now(),
    )
    wish = propose_wish(other, topic=topic, title="Årshjul", expected_participants=4)
    support_wish(wish, volunteer)

    # Networks.
    network = NetworkFactory(name="Formandsnetværket", slug="formaend")
    CoordinatorFactory(network=network, user=users["network_coordinator"])
    membership = MembershipFactory(network=network, user=volunteer, show_name_to_members=True)
    pending_membership = MembershipFactory(
        network=network, user=other, status=MembershipStatus.PENDING, joined_at=None
    )
    network_meeting = NetworkMeetingFactory(network=network)
    Rsvp.objects.create(meeting=network_meeting, user=volunteer, answer=RsvpAnswer.YES)
    invitation_token = "fuzz-invitation-token-0123456789abcdefghijklmnop"
    invitation = Invitation.objects.create(
        network=network,
        email="inviteret@example.org",
        token_hash=hash_token(invitation_token),
        invited_by=users["network_coordinator"],
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    sparring = SparringRequestFactory(requester=volunteer, topic=topic)

    # Associations, fairs.
    category = CategoryFactory(name="Idræt", slug="idraet")
    association = AssociationFactory(name="Høng Idrætsforening", categories=[category])
    admin_role = AdminRoleFactory(association=association, user=users["association_admin"])
    board_role = RoleFactory(association=association, user=volunteer)
    venue = VenueFactory(association=association)
    activity = ActivityFactory(association=association)
    DeclarationFactory(association=association, declared_by=users["association_admin"])
    need = NeedFactory(association=association, topic=topic)
    fair = FairFactory(title="Frivillig Fredag", slug="frivillig-fredag")
    stand = StandFactory(fair=fair, association=association)
    association_invitation_token = "fuzz-association-invitation-0123456789abcdefghij"
    association_invitation = AssociationInvitation.objects.create(
        association=association,
        email="ny.kasserer@example.org",
        role=RoleKind.TREASURER,
        token_hash=hash_token(association_invitation_token),
        invited_by=users["association_admin"],
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )

    # Schools.
    school = SchoolFactory(name="Høng Skole", slug="hoeng-skole")
    SchoolCoordinatorFactory(school=school, user=users["school_coordinator"])
    offer = OfferFactory(association=association, title="Træner for de yngste")
    placement = PlacementFactory(
        offer=offer, school=school, requested_by=users["school_coordinator"]
    )
    agreed = PlacementFactory(
        offer=offer,
        school=school,
        state=PlacementState.AGREED,
        starts_on=timezone.localdate() - datetime.timedelta(days=7),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
        pupils=[("Noah", "8.B")],
    )
    theme_week = ThemeWeekFactory(school=school, created_by=users["school_coordinator"])
    contribution = ContributionFactory(theme_week=theme_week, association=association)

    world.objects.update(
        topic=topic,
        provider=provider,
        course=course,
        signup=signup,
        pending_signup=pending,
        finished_course=finished,
        finished_signup=finished_signup,
        uncertified_signup=uncertified,
        evaluation_token=evaluation_token,
        wish=wish,
        certificate=certificate,
        network=network,
        membership=membership,
        pending_membership=pending_membership,
        network_meeting=network_meeting,
        invitation=invitation,
        invitation_token=invitation_token,
        association_invitation=association_invitation,
        association_invitation_token=association_invitation_token,
        sparring=sparring,
        category=category,
        association=association,
        admin_role=admin_role,
        board_role=board_role,
        venue=venue,
        activity=activity,
        need=need,
        fair=fair,
        stand=stand,
        school=school,
        offer=offer,
        placement=placement,
        agreed_placement=agreed,
        pupil=PlacementPupil.objects.filter(placement=placement).first(),
        theme_week=theme_week,
        contribution=contribution,
        feed_token=regenerate_feed_token(volunteer),
        redirect=Redirect.objects.create(old_path="/gammel-side", redirect_link="/kurser/"),
        image=make_image(),
        document=make_document(),
    )
    _pages(world)
    _account_keys(world, other)
    return world


def _account_keys(world: World, user) -> None:
    """Real keys for allauth's and Wagtail's email-confirmation and password-reset links."""
    address = EmailAddress.objects.create(
        user=user, email="ny-adresse@example.org", verified=False, primary=False
    )
    world.objects.update(
        email_confirmation_key=EmailConfirmationHMAC(address).key,
        password_reset_uidb36=user_pk_to_url_str(user),
        password_reset_key=default_token_generator.make_token(user),
        wagtail_reset_uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
    )
