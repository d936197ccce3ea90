"""Demo schools: a folkeskole and a gymnasium in Kalundborg Kommune with coordinators, internship
offers from the demo associations, placements in several states and one theme week.

Runs after associations' demo (INSTALLED_APPS order) and uses its associations: each offer names
the kinds of association it suits and takes the first public association whose name matches,
else any public one. Only when no association exists at all (associations' demo not there) does
it create the few hosts it needs. Idempotent: schools by slug, offers by association and title,
placements by offer and school, the theme week by school and theme. Dates are relative to today.
Pupils have first names only.
"""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from associations.models import Association, AssociationRole, ChildRecordDeclaration, RoleKind
from core.demo_support import DemoLogin
from schools.models import (
    ContributionStatus,
    EvaluationSide,
    InternshipOffer,
    OfferStatus,
    Placement,
    PlacementEvaluation,
    PlacementPupil,
    PlacementState,
    School,
    SchoolCoordinator,
    SchoolType,
    ThemeWeek,
    ThemeWeekContribution,
)

VOLUNTEER = "frivillig@frivilligloeft.test"
SCHOOL_COORDINATOR = ("skole@frivilligloeft.test", "Lene Bach", "Skolekoordinator, Fjordskolen")
GYMNASIUM_COORDINATOR = (
    "gymnasium@frivilligloeft.test",
    "Rasmus Krogh",
    "Skolekoordinator, gymnasium",
)

SCHOOLS = [
    {
        "slug": "fjordskolen",
        "name": "Fjordskolen",
        "school_type": SchoolType.FOLKESKOLE,
        "address": "Skolebakken 12",
        "postcode": "4400",
        "town": "Kalundborg",
        "email": "fjordskolen@kalundborg.example.dk",
    },
    {
        "slug": "vestkystens-gymnasium",
        "name": "Vestkystens Gymnasium og HF",
        "school_type": SchoolType.GYMNASIUM,
        "address": "Gymnasievej 3",
        "postcode": "4400",
        "town": "Kalundborg",
        "email": "kontor@vestkystens-gym.example.dk",
    },
]

# Hosts created only when associations' demo has made none.
FALLBACK_ASSOCIATIONS = [
    ("hoeng-idraetsforening", "Høng Idrætsforening", "Høng"),
    ("cafe-kompasset", "Café Kompasset – frivillige i socialt arbejde", "Kalundborg"),
    ("ubby-forsamlingshus", "Ubby Forsamlingshus", "Ubby"),
    ("aktivitetscentret-goerlev", "Aktivitetscentret i Gørlev – brugerrådet", "Gørlev"),
]

OFFERS = [
    {
        "key": "football",
        "prefer": "hoeng-idraetsforening",
        "match": ["bold", "idræt", "sport", "gymnastik", "fodbold", "håndbold"],
        "title": "Trænerhjælper for de yngste fodboldspillere",
        "tasks": (
            "Du hjælper trænerne med U7- og U9-holdene to eftermiddage om ugen: stiller kegler "
            "og mål op, viser øvelser, samler bolde ind og hepper, når de små scorer.\n\n"
            "Du får en fast træner som makker, og efter et par gange står du selv for en "
            "opvarmningsleg."
        ),
        "hours_total": 16,
        "weeks": "Uge 10–13, tirsdag og torsdag kl. 16–18",
        "places": 4,
        "grade_from": 7,
        "grade_to": 10,
        "minimum_age": 13,
        "involves_children_under_15": True,
        "conditions": (
            "Husk tøj til udendørs træning og drikkedunk. Du er dækket af klubbens forsikring. "
            "Klubben har indhentet børneattester på alle trænere."
        ),
        "contact_name": "Mette Sørensen",
        "contact_email": "praktik@hoeng-if.example.dk",
        "contact_phone": "21 43 65 87",
        "status": OfferStatus.PUBLISHED,
    },
    {
        "key": "homework",
        "prefer": "cafe-kompasset",
        "match": ["social", "lektie", "røde kors", "besøg", "café", "netværk", "ven"],
        "title": "Hjælper i lektiecaféen",
        "tasks": (
            "I lektiecaféen får børn fra 3. til 6. klasse hjælp til lektier og læsning. Du "
            "sidder sammen med en voksen frivillig ved et bord med tre-fire børn, læser "
            "højt, hører dem i gangetabeller og hjælper med at finde rundt i opgaverne."
        ),
        "hours_total": 12,
        "weeks": "Uge 38–41, onsdage kl. 14.30–17.30",
        "places": 3,
        "grade_from": 8,
        "grade_to": 13,
        "minimum_age": 14,
        "involves_children_under_15": True,
        "conditions": "Der er saft, frugt og kage. Du skal kunne møde stabilt alle fire onsdage.",
        "contact_name": "Hanne Lund",
        "contact_email": "lektiecafe@cafe-kompasset.example.dk",
        "status": OfferStatus.PUBLISHED,
    },
    {
        "key": "harvest",
        "prefer": "ubby-forsamlingshus",
        "match": ["forsamlingshus", "borgerforening", "landsby", "beboer"],
        "title": "Med til at holde høstfest i forsamlingshuset",
        "tasks": (
            "Forsamlingshuset holder høstfest for hele byen. Du er med fra planlægningsmødet "
            "til oprydningen: laver plakater, pynter salen, hjælper i køkkenet og står i "
            "baren med en voksen. Du ser, hvad der skal til for at samle en landsby."
        ),
        "hours_total": 10,
        "weeks": "Uge 39 og lørdag i uge 40",
        "places": 6,
        "grade_from": 8,
        "grade_to": 13,
        "minimum_age": 15,
        "involves_children_under_15": False,
        "conditions": "Du får aftensmad på festdagen. Ingen alkohol til praktikanter.",
        "contact_name": "Birgit Holm",
        "contact_email": "bestyrelsen@goerlev-forsamlingshus.example.dk",
        "status": OfferStatus.PUBLISHED,
    },
    {
        "key": "seniors",
        "prefer": "aktivitetscentret-goerlev",
        "match": ["aktivitet", "ældre", "senior", "center"],
        "title": "Aktivitetshjælper blandt ældre",
        "tasks": (
            "Du hjælper til ved eftermiddagsaktiviteterne: banko, krolf, sang og kaffe. De "
            "ældre glæder sig til at tale med unge – og du lærer at lytte og tage initiativ."
        ),
        "hours_total": 8,
        "weeks": "Efter aftale i foråret",
        "places": 2,
        "grade_from": 9,
        "grade_to": 13,
        "minimum_age": 15,
        "involves_children_under_15": False,
        "conditions": "Du bliver introduceret af en fast frivillig og får kaffe og kage.",
        "contact_name": "Jørgen Madsen",
        "contact_email": "aktivitet@kalundborg-aktivitetscenter.example.dk",
        "status": OfferStatus.PUBLISHED,
    },
    {
        "key": "draft",
        "prefer": "hoeng-idraetsforening",
        "match": ["bold", "idræt", "sport"],
        "title": "Hjælper ved sommerstævnet",
        "tasks": "Udkast: Vi mangler hjælpere til baner, dommerbord og kiosk ved sommerstævnet.",
        "hours_total": 6,
        "weeks": "Uge 25",
        "places": 8,
        "minimum_age": 15,
        "involves_children_under_15": False,
        "contact_name": "Mette Sørensen",
        "contact_email": "praktik@hoeng-if.example.dk",
        "status": OfferStatus.DRAFT,
    },
]

# (offer key, school slug, state, pupils, extra)
PLACEMENTS = [
    ("football", "fjordskolen", PlacementState.REQUESTED, [("Ida", "8.A"), ("Noah", "8.A")], {}),
    (
        "homework",
        "fjordskolen",
        PlacementState.AGREED,
        [("Freja", "9.B")],
        {"days": (14, 35)},
    ),
    (
        "harvest",
        "vestkystens-gymnasium",
        PlacementState.ACCEPTED,
        [("Sofie", "2.c"), ("Malthe", "2.c"), ("Yasmin", "2.d")],
        {"note": "Vi glæder os! Kom til planlægningsmødet tirsdag kl. 19."},
    ),
    (
        "seniors",
        "vestkystens-gymnasium",
        PlacementState.COMPLETED,
        [("Emil", "3.a")],
        {"days": (-40, -20), "hours": 8},
    ),
    (
        "harvest",
        "fjordskolen",
        PlacementState.EVALUATED,
        [("Alma", "9.A"), ("Oscar", "9.A")],
        {"days": (-60, -55), "hours": 10},
    ),
    (
        "seniors",
        "fjordskolen",
        PlacementState.DECLINED,
        [("Lucas", "7.C")],
        {"note": "Vi tager kun elever fra 9. klasse – prøv gerne igen næste år."},
    ),
]


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
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    school_user = _user(*SCHOOL_COORDINATOR[:2])
    gymnasium_user = _user(*GYMNASIUM_COORDINATOR[:2])
    today = timezone.localdate()

    schools = {}
    for data in SCHOOLS:
        school = School.objects.filter(slug=data["slug"]).first()
        if school is None:
            school = School.objects.create(**data)
        schools[data["slug"]] = school
    SchoolCoordinator.objects.get_or_create(school=schools["fjordskolen"], user=school_user)
    SchoolCoordinator.objects.get_or_create(
        school=schools["vestkystens-gymnasium"], user=gymnasium_user
    )

    if not Association.objects.filter(is_public=True).exists():
        for slug, name, town in FALLBACK_ASSOCIATIONS:
            Association.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "town": town, "summary": f"{name} i Kalundborg Kommune."},
            )

    offers = {}
    for data in OFFERS:
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

    for key, school_slug, state, pupils, extra in PLACEMENTS:
        offer, school = offers[key], schools[school_slug]
        if Placement.objects.filter(offer=offer, school=school).exists():
            continue
        coordinator = school_user if school_slug == "fjordskolen" else gymnasium_user
        _placement(offer, school, coordinator, state, pupils, extra, today, volunteer)
    for offer in offers.values():
        _sync_filled(offer)

    _theme_week(schools["fjordskolen"], school_user, offers, today)

    return [
        DemoLogin(role=SCHOOL_COORDINATOR[2], email=SCHOOL_COORDINATOR[0], password=DEMO_PASSWORD),
        DemoLogin(
            role=GYMNASIUM_COORDINATOR[2], email=GYMNASIUM_COORDINATOR[0], password=DEMO_PASSWORD
        ),
    ]


def _placement(offer, school, coordinator, state, pupils, extra, today, volunteer):
    now = timezone.now()
    placement = Placement(
        offer=offer,
        school=school,
        requested_by=coordinator,
        state=state,
        pupil_count=len(pupils),
        message="Eleverne har selv valgt jeres praktik og glæder sig meget.",
        decision_note=extra.get("note", ""),
    )
    if state != PlacementState.REQUESTED:
        placement.decided_at = now
    if "days" in extra:
        first, last = extra["days"]
        placement.starts_on = today + datetime.timedelta(days=first)
        placement.ends_on = today + datetime.timedelta(days=last)
        placement.agreed_at = now
    if "hours" in extra:
        placement.hours_confirmed = extra["hours"]
        placement.completed_at = now
        placement.completed_by = volunteer
    if state == PlacementState.EVALUATED:
        placement.evaluated_at = now
    placement.save()
    PlacementPupil.objects.bulk_create(
        PlacementPupil(placement=placement, first_name=name, class_name=class_name)
        for name, class_name in pupils
    )
    if state == PlacementState.EVALUATED:
        PlacementEvaluation.objects.create(
            placement=placement,
            side=EvaluationSide.SCHOOL,
            rating=4,
            went_well=(
                "Eleverne kom hjem og fortalte begejstret om festen og om de voksne frivillige."
            ),
            could_improve="En kort introduktion til køkkenet på første dag ville have hjulpet.",
            submitted_by=coordinator,
        )
        PlacementEvaluation.objects.create(
            placement=placement,
            side=EvaluationSide.ASSOCIATION,
            rating=4,
            went_well="Alma og Oscar tog selv initiativ og var gode til at tale med gæsterne.",
            could_improve="Vi skal huske at aftale mødetider skriftligt med skolen.",
            submitted_by=volunteer,
        )


def _sync_filled(offer):
    from schools.services.offers import sync_filled_status

    sync_filled_status(offer)


def _theme_week(school, coordinator, offers, today):
    theme = "Fællesskab og frivillighed"
    if ThemeWeek.objects.filter(school=school, theme=theme).exists():
        return
    monday = today + datetime.timedelta(days=35 - today.weekday())
    if (monday.month, monday.day) >= (12, 15) or (monday.month, monday.day) <= (1, 4):
        # No school holds a theme week over Christmas: take the second week of January.
        year = monday.year + (1 if monday.month == 12 else 0)
        january_8 = datetime.date(year, 1, 8)
        monday = january_8 + datetime.timedelta(days=(7 - january_8.weekday()) % 7)
    theme_week = ThemeWeek.objects.create(
        school=school,
        theme=theme,
        description=(
            "7. årgang undersøger, hvad fællesskaber betyder for et lokalsamfund: Hvem holder "
            "foreningerne i gang, og hvorfor gør de det? Eleverne laver interviews, "
            "podcasts og plakater, som vises for forældrene fredag.\n\n"
            "Vi vil meget gerne have besøg af foreninger, der vil fortælle om deres arbejde, "
            "lave en workshop med eleverne eller tage imod en klasse på besøg."
        ),
        starts_on=monday,
        ends_on=monday + datetime.timedelta(days=4),
        grade_level="7. klasse",
        classes="7.A, 7.B og 7.C",
        pupil_count=68,
        wants_talk=True,
        wants_workshop=True,
        wants_visit=True,
        created_by=coordinator,
    )
    zone = timezone.get_current_timezone()

    def at(day, hour, minute=0):
        return datetime.datetime.combine(
            monday + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=zone
        )

    contributions = [
        (
            offers["homework"].association,
            "talk",
            "Hvorfor bruger vi vores fritid på andres børn?",
            "To frivillige fra lektiecaféen fortæller om, hvad de får ud af at hjælpe – og "
            "svarer på elevernes spørgsmål til deres interviews.",
            at(0, 10),
            at(0, 11, 30),
            "",
            70,
            ContributionStatus.ACCEPTED,
        ),
        (
            offers["football"].association,
            "workshop",
            "Planlæg en træning for de små",
            "Eleverne planlægger i grupper en træning for U7 og prøver den af på hinanden. "
            "Vi tager bolde, kegler og to unge trænere med.",
            at(2, 8, 15),
            at(2, 11, 30),
            "Skolens boldbane",
            30,
            ContributionStatus.ACCEPTED,
        ),
        (
            offers["harvest"].association,
            "visit",
            "Et kig bag kulisserne i forsamlingshuset",
            "En klasse kan komme på besøg og høre, hvordan et forsamlingshus drives af "
            "frivillige – fra regnskab til opvask.",
            at(3, 9),
            at(3, 12),
            offers["harvest"].association.address or offers["harvest"].association.town,
            25,
            ContributionStatus.OFFERED,
        ),
    ]
    for (
        association,
        kind,
        title,
        description,
        starts,
        ends,
        place,
        capacity,
        status,
    ) in contributions:
        ThemeWeekContribution.objects.create(
            theme_week=theme_week,
            association=association,
            kind=kind,
            title=title,
            description=description,
            starts_at=starts,
            ends_at=ends,
            place=place,
            capacity=capacity,
            status=status,
            sequence=1 if status == ContributionStatus.ACCEPTED else 0,
        )
