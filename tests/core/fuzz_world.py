"""The world the fuzz test (tests/core/test_fuzz.py) walks: one of everything, built with the
factories, a user for every role, and every URL pattern of the project filled with real ids,
slugs, codes and tokens.

`url_cases(world)` walks the URL resolver itself, so a pattern someone adds is visited without
anyone editing this file: its arguments are filled from `PATTERN_KWARGS` (by URL name), else
from `KWARG_VALUES` (by argument name), else with a placeholder (reported as "unfilled").
"""

import datetime
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import PathConverter, StringConverter
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.regex_helper import normalize
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
from courses.models import Attendance, EvaluationInvitation, QualificationKind, SignupStatus
from courses.services import propose_wish, support_wish
from courses.services.evaluations import hash_token as hash_evaluation_token
from networks.models import Invitation, MembershipStatus, Rsvp, RsvpAnswer
from networks.services.invitations import hash_token
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
from tests.courses.factories import CourseFactory, ProviderFactory, SignupFactory, TopicFactory
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

# Patterns that answer 500 on purpose, or cannot be requested in a test.
SKIPPED_PATTERNS = {
    # Wagtail's own "raise an error to test error reporting" view (superusers only).
    "wagtailadmin_error_test": "raises on purpose to test error reporting",
}


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
    SignupFactory(
        course=course,
        user=waiting,
        status=SignupStatus.WAITLISTED,
        confirmed_at=None,
        waitlisted_at=timezone.now(),
        queue_number=1,
    )
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


# --- URL patterns --------------------------------------------------------------------------

# By URL name: a list of argument sets (several when the values change what the view does).
PATTERN_KWARGS = {
    "courses:evaluation": lambda w: [{"token": w.evaluation_token}],
    "courses:evaluate": lambda w: [{"slug": w.finished_course.slug}],
    "courses:evaluation_results": lambda w: [{"slug": w.finished_course.slug}],
    "courses:support_wish": lambda w: [{"pk": w.wish.pk}],
    "courses:withdraw_wish_support": lambda w: [{"pk": w.wish.pk}],
    "calendars:personal": lambda w: [{"token": w.feed_token}],
    "networks:invitation": lambda w: [{"token": w.invitation_token}],
    "associations:invitation": lambda w: [{"token": w.association_invitation_token}],
    "my_associations:revoke_invitation": lambda w: [
        {"slug": w.association.slug, "invitation_id": w.association_invitation.pk}
    ],
    "networks:approve": lambda w: [
        {"slug": w.network.slug, "membership_id": w.pending_membership.pk}
    ],
    "networks:decline": lambda w: [
        {"slug": w.network.slug, "membership_id": w.pending_membership.pk}
    ],
    "networks:remove_member": lambda w: [
        {"slug": w.network.slug, "membership_id": w.membership.pk}
    ],
    "networks:revoke_invitation": lambda w: [
        {"slug": w.network.slug, "invitation_id": w.invitation.pk}
    ],
    "my_networks:sparring": lambda w: [{"pk": w.sparring.pk}],
    "my_networks:sparring_close": lambda w: [{"pk": w.sparring.pk}],
    "schools:offer": lambda w: [{"pk": w.offer.pk}],
    "schools:request_places": lambda w: [{"pk": w.offer.pk}],
    "schools:edit_offer": lambda w: [{"pk": w.offer.pk}],
    "schools:offer_status": lambda w: [{"pk": w.offer.pk}],
    "schools:placement": lambda w: [{"pk": w.placement.pk}, {"pk": w.agreed_placement.pk}],
    "schools:placement_action": lambda w: [
        {"pk": placement.pk, "action": action}
        for placement in (w.placement, w.agreed_placement)
        for action in ("accept", "decline", "agree", "hours", "cancel", "evaluate", "ukendt")
    ],
    "schools:theme_week": lambda w: [{"pk": w.theme_week.pk}],
    "schools:theme_week_feed": lambda w: [{"pk": w.theme_week.pk}],
    "schools:theme_week_status": lambda w: [{"pk": w.theme_week.pk}],
    "schools:offer_contribution": lambda w: [{"pk": w.theme_week.pk}],
    "schools:contribution_action": lambda w: [
        {"pk": w.contribution.pk, "action": action}
        for action in ("accept", "decline", "withdraw", "ukendt")
    ],
    "my_associations:consent": lambda w: [{"role_id": w.board_role.pk}],
    "my_associations:change_role": lambda w: [
        {"slug": w.association.slug, "role_id": w.board_role.pk}
    ],
    "my_associations:remove_person": lambda w: [
        {"slug": w.association.slug, "role_id": w.board_role.pk}
    ],
    "my_associations:venue": lambda w: [{"slug": w.association.slug, "venue_id": w.venue.pk}],
    "my_associations:delete_venue": lambda w: [
        {"slug": w.association.slug, "venue_id": w.venue.pk}
    ],
    "my_associations:activity": lambda w: [
        {"slug": w.association.slug, "activity_id": w.activity.pk}
    ],
    "my_associations:delete_activity": lambda w: [
        {"slug": w.association.slug, "activity_id": w.activity.pk}
    ],
    "my_associations:remove_need": lambda w: [{"slug": w.association.slug, "need_id": w.need.pk}],
    "my_associations:stand": lambda w: [{"slug": w.association.slug, "fair_slug": w.fair.slug}],
    "associations:fair": lambda w: [{"slug": w.fair.slug}],
    "certificates:verify": lambda w: [{"code": w.certificate.code}, {"code": "ABCD-EFGH"}],
    "certificates:download": lambda w: [{"pk": w.certificate.pk}],
    "certificates:open_badge": lambda w: [{"pk": w.certificate.pk}],
    "certificates:credential": lambda w: [{"code": w.certificate.code}, {"code": "ABCD-EFGH"}],
    "certificates:achievement_course": lambda w: [{"pk": w.finished_course.pk}],
    "certificates:achievement_offer": lambda w: [{"pk": w.offer.pk}],
    "certificates:status_list": lambda w: [{"number": 0}, {"number": 7}],
    "certificates:issue_one": lambda w: [
        {"slug": w.finished_course.slug, "pk": w.uncertified_signup.pk}
    ],
    "certificates:reissue": lambda w: [{"slug": w.finished_course.slug, "pk": w.certificate.pk}],
    "certificates:revoke": lambda w: [{"slug": w.finished_course.slug, "pk": w.certificate.pk}],
    "courses:approve": lambda w: [{"slug": w.course.slug, "signup_id": w.pending_signup.pk}],
    "courses:decline": lambda w: [{"slug": w.course.slug, "signup_id": w.pending_signup.pk}],
    "courses:cancel_participant": lambda w: [{"slug": w.course.slug, "signup_id": w.signup.pk}],
    "courses:checkin": lambda w: [{"token": _checkin_token(w.signup)}],
    "courses:check_in_person": lambda w: [
        {
            "slug": w.course.slug,
            "meeting_id": w.course.meetings.first().pk,
            "signup_id": w.signup.pk,
        }
    ],
    "account_confirm_email": lambda w: [{"key": w.email_confirmation_key}],
    "account_reset_password_from_key": lambda w: [
        {"uidb36": w.password_reset_uidb36, "key": w.password_reset_key}
    ],
    "wagtailcore_authenticate_with_password": lambda w: [
        {"page_view_restriction_id": w.restriction.pk, "page_id": w.restricted_page.pk}
    ],
    "wagtaildocs_authenticate_with_password": lambda w: [{"restriction_id": 1}],
    "wagtailsettings:edit": lambda w: _settings_kwargs(w),
    "wagtailsettings:preview_on_edit": lambda w: _settings_kwargs(w),
    "wagtail_bulk_action": lambda w: [
        {"app_label": app_label, "model_name": model_name, "action": action}
        for app_label, model_name, action in (
            ("courses", "course", "delete"),
            ("wagtailcore", "page", "publish"),
            ("wagtailcore", "page", "unpublish"),
            ("wagtailcore", "page", "delete"),
            ("wagtailcore", "page", "move"),
            ("wagtailimages", "image", "delete"),
            ("wagtaildocs", "document", "delete"),
            ("accounts", "user", "delete"),
        )
    ],
    "wagtailadmin_editing_sessions:ping": lambda w: [
        {
            "app_label": "wagtailcore",
            "model_name": "page",
            "object_id": w.standard_page.pk,
            "session_id": 1,
        }
    ],
    "wagtailadmin_password_reset_confirm": lambda w: [
        {"uidb64": w.wagtail_reset_uidb64, "token": w.password_reset_key}
    ],
}


def _settings_kwargs(w: World) -> list[dict]:
    site = Site.objects.get(is_default_site=True).pk
    return [
        {"app_name": "cms", "model_name": "sitecontactsettings", "pk": site},
        {"app_name": "certificates", "model_name": "certificatesettings", "pk": site},
    ]


def _slug_for(namespace: str, w: World) -> str:
    if namespace in ("networks", "calendars"):
        return w.network.slug
    if namespace in ("associations", "my_associations"):
        return w.association.slug
    return w.course.slug  # courses, certificates (organiser tools live under the course)


def _checkin_token(signup) -> str:
    """The signup's check-in code, its hash stored as the confirmation email would."""
    from courses.services.checkin import checkin_token, checkin_url

    checkin_url(signup)
    return checkin_token(signup)


# By argument name, within the URL's namespace where it matters.
def _kwarg_value(namespace: str, name: str, w: World):
    values = {
        "slug": lambda: _slug_for(namespace, w),
        "association_slug": lambda: w.association.slug,
        "meeting_id": lambda: (
            w.network_meeting.pk if namespace == "networks" else w.course.meetings.first().pk
        ),
        "page_id": lambda: w.standard_page.pk,
        "parent_page_id": lambda: w.home.pk,
        "page_to_move_id": lambda: w.standard_page.pk,
        "destination_id": lambda: w.home.pk,
        "page_pk": lambda: w.standard_page.pk,
        "image_id": lambda: w.image.pk,
        "document_id": lambda: w.document.pk,
        "doc_id": lambda: w.document.pk,
        "revision_id": lambda: w.standard_page.latest_revision_id,
        "revision_id_a": lambda: w.standard_page.latest_revision_id,
        "revision_id_b": lambda: w.standard_page.latest_revision_id,
        "app_label": lambda: "courses",
        "app_name": lambda: "courses",
        "model_name": lambda: "course",
        "content_type_app_name": lambda: "cms",
        "content_type_model_name": lambda: "standardpage",
        "object_id": lambda: w.course.pk,
        "filter_spec": lambda: "fill-100x100",
        "action_name": lambda: "publish",
        "collection_id": lambda: w.image.collection_id,
        "path": lambda: w.image.file.name,
    }
    return values[name]() if name in values else None


@dataclass(frozen=True)
class UrlCase:
    pattern: str  # the pattern's route, for the report
    name: str
    url: str
    admin: bool
    filled: bool  # False when an argument had no known value (a placeholder was used)
    # Our code: every site URL, and in the admin our viewsets and our own admin views (not
    # Wagtail's page editor, images, documents, users, choosers, settings, workflows).
    ours: bool = True
    # The name of the malformed value put in the path itself (a text argument: a token, a
    # code, an action), if any: a key of PATH_PROBES.
    probe: str | None = None


def _walk(patterns, chain=(), namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, (*chain, pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield (*chain, pattern.pattern), name or "", pattern


def _fill(chain, kwargs: dict, language: str) -> str | None:
    """The path a chain of patterns gives with `kwargs`, or None if an argument is missing."""
    parts = []
    for piece in chain:
        if isinstance(piece, LocalePrefixPattern):
            parts.append("" if language == "da" else f"{language}/")
            continue
        regex = piece.regex.pattern
        converters = getattr(piece, "converters", {})
        for template, params in normalize(regex):
            if all(param in kwargs for param in params):
                values = {
                    param: (
                        converters[param].to_url(kwargs[param])
                        if param in converters
                        else str(kwargs[param])
                    )
                    for param in params
                }
                parts.append(template % values)
                break
        else:
            return None
    return "/" + "".join(parts)


def _placeholders(params) -> dict:
    return {param: 1 if "id" in param or param == "pk" else "x" for param in params}


def url_cases(world: World) -> tuple[list[UrlCase], list[str]]:
    """Every URL pattern of the project as concrete URLs (Danish and English where the pattern
    is language-prefixed), and the names of patterns that were skipped, with why."""
    cases, skipped = [], []
    our_namespaces = _our_admin_namespaces()
    for chain, name, pattern in _walk(get_resolver().url_patterns):
        # The language prefix is left out: its text depends on the active language.
        route = "".join(
            "" if isinstance(piece, LocalePrefixPattern) else str(piece) for piece in chain
        )
        short_name = name.rsplit(":", 1)[-1]
        if short_name in SKIPPED_PATTERNS:
            skipped.append(f"{route} ({SKIPPED_PATTERNS[short_name]})")
            continue
        localised = any(isinstance(piece, LocalePrefixPattern) for piece in chain)
        languages = ("da", "en") if localised else ("da",)
        admin = route.startswith(("admin/", "django-admin/"))
        if name == "wagtail_serve":
            for page in world.pages:
                cases.append(UrlCase(route, name, page.specific.url, admin, filled=True))
            for language in languages:
                prefix = "" if language == "da" else f"/{language}"
                url = f"{prefix}/vejledninger/emne/bestyrelse/"
                cases.append(UrlCase(route, name, url, admin, filled=True))
            continue
        if name == "wagtaildocs_serve":
            document = world.document
            url = f"/dokumenter/{document.pk}/{document.filename}"
            cases.append(UrlCase(route, name, url, admin, filled=True))
            continue
        params = set()
        for piece in chain:
            if not isinstance(piece, LocalePrefixPattern):
                for _template, names in normalize(piece.regex.pattern):
                    params.update(names)
                    break
        namespace = name.rsplit(":", 1)[0] if ":" in name else ""
        ours = not admin or namespace in our_namespaces or _is_our_view(pattern.callback)
        if name in PATTERN_KWARGS:
            kwarg_sets, filled = PATTERN_KWARGS[name](world), True
        else:
            kwargs, filled = {}, True
            for param in params:
                value = _admin_value(namespace, param, world) if admin else None
                if value is None:
                    value = _kwarg_value(namespace, param, world)
                if value is None:
                    value, filled = _placeholders([param])[param], False
                kwargs[param] = value
            kwarg_sets = [kwargs]
        for kwargs in kwarg_sets:
            for language in languages:
                url = _fill(chain, kwargs, language)
                if url is not None:
                    cases.append(UrlCase(route, name, url, admin, filled, ours))
        for param in sorted(_text_params(chain)):
            for probe, value in PATH_PROBES.items():
                url = _fill(chain, {**kwarg_sets[0], param: value}, languages[-1])
                if url is not None:
                    cases.append(UrlCase(route, name, url, admin, filled, ours, probe))
    return cases, skipped


# Values put in place of each text argument of a path (a token, a code, a key, an action).
PATH_PROBES = {
    "nul": "\x00",
    "non-utf8": "%FF%FE",
    "quote-bidi": '"\u202e<',
    "long": "x" * 3000,
}


def _text_params(chain) -> set[str]:
    """The arguments that take any text: str converters and regex groups other than digits."""
    params = set()
    for piece in chain:
        if isinstance(piece, LocalePrefixPattern):
            continue
        if isinstance(piece, RoutePattern):  # str and path converters take text
            params.update(
                name
                for name, converter in piece.converters.items()
                if isinstance(converter, StringConverter | PathConverter)
            )
        else:
            for _template, names in normalize(piece.regex.pattern):
                params.update(names)
                break
    return params


OUR_APPS = (
    "core",
    "accounts",
    "taxonomy",
    "courses",
    "networks",
    "associations",
    "schools",
    "certificates",
    "cms",
    "calendars",
    "insights",
)


def _is_our_view(callback) -> bool:
    view = getattr(callback, "view_class", None) or callback
    return view.__module__.split(".", 1)[0] in OUR_APPS


def _our_admin_namespaces() -> set[str]:
    """The URL namespaces of our own admin viewsets (their choosers are Wagtail's)."""
    from django.apps import apps

    namespaces = set()
    for namespace, model in _admin_models().items():
        if isinstance(model, str):
            model = apps.get_model(model)
        if model._meta.app_label in OUR_APPS and "chooser" not in namespace:
            namespaces.add(namespace)
    return namespaces


def _admin_models() -> dict:
    """URL namespace of each Wagtail admin viewset → its model."""
    from wagtail.admin.viewsets import viewsets

    models = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        namespace = viewset.url_namespace if viewset.name else None
        if model is not None and namespace:
            models[namespace] = model
            chooser = getattr(viewset, "chooser_viewset", None)
            if chooser is not None and getattr(chooser, "url_namespace", None):
                models[chooser.url_namespace] = model
    return models


_WAGTAIL_MODELS = {
    "wagtailimages": "wagtailimages.Image",
    "wagtaildocs": "wagtaildocs.Document",
    "wagtailusers_users": "accounts.User",
    "wagtailusers_groups": "auth.Group",
    "wagtailsites": "wagtailcore.Site",
    "wagtaillocales": "wagtailcore.Locale",
    "wagtailredirects": "wagtailredirects.Redirect",
    "wagtailadmin_collections": "wagtailcore.Collection",
    "wagtailadmin_api:pages": "wagtailcore.Page",
    "wagtailadmin_api:images": "wagtailimages.Image",
    "wagtailadmin_api:documents": "wagtaildocs.Document",
    "wagtailadmin_workflows": "wagtailcore.Workflow",
}


def _admin_value(namespace: str, param: str, world: World):
    """An existing object's primary key for an admin viewset's `pk` argument."""
    from django.apps import apps

    if param not in ("pk", "redirect_id", "workflow_pk", "task_id", "task_state_id"):
        return None
    if param == "task_id":
        model = apps.get_model("wagtailcore.Task")
    elif param == "task_state_id":
        model = apps.get_model("wagtailcore.TaskState")
    else:
        model = _admin_models().get(namespace)
        if model is None and namespace in _WAGTAIL_MODELS:
            model = apps.get_model(_WAGTAIL_MODELS[namespace])
    if model is None:
        return None
    if isinstance(model, str):
        model = apps.get_model(model)
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return first
