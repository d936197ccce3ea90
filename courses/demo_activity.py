"""A year of course activity for the demo (run from courses/demo.py): past runs of courses over
the last twelve months with attendance, their participants' evaluations, and course wishes with
support — so the dashboards and "Frivilligløft i tal" show something true after `make run`.

Evaluations and wishes go through courses.services (without emails: `notify=False`), with
the time of each step passed in, as if it had happened then. Some participants are the demo
associations' board members (their emails are the ones associations/demo.py uses; whichever
seeder runs first creates the person), so the report can count associations reached.
Idempotent: past runs are found by slug, wishes by title; nothing that exists is changed.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from core.holidays import is_day_off
from courses import services
from courses.models import (
    Attendance,
    Course,
    CourseStatus,
    CourseWish,
    EvaluationInvitation,
    Meeting,
    Provider,
    Signup,
    SignupStatus,
    TimeOfDay,
    WishFormat,
)

# The demo associations' people (associations/demo.py), who take part in courses too.
ASSOCIATION_PEOPLE = [
    ("lars.mikkelsen@demo.frivilligloeft.test", "Lars Mikkelsen"),
    ("hanne.juul@demo.frivilligloeft.test", "Hanne Juul"),
    ("ahmad.rahimi@demo.frivilligloeft.test", "Ahmad Rahimi"),
    ("birthe.olsen@demo.frivilligloeft.test", "Birthe Olsen"),
    ("poul.erik.madsen@demo.frivilligloeft.test", "Poul Erik Madsen"),
    ("sofie.lund@demo.frivilligloeft.test", "Sofie Lund"),
    ("karen.thygesen@demo.frivilligloeft.test", "Karen Thygesen"),
    ("niels.brix@demo.frivilligloeft.test", "Niels Brix"),
    ("maja.kristensen@demo.frivilligloeft.test", "Maja Kristensen"),
]


@dataclass
class PastRun:
    slug: str
    title: str
    summary: str
    topics: list[str]
    provider: str
    days_ago: int  # the first meeting, this many days before the seeding day
    meetings: int  # weekly
    start: str
    end: str
    capacity: int | None
    participants: int  # from the demo people, after `offset`
    offset: int = 0
    answers: float = 0.7  # the share of the invited who answer
    place: tuple[str, str] = ("Frivilligcenter Kalundborg", "Skibbrogade 38, 4400 Kalundborg")
    instructors: str = ""
    volunteer: bool = False  # the demo volunteer took part (and has not answered yet)
    waitlisted: int = 0  # demo people who were on the waiting list and never got a seat
    qualification: str = ""  # the name of the qualification kind the course grants


CENTRE = "Frivilligcenter Kalundborg"
MUNICIPALITY = "Kalundborg Kommune, Frivillighed og Civilsamfund"
ACADEMY = "Foreningsakademiet ApS"
FIRST_AID = "Førstehjælpsskolen Vestsjælland"
LIBRARY = ("Kalundborg Bibliotek, salen", "Klostertorvet 2, 4400 Kalundborg")
HOENG = ("Høng Medborgerhus", "Søgade 14, 4270 Høng")
GORLEV = ("Gørlev Idrætscenter, mødelokalet", "Idrætsvej 5, 4281 Gørlev")
TOWN_HALL = ("Kalundborg Rådhus, mødesal 3", "Holbækvej 141, 4400 Kalundborg")

PAST_RUNS = [
    PastRun(
        slug="ny-i-bestyrelsen-efteraar",
        title="Ny i bestyrelsen",
        summary="To aftener for nyvalgte bestyrelsesmedlemmer: ansvar, roller og årshjul.",
        topics=["bestyrelsesarbejde"],
        provider=CENTRE,
        days_ago=340,
        meetings=2,
        start="18:00",
        end="21:00",
        capacity=20,
        participants=18,
        instructors="Birgitte Lind",
        waitlisted=3,
    ),
    # The demo volunteer's first aid from almost two years ago runs out soon: Mine sider
    # shows it, with the coming first-aid course to renew it.
    PastRun(
        slug="foerstehjaelp-for-traenere-forrige-aar",
        title="Førstehjælp for trænere og ledere",
        summary="En lørdag med livreddende førstehjælp og hjertestarter.",
        topics=["foerstehjaelp"],
        provider=FIRST_AID,
        days_ago=685,
        meetings=1,
        start="09:00",
        end="15:00",
        capacity=12,
        participants=9,
        offset=2,
        place=HOENG,
        instructors="Line Kruse",
        volunteer=True,
        qualification="Førstehjælp",
    ),
    PastRun(
        slug="foerstehjaelp-for-traenere-vinter",
        title="Førstehjælp for trænere og ledere",
        summary="En lørdag med livreddende førstehjælp og hjertestarter.",
        topics=["foerstehjaelp"],
        provider=FIRST_AID,
        days_ago=300,
        meetings=1,
        start="09:00",
        end="15:00",
        capacity=12,
        participants=12,
        offset=10,
        place=GORLEV,
        instructors="Line Kruse",
        waitlisted=5,
        qualification="Førstehjælp",
    ),
    PastRun(
        slug="fondsansoegning-foraar",
        title="Sådan skriver I en god fondsansøgning",
        summary="Find den rette fond, skriv projektbeskrivelsen og lav et budget.",
        topics=["fondsansoegning", "oekonomi"],
        provider=MUNICIPALITY,
        days_ago=270,
        meetings=2,
        start="18:00",
        end="21:00",
        capacity=25,
        participants=14,
        offset=4,
        place=TOWN_HALL,
        instructors="Karim Nielsen",
    ),
    PastRun(
        slug="konflikthaandtering-foraar",
        title="Konflikthåndtering i foreningen",
        summary="Værktøjer til at forebygge, tale om og løse konflikter.",
        topics=["konflikthaandtering", "ledelse-af-frivillige"],
        provider=ACADEMY,
        days_ago=230,
        meetings=1,
        start="17:00",
        end="20:30",
        capacity=12,
        participants=12,
        offset=16,
        place=LIBRARY,
        instructors="Thomas Bach, Hanne Vinther",
        waitlisted=6,
    ),
    PastRun(
        slug="rekruttering-foraar",
        title="Rekruttering: sådan finder I nye frivillige",
        summary="Inviter personligt, beskriv opgaverne tydeligt og tag godt imod de nye.",
        topics=["rekruttering"],
        provider=MUNICIPALITY,
        days_ago=200,
        meetings=1,
        start="17:30",
        end="20:30",
        capacity=15,
        participants=11,
        offset=22,
        place=HOENG,
        instructors="Karim Nielsen",
    ),
    PastRun(
        slug="kassererkursus-sommer",
        title="Kassererkursus: økonomi og regnskab i små foreninger",
        summary="Budget, bilag, kontoplan og et regnskab, revisor kan forstå.",
        topics=["oekonomi", "bestyrelsesarbejde"],
        provider=ACADEMY,
        days_ago=160,
        meetings=2,
        start="18:00",
        end="21:00",
        capacity=14,
        participants=9,
        offset=2,
        place=LIBRARY,
        instructors="Peter Juhl",
    ),
    PastRun(
        slug="digitale-vaerktoejer-sensommer",
        title="Digitale værktøjer til foreningen",
        summary="Fælles kalender, delte dokumenter og online møder.",
        topics=["digitale-vaerktoejer"],
        provider=ACADEMY,
        days_ago=120,
        meetings=1,
        start="19:00",
        end="21:00",
        capacity=40,
        participants=16,
        offset=8,
        instructors="Sara Mølgaard",
    ),
    PastRun(
        slug="boern-og-unge-efteraar",
        title="Børn og unge i foreningen: trivsel og børneattest",
        summary="Børneattester, gode rutiner og hvad I gør ved en bekymring.",
        topics=["boern-og-unge"],
        provider=MUNICIPALITY,
        days_ago=90,
        meetings=1,
        start="17:00",
        end="19:30",
        capacity=15,
        participants=10,
        offset=14,
        place=TOWN_HALL,
        instructors="Mette Hald, SSP Kalundborg",
        volunteer=True,
        qualification="Børn og unge: trivsel og børneattest",
    ),
    PastRun(
        slug="ledelse-af-frivillige-efteraar",
        title="Ledelse af frivillige",
        summary="Motivation, forventninger, svære samtaler og anerkendelse.",
        topics=["ledelse-af-frivillige"],
        provider=CENTRE,
        days_ago=75,
        meetings=3,
        start="17:00",
        end="20:00",
        capacity=16,
        participants=15,
        offset=20,
        instructors="Birgitte Lind",
    ),
    PastRun(
        slug="kommunikation-efteraar",
        title="Fortæl foreningens historie på sociale medier",
        summary="Korte opslag, gode billeder og fortællinger, der virker.",
        topics=["kommunikation"],
        provider=CENTRE,
        days_ago=45,
        meetings=1,
        start="18:00",
        end="20:30",
        capacity=18,
        participants=4,
        offset=5,
        answers=0.5,
        place=LIBRARY,
        instructors="Jakob Ravn",
    ),
    PastRun(
        slug="moedeledelse-vinter",
        title="Mødeledelse der virker",
        summary="Kortere møder, klarere beslutninger og referater, der bliver læst.",
        topics=["bestyrelsesarbejde", "ledelse-af-frivillige"],
        provider=CENTRE,
        days_ago=12,
        meetings=1,
        start="18:00",
        end="20:30",
        capacity=20,
        participants=13,
        offset=11,
        answers=0.6,
        instructors="Jakob Ravn",
        volunteer=True,
    ),
]

# (usefulness, would recommend, keep, change): the answers, handed out in turn.
ANSWERS = [
    (5, True, "Alle eksemplerne fra rigtige foreninger.", ""),
    (4, True, "Gruppearbejdet og tiden til at tale med de andre.", "Lidt færre slides."),
    (5, True, "Underviseren var god til at lytte.", "Gerne en opfølgning om et halvt år."),
    (3, True, "", "Mere tid til spørgsmål til sidst."),
    (4, True, "Materialet vi fik med hjem.", ""),
    (2, False, "", "Det var for grundlæggende for os, der har prøvet det før."),
    (5, True, "Den gode stemning og kaffen.", ""),
    (4, True, "", "Lokalet var for varmt."),
    (4, False, "Øvelserne.", "Send gerne programmet ud før kurset."),
    (5, True, "At vi arbejdede med vores egne sager.", ""),
]

WISHES = [
    {
        "title": "GDPR: hvad må vi gemme om medlemmerne?",
        "topic": "digitale-vaerktoejer",
        "description": "Vi er usikre på, hvad vi må have liggende i vores medlemsliste, og "
        "hvor længe. Et kort, praktisk kursus ville hjælpe mange små foreninger.",
        "expected_participants": 6,
        "time_of_day": TimeOfDay.EVENING,
        "format": WishFormat.ONLINE,
        "association": "Høng Idrætsforening",
        "supporters": 11,
        "plan": "persondata-og-gdpr-i-foreningen",
        "response": "Tak for de mange ønsker. Kurset er nu lagt i kalenderen.",
    },
    {
        "title": "Sociale medier for begyndere",
        "topic": "kommunikation",
        "description": "Hvordan kommer vi i gang på Facebook og Instagram, når ingen i "
        "bestyrelsen er vant til det?",
        "expected_participants": 8,
        "time_of_day": TimeOfDay.EVENING,
        "format": WishFormat.IN_PERSON,
        "association": "Gørlev Aktivitetscenter",
        "supporters": 9,
        "by_volunteer": True,
    },
    {
        "title": "Unge frivillige: sådan giver vi dem ansvar",
        "topic": "rekruttering",
        "description": "Vi vil gerne have flere unge med som hjælpetrænere og i caféen, men "
        "ved ikke, hvordan vi får dem til at blive.",
        "expected_participants": 5,
        "time_of_day": TimeOfDay.WEEKEND,
        "format": WishFormat.ANY,
        "association": "",
        "supporters": 7,
    },
    {
        "title": "Psykisk førstehjælp for frivillige",
        "topic": "foerstehjaelp",
        "description": "Når en deltager har det svært: hvad siger man, og hvornår skal man "
        "hente hjælp?",
        "expected_participants": 10,
        "time_of_day": TimeOfDay.EVENING,
        "format": WishFormat.IN_PERSON,
        "association": "Ældre Sagen Kalundborg",
        "supporters": 6,
    },
    {
        "title": "Kontingent, MobilePay og bogføring",
        "topic": "oekonomi",
        "description": "Et konkret kursus om de digitale betalinger og hvordan de kommer "
        "rigtigt ind i regnskabet.",
        "expected_participants": 4,
        "time_of_day": TimeOfDay.DAYTIME,
        "format": WishFormat.ONLINE,
        "association": "",
        "supporters": 4,
    },
    {
        "title": "Forældre på sidelinjen",
        "topic": "konflikthaandtering",
        "description": "Hvordan taler vi med forældre, der råber ind på banen?",
        "expected_participants": 3,
        "time_of_day": TimeOfDay.ANY,
        "format": WishFormat.ANY,
        "association": "Gørlev Boldklub",
        "supporters": 2,
        "response": "Vi tager emnet med i næste forløb om konflikthåndtering.",
    },
]


def _at(day, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def demo_people(participants: list[User]) -> list[User]:
    """The course participants of the demo, then the associations' people."""
    people = list(participants)
    for email, name in ASSOCIATION_PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, full_name=name)
        people.append(user)
    return people


def _past_run(
    spec: PastRun, today, topics, providers, admin, volunteer, people, qualifications
) -> Course:
    first = today - timedelta(days=spec.days_ago)
    while is_day_off(first):  # never on a public holiday (core.holidays)
        first -= timedelta(days=1)
    meetings = [
        (
            _at(first + timedelta(weeks=week), spec.start),
            _at(first + timedelta(weeks=week), spec.end),
        )
        for week in range(spec.meetings)
    ]
    provider = providers.get(spec.provider) or Provider.objects.filter(name=spec.provider).first()
    course = Course.objects.create(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        provider=provider,
        instructors=spec.instructors,
        venue_name=spec.place[0],
        venue_address=spec.place[1],
        capacity=spec.capacity,
        status=CourseStatus.PUBLISHED,
        signup_deadline=meetings[0][0] - timedelta(days=2),
        contact_name=provider.contact_name if provider else "",
        contact_email=provider.contact_email if provider else "",
        min_attendance_percent=50 if spec.meetings > 1 else 100,
        qualification=qualifications.get(spec.qualification),
    )
    course.topics.set([topics[slug] for slug in spec.topics])
    if admin is not None:
        course.organisers.set([admin])
    course.save()  # ParentalManyToManyField: the sets above are written on save
    Meeting.objects.bulk_create(
        Meeting(course=course, starts_at=start, ends_at=end) for start, end in meetings
    )
    services.refresh_schedule(course, notify=False)
    signed_up = meetings[0][0] - timedelta(days=21)
    chosen = [people[(spec.offset + index) % len(people)] for index in range(spec.participants)]
    if spec.volunteer and volunteer is not None:
        chosen[-1] = volunteer
    signups = Signup.objects.bulk_create(
        Signup(
            course=course,
            user=person,
            status=SignupStatus.CONFIRMED,
            confirmed_at=signed_up,
            show_name_to_participants=index % 3 != 0,
        )
        for index, person in enumerate(chosen)
    )
    waiting = [
        people[(spec.offset + spec.participants + index) % len(people)]
        for index in range(spec.waitlisted)
    ]
    Signup.objects.bulk_create(
        Signup(
            course=course,
            user=person,
            status=SignupStatus.CANCELLED,
            waitlisted_at=signed_up + timedelta(days=1, hours=index),
            cancelled_at=meetings[0][0],
            end_reason="left_waiting_list",
        )
        for index, person in enumerate(waiting)
        if person not in chosen
    )
    held = list(course.meetings.order_by("starts_at"))
    marks = []
    for number, meeting in enumerate(held):
        for index, signup in enumerate(signups):
            # One in seven never came; every fourth missed the last of several meetings.
            present = index % 7 != 6 and not (
                number == len(held) - 1 and number > 0 and index % 4 == 1
            )
            if signup.user_id == getattr(volunteer, "pk", None):
                present = True
            marks.append(
                Attendance(
                    signup=signup, meeting=meeting, present=present, marked_at=meeting.ends_at
                )
            )
    Attendance.objects.bulk_create(marks)
    course.refresh_from_db()
    return course


def _evaluate(course: Course, volunteer) -> None:
    """Invite the participants as the course ended, and let some of them answer the next day."""
    invited_at = course.ends_at + timedelta(hours=1)
    services.invite_to_evaluation(course, now=invited_at, notify=False)
    spec = next(run for run in PAST_RUNS if run.slug == course.slug)
    invitations = list(
        EvaluationInvitation.objects.filter(course=course)
        .exclude(user=volunteer)
        .order_by("user__email")
    )
    answering = round(len(invitations) * spec.answers)
    for index, invitation in enumerate(invitations[:answering]):
        usefulness, recommend, keep, change = ANSWERS[(index + len(course.slug)) % len(ANSWERS)]
        services.submit_evaluation(
            invitation,
            services.Answer(usefulness, recommend, keep, change),
            now=invited_at + timedelta(days=1, hours=index),
        )


def _wishes(topics, people, volunteer, admin) -> int:
    created = 0
    for number, data in enumerate(WISHES):
        if CourseWish.objects.filter(title=data["title"]).exists():
            continue
        proposer = volunteer if data.get("by_volunteer") and volunteer else people[number * 3]
        wish = services.propose_wish(
            proposer,
            topic=topics[data["topic"]],
            title=data["title"],
            description=data["description"],
            expected_participants=data["expected_participants"],
            time_of_day=data["time_of_day"],
            format=data["format"],
            association=data["association"],
        )
        supporters = [p for p in people if p != proposer][number : number + data["supporters"] - 1]
        for person in supporters:
            services.support_wish(wish, person)
        course = Course.objects.filter(slug=data.get("plan", "")).first()
        if course is not None and admin is not None:
            services.plan_wish(
                wish, course, by=admin, response=data.get("response", ""), notify=False
            )
        elif data.get("response"):
            CourseWish.objects.filter(pk=wish.pk).update(response=data["response"])
        created += 1
    return created


def seed_activity(
    command, *, topics, providers, admin, volunteer, participants, qualifications=None
) -> None:
    qualifications = qualifications or {}
    today = timezone.localdate()
    people = demo_people(participants)
    created = []
    for spec in PAST_RUNS:
        if Course.objects.filter(slug=spec.slug).exists():
            continue
        created.append(
            _past_run(spec, today, topics, providers, admin, volunteer, people, qualifications)
        )
    for course in created:
        _evaluate(course, volunteer)
    if created:
        command.stdout.write(f"  {len(created)} past courses with attendance and evaluations")
    # The next run of "Ny i bestyrelsen" shows what earlier participants thought of it.
    Course.objects.filter(slug="ny-i-bestyrelsen", duplicated_from__isnull=True).update(
        duplicated_from=Course.objects.filter(slug="ny-i-bestyrelsen-efteraar").first(),
        show_evaluation_average=True,
    )
    if admin is not None and not admin.has_perm("courses.change_course"):
        admin = None
    wishes = _wishes(topics, people, volunteer, admin)
    if wishes:
        command.stdout.write(f"  {wishes} course wishes with support")
