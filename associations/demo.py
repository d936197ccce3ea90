"""Demo associations in Kalundborg Kommune (associations/demo_data/associations.yaml): their
people, roles, venues, activities, child-record declarations, board needs, and a volunteer fair
on the next Frivillig Fredag with stands. The demo volunteer (frivillig@) chairs Høng
Idrætsforening and consents to show her completed courses, so the board competence overview has
something to show. Every state but the association and fair rows comes from
associations.services: the consultant verifies and gives the roles, each person gives their own
consent, the admins do the rest; their emails are dropped. Idempotent: associations and the fair
by slug; an association that exists is left as it is.
"""

from datetime import time, timedelta

from django.utils import timezone

from associations import services
from associations.models import Association, AssociationRole, Category, Fair, FairStand
from associations.queries import next_frivillig_fredag
from core import demo_support as demo
from taxonomy.models import Topic

VOLUNTEER = "frivillig@frivilligloeft.test"
# The YAML's keys of an association that are no fields of it.
PARTS = ("categories", "roles", "invitations", "venues", "activities", "declarations")
PARTS += ("needs", "stand", "verified_by_staff")


def _admin(association: Association):
    role = AssociationRole.objects.filter(association=association, is_admin=True).first()
    return role.user if role else None


def _association(data: dict, categories: dict, people: dict, consultant) -> Association:
    association, created = demo.ensure_row(
        Association,
        {"slug": data["slug"]},
        demo.without(data, "slug", *PARTS),
        many={"categories": demo.resolve(categories, data["categories"])},
    )
    if not created or consultant is None:
        return association
    if data["verified_by_staff"]:
        services.verify_association(association, by=consultant)
    for role in data["roles"]:
        if (user := people.get(role["person"])) is not None:
            kind = {"role": role["role"], "is_admin": role["is_admin"]}
            given = services.add_person(association, user.email, by=consultant, **kind)
            if role["consent_show_competences"]:
                services.set_competence_consent(given, by=user, consent=True)
    admin = _admin(association)
    if admin is None:
        return association
    venues = {v["name"]: services.save_venue(association, v, by=admin) for v in data["venues"]}
    for activity in data["activities"]:
        fields = demo.without(activity, "days_from_today", "at", "hours")
        fields["venue"] = venues.get(activity["venue"])
        if "days_from_today" in activity:
            fields["starts_at"] = demo.demo_datetime(activity["days_from_today"], activity["at"])
            fields["ends_at"] = fields["starts_at"] + timedelta(hours=activity["hours"])
        services.save_activity(association, fields, by=admin)
    for offset in data["declarations"]:
        declared_at = timezone.now() - timedelta(days=30) + timedelta(days=365 * offset)
        year = timezone.localdate().year + offset
        services.declare_child_records(association, year, by=admin, now=declared_at)
    for invitation in data.get("invitations", []):
        # Waiting for an answer; the link went out by email (dropped), only its hash is kept.
        services.invite_person(association, invitation["email"], by=admin, role=invitation["role"])
    for need in data["needs"]:
        if (topic := Topic.objects.filter(slug=need["topic"]).first()) is not None:
            services.add_competence_need(association, topic, need["note"], by=admin)
    return association


def seed(command):
    data = demo.load_demo_data("associations", "associations")
    categories = demo.ensure_rows(Category, data["categories"])
    people = dict(zip(data["people"], demo.ensure_people(data["people"].values()), strict=True))
    people[VOLUNTEER] = demo.demo_user(VOLUNTEER)
    consultant = demo.demo_user("konsulent@frivilligloeft.test")
    with demo.emails_dropped("associations"):
        associations = [
            _association(association, categories, people, consultant)
            for association in data["associations"]
        ]

    fair_date = next_frivillig_fredag()
    fair = dict(data["fair"], date=fair_date, is_published=True)
    fair["title"] += f" {fair_date.year}"
    fair["registration_deadline"] = fair_date - timedelta(days=14)
    fair["starts_at"], fair["ends_at"] = (
        time.fromisoformat(fair[k]) for k in ("starts_at", "ends_at")
    )
    fair, _ = demo.ensure_row(Fair, {"slug": f"frivilligmesse-{fair_date.year}"}, fair)
    # Registered before the deadline, even when the demo is seeded after it.
    today = min(timezone.localdate(), fair.registration_deadline)
    for spec, association in zip(data["associations"], associations, strict=True):
        admin = _admin(association)
        stand = FairStand.objects.filter(fair=fair, association=association).exists()
        if spec["stand"] and admin is not None and not stand:
            services.register_stand(fair, association, by=admin, today=today, **spec["stand"])
