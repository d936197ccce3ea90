"""Demo schools (schools/demo_data/schools.yaml): a folkeskole and a gymnasium with coordinators,
internship offers from the demo associations, placements in several states and one theme week.

Runs after associations' demo (INSTALLED_APPS order) and uses its associations: each offer names
the kinds of association it suits and takes the first public association whose name matches,
else any public one; only when there is none does it create the few hosts it needs.
Idempotent: schools by slug, offers by title, placements by offer and school, the theme week by
school and theme. Dates are relative to today. Pupils have first names only.
"""

import datetime

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from associations.models import Association, AssociationRole, ChildRecordDeclaration, RoleKind
from core.demo_support import (
    DemoLogin,
    demo_date,
    demo_user,
    ensure_people,
    ensure_row,
    ensure_rows,
    load_demo_data,
    local_datetime,
    without,
)
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
from schools.services.offers import sync_filled_status


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
    volunteer = demo_user("frivillig@frivilligloeft.test")
    people = ensure_people(demo["coordinators"].values(), DEMO_PASSWORD)
    coordinators = dict(zip(demo["coordinators"], people, strict=True))
    schools = ensure_rows(School, demo["schools"])
    for slug, user in coordinators.items():
        ensure_row(SchoolCoordinator, {"school": schools[slug], "user": user})
    if not Association.objects.filter(is_public=True).exists():
        for fallback in demo["fallback_associations"]:
            summary = f"{fallback['name']} i Kalundborg Kommune."
            ensure_rows(Association, [fallback], summary=summary)

    offers = {}
    for data in demo["offers"]:
        association = _association_for(data["prefer"], data["match"], offers)
        fields = without(data, "key", "prefer", "match", "title")
        # Replies go to the association's own address when it has one.
        fields["contact_email"] = association.email or data["contact_email"]
        published = timezone.now() if data["status"] == OfferStatus.PUBLISHED else None
        fields |= {"association": association, "created_by": volunteer, "published_at": published}
        offer, _ = ensure_row(InternshipOffer, {"title": data["title"]}, fields)
        offers[data["key"]] = offer
        if offer.involves_children_under_15:
            # The rule for pupils under 15 holds in the demo too: the host has declared.
            lookup = {"association": offer.association, "year": timezone.localdate().year}
            ensure_row(ChildRecordDeclaration, lookup, {"declared_by": volunteer})
    if volunteer is not None:
        # The demo volunteer leader answers the schools for the football club's offers.
        lookup = {"association": offers["football"].association, "user": volunteer}
        ensure_row(AssociationRole, lookup, {"role": RoleKind.VOLUNTEER_LEADER, "is_admin": True})

    for data in demo["placements"]:
        offer, school = offers[data["offer"]], schools[data["school"]]
        if not Placement.objects.filter(offer=offer, school=school).exists():
            _placement(demo, offer, school, coordinators[data["school"]], data, volunteer)
    for offer in offers.values():
        sync_filled_status(offer)

    week = demo["theme_week"]
    _theme_week(schools[week["school"]], coordinators[week["school"]], offers, week)
    return [DemoLogin(p["role"], p["email"], DEMO_PASSWORD) for p in demo["coordinators"].values()]


def _placement(demo, offer, school, coordinator, data, volunteer):
    now = timezone.now()
    state, (first, last) = data["state"], data.get("days_from_today", (None, None))
    placement = Placement.objects.create(
        offer=offer,
        school=school,
        requested_by=coordinator,
        state=state,
        pupil_count=len(data["pupils"]),
        message=demo["placement_message"],
        decision_note=data.get("note", ""),
        decided_at=now if state != PlacementState.REQUESTED else None,
        starts_on=None if first is None else demo_date(first),
        ends_on=None if last is None else demo_date(last),
        agreed_at=now if first is not None else None,
        hours_confirmed=data.get("hours"),
        completed_at=now if "hours" in data else None,
        completed_by=volunteer if "hours" in data else None,
        evaluated_at=now if state == PlacementState.EVALUATED else None,
    )
    PlacementPupil.objects.bulk_create(
        PlacementPupil(placement=placement, **pupil) for pupil in data["pupils"]
    )
    if state == PlacementState.EVALUATED:
        authors = {"coordinator": coordinator, "volunteer": volunteer}
        for evaluation in demo["evaluations"]:
            by = authors[evaluation["by"]]
            fields = without(evaluation, "by")
            PlacementEvaluation.objects.create(placement=placement, submitted_by=by, **fields)


def _theme_week(school, coordinator, offers, data):
    if ThemeWeek.objects.filter(school=school, theme=data["theme"]).exists():
        return
    today = timezone.localdate()
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
        **without(data, "school", "contributions"),
    )
    for contribution in data["contributions"]:
        association = offers[contribution["offer"]].association
        place = contribution["place"]
        day = monday + datetime.timedelta(days=contribution["day"])
        fields = without(contribution, "offer", "day", "starts", "ends", "place")
        ThemeWeekContribution.objects.create(
            theme_week=theme_week,
            association=association,
            starts_at=local_datetime(day, contribution["starts"]),
            ends_at=local_datetime(day, contribution["ends"]),
            place=(association.address or association.town) if place is None else place,
            sequence=1 if contribution["status"] == ContributionStatus.ACCEPTED else 0,
            **fields,
        )
