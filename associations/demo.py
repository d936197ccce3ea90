"""Demo associations in Kalundborg Kommune (associations/demo_data/associations.yaml): their
people, roles, venues, activities, child-record declarations, board needs, and a volunteer fair
on the next Frivillig Fredag with stands. The demo volunteer (frivillig@) chairs Høng
Idrætsforening and consents to show her completed courses, so the board competence overview has
something to show. Idempotent: everything is found by its natural key; nothing is changed.
"""

from datetime import time, timedelta

from django.utils import timezone

from associations.models import (
    Activity,
    Association,
    AssociationInvitation,
    AssociationRole,
    BoardCompetenceNeed,
    Category,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    Venue,
)
from associations.queries import next_frivillig_fredag
from associations.services import INVITATION_DAYS
from core.demo_support import (
    demo_datetime,
    demo_user,
    ensure_people,
    ensure_row,
    ensure_rows,
    load_demo_data,
    resolve,
    without,
)
from core.tokens import hash_token, new_token
from taxonomy.models import Topic

VOLUNTEER = "frivillig@frivilligloeft.test"
# The YAML's keys of an association that are no fields of it.
PARTS = ("categories", "roles", "invitations", "venues", "activities", "declarations")
PARTS += ("needs", "stand")


def _admin(association: Association):
    role = AssociationRole.objects.filter(association=association, is_admin=True).first()
    return role.user if role else None


def _association(data: dict, categories: dict, people: dict) -> Association:
    now = timezone.now()
    verified_at = now if data["verified_by_staff"] else None
    association, _ = ensure_row(
        Association,
        {"slug": data["slug"]},
        dict(without(data, "slug", *PARTS), verified_at=verified_at),
        many={"categories": resolve(categories, data["categories"])},
    )
    where = {"association": association}
    for role in data["roles"]:
        user = people.get(role["person"])
        if user is not None:
            lookup = {**where, "user": user, "role": role["role"]}
            ensure_row(AssociationRole, lookup, without(role, "person", "role"))
    venues = ensure_rows(Venue, data["venues"], key="name", within=where)
    activities = [
        without(activity, "days_from_today", "at", "hours") for activity in data["activities"]
    ]
    for activity, fields in zip(data["activities"], activities, strict=True):
        fields["venue"] = venues.get(activity["venue"])
        if "days_from_today" in activity:
            fields["starts_at"] = demo_datetime(activity["days_from_today"], activity["at"])
            fields["ends_at"] = fields["starts_at"] + timedelta(hours=activity["hours"])
    ensure_rows(Activity, activities, key="title", within=where)
    for offset in data["declarations"]:
        declared = {"declared_by": _admin(association), "declared_at": now - timedelta(days=30)}
        declared["declared_at"] += timedelta(days=365 * offset)
        year = timezone.localdate().year + offset
        ensure_row(ChildRecordDeclaration, {**where, "year": year}, declared)
    for invitation in data.get("invitations", []):
        # Waiting for an answer; the link itself went out by email, only its hash is kept.
        fields = {"role": invitation["role"], "token_hash": hash_token(new_token())}
        fields["invited_by"] = _admin(association)
        fields["expires_at"] = now + timedelta(days=INVITATION_DAYS - 3)
        ensure_row(AssociationInvitation, {**where, "email": invitation["email"]}, fields)
    for need in data["needs"]:
        topic = Topic.objects.filter(slug=need["topic"]).first()
        if topic is not None:
            lookup = {**where, "topic": topic}
            ensure_row(BoardCompetenceNeed, lookup, {"note": need["note"]})
    return association


def seed(command):
    demo = load_demo_data("associations", "associations")
    categories = ensure_rows(Category, demo["categories"])
    people = dict(zip(demo["people"], ensure_people(demo["people"].values()), strict=True))
    people[VOLUNTEER] = demo_user(VOLUNTEER)
    associations = [_association(data, categories, people) for data in demo["associations"]]

    fair_date = next_frivillig_fredag()
    fair = dict(demo["fair"], date=fair_date, is_published=True)
    fair["title"] += f" {fair_date.year}"
    fair["registration_deadline"] = fair_date - timedelta(days=14)
    fair["starts_at"], fair["ends_at"] = (
        time.fromisoformat(fair[k]) for k in ("starts_at", "ends_at")
    )
    fair, _ = ensure_row(Fair, {"slug": f"frivilligmesse-{fair_date.year}"}, fair)
    for data, association in zip(demo["associations"], associations, strict=True):
        if data["stand"]:
            fields = dict(data["stand"], registered_by=_admin(association))
            ensure_row(FairStand, {"fair": fair, "association": association}, fields)
