"""Demo associations in Kalundborg Kommune: a sports club, a social-work group, a village hall,
an activity centre, scouts, a nature group, a language café and one hidden association; their
people, venues, activities, child-record declarations, board needs, and a volunteer fair on the
next Frivillig Fredag with stands.

Idempotent: associations are found by slug, categories by slug, people by email, venues and
activities by association and name, the fair by slug; nothing that exists is changed. The
demo volunteer (frivillig@) chairs Høng Idrætsforening and consents to show her completed
courses, so the board competence overview has something to show. The content is
associations/demo_data/associations.yaml.
"""

from datetime import time, timedelta

from django.utils import timezone

from accounts.models import User
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
from core.demo_support import demo_datetime, load_demo_data
from core.tokens import hash_token, new_token
from taxonomy.models import Topic

VOLUNTEER = "frivillig@frivilligloeft.test"


def _person(person: dict) -> User:
    user = User.objects.filter(email=person["email"]).first()
    if user is None:
        user = User.objects.create_user(person["email"], None, full_name=person["name"])
    return user


def seed(command):
    demo = load_demo_data("associations", "associations")
    categories = {}
    for category in demo["categories"]:
        categories[category["slug"]], _ = Category.objects.get_or_create(
            slug=category["slug"],
            defaults={"name": category["name"], "name_en": category["name_en"]},
        )
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    now = timezone.now()
    year = timezone.localdate().year
    by_slug = {}

    for data in demo["associations"]:
        association = Association.objects.filter(slug=data["slug"]).first()
        if association is None:
            association = Association.objects.create(
                slug=data["slug"],
                name=data["name"],
                cvr=data.get("cvr", ""),
                town=data["town"],
                address=data["address"],
                summary=data["summary"],
                description=data["description"],
                website=data.get("website", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                is_public=data.get("is_public", True),
                verified_by_staff=data["verified"],
                verified_at=now if data["verified"] else None,
            )
            association.categories.set([categories[slug] for slug in data["categories"]])
        by_slug[data["slug"]] = association

        for role in data["roles"]:
            key = role["person"]
            user = volunteer if key == VOLUNTEER else _person(demo["people"][key])
            if user is None:
                continue
            AssociationRole.objects.get_or_create(
                association=association,
                user=user,
                role=role["role"],
                defaults={
                    "is_admin": role["is_admin"],
                    "consent_show_competences": role["consent"],
                },
            )

        venues = {}
        for venue_data in data["venues"]:
            venues[venue_data["name"]], _ = Venue.objects.get_or_create(
                association=association,
                name=venue_data["name"],
                defaults={
                    "address": venue_data["address"],
                    "accessibility": venue_data["accessibility"],
                    "capacity": venue_data["capacity"],
                },
            )
        for activity in data["activities"]:
            if Activity.objects.filter(association=association, title=activity["title"]).exists():
                continue
            starts_at = ends_at = None
            if "days_from_today" in activity:
                starts_at = demo_datetime(activity["days_from_today"], activity["at"])
                ends_at = starts_at + timedelta(hours=activity["hours"])
            Activity.objects.create(
                association=association,
                title=activity["title"],
                description=activity["description"],
                schedule=activity.get("schedule", ""),
                starts_at=starts_at,
                ends_at=ends_at,
                venue=venues.get(activity["venue"]),
                audience=activity["audience"],
                looking_for_volunteers=activity["looking_for_volunteers"],
            )

        declarer = AssociationRole.objects.filter(association=association, is_admin=True).first()
        for offset in data["declarations"]:
            ChildRecordDeclaration.objects.get_or_create(
                association=association,
                year=year + offset,
                defaults={
                    "declared_by": declarer.user if declarer else None,
                    "declared_at": now - timedelta(days=30 - 365 * offset),
                },
            )

        for invitation in data.get("invitations", []):
            # Waiting for an answer; the link itself went out by email, only its hash is kept.
            inviter = AssociationRole.objects.filter(association=association, is_admin=True).first()
            AssociationInvitation.objects.get_or_create(
                association=association,
                email=invitation["email"],
                defaults={
                    "role": invitation["role"],
                    "token_hash": hash_token(new_token()),
                    "invited_by": inviter.user if inviter else None,
                    "expires_at": now + timedelta(days=INVITATION_DAYS - 3),
                },
            )

        for need in data["needs"]:
            topic = Topic.objects.filter(slug=need["topic"]).first()
            if topic is not None:
                BoardCompetenceNeed.objects.get_or_create(
                    association=association, topic=topic, defaults={"note": need["note"]}
                )

    fair_date = next_frivillig_fredag()
    fair_slug = f"frivilligmesse-{fair_date.year}"
    fair_data = demo["fair"]
    fair, _ = Fair.objects.get_or_create(
        slug=fair_slug,
        defaults={
            **fair_data,
            "starts_at": time.fromisoformat(fair_data["starts_at"]),
            "ends_at": time.fromisoformat(fair_data["ends_at"]),
            "title": f"{fair_data['title']} {fair_date.year}",
            "date": fair_date,
            "registration_deadline": fair_date - timedelta(days=14),
            "is_published": True,
        },
    )
    for data in demo["associations"]:
        if not data["stand"]:
            continue
        association = by_slug[data["slug"]]
        registrar = AssociationRole.objects.filter(association=association, is_admin=True).first()
        FairStand.objects.get_or_create(
            fair=fair,
            association=association,
            defaults={
                "offer": data["stand"]["offer"],
                "volunteers_sought": data["stand"]["volunteers_sought"],
                "registered_by": registrar.user if registrar else None,
            },
        )
