"""Demo associations in Kalundborg Kommune: a sports club, a social-work group, a village hall,
an activity centre, scouts, a nature group, a language café and one hidden association; their
people, venues, activities, child-record declarations, board needs, and a volunteer fair on the
next Frivillig Fredag with stands.

Idempotent: associations are found by slug, categories by slug, people by email, venues and
activities by association and name, the fair by slug; nothing that exists is changed. The
demo volunteer (frivillig@) chairs Høng Idrætsforening and consents to show her completed
courses, so the board competence overview has something to show.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from associations.models import (
    Activity,
    ActivityAudience,
    Association,
    AssociationRole,
    BoardCompetenceNeed,
    Category,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    RoleKind,
    Venue,
)
from associations.queries import next_frivillig_fredag
from courses.models import Topic

VOLUNTEER = "frivillig@frivilligloeft.test"

CATEGORIES = [
    ("idraet", "Idræt og motion", "Sport and exercise"),
    ("socialt-arbejde", "Socialt arbejde", "Social work"),
    ("kultur-og-faellesskab", "Kultur og fællesskab", "Culture and community"),
    ("seniorer", "Seniorer", "Seniors"),
    ("boern-og-unge", "Børn og unge", "Children and young people"),
    ("natur-og-miljoe", "Natur og miljø", "Nature and environment"),
    ("integration", "Integration og sprog", "Integration and language"),
]

# Board members and volunteers of the demo associations. They cannot log in.
PEOPLE = {
    "lars": ("lars.mikkelsen@demo.frivilligloeft.test", "Lars Mikkelsen"),
    "hanne": ("hanne.juul@demo.frivilligloeft.test", "Hanne Juul"),
    "ahmad": ("ahmad.rahimi@demo.frivilligloeft.test", "Ahmad Rahimi"),
    "birthe": ("birthe.olsen@demo.frivilligloeft.test", "Birthe Olsen"),
    "poul": ("poul.erik.madsen@demo.frivilligloeft.test", "Poul Erik Madsen"),
    "sofie": ("sofie.lund@demo.frivilligloeft.test", "Sofie Lund"),
    "karen": ("karen.thygesen@demo.frivilligloeft.test", "Karen Thygesen"),
    "niels": ("niels.brix@demo.frivilligloeft.test", "Niels Brix"),
    "maja": ("maja.kristensen@demo.frivilligloeft.test", "Maja Kristensen"),
}

ASSOCIATIONS = [
    {
        "slug": "hoeng-idraetsforening",
        "name": "Høng Idrætsforening",
        "cvr": "29189846",
        "town": "Høng",
        "address": "Stadionvej 4, 4270 Høng",
        "categories": ["idraet", "boern-og-unge"],
        "summary": (
            "Fodbold, håndbold, badminton og motionsløb for alle aldre – drevet af omkring 80 "
            "frivillige trænere, holdledere og hjælpere."
        ),
        "description": (
            "Høng Idrætsforening blev stiftet i 1921 og er i dag byens største forening med "
            "godt 600 medlemmer. Vi har hold fra de helt små på 4 år til oldboys og "
            "motionister over 70.\n\n"
            "Alt hos os bliver lavet af frivillige: trænere, holdledere, kagebagere til "
            "stævnerne og dem, der kridter banerne. Har du lyst til at give en hånd – en time "
            "om ugen eller en lørdag om året – så kontakt os. Vi sørger for, at du kommer godt "
            "i gang, og betaler gerne et trænerkursus."
        ),
        "website": "https://hoeng-if.example.dk",
        "email": "kontakt@hoeng-if.example.dk",
        "phone": "59 26 10 21",
        "verified": True,
        "roles": [
            (VOLUNTEER, RoleKind.CHAIR, True, True),
            ("lars", RoleKind.BOARD_MEMBER, True, True),
            ("hanne", RoleKind.BOARD_MEMBER, False, False),
            ("maja", RoleKind.VOLUNTEER_LEADER, False, False),
        ],
        "venues": [
            {
                "name": "Høng Hallen",
                "address": "Stadionvej 4, 4270 Høng",
                "accessibility": (
                    "Niveaufri adgang fra parkeringspladsen, handicaptoilet ved omklædningen, "
                    "teleslynge i cafeteriet."
                ),
                "capacity": 400,
            },
            {
                "name": "Stadion, bane 1–3",
                "address": "Stadionvej 6, 4270 Høng",
                "accessibility": (
                    "Grusstier mellem banerne; P-pladser for handicappede ved klubhuset."
                ),
                "capacity": None,
            },
        ],
        "activities": [
            {
                "title": "Fodbold for de mindste (U6–U8)",
                "schedule": "tirsdage 16.30–17.30, april–oktober",
                "venue": "Stadion, bane 1–3",
                "audience": ActivityAudience.CHILDREN,
                "looking_for_volunteers": True,
                "description": (
                    "Leg med bold for børn på 4–7 år. Forældre er velkomne på sidelinjen. "
                    "Vi søger to hjælpetrænere – du behøver ikke kunne spille fodbold selv, "
                    "bare kunne lide børn."
                ),
            },
            {
                "title": "Motionsbadminton for voksne",
                "schedule": "torsdage 19–21",
                "venue": "Høng Hallen",
                "audience": ActivityAudience.ADULTS,
                "looking_for_volunteers": False,
                "description": "Uformelt spil på tværs af niveauer. Ketsjere kan lånes.",
            },
            {
                "title": "Høng Løbet",
                "days": 190,
                "start": time(10, 0),
                "hours": 3,
                "venue": "Stadion, bane 1–3",
                "audience": ActivityAudience.EVERYONE,
                "looking_for_volunteers": True,
                "description": (
                    "Byens motionsløb på 2,5, 5 og 10 km. Vi skal bruge 25 frivillige til "
                    "væskedepoter, tidtagning og oprydning."
                ),
            },
        ],
        "declarations": [0, -1],
        "needs": [
            ("oekonomi", "Vores kasserer stopper til foråret, og ingen andre kender regnskabet."),
            ("fondsansoegning", "Vi vil søge penge til nye mål og en kunstgræsbane."),
            ("ledelse-af-frivillige", ""),
        ],
        "stand": (
            "Prøv straffespark og badminton, og hør om vores hold for børn og voksne.",
            "Hjælpetrænere til børnefodbold og frivillige til Høng Løbet.",
        ),
    },
    {
        "slug": "cafe-kompasset",
        "name": "Café Kompasset – frivillige i socialt arbejde",
        "cvr": "35954716",
        "town": "Kalundborg",
        "address": "Skibbrogade 40, 4400 Kalundborg",
        "categories": ["socialt-arbejde"],
        "summary": (
            "Et værested med fællesspisning, besøgsvenner og en hjælpende hånd med breve fra "
            "det offentlige – for alle, der har brug for et fællesskab."
        ),
        "description": (
            "Café Kompasset er et frivilligt drevet værested midt i Kalundborg. Her kan du "
            "få en kop kaffe, et varmt måltid og nogen at tale med. Vi har også besøgsvenner, "
            "der kommer hjem til ensomme ældre, og en brevhjælp, hvor du kan få hjælp til at "
            "forstå breve fra kommunen, Skat eller lægen.\n\n"
            "Vi er omkring 40 frivillige i alle aldre. Nogle laver mad, andre er bare til stede. "
            "Alle får en introduktion og kan deltage i vores kurser og supervision."
        ),
        "email": "kompasset@example.dk",
        "phone": "59 51 22 40",
        "verified": True,
        "roles": [
            ("birthe", RoleKind.CHAIR, True, True),
            ("ahmad", RoleKind.BOARD_MEMBER, False, True),
            ("sofie", RoleKind.VOLUNTEER_LEADER, True, False),
        ],
        "venues": [
            {
                "name": "Caféen i Skibbrogade",
                "address": "Skibbrogade 40, 4400 Kalundborg",
                "accessibility": ("Rampe ved indgangen, handicaptoilet. Tre trin op til køkkenet."),
                "capacity": 45,
            },
        ],
        "activities": [
            {
                "title": "Fællesspisning",
                "schedule": "torsdage kl. 17.30 – 30 kr. for voksne, børn gratis",
                "venue": "Caféen i Skibbrogade",
                "audience": ActivityAudience.EVERYONE,
                "looking_for_volunteers": True,
                "description": (
                    "Vi laver mad til 30–40 personer hver torsdag. Vi søger flere frivillige "
                    "til madholdet – gerne nogen, der kan lide at lave mad i store gryder."
                ),
            },
            {
                "title": "Besøgsvenner",
                "schedule": "efter aftale, typisk en time om ugen",
                "venue": None,
                "audience": ActivityAudience.SENIORS,
                "looking_for_volunteers": True,
                "description": (
                    "En besøgsven kommer fast hjem til en ældre, der sidder meget alene. Man "
                    "går en tur, drikker kaffe eller spiller kort."
                ),
            },
            {
                "title": "Brevhjælp",
                "schedule": "mandage 10–12",
                "venue": "Caféen i Skibbrogade",
                "audience": ActivityAudience.ADULTS,
                "looking_for_volunteers": False,
                "description": "Hjælp til at læse og svare på breve og digital post.",
            },
        ],
        "declarations": [0],
        "needs": [("konflikthaandtering", "Vi møder mennesker i krise og vil stå stærkere.")],
        "stand": (
            "Smag på torsdagens suppe og mød nogle af vores besøgsvenner.",
            "Frivillige til madholdet og nye besøgsvenner.",
        ),
    },
    {
        "slug": "ubby-forsamlingshus",
        "name": "Ubby Forsamlingshus",
        "town": "Ubby",
        "address": "Bygaden 12, 4490 Jerslev Sjælland",
        "categories": ["kultur-og-faellesskab"],
        "summary": (
            "Landsbyens samlingssted siden 1889: fællesspisning, banko, foredrag og fester – "
            "og et hus, der kan lejes til familiefesten."
        ),
        "description": (
            "Forsamlingshuset ejes af en forening med omkring 150 husstande som medlemmer. "
            "Bestyrelsen og en flok frivillige står for arrangementerne, vedligeholdelsen og "
            "udlejningen.\n\n"
            "Vi vil gerne have flere yngre familier med og søger frivillige, der har lyst til "
            "at stå for et enkelt arrangement om året."
        ),
        "email": "bestyrelsen@ubby-forsamlingshus.example.dk",
        "verified": False,
        "roles": [
            ("poul", RoleKind.CHAIR, True, False),
            ("karen", RoleKind.CONTACT_PERSON, False, False),
        ],
        "venues": [
            {
                "name": "Den store sal",
                "address": "Bygaden 12, 4490 Jerslev Sjælland",
                "accessibility": "Niveaufri adgang via sidedøren. Handicaptoilet.",
                "capacity": 120,
            },
        ],
        "activities": [
            {
                "title": "Fællesspisning første fredag i måneden",
                "schedule": "første fredag i måneden kl. 18",
                "venue": "Den store sal",
                "audience": ActivityAudience.FAMILIES,
                "looking_for_volunteers": False,
                "description": "Tilmelding senest onsdag. Tag selv drikkevarer med.",
            },
            {
                "title": "Høstfest",
                "days": 300,
                "start": time(18, 30),
                "hours": 6,
                "venue": "Den store sal",
                "audience": ActivityAudience.EVERYONE,
                "looking_for_volunteers": True,
                "description": (
                    "Spisning, musik og lotteri. Vi søger hjælpere til opstilling, bar og "
                    "oprydning."
                ),
            },
        ],
        "declarations": [],
        "needs": [("bestyrelsesarbejde", "")],
        "stand": None,
    },
    {
        "slug": "aktivitetscentret-goerlev",
        "name": "Aktivitetscentret i Gørlev – brugerrådet",
        "town": "Gørlev",
        "address": "Kirkevej 3, 4281 Gørlev",
        "categories": ["seniorer"],
        "summary": (
            "Brugerrådet og de frivillige på aktivitetscentret laver motion, hygge og IT-hjælp "
            "for seniorer i og omkring Gørlev."
        ),
        "description": (
            "Aktivitetscentret er kommunens, men aktiviteterne er de frivilliges. Brugerrådet "
            "planlægger ugens program sammen med centrets medarbejder, og mere end 30 "
            "frivillige står for holdene.\n\n"
            "Lige nu mangler vi især frivillige til IT-caféen, hvor seniorer får hjælp til "
            "MitID, e-Boks og billeder på telefonen."
        ),
        "email": "aktivitetscentret.goerlev@example.dk",
        "phone": "59 53 62 00",
        "verified": True,
        "roles": [
            ("karen", RoleKind.CHAIR, True, False),
            ("niels", RoleKind.VOLUNTEER_LEADER, False, False),
        ],
        "venues": [
            {
                "name": "Aktivitetscentret",
                "address": "Kirkevej 3, 4281 Gørlev",
                "accessibility": "Helt niveaufrit, elevator til 1. sal, teleslynge i salen.",
                "capacity": 80,
            },
        ],
        "activities": [
            {
                "title": "Stolegymnastik",
                "schedule": "mandage og onsdage 10–11",
                "venue": "Aktivitetscentret",
                "audience": ActivityAudience.SENIORS,
                "looking_for_volunteers": False,
                "description": "Blid motion til musik – alle kan være med.",
            },
            {
                "title": "IT-caféen",
                "schedule": "tirsdage 13–15",
                "venue": "Aktivitetscentret",
                "audience": ActivityAudience.SENIORS,
                "looking_for_volunteers": True,
                "description": (
                    "Hjælp til telefon, tablet og computer. Vi søger tålmodige frivillige, "
                    "der er fortrolige med MitID og e-Boks."
                ),
            },
        ],
        "declarations": [],
        "needs": [("digitale-vaerktoejer", "")],
        "stand": (
            "Prøv stolegymnastik på stedet, og få en snak om IT-caféen.",
            "IT-hjælpere og en ny holdleder til petanque.",
        ),
    },
    {
        "slug": "svebolle-spejderne",
        "name": "Svebølle Spejderne",
        "town": "Svebølle",
        "address": "Spejdervej 2, 4470 Svebølle",
        "categories": ["boern-og-unge", "natur-og-miljoe"],
        "summary": (
            "Spejderliv for børn og unge fra 6 til 17 år: bål, knob, hike og sommerlejr – med "
            "frivillige ledere, der alle har børneattest."
        ),
        "description": (
            "Vi mødes i hytten ved skoven hver uge og tager på ture og lejre flere gange om "
            "året. Spejderarbejdet er båret af frivillige ledere, ofte forældre, som selv har "
            "fået smag for det.\n\n"
            "Vi indhenter børneattest for alle ledere og hjælpere, og nye ledere kommer på "
            "grundkursus i deres første år."
        ),
        "email": "gruppeleder@svebolle-spejderne.example.dk",
        "verified": True,
        "roles": [
            ("niels", RoleKind.CHAIR, True, False),
            ("maja", RoleKind.VOLUNTEER_LEADER, False, False),
        ],
        "venues": [
            {
                "name": "Spejderhytten Egely",
                "address": "Spejdervej 2, 4470 Svebølle",
                "accessibility": "Hytten har tre trin; bålpladsen nås ad en grussti.",
                "capacity": 50,
            },
        ],
        "activities": [
            {
                "title": "Mini- og juniorspejder (6–12 år)",
                "schedule": "onsdage 17–19",
                "venue": "Spejderhytten Egely",
                "audience": ActivityAudience.CHILDREN,
                "looking_for_volunteers": True,
                "description": "Vi søger en ny leder eller to – gerne forældre.",
            },
            {
                "title": "Troppen (12–17 år)",
                "schedule": "torsdage 19–21",
                "venue": "Spejderhytten Egely",
                "audience": ActivityAudience.YOUNG,
                "looking_for_volunteers": False,
                "description": "Patruljearbejde, hike og planlægning af sommerlejren.",
            },
        ],
        "declarations": [0],
        "needs": [],
        "stand": (
            "Bål, snobrød og knobkonkurrence for børn.",
            "Voksne, der vil være spejderledere – ingen erfaring nødvendig.",
        ),
    },
    {
        "slug": "roesnaes-naturplejeforening",
        "name": "Røsnæs Naturplejeforening",
        "town": "Røsnæs",
        "address": "Røsnæsvej 250, 4400 Kalundborg",
        "categories": ["natur-og-miljoe"],
        "summary": (
            "Vi passer overdrev og strandenge på Røsnæs sammen med kommunen – med le, "
            "kratrydning og græssende får."
        ),
        "description": (
            "Foreningen holder naturplejedage en lørdag om måneden, hvor vi rydder krat, "
            "slår med le og tæller orkidéer. Bagefter er der kaffe og kage i det fri."
        ),
        "email": "naturpleje.roesnaes@example.dk",
        "verified": False,
        "roles": [("sofie", RoleKind.CHAIR, True, False)],
        "venues": [],
        "activities": [
            {
                "title": "Naturplejedag",
                "schedule": "anden lørdag i måneden 9–13",
                "venue": None,
                "audience": ActivityAudience.EVERYONE,
                "looking_for_volunteers": True,
                "description": "Mødested: P-pladsen ved Røsnæs Fyr. Husk arbejdshandsker.",
            },
        ],
        "declarations": [],
        "needs": [],
        "stand": None,
    },
    {
        "slug": "sprogcafeen-kalundborg",
        "name": "Sprogcaféen Kalundborg",
        "town": "Kalundborg",
        "address": "Kalundborg Bibliotek, Klosterparkvej 2, 4400 Kalundborg",
        "categories": ["integration"],
        "summary": (
            "Øv dansk over en kop kaffe med frivillige sprogvenner – og få hjælp til lektier, "
            "jobansøgninger og hverdagens spørgsmål."
        ),
        "description": (
            "Sprogcaféen er for alle, der vil blive bedre til dansk. Vi taler om løst og fast, "
            "spiller spil og hjælper med det, man har brug for. Frivillige sprogvenner behøver "
            "ingen undervisningserfaring, kun tålmodighed og lyst til at lytte."
        ),
        "email": "sprogcafe.kalundborg@example.dk",
        "verified": True,
        "roles": [("ahmad", RoleKind.CHAIR, True, False)],
        "venues": [
            {
                "name": "Kalundborg Bibliotek, mødelokalet",
                "address": "Klosterparkvej 2, 4400 Kalundborg",
                "accessibility": "Elevator, handicaptoilet og teleslynge.",
                "capacity": 25,
            },
        ],
        "activities": [
            {
                "title": "Sprogcafé",
                "schedule": "tirsdage 16–18",
                "venue": "Kalundborg Bibliotek, mødelokalet",
                "audience": ActivityAudience.ADULTS,
                "looking_for_volunteers": True,
                "description": "Kom, når du kan – der er ingen tilmelding.",
            },
        ],
        "declarations": [],
        "needs": [],
        "stand": (
            "Et sprogspil på dansk for besøgende i alle aldre.",
            "Sprogvenner, der har en time om ugen.",
        ),
    },
    {
        "slug": "sejeroe-baadelaug",
        "name": "Sejerø Bådelaug",
        "town": "Sejerø",
        "address": "Havnen, 4592 Sejerø",
        "categories": ["kultur-og-faellesskab"],
        "summary": "Vedligeholdelse af øens gamle træbåde.",
        "description": (
            "Foreningen er ved at blive oprettet og vises først i oversigten, når bestyrelsen "
            "er på plads."
        ),
        "is_public": False,
        "verified": False,
        "roles": [("lars", RoleKind.CONTACT_PERSON, True, False)],
        "venues": [],
        "activities": [],
        "declarations": [],
        "needs": [],
        "stand": None,
    },
]

FAIR = {
    "title": "Frivilligmessen på Frivillig Fredag",
    "place": "Kalundborg Hallen",
    "address": "Kalundborg Hallen, Hal 1, 4400 Kalundborg",
    "starts_at": time(14, 0),
    "ends_at": time(18, 0),
    "description": (
        "På Frivillig Fredag fylder kommunens foreninger hallen med stande, smagsprøver og "
        "aktiviteter, du kan prøve på stedet. Kom og find ud af, hvor du kan gøre en "
        "forskel – en time om ugen eller en dag om året.\n\n"
        "Skoleklasser fra 7. klasse og op er særligt velkomne om eftermiddagen: messen er en "
        "god start på jeres frivilligpraktik. Der er gratis kaffe og saft, og alle stande er "
        "placeret, så de kan nås i kørestol."
    ),
}


def _person(key: str) -> User:
    email, name = PEOPLE[key]
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, None, full_name=name)
    return user


def _at(days: int, start: time) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, start))


def seed(command):
    categories = {}
    for slug, name, name_en in CATEGORIES:
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    now = timezone.now()
    year = timezone.localdate().year
    by_slug = {}

    for data in ASSOCIATIONS:
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

        for key, kind, is_admin, consent in data["roles"]:
            user = volunteer if key == VOLUNTEER else _person(key)
            if user is None:
                continue
            AssociationRole.objects.get_or_create(
                association=association,
                user=user,
                defaults={"role": kind, "is_admin": is_admin, "consent_show_competences": consent},
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
            if "days" in activity:
                starts_at = _at(activity["days"], activity["start"])
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

        for topic_slug, note in data["needs"]:
            topic = Topic.objects.filter(slug=topic_slug).first()
            if topic is not None:
                BoardCompetenceNeed.objects.get_or_create(
                    association=association, topic=topic, defaults={"note": note}
                )

    fair_date = next_frivillig_fredag()
    fair_slug = f"frivilligmesse-{fair_date.year}"
    fair, _ = Fair.objects.get_or_create(
        slug=fair_slug,
        defaults={
            **FAIR,
            "title": f"{FAIR['title']} {fair_date.year}",
            "date": fair_date,
            "registration_deadline": fair_date - timedelta(days=14),
            "is_published": True,
        },
    )
    for data in ASSOCIATIONS:
        if not data["stand"]:
            continue
        association = by_slug[data["slug"]]
        offer, sought = data["stand"]
        registrar = AssociationRole.objects.filter(association=association, is_admin=True).first()
        FairStand.objects.get_or_create(
            fair=fair,
            association=association,
            defaults={
                "offer": offer,
                "volunteers_sought": sought,
                "registered_by": registrar.user if registrar else None,
            },
        )
