"""Demo networks: three networks (open, by approval, by invitation) with meetings, notes from a
past meeting, members and a couple of sparring requests.

Idempotent: networks are found by slug, meetings by network and title, sparring requests by
requester and subject; nothing that exists is changed. Dates are relative to today.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from courses.models import Audience, Topic
from networks.models import (
    JoinPolicy,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMeeting,
    Rsvp,
    SparringReply,
    SparringRequest,
    SparringStatus,
)

VOLUNTEER = "frivillig@frivilligloeft.test"
CONSULTANT = "konsulent@frivilligloeft.test"

# (slug, name, name in English) – found by name or slug, so the courses demo may own them.
TOPICS = [
    ("bestyrelsesarbejde", "Bestyrelsesarbejde", "Board work"),
    ("oekonomi-og-regnskab", "Økonomi og regnskab", "Finance and accounts"),
    ("ledelse-af-frivillige", "Ledelse af frivillige", "Leading volunteers"),
    ("rekruttering-og-fastholdelse", "Rekruttering og fastholdelse", "Recruiting and retaining"),
]

NETWORKS = [
    {
        "slug": "netvaerk-for-formaend",
        "name": "Netværk for formænd",
        "summary": (
            "For formænd og forpersoner i foreninger i kommunen. Vi mødes fire gange om året "
            "og deler erfaringer med bestyrelsesarbejde, generalforsamlinger og frivillige."
        ),
        "description": (
            "Som formand står man ofte alene med de svære beslutninger. I netværket møder du "
            "andre, der kender opgaven: at holde sammen på en bestyrelse, få generalforsamlingen "
            "til at glide og finde de næste frivillige.\n\n"
            "Hvert møde har et tema, som en af deltagerne eller en frivilligkonsulent lægger op "
            "til, og bagefter er der tid til jeres egne spørgsmål. Netværket er åbent for alle "
            "formænd og forpersoner – du melder dig selv ind."
        ),
        "audience": Audience.BOARD_MEMBERS,
        "join_policy": JoinPolicy.OPEN,
        "topics": ["bestyrelsesarbejde", "rekruttering-og-fastholdelse"],
        "meetings": [
            {
                "title": "Generalforsamlingen uden knaster",
                "days": 12,
                "start": time(19, 0),
                "hours": 2,
                "place_name": "Frivilligcenter Kalundborg",
                "place_address": "Skibbrogade 40, 4400 Kalundborg",
                "agenda": (
                    "1. Velkomst og kort runde\n2. Oplæg: Indkaldelse, dagsorden og dirigent – "
                    "hvad siger vedtægterne?\n3. Erfaringer fra sidste års generalforsamlinger\n"
                    "4. Spørgsmål og næste møde"
                ),
                "capacity": 30,
            },
            {
                "title": "Når bestyrelsen er uenig",
                "days": 75,
                "start": time(19, 0),
                "hours": 2,
                "place_name": "Rådhuset, mødelokale 2",
                "place_address": "Holbækvej 141, 4400 Kalundborg",
                "agenda": "Oplæg om konflikthåndtering i bestyrelser og erfaringsudveksling.",
            },
            {
                "title": "Nye frivillige – hvor finder vi dem?",
                "days": -30,
                "start": time(19, 0),
                "hours": 2,
                "place_name": "Frivilligcenter Kalundborg",
                "place_address": "Skibbrogade 40, 4400 Kalundborg",
                "agenda": "Rekruttering af frivillige og nye bestyrelsesmedlemmer.",
                "notes": (
                    "Til stede: 14 formænd fra idræt, kultur og det sociale område.\n\n"
                    "Det vigtigste fra aftenen:\n"
                    "- Personlige henvendelser virker bedst: spørg én, du kender, om en konkret "
                    "og afgrænset opgave.\n"
                    "- Flere foreninger har god erfaring med at lade nye prøve en opgave i tre "
                    "måneder, før de vælges ind.\n"
                    "- Frivilligmessen i september er en god anledning – tilmelding via "
                    "frivilligkonsulenterne.\n\n"
                    "Aftalt: Næste møde handler om generalforsamlingen. Mette deler sin skabelon "
                    "til indkaldelse med netværket."
                ),
            },
        ],
    },
    {
        "slug": "kasserernetvaerket",
        "name": "Kasserernetværket",
        "summary": (
            "For kasserere og regnskabsansvarlige. Vi hjælper hinanden med budget, regnskab, "
            "tilskud og de digitale værktøjer – en koordinator godkender nye medlemmer."
        ),
        "description": (
            "Kassereren har et stort ansvar og ofte få at spørge. I Kasserernetværket kan du "
            "stille de spørgsmål, du ikke fik svar på i vedtægterne: Hvordan laver vi et "
            "realistisk budget? Hvad kræver kommunen, når vi søger tilskud? Hvilket "
            "regnskabsprogram passer til en lille forening?\n\n"
            "Netværket er for dig, der er kasserer eller skal være det. En koordinator godkender "
            "nye medlemmer, så vi kan tale frit om økonomien i vores foreninger."
        ),
        "audience": Audience.BOARD_MEMBERS,
        "join_policy": JoinPolicy.APPROVAL,
        "topics": ["oekonomi-og-regnskab", "bestyrelsesarbejde"],
        "meetings": [
            {
                "title": "Budget og regnskab for begyndere",
                "days": 20,
                "start": time(17, 0),
                "hours": 2,
                "place_name": "Kalundborg Bibliotek, mødelokalet",
                "place_address": "Esplanaden 4, 4400 Kalundborg",
                "agenda": (
                    "Vi gennemgår et eksempel på et foreningsbudget og taler om, hvordan "
                    "regnskabet kan gøres overskueligt for resten af bestyrelsen."
                ),
                "capacity": 20,
            },
            {
                "title": "Søg tilskud – sådan gør I",
                "days": 50,
                "start": time(17, 0),
                "hours": 1,
                "online_link": "https://meet.example.org/kasserernetvaerket",
                "agenda": "Online møde om kommunens tilskudsordninger og fonde.",
            },
        ],
    },
    {
        "slug": "frivilligkoordinatorer-paa-plejecentre",
        "name": "Frivilligkoordinatorer på plejecentre",
        "summary": (
            "Et lukket netværk for frivilligkoordinatorer på kommunens plejecentre. "
            "Deltagelse sker efter invitation."
        ),
        "description": (
            "Netværket samler de frivilligkoordinatorer, der hver dag får frivillige og "
            "medarbejdere til at spille sammen på plejecentrene. Vi deler erfaringer med "
            "introduktion af nye frivillige, tavshedspligt og samarbejdet med personalet.\n\n"
            "Netværket er lukket, fordi vi taler om konkrete forløb. Er du frivilligkoordinator "
            "på et plejecenter og vil være med, så skriv til frivilligkonsulenterne."
        ),
        "audience": Audience.VOLUNTEER_LEADERS,
        "join_policy": JoinPolicy.INVITATION,
        "is_listed": True,
        "topics": ["ledelse-af-frivillige"],
        "meetings": [
            {
                "title": "Introduktion af nye frivillige",
                "days": 30,
                "start": time(14, 0),
                "hours": 2,
                "place_name": "Plejecenter Søndergården, cafeen",
                "place_address": "Søndergade 10, 4400 Kalundborg",
                "agenda": "Hvordan tager vi godt imod nye frivillige? Erfaringer og materialer.",
            },
        ],
    },
]

SPARRING = [
    {
        "subject": "Uenighed i bestyrelsen om kontingentet",
        "topic": "bestyrelsesarbejde",
        "association": "Gørlev Boldklub",
        "description": (
            "Vi er fem i bestyrelsen og helt uenige om, hvorvidt kontingentet skal stige. "
            "Stemningen på møderne er blevet dårlig. Kan vi tale om, hvordan vi kommer videre "
            "inden generalforsamlingen?"
        ),
        "contact_method": "phone",
        "phone": "12 34 56 78",
        "reply": (
            "Tak for din henvendelse. Det lyder som en situation, mange bestyrelser kender. "
            "Jeg ringer dig op i næste uge, så vi kan tale om, hvordan I kan lægge beslutningen "
            "frem for generalforsamlingen. – Karim"
        ),
    },
    {
        "subject": "Hjælp til vores første fondsansøgning",
        "topic": "oekonomi-og-regnskab",
        "association": "Høng Lokalhistoriske Forening",
        "description": (
            "Vi vil gerne søge penge til at digitalisere vores fotoarkiv, men har aldrig skrevet "
            "en fondsansøgning før. Hvor skal vi starte?"
        ),
        "contact_method": "email",
        "phone": "",
        "reply": None,
    },
]


def _topic(slug: str, name: str, name_en: str) -> Topic:
    topic = Topic.objects.filter(name=name).first() or Topic.objects.filter(slug=slug).first()
    if topic is None:
        topic = Topic.objects.create(slug=slug, name=name, name_en=name_en)
    return topic


def _at(days: int, start: time) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, start))


def seed(command):
    topics = {slug: _topic(slug, name, name_en) for slug, name, name_en in TOPICS}
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    consultant = User.objects.filter(email=CONSULTANT).first()
    now = timezone.now()

    for data in NETWORKS:
        network = Network.objects.filter(slug=data["slug"]).first()
        if network is None:
            network = Network.objects.create(
                slug=data["slug"],
                name=data["name"],
                summary=data["summary"],
                description=data["description"],
                audience=data["audience"],
                join_policy=data["join_policy"],
                is_listed=data.get("is_listed", True),
                contact_email="frivillig@kalundborg.example.dk",
            )
            network.topics.set([topics[slug] for slug in data["topics"]])
        if consultant is not None:
            Membership.objects.get_or_create(
                network=network,
                user=consultant,
                defaults={
                    "status": MembershipStatus.ACTIVE,
                    "role": MembershipRole.COORDINATOR,
                    "association": "Kalundborg Kommune, frivilligkonsulent",
                    "show_name_to_members": True,
                    "joined_at": now,
                    "requested_at": now,
                },
            )
        for meeting_data in data["meetings"]:
            if NetworkMeeting.objects.filter(network=network, title=meeting_data["title"]).exists():
                continue
            starts_at = _at(meeting_data["days"], meeting_data["start"])
            NetworkMeeting.objects.create(
                network=network,
                title=meeting_data["title"],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=meeting_data["hours"]),
                place_name=meeting_data.get("place_name", ""),
                place_address=meeting_data.get("place_address", ""),
                online_link=meeting_data.get("online_link", ""),
                agenda=meeting_data["agenda"],
                capacity=meeting_data.get("capacity"),
                notes=meeting_data.get("notes", ""),
                notes_updated_at=now if meeting_data.get("notes") else None,
                created_by=consultant,
            )

    # The demo volunteer is a member of the open network and has answered its next meeting.
    if volunteer is not None:
        chairs = Network.objects.get(slug="netvaerk-for-formaend")
        _membership, created = Membership.objects.get_or_create(
            network=chairs,
            user=volunteer,
            defaults={
                "status": MembershipStatus.ACTIVE,
                "association": "Kalundborg Roklub",
                "show_name_to_members": True,
                "joined_at": now,
                "requested_at": now,
            },
        )
        if created:
            next_meeting = chairs.meetings.filter(starts_at__gt=now).order_by("starts_at").first()
            if next_meeting is not None:
                Rsvp.objects.get_or_create(
                    meeting=next_meeting, user=volunteer, defaults={"answer": "yes"}
                )
        for data in SPARRING:
            if SparringRequest.objects.filter(
                requester=volunteer, subject=data["subject"]
            ).exists():
                continue
            request = SparringRequest.objects.create(
                requester=volunteer,
                subject=data["subject"],
                topic=topics[data["topic"]],
                association=data["association"],
                description=data["description"],
                contact_method=data["contact_method"],
                phone=data["phone"],
            )
            if data["reply"] and consultant is not None:
                SparringReply.objects.create(
                    request=request, author=consultant, from_staff=True, body=data["reply"]
                )
                request.status = SparringStatus.ANSWERED
                request.assigned_to = consultant
                request.assigned_at = request.answered_at = now
                request.save()
    return []
