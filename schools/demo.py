"""Demo schools: a folkeskole and a gymnasium in Kalundborg Kommune with coordinators, internship
offers from the demo associations, placements in several states and one theme week.

Runs after associations' demo (INSTALLED_APPS order) and uses its associations: each offer names
the kinds of association it suits and takes the first public association whose name matches,
else any public one. Only when no association exists at all (associations' demo not there) does
it create the few hosts it needs. Idempotent: schools by slug, offers by association and title,
placements by offer and school, the theme week by school and theme. Dates are relative to today.
Pupils have first names only. The content is schools/demo_data/schools.yaml.
"""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from associations.models import Association, AssociationRole, ChildRecordDeclaration, RoleKind
from core.demo_support import DemoLogin, load_demo_data
from schools.models import (
    ContributionStatus,
    InternshipOffer,
    OfferStatus,
    Placement,
    PlacementEvaluation,
    PlacementPupil,
    PlacementState,
    School,
    SchoolCoordinator,
    ThemeWeek,
    ThemeWeekContribution,
)

VOLUNTEER = "frivillig@frivilligloeft.test"


def _user(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _association_for(prefer: str, match: list[str], used: dict) -> Association:
    preferred = Association.objects.filter(slug=prefer, is_public=True).first()
    if preferred is not None:
        return preferred
    public = list(Association.objects.filter(is_public=True).order_by("name", "pk"))
    for association in public:
        if any(word in association.name.lower() for word in match):
            return association
    # No association of the right kind: spread the offers over the public ones.
    return public[len(used) % len(public)]


def seed(command):
    demo = load_demo_data("schools", "schools")
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    coordinators = {
        slug: _user(person["email"], person["name"])
        for slug, person in demo["coordinators"].items()
    }
    today = timezone.localdate()

    schools = {}
    for data in demo["schools"]:
        school = School.objects.filter(slug=data["slug"]).first()
        if school is None:
            school = School.objects.create(**data)
        schools[data["slug"]] = school
    for slug, user in coordinators.items():
        SchoolCoordinator.objects.get_or_create(school=schools[slug], user=user)

    if not Association.objects.filter(is_public=True).exists():
        for fallback in demo["fallback_associations"]:
            name = fallback["name"]
            Association.objects.get_or_create(
                slug=fallback["slug"],
                defaults={
                    "name": name,
                    "town": fallback["town"],
                    "summary": f"{name} i Kalundborg Kommune.",
                },
            )

    offers = {}
    for data in demo["offers"]:
        data = dict(data)
        key, prefer, match = data.pop("key"), data.pop("prefer"), data.pop("match")
        association = _association_for(prefer, match, offers)
        # Replies go to the association's own address when it has one.
        data["contact_email"] = association.email or data["contact_email"]
        offer = InternshipOffer.objects.filter(title=data["title"]).first()
        if offer is None:
            offer = InternshipOffer.objects.create(
                association=association,
                created_by=volunteer,
                published_at=timezone.now() if data["status"] == OfferStatus.PUBLISHED else None,
                **data,
            )
        offers[key] = offer
        if offer.involves_children_under_15:
            # The rule for pupils under 15 holds in the demo too: the host has declared.
            ChildRecordDeclaration.objects.get_or_create(
                association=offer.association,
                year=today.year,
                defaults={"declared_by": volunteer},
            )
    if volunteer is not None:
        # The demo volunteer leader answers the schools for the football club's offers.
        AssociationRole.objects.get_or_create(
            association=offers["football"].association,
            user=volunteer,
            defaults={"role": RoleKind.VOLUNTEER_LEADER, "is_admin": True},
        )

    for data in demo["placements"]:
        offer, school = offers[data["offer"]], schools[data["school"]]
        if Placement.objects.filter(offer=offer, school=school).exists():
            continue
        coordinator = coordinators[data["school"]]
        _placement(demo, offer, school, coordinator, data, today, volunteer)
    for offer in offers.values():
        _sync_filled(offer)

    week = demo["theme_week"]
    _theme_week(schools[week["school"]], coordinators[week["school"]], offers, today, week)

    return [
        DemoLogin(role=person["role"], email=person["email"], password=DEMO_PASSWORD)
        for person in demo["coordinators"].values()
    ]


def _placement(demo, offer, school, coordinator, data, today, volunteer):
    now = timezone.now()
    state = data["state"]
    placement = Placement(
        offer=offer,
        school=school,
        requested_by=coordinator,
        state=state,
        pupil_count=len(data["pupils"]),
        message=demo["placement_message"],
        decision_note=data.get("note", ""),
    )
    if state != PlacementState.REQUESTED:
        placement.decided_at = now
    if "days_from_today" in data:
        first, last = data["days_from_today"]
        placement.starts_on = today + datetime.timedelta(days=first)
        placement.ends_on = today + datetime.timedelta(days=last)
        placement.agreed_at = now
    if "hours" in data:
        placement.hours_confirmed = data["hours"]
        placement.completed_at = now
        placement.completed_by = volunteer
    if state == PlacementState.EVALUATED:
        placement.evaluated_at = now
    placement.save()
    PlacementPupil.objects.bulk_create(
        PlacementPupil(placement=placement, **pupil) for pupil in data["pupils"]
    )
    if state == PlacementState.EVALUATED:
        authors = {"coordinator": coordinator, "volunteer": volunteer}
        for evaluation in demo["evaluations"]:
            evaluation = dict(evaluation)
            PlacementEvaluation.objects.create(
                placement=placement, submitted_by=authors[evaluation.pop("by")], **evaluation
            )


def _sync_filled(offer):
    from schools.services.offers import sync_filled_status

    sync_filled_status(offer)


def _theme_week(school, coordinator, offers, today, data):
    data = dict(data)
    contributions = data.pop("contributions")
    del data["school"]
    if ThemeWeek.objects.filter(school=school, theme=data["theme"]).exists():
        return
    monday = today + datetime.timedelta(days=35 - today.weekday())
    if (monday.month, monday.day) >= (12, 15) or (monday.month, monday.day) <= (1, 4):
        # No school holds a theme week over Christmas: take the second week of January.
        year = monday.year + (1 if monday.month == 12 else 0)
        january_8 = datetime.date(year, 1, 8)
        monday = january_8 + datetime.timedelta(days=(7 - january_8.weekday()) % 7)
    theme_week = ThemeWeek.objects.create(
        school=school,
        starts_on=monday,
        ends_on=monday + datetime.timedelta(days=4),
        created_by=coordinator,
        **data,
    )
    zone = timezone.get_current_timezone()

    def at(day, clock):
        return datetime.datetime.combine(
            monday + datetime.timedelta(days=day), datetime.time.fromisoformat(clock), tzinfo=zone
        )

    for contribution in contributions:
        association = offers[contribution["offer"]].association
        place = contribution["place"]
        if place is None:
            place = association.address or association.town
        ThemeWeekContribution.objects.create(
            theme_week=theme_week,
            association=association,
            kind=contribution["kind"],
            title=contribution["title"],
            description=contribution["description"],
            starts_at=at(contribution["day"], contribution["starts"]),
            ends_at=at(contribution["day"], contribution["ends"]),
            place=place,
            capacity=contribution["capacity"],
            status=contribution["status"],
            sequence=1 if contribution["status"] == ContributionStatus.ACCEPTED else 0,
        )
