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
from associations.models import Association, AssociationRole, RoleKind
from associations.services import add_person, declare_child_records
from core.demo_support import (
    DemoLogin,
    demo_date,
    demo_user,
    emails_dropped,
    ensure_people,
    ensure_row,
    ensure_rows,
    load_demo_data,
    local_datetime,
    without,
)
from schools import services
from schools.models import (
    ContributionStatus,
    InternshipOffer,
    Placement,
    PlacementState,
    School,
    SchoolCoordinator,
    ThemeWeek,
)
from schools.services import Pupil
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
        fields = without(data, "key", "prefer", "match", "status")
        # Replies go to the association's own address when it has one.
        fields["contact_email"] = association.email or data["contact_email"]
        offers[data["key"]] = InternshipOffer.objects.filter(title=data["title"]).first()
        if offers[data["key"]] is None:
            offers[data["key"]] = _offer(association, fields, data["status"], volunteer)
    host = _host(offers["football"].association)
    football = {"association": offers["football"].association, "user": volunteer}
    if volunteer and host and not AssociationRole.objects.filter(**football).exists():
        # The demo volunteer leader answers the schools for the football club's offers.
        kind = RoleKind.VOLUNTEER_LEADER
        add_person(football["association"], volunteer.email, by=host, role=kind, is_admin=True)
    with emails_dropped("schools"):
        for data in demo["placements"]:
            offer, school = offers[data["offer"]], schools[data["school"]]
            if not Placement.objects.filter(offer=offer, school=school).exists():
                _placement(demo, offer, school, coordinators[data["school"]], data)
        for offer in offers.values():
            sync_filled_status(offer)
        week = demo["theme_week"]
        _theme_week(schools[week["school"]], coordinators[week["school"]], offers, week)
    return [DemoLogin(p["role"], p["email"], DEMO_PASSWORD) for p in demo["coordinators"].values()]


def _host(association):
    role = AssociationRole.objects.filter(association=association, is_admin=True).first()
    return role.user if role else None


def _offer(association, fields, status, volunteer) -> InternshipOffer:
    """Created and published by the association's admin, who has declared børneattester
    where pupils under 15 are involved (the rule holds in the demo too)."""
    host = _host(association)
    if host is None:  # a fallback association without people
        fields |= {"association": association, "created_by": volunteer, "status": status}
        return InternshipOffer.objects.create(**fields, published_at=timezone.now())
    if fields.get("involves_children_under_15"):
        declare_child_records(association, by=host)
    offer = services.create_offer(association, by=host, **fields)
    return services.change_offer_status(offer, status, by=host)


def _placement(demo, offer, school, coordinator, data):
    """Through the services, as the school's coordinator and the association's admin would."""
    host, note = _host(offer.association), data.get("note", "")
    if host is None:
        return
    pupils = [Pupil(**pupil) for pupil in data["pupils"]]
    message = demo["placement_message"]
    placement = services.request_placement(offer, school, pupils, by=coordinator, message=message)
    if data["state"] in (PlacementState.REQUESTED, PlacementState.DECLINED):
        if data["state"] == PlacementState.DECLINED:
            services.decline_placement(placement, by=host, note=note)
        return
    services.accept_placement(placement, by=host, note=note)
    if "days_from_today" in data:
        first, last = (demo_date(days) for days in data["days_from_today"])
        services.agree_placement(placement, by=host, starts_on=first, ends_on=last)
    if "hours" in data:
        services.confirm_hours(placement, by=host, hours=data["hours"])
    if data["state"] == PlacementState.EVALUATED:
        authors = {"coordinator": coordinator, "volunteer": host}
        for evaluation in demo["evaluations"]:
            by = authors[evaluation["by"]]
            services.submit_evaluation(placement, by=by, **without(evaluation, "by"))


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
    fields = without(data, "school", "contributions") | {"starts_on": monday}
    fields["ends_on"] = monday + datetime.timedelta(days=4)
    theme_week = services.post_theme_week(school, by=coordinator, **fields)
    for contribution in data["contributions"]:
        association = offers[contribution["offer"]].association
        day = monday + datetime.timedelta(days=contribution["day"])
        fields = without(contribution, "offer", "day", "starts", "ends", "place", "status")
        fields["starts_at"] = local_datetime(day, contribution["starts"])
        fields["ends_at"] = local_datetime(day, contribution["ends"])
        place = contribution["place"]
        fields["place"] = (association.address or association.town) if place is None else place
        if (host := _host(association)) is not None:
            offered = services.offer_contribution(theme_week, association, by=host, **fields)
            if contribution["status"] == ContributionStatus.ACCEPTED:
                services.accept_contribution(offered, by=coordinator)
