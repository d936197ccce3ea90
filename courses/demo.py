"""Demo courses: ten topics, four providers and about 25 courses over the coming months.

Some courses are full with a waiting list, one offers freed seats for a limited time, one
needs approval, one is cancelled, and one has already taken place — the demo volunteer
(frivillig@frivilligloeft.test) completed it. Dates are relative to the day of seeding.
Idempotent: topics, providers, people and courses are looked up by their natural keys and
only what is missing is created. A year of past runs with evaluations, and course wishes with
support, come from courses/demo_activity.py.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from core.holidays import is_day_off, next_working_day
from courses import services
from courses.demo_activity import seed_activity
from courses.models import (
    Attendance,
    Audience,
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    PaymentMethod,
    Provider,
    QualificationKind,
    Signup,
    SignupStatus,
    Topic,
    WaitingListMode,
)

VOLUNTEER = "frivillig@frivilligloeft.test"
COURSE_ADMIN = "kursus@frivilligloeft.test"

TOPICS = [
    (
        "bestyrelsesarbejde",
        "Bestyrelsesarbejde",
        "Board work",
        "Roller, ansvar og gode vaner i foreningens bestyrelse.",
    ),
    (
        "konflikthaandtering",
        "Konflikthåndtering",
        "Conflict resolution",
        "Når uenighed bliver til konflikt – og hvordan I kommer videre.",
    ),
    (
        "fondsansoegning",
        "Fondsansøgning og puljer",
        "Grants and funding",
        "Find de rette puljer og fonde, og skriv ansøgninger der bliver læst.",
    ),
    (
        "ledelse-af-frivillige",
        "Ledelse af frivillige",
        "Leading volunteers",
        "At lede mennesker, der ikke er ansatte: motivation, rammer og anerkendelse.",
    ),
    (
        "rekruttering",
        "Rekruttering og fastholdelse",
        "Recruiting and keeping volunteers",
        "Sådan finder I nye frivillige, og sådan bliver de hængende.",
    ),
    (
        "digitale-vaerktoejer",
        "Digitale værktøjer",
        "Digital tools",
        "Medlemssystemer, fælles dokumenter, online møder og databeskyttelse.",
    ),
    (
        "kommunikation",
        "Kommunikation og fortællinger",
        "Communication and storytelling",
        "Fortæl om foreningen, så andre får lyst til at være med.",
    ),
    (
        "oekonomi",
        "Økonomi og regnskab",
        "Finance and accounting",
        "Budget, bilag, regnskab og revision i den frivillige forening.",
    ),
    (
        "boern-og-unge",
        "Børn og unge i foreningen",
        "Children and young people",
        "Trivsel, børneattester og plads til unge frivillige.",
    ),
    (
        "foerstehjaelp",
        "Førstehjælp",
        "First aid",
        "Førstehjælp og hjertestarter for trænere, ledere og frivillige.",
    ),
]

PROVIDERS = [
    {
        "name": "Kalundborg Kommune, Frivillighed og Civilsamfund",
        "website": "https://kalundborg.dk/",
        "contact_name": "Karim Nielsen",
        "contact_email": "frivillighed@kalundborg.example",
        "contact_phone": "59 53 44 00",
    },
    {
        "name": "Frivilligcenter Kalundborg",
        "website": "https://frivilligcenter-kalundborg.example/",
        "contact_name": "Birgitte Lind",
        "contact_email": "kontakt@frivilligcenter-kalundborg.example",
        "contact_phone": "59 51 20 30",
    },
    {
        "name": "Foreningsakademiet ApS",
        "website": "https://foreningsakademiet.example/",
        "contact_name": "Thomas Bach",
        "contact_email": "kurser@foreningsakademiet.example",
    },
    {
        "name": "Førstehjælpsskolen Vestsjælland",
        "website": "https://foerstehjaelpsskolen.example/",
        "contact_name": "Line Kruse",
        "contact_email": "hold@foerstehjaelpsskolen.example",
    },
]

# Demo participants who fill the full courses and the waiting lists. They cannot log in.
PARTICIPANTS = [
    "Anders Mikkelsen",
    "Birthe Olsen",
    "Camilla Jeppesen",
    "Dennis Frandsen",
    "Ellen Bruun",
    "Finn Rasmussen",
    "Gitte Laursen",
    "Hans Christian Bang",
    "Ida Kofoed",
    "Jens Peter Holm",
    "Karen Margrethe Due",
    "Lars Vestergaard",
    "Maja Thomsen",
    "Niels Ebbesen",
    "Ole Skov",
    "Pernille Hviid",
    "Rasmus Dalgaard",
    "Susanne Krogh",
    "Tina Storm",
    "Ulla Brix",
    "Vagn Bech",
    "Yasmin Ali",
    "Zenia Poulsen",
    "Ahmad Karimi",
    "Bente Winther",
    "Carsten Lund",
    "Dorthe Friis",
    "Erik Schou",
]

MUNICIPALITY, CENTRE, ACADEMY, FIRST_AID = (p["name"] for p in PROVIDERS)
TOWN_HALL = ("Kalundborg Rådhus, mødesal 3", "Holbækvej 141, 4400 Kalundborg")
CENTRE_HOUSE = ("Frivilligcenter Kalundborg", "Skibbrogade 38, 4400 Kalundborg")
LIBRARY = ("Kalundborg Bibliotek, salen", "Klostertorvet 2, 4400 Kalundborg")
HOEN = ("Høng Medborgerhus", "Søgade 14, 4270 Høng")
GORLEV = ("Gørlev Idrætscenter, mødelokalet", "Idrætsvej 5, 4281 Gørlev")


# Qualifications that demo courses grant: (name, English name, months valid, description).
QUALIFICATIONS = [
    (
        "Førstehjælp",
        "First aid",
        24,
        "Livreddende førstehjælp med hjertestarter. Mange idrætsforbund og forsikringer "
        "forventer, at trænere og ledere fornyer den hvert andet år.",
    ),
    (
        "Børn og unge: trivsel og børneattest",
        "Children and young people: wellbeing and child-record checks",
        36,
        "Reglerne om børneattester og foreningens rutiner for trivsel og bekymringer. "
        "Kommunen anbefaler, at ledere i foreninger med børn under 15 år tager kurset igen "
        "hvert tredje år.",
    ),
]
FIRST_AID_QUALIFICATION = QUALIFICATIONS[0][0]
CHILDREN_QUALIFICATION = QUALIFICATIONS[1][0]


def seed_qualifications() -> dict[str, QualificationKind]:
    kinds = {}
    for name, name_en, months, description in QUALIFICATIONS:
        kinds[name], _ = QualificationKind.objects.get_or_create(
            name=name,
            defaults={"name_en": name_en, "validity_months": months, "description": description},
        )
    return kinds


@dataclass
class DemoCourse:
    slug: str
    title: str
    summary: str
    description: str
    topics: list[str]
    provider: str
    meetings: list[tuple[int, str, str]]  # (days from today, start, end), local time
    audience: str = Audience.ALL_VOLUNTEERS
    format: str = CourseFormat.IN_PERSON
    place: tuple[str, str] = CENTRE_HOUSE
    instructors: str = ""
    capacity: int | None = 20
    price: int = 0
    language: str = "da"
    requires_approval: bool = False
    offer_mode: bool = False
    confirmed: int = 0  # demo participants with a seat
    waiting: int = 0  # demo participants on the waiting list
    organised_by_admin: bool = False
    cancelled_reason: str = ""
    volunteer: str = ""  # the demo volunteer's signup: confirmed, waitlisted, offered, completed
    min_attendance_percent: int = 100
    qualification: str = ""  # the name of the qualification kind the course grants
    extra: dict = field(default_factory=dict)


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


COURSES = [
    DemoCourse(
        slug="ny-i-bestyrelsen",
        title="Ny i bestyrelsen",
        summary="To aftener for dig, der lige er valgt ind: hvad bestyrelsen skal, må og "
        "ikke behøver – og hvordan I får arbejdet fordelt.",
        description=p(
            "Mange nye bestyrelsesmedlemmer siger ja uden helt at vide, hvad de siger ja "
            "til. På kurset gennemgår vi vedtægter, bestyrelsens ansvar, forretningsorden og "
            "årshjul, så du hurtigt finder din plads.",
            "Anden aften arbejder vi med jeres egne eksempler: Hvem gør hvad, hvordan holder I "
            "gode møder, og hvordan tager I imod nye frivillige?",
            "Medbring gerne jeres vedtægter. Der er kaffe og kage fra kl. 17.45.",
        ),
        topics=["bestyrelsesarbejde"],
        provider=CENTRE,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(9, "18:00", "21:00"), (16, "18:00", "21:00")],
        instructors="Birgitte Lind",
        capacity=20,
        confirmed=11,
        organised_by_admin=True,
        volunteer="confirmed",
        min_attendance_percent=50,
    ),
    DemoCourse(
        slug="konflikthaandtering-i-foreningen",
        title="Konflikthåndtering i foreningen",
        summary="Når uenighed i bestyrelsen eller blandt de frivillige går i hårdknude: "
        "værktøjer til at forebygge, tale om og løse konflikter.",
        description=p(
            "Konflikter er en naturlig del af fællesskaber, men de kan koste både frivillige "
            "og gejst. Du lærer at kende forskel på uenighed og konflikt, at spotte "
            "optrapning tidligt og at holde en samtale, hvor alle bliver hørt.",
            "Vi træner konkrete samtaleteknikker i små grupper ud fra situationer, "
            "deltagerne selv har oplevet.",
        ),
        topics=["konflikthaandtering", "ledelse-af-frivillige"],
        provider=ACADEMY,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(12, "17:00", "20:30")],
        place=LIBRARY,
        instructors="Thomas Bach, Hanne Vinther",
        capacity=12,
        confirmed=12,
        waiting=4,
        organised_by_admin=True,
        volunteer="waitlisted",
    ),
    DemoCourse(
        slug="saadan-skriver-i-en-god-fondsansoegning",
        title="Sådan skriver I en god fondsansøgning",
        summary="Fra god idé til ansøgning, der bliver læst: find den rette fond, skriv "
        "projektbeskrivelsen og lav et budget, der hænger sammen.",
        description=p(
            "Første gang gennemgår vi, hvordan fonde og kommunale puljer tænker, og hvor I "
            "finder dem. Anden gang skriver vi på jeres egne ansøgninger og giver hinanden "
            "feedback.",
            "Kurset er hybridt: du kan deltage i salen eller online. Linket sendes til "
            "tilmeldte deltagere.",
        ),
        topics=["fondsansoegning", "oekonomi"],
        provider=MUNICIPALITY,
        format=CourseFormat.HYBRID,
        place=TOWN_HALL,
        meetings=[(20, "18:00", "21:00"), (27, "18:00", "21:00")],
        instructors="Karim Nielsen",
        capacity=25,
        confirmed=9,
        extra={"online_link": "https://moede.kalundborg.example/fondsansoegning"},
    ),
    DemoCourse(
        slug="ledelse-af-frivillige",
        title="Ledelse af frivillige",
        summary="Tre aftener om at lede mennesker, der kommer frivilligt: motivation, "
        "forventninger, svære samtaler og anerkendelse.",
        description=p(
            "Frivillige kommer, fordi de vil – og går, hvis de ikke trives. Som frivilligleder "
            "skal du skabe rammer, der gør det let at være frivillig.",
            "Vi arbejder med forventningsafstemning, introduktion af nye, fordeling af "
            "opgaver og den gode afsked. Mellem gangene afprøver du et lille greb i din egen "
            "forening.",
        ),
        topics=["ledelse-af-frivillige"],
        provider=CENTRE,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(15, "17:00", "20:00"), (29, "17:00", "20:00"), (43, "17:00", "20:00")],
        instructors="Birgitte Lind",
        capacity=16,
        confirmed=7,
        organised_by_admin=True,
        min_attendance_percent=66,
    ),
    DemoCourse(
        slug="digitale-vaerktoejer-til-foreningen",
        title="Digitale værktøjer til foreningen",
        summary="En aften online om fælles kalender, delte dokumenter og online møder – "
        "gratis værktøjer, der sparer bestyrelsen for mails frem og tilbage.",
        description=p(
            "Vi viser, hvordan en forening kan samle dokumenter ét sted, dele en kalender og "
            "holde korte online møder. Du får en tjekliste med hjem, så I kan vælge de "
            "værktøjer, der passer til jer.",
            "Kurset foregår online. Du skal bruge en computer med lyd; et kamera er rart, men "
            "ikke nødvendigt.",
        ),
        topics=["digitale-vaerktoejer"],
        provider=ACADEMY,
        format=CourseFormat.ONLINE,
        meetings=[(8, "19:00", "21:00")],
        instructors="Sara Mølgaard",
        capacity=40,
        confirmed=14,
        extra={"online_link": "https://moede.foreningsakademiet.example/digital"},
    ),
    DemoCourse(
        slug="rekruttering-nye-frivillige",
        title="Rekruttering: sådan finder I nye frivillige",
        summary="Frivillighed skaber frivillighed. Lær at invitere personligt, beskrive "
        "opgaverne tydeligt og tage godt imod dem, der melder sig.",
        description=p(
            "Den mest effektive rekruttering er stadig, at en frivillig spørger en anden. Vi "
            "ser på, hvordan I gør det systematisk: korte, konkrete opgaver, en tydelig "
            "invitation og en god første dag.",
            "Ledige pladser tilbydes den næste på ventelisten, som har 48 timer til at svare.",
        ),
        topics=["rekruttering"],
        provider=MUNICIPALITY,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(24, "17:30", "20:30")],
        place=HOEN,
        instructors="Karim Nielsen",
        capacity=15,
        offer_mode=True,
        confirmed=14,
        waiting=3,
        volunteer="offered",
    ),
    DemoCourse(
        slug="kassererkursus-oekonomi-og-regnskab",
        title="Kassererkursus: økonomi og regnskab i små foreninger",
        summary="For kasserere og bestyrelser: budget, bilag, kontoplan og et regnskab, "
        "revisor og generalforsamling kan forstå.",
        description=p(
            "Vi gennemgår kassererens opgaver måned for måned, fra kontingent til "
            "årsregnskab. Du får skabeloner til budget og regnskab, som du kan bruge med det "
            "samme.",
            "Medbring gerne en bærbar computer.",
        ),
        topics=["oekonomi", "bestyrelsesarbejde"],
        provider=ACADEMY,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(19, "18:00", "21:00"), (26, "18:00", "21:00")],
        place=LIBRARY,
        instructors="Peter Juhl",
        capacity=14,
        confirmed=6,
    ),
    DemoCourse(
        slug="boern-og-unge-trivsel-og-boerneattest",
        title="Børn og unge i foreningen: trivsel og børneattest",
        summary="For ledere i foreninger med børn og unge: børneattester, gode rutiner og "
        "hvad I gør, hvis I bliver bekymrede for et barn.",
        description=p(
            "Kurset gennemgår reglerne for børneattester og hjælper jer med en enkel "
            "politik for trivsel og god adfærd. Vi taler om, hvordan I reagerer på en "
            "bekymring, og hvem I kan kontakte i kommunen.",
            "Kurset er for foreninger med aktiviteter for børn og unge under 15 år. "
            "Arrangørerne godkender tilmeldingerne.",
        ),
        topics=["boern-og-unge"],
        provider=MUNICIPALITY,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(33, "17:00", "19:30")],
        place=TOWN_HALL,
        instructors="Mette Hald, SSP Kalundborg",
        capacity=15,
        requires_approval=True,
        confirmed=5,
        qualification=CHILDREN_QUALIFICATION,
        organised_by_admin=True,
    ),
    DemoCourse(
        slug="foerstehjaelp-for-traenere-og-ledere",
        title="Førstehjælp for trænere og ledere",
        summary="En lørdag med livreddende førstehjælp, hjertestarter og de typiske skader "
        "i idræt. Du får et førstehjælpsbevis.",
        description=p(
            "Kurset følger de gældende retningslinjer for førstehjælp og giver et bevis, der "
            "gælder i to år. Der er mange praktiske øvelser, så tag tøj på, du kan bevæge dig "
            "i.",
            "Prisen dækker undervisning, materialer og frokost.",
        ),
        topics=["foerstehjaelp"],
        provider=FIRST_AID,
        meetings=[(30, "09:00", "15:00")],
        place=GORLEV,
        instructors="Line Kruse",
        capacity=12,
        price=150,
        confirmed=12,
        waiting=2,
        qualification=FIRST_AID_QUALIFICATION,
        extra={
            "payment_method": PaymentMethod.INVOICE,
            "payment_note": "Foreningen betaler. Vi sender fakturaen efter kurset til det "
            "CVR-nummer, du skriver ved tilmeldingen – eller til EAN-nummeret, hvis "
            "foreningen modtager elektroniske fakturaer. Spørg jeres kasserer, hvis du er i "
            "tvivl.",
        },
    ),
    DemoCourse(
        slug="fortael-foreningens-historie",
        title="Fortæl foreningens historie på sociale medier",
        summary="Korte opslag, gode billeder og fortællinger, der får andre til at "
        "spørge: må jeg være med?",
        description=p(
            "Vi arbejder med, hvad der gør en fortælling interessant, hvordan I tager billeder "
            "med mobilen, og hvordan I spørger om lov, før I deler billeder af andre.",
            "Kurset foregår online, og du går derfra med tre færdige opslag.",
        ),
        topics=["kommunikation"],
        provider=CENTRE,
        format=CourseFormat.ONLINE,
        meetings=[(18, "19:00", "21:00")],
        instructors="Jakob Ravn",
        capacity=30,
        confirmed=8,
        extra={"online_link": "https://moede.frivilligcenter-kalundborg.example/fortael"},
    ),
    DemoCourse(
        slug="generalforsamlingen-uden-knuder",
        title="Generalforsamlingen uden knuder",
        summary="Indkaldelse, dagsorden, dirigent, valg og referat – så årets vigtigste "
        "møde bliver både lovligt og hyggeligt.",
        description=p(
            "Vi gennemgår generalforsamlingen fra indkaldelse til underskrevet referat og "
            "ser på de situationer, der ofte driller: ændringsforslag, skriftlige afstemninger "
            "og kampvalg.",
        ),
        topics=["bestyrelsesarbejde"],
        provider=CENTRE,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(35, "18:30", "21:00")],
        instructors="Birgitte Lind",
        capacity=25,
        confirmed=4,
    ),
    DemoCourse(
        slug="fasthold-de-frivillige",
        title="Fasthold de frivillige – trivsel og anerkendelse",
        summary="Hvorfor bliver nogle frivillige i årevis, mens andre stopper efter en "
        "sæson? Om trivsel, fællesskab og at sige tak.",
        description=p(
            "Vi ser på, hvad frivillige selv siger får dem til at blive, og omsætter det til "
            "små, konkrete greb: velkomst, mentorordning, fleksible opgaver og anerkendelse, "
            "der føles ægte.",
        ),
        topics=["rekruttering", "ledelse-af-frivillige"],
        provider=CENTRE,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(40, "17:00", "20:00")],
        place=HOEN,
        instructors="Birgitte Lind",
        capacity=18,
        confirmed=3,
    ),
    DemoCourse(
        slug="budget-og-likviditet-for-bestyrelsen",
        title="Budget og likviditet for bestyrelsen",
        summary="Ikke kun for kassereren: hele bestyrelsen skal kunne læse et budget og "
        "vide, om der er penge til næste sæson.",
        description=p(
            "Kurset giver bestyrelsesmedlemmer uden regnskabsbaggrund et sikkert greb om "
            "foreningens økonomi: budget, likviditet, reserver og de spørgsmål, I bør stille "
            "kassereren.",
        ),
        topics=["oekonomi", "bestyrelsesarbejde"],
        provider=ACADEMY,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(45, "18:00", "20:30")],
        place=LIBRARY,
        instructors="Peter Juhl",
        capacity=20,
        confirmed=2,
    ),
    DemoCourse(
        slug="digital-medlemsadministration",
        title="Digital medlemsadministration – enkelt og sikkert",
        summary="Kom væk fra regnearket: medlemslister, kontingent og samtykker i et "
        "system, der passer til en lille forening.",
        description=p(
            "Vi sammenligner typiske løsninger til små foreninger og ser på, hvad I skal "
            "tænke på, når I flytter medlemsdata – ikke mindst databeskyttelse.",
        ),
        topics=["digitale-vaerktoejer", "oekonomi"],
        provider=ACADEMY,
        format=CourseFormat.ONLINE,
        meetings=[(50, "19:00", "21:00")],
        instructors="Sara Mølgaard",
        capacity=40,
        confirmed=5,
        extra={"online_link": "https://moede.foreningsakademiet.example/medlemmer"},
    ),
    DemoCourse(
        slug="unge-frivillige",
        title="Unge frivillige: sådan får I unge med",
        summary="For unge frivillige og dem, der vil have flere unge med: korte opgaver, "
        "reel indflydelse og plads til at prøve sig frem.",
        description=p(
            "Unge vil gerne gøre en forskel, men på andre måder end før. Sammen med unge "
            "frivillige fra lokale foreninger ser vi på, hvad der virker – og hvad der "
            "skræmmer væk.",
        ),
        topics=["rekruttering", "boern-og-unge"],
        provider=MUNICIPALITY,
        audience=Audience.YOUNG_VOLUNTEERS,
        meetings=[(22, "16:30", "19:00")],
        place=CENTRE_HOUSE,
        instructors="Amalie Friis, Noah Sandberg",
        capacity=24,
        confirmed=6,
    ),
    DemoCourse(
        slug="volunteering-in-denmark",
        title="Volunteering in Denmark: an introduction",
        summary="For international residents who want to volunteer: how Danish "
        "associations work, and how to find a place where you are welcome.",
        description=p(
            "Associations (foreninger) are at the heart of Danish community life. We explain "
            "how they are organised, what is expected of a volunteer, and where in Kalundborg "
            "Municipality help is needed.",
            "The course is taught in English. Bring your questions.",
        ),
        topics=["rekruttering"],
        provider=CENTRE,
        language="en",
        meetings=[(37, "17:00", "19:00")],
        place=LIBRARY,
        instructors="Birgitte Lind",
        capacity=20,
        confirmed=3,
    ),
    DemoCourse(
        slug="den-svaere-samtale",
        title="Den svære samtale med en frivillig",
        summary="Når en frivillig ikke længere passer til opgaven: forberedelse, samtalen "
        "og den gode afslutning.",
        description=p(
            "Vi træner samtaler, ingen har lyst til at tage, men som alle frivilligledere "
            "møder: om aftaler, der ikke holdes, om adfærd og om at sige farvel med respekt.",
        ),
        topics=["konflikthaandtering", "ledelse-af-frivillige"],
        provider=ACADEMY,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(55, "17:00", "20:00")],
        place=TOWN_HALL,
        instructors="Hanne Vinther",
        capacity=14,
        confirmed=2,
    ),
    DemoCourse(
        slug="puljer-i-kalundborg-kommune",
        title="Puljer i Kalundborg Kommune – hvem kan søge hvad?",
        summary="En kort eftermiddag om kommunens puljer til foreninger og frivillige "
        "initiativer, med tid til spørgsmål.",
        description=p(
            "Medarbejdere fra kommunen gennemgår de puljer, foreninger kan søge, og hvad en "
            "god ansøgning indeholder. Du kan deltage i mødesalen eller online.",
        ),
        topics=["fondsansoegning"],
        provider=MUNICIPALITY,
        format=CourseFormat.HYBRID,
        place=TOWN_HALL,
        meetings=[(28, "16:30", "18:00")],
        instructors="Karim Nielsen",
        capacity=None,
        confirmed=10,
        extra={"online_link": "https://moede.kalundborg.example/puljer"},
    ),
    DemoCourse(
        slug="persondata-og-gdpr-i-foreningen",
        title="Persondata og GDPR i foreningen",
        summary="Hvad må I gemme om medlemmer og frivillige, hvor længe, og hvordan? Et "
        "praktisk kursus uden jura-sprog.",
        description=p(
            "Du får en enkel fremgangsmåde til foreningens persondata: fortegnelse, samtykker, "
            "sletning og hvad I gør, hvis noget går galt.",
        ),
        topics=["digitale-vaerktoejer", "bestyrelsesarbejde"],
        provider=ACADEMY,
        audience=Audience.BOARD_MEMBERS,
        format=CourseFormat.ONLINE,
        meetings=[(60, "19:00", "21:00")],
        instructors="Sara Mølgaard",
        capacity=40,
        confirmed=4,
        extra={"online_link": "https://moede.foreningsakademiet.example/gdpr"},
    ),
    DemoCourse(
        slug="moedeledelse-der-virker",
        title="Mødeledelse der virker",
        summary="Kortere møder, klarere beslutninger: dagsorden, ordstyring og referat, "
        "der faktisk bliver læst.",
        description=p(
            "Vi øver mødeledelse i praksis og ser på, hvordan I inddrager alle, holder tiden "
            "og afslutter punkter med en beslutning.",
        ),
        topics=["bestyrelsesarbejde", "ledelse-af-frivillige"],
        provider=CENTRE,
        meetings=[(65, "18:00", "20:30")],
        instructors="Jakob Ravn",
        capacity=20,
        confirmed=1,
    ),
    DemoCourse(
        slug="hjertestarter-og-genoplivning",
        title="Hjertestarter og genoplivning – opfriskning",
        summary="Tre timer med hjertelungeredning og hjertestarter for dig, der har haft "
        "førstehjælp før.",
        description=p(
            "Vi genopfrisker hjertelungeredning og brug af hjertestarter med masser af "
            "øvelse på dukker. Passer godt til trænere og frivillige ved arrangementer.",
        ),
        topics=["foerstehjaelp"],
        provider=FIRST_AID,
        meetings=[(70, "18:00", "21:00")],
        place=GORLEV,
        instructors="Line Kruse",
        capacity=10,
        price=75,
        confirmed=3,
        extra={
            "payment_method": PaymentMethod.ON_THE_DAY,
            "payment_note": "Betal med MobilePay eller kontant, når du møder op. Mange "
            "foreninger dækker udgiften – gem kvitteringen til jeres kasserer.",
        },
    ),
    DemoCourse(
        slug="frivilligkoordinatoren",
        title="Frivilligkoordinatoren: netværk og værktøjer",
        summary="Tre mødegange for frivilligkoordinatorer: planlægning, vagtplaner og et "
        "netværk af kolleger i andre foreninger.",
        description=p(
            "Forløbet kombinerer undervisning med erfaringsudveksling. Du får værktøjer til "
            "vagtplaner og kommunikation – og kolleger, du kan ringe til bagefter.",
        ),
        topics=["ledelse-af-frivillige", "digitale-vaerktoejer"],
        provider=CENTRE,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(75, "17:00", "19:30"), (89, "17:00", "19:30"), (103, "17:00", "19:30")],
        instructors="Birgitte Lind",
        capacity=15,
        confirmed=2,
    ),
    DemoCourse(
        slug="skriv-saa-folk-laeser-det",
        title="Skriv så folk læser det – nyhedsbreve og opslag",
        summary="Klart sprog, gode overskrifter og korte tekster, der bliver læst af "
        "medlemmer, forældre og frivillige.",
        description=p(
            "Med udgangspunkt i jeres egne tekster arbejder vi med at skrive kort, konkret "
            "og venligt – også når beskeden er en aflysning eller en regel.",
        ),
        topics=["kommunikation"],
        provider=CENTRE,
        meetings=[(80, "18:00", "20:30")],
        place=LIBRARY,
        instructors="Jakob Ravn",
        capacity=18,
        confirmed=1,
    ),
    DemoCourse(
        slug="regnskab-i-praksis",
        title="Regnskab i praksis: fra bilag til årsregnskab",
        summary="To aftener med hænderne i et rigtigt (opdigtet) foreningsregnskab.",
        description=p(
            "Vi bogfører en sæson i en lille forening og laver årsregnskabet sammen. Du "
            "lærer de typiske fejl at kende, før revisoren gør.",
        ),
        topics=["oekonomi"],
        provider=ACADEMY,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(90, "18:00", "21:00"), (97, "18:00", "21:00")],
        place=LIBRARY,
        instructors="Peter Juhl",
        capacity=14,
    ),
    DemoCourse(
        slug="traenerrollen-og-boerns-trivsel",
        title="Trænerrollen og børns trivsel",
        summary="For trænere og hjælpetrænere: sådan skaber du et hold, hvor alle børn "
        "har lyst til at komme igen.",
        description=p(
            "Vi taler om fællesskab på holdet, om børn der falder udenfor, og om samarbejdet "
            "med forældrene.",
        ),
        topics=["boern-og-unge"],
        provider=MUNICIPALITY,
        meetings=[(95, "17:00", "19:30")],
        place=GORLEV,
        instructors="Mette Hald",
        capacity=25,
    ),
    DemoCourse(
        slug="bestyrelsens-aarshjul",
        title="Bestyrelsens årshjul",
        summary="Få overblik over året: frister, møder, ansøgninger og generalforsamling "
        "samlet ét sted.",
        description=p(
            "Sammen laver vi et årshjul for jeres forening, som I kan tage med hjem og "
            "bruge fra næste bestyrelsesmøde.",
        ),
        topics=["bestyrelsesarbejde"],
        provider=CENTRE,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(105, "18:00", "20:30")],
        instructors="Birgitte Lind",
        capacity=20,
    ),
    DemoCourse(
        slug="foreningsjura-for-begyndere",
        title="Foreningsjura for begyndere",
        summary="Vedtægter, hæftelse, forsikring og kontrakter – det, bestyrelsen bør vide.",
        description=p(
            "En aften om de juridiske spørgsmål, der oftest dukker op i små foreninger.",
        ),
        topics=["bestyrelsesarbejde"],
        provider=ACADEMY,
        audience=Audience.BOARD_MEMBERS,
        meetings=[(38, "18:00", "21:00")],
        place=TOWN_HALL,
        instructors="Advokat Maria Holt",
        capacity=20,
        confirmed=6,
        cancelled_reason="Underviseren er blevet syg. Vi finder en ny dato og skriver til "
        "jer, så snart den er på plads.",
    ),
    DemoCourse(
        slug="introduktion-til-frivilligledelse",
        title="Introduktion til frivilligledelse",
        summary="To aftener om de første skridt som frivilligleder: roller, rammer og den "
        "gode introduktion af nye.",
        description=p(
            "Kurset er for nye frivilligledere og giver et fælles sprog om ledelse af "
            "frivillige. Vi arbejder med jeres egne eksempler.",
        ),
        topics=["ledelse-af-frivillige"],
        provider=CENTRE,
        audience=Audience.VOLUNTEER_LEADERS,
        meetings=[(-40, "17:00", "20:00"), (-33, "17:00", "20:00")],
        instructors="Birgitte Lind",
        capacity=16,
        confirmed=9,
        organised_by_admin=True,
        volunteer="completed",
    ),
]


def _at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _course_day(today: date, offset: int, start: str) -> date:
    """The offset day moved to the next Saturday for daytime courses, else to the next
    Monday–Thursday evening, skipping Danish days off (core.holidays)."""
    day = today + timedelta(days=offset)
    weekdays = (5,) if start < "12:00" else (0, 1, 2, 3)
    # Never on a public holiday, Christmas Eve or New Year's Eve.
    return next_working_day(day, weekdays)


def _past_day(today: date, offset: int) -> date:
    """A day in the past that was no day off (moved back when it was)."""
    day = today + timedelta(days=offset)
    while is_day_off(day):
        day -= timedelta(days=1)
    return day


def _people() -> list[User]:
    people = []
    for number, name in enumerate(PARTICIPANTS, start=1):
        email = f"deltager{number:02d}@frivilligloeft.test"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, full_name=name)
        people.append(user)
    return people


ASSOCIATIONS = [
    "Kalundborg Roklub",
    "Høng Gymnastikforening",
    "Gørlev Boldklub",
    "Ældre Sagen Kalundborg",
    "Spejderne i Svebølle",
    "Kalundborg Lokalhistoriske Forening",
    "",
]

# Made-up CVR numbers for the demo associations' invoices.
DEMO_CVR = {name: f"9999{index:04d}" for index, name in enumerate(ASSOCIATIONS, start=1) if name}


def _add_demo_invoicing(rows: list[Signup]) -> None:
    """On a course invoiced to the association, everyone holding a seat named one."""
    for row in rows:
        if row.status not in (SignupStatus.CONFIRMED, SignupStatus.OFFERED):
            continue
        association = row.association or "Gørlev Boldklub"
        row.invoice_association = association
        row.invoice_cvr = DEMO_CVR[association]
        if not row.association:
            row.invoice_reference = "Att. kassereren"


def _create_course(
    spec: DemoCourse, today: date, topics, providers, admin, volunteer, people, qualifications
):
    now = timezone.now()
    meetings = []
    for offset, start, end in spec.meetings:
        day = _course_day(today, offset, start) if offset > 0 else _past_day(today, offset)
        meetings.append((_at(day, start), _at(day, end)))
    place_name, place_address = spec.place
    in_person = spec.format != CourseFormat.ONLINE
    course = Course.objects.create(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        description=spec.description,
        provider=providers[spec.provider],
        instructors=spec.instructors,
        audience=spec.audience,
        format=spec.format,
        language=spec.language,
        venue_name=place_name if in_person else "",
        venue_address=place_address if in_person else "",
        capacity=spec.capacity,
        price=spec.price,
        status=CourseStatus.PUBLISHED,
        requires_approval=spec.requires_approval,
        waiting_list_mode=WaitingListMode.OFFER if spec.offer_mode else WaitingListMode.AUTOMATIC,
        # Signup closes before cancelling does: whoever signs up last can still cancel.
        signup_deadline=meetings[0][0] - timedelta(days=3),
        cancellation_deadline=meetings[0][0] - timedelta(days=2),
        contact_name=providers[spec.provider].contact_name,
        contact_email=providers[spec.provider].contact_email,
        min_attendance_percent=spec.min_attendance_percent,
        qualification=qualifications.get(spec.qualification),
        **spec.extra,
    )
    course.topics.set([topics[slug] for slug in spec.topics])
    if spec.organised_by_admin and admin is not None:
        course.organisers.set([admin])
    course.save()
    Meeting.objects.bulk_create(
        Meeting(course=course, starts_at=start, ends_at=end) for start, end in meetings
    )
    services.refresh_schedule(course, notify=False)

    signed_up = now - timedelta(days=6)
    rows = []
    for index, person in enumerate(people[: spec.confirmed]):
        rows.append(
            Signup(
                course=course,
                user=person,
                status=SignupStatus.CONFIRMED,
                confirmed_at=signed_up,
                association=ASSOCIATIONS[index % len(ASSOCIATIONS)],
                show_name_to_participants=index % 3 != 0,
            )
        )
    queue = 0
    waiting_people = people[spec.confirmed : spec.confirmed + spec.waiting]
    for index, person in enumerate(waiting_people):
        if spec.volunteer == "waitlisted" and index == 2:
            queue += 1
            rows.append(_waiting(course, volunteer, queue, now))
        queue += 1
        rows.append(_waiting(course, person, queue, now))
    if spec.volunteer == "confirmed":
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.CONFIRMED,
                confirmed_at=signed_up,
                association="Kalundborg Roklub",
                show_name_to_participants=True,
            )
        )
    elif spec.volunteer == "offered":
        # The seat a participant gave back is offered to the demo volunteer, first in line.
        queue += 1
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.OFFERED,
                waitlisted_at=now - timedelta(days=3),
                queue_number=0,
                offered_at=now - timedelta(hours=4),
                offer_expires_at=now + timedelta(hours=course.offer_hours - 4),
                association="Kalundborg Roklub",
            )
        )
    elif spec.volunteer == "completed":
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.CONFIRMED,
                confirmed_at=meetings[0][0] - timedelta(days=20),
                association="Kalundborg Roklub",
                show_name_to_participants=True,
            )
        )
    if course.is_invoiced:
        _add_demo_invoicing(rows)
    Signup.objects.bulk_create(rows)
    if meetings[-1][1] < now:
        _mark_past_attendance(course)
    if spec.cancelled_reason:
        course.status = CourseStatus.CANCELLED
        course.cancelled_at = now - timedelta(days=1)
        course.cancellation_reason = spec.cancelled_reason
        course.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
        Meeting.objects.filter(course=course).update(cancelled_at=course.cancelled_at, sequence=1)
    return course


def _waiting(course, person, queue_number, now) -> Signup:
    return Signup(
        course=course,
        user=person,
        status=SignupStatus.WAITLISTED,
        waitlisted_at=now - timedelta(days=4) + timedelta(hours=queue_number),
        queue_number=queue_number,
    )


def _mark_past_attendance(course: Course) -> None:
    """Everyone came to the first meeting; every third person missed the second. The demo
    volunteer came to both and has completed the course."""
    marks = []
    meetings = list(course.meetings.order_by("starts_at"))
    signups = list(course.signups.filter(status=SignupStatus.CONFIRMED).order_by("pk"))
    for number, meeting in enumerate(meetings):
        for index, signup in enumerate(signups):
            present = not (number > 0 and index % 3 == 1 and signup.user.email != VOLUNTEER)
            marks.append(
                Attendance(
                    signup=signup,
                    meeting=meeting,
                    present=present,
                    marked_at=meeting.ends_at,
                )
            )
    Attendance.objects.bulk_create(marks)


def seed(command):
    topics = {}
    for slug, name, name_en, description in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "description": description},
        )
        topics[slug] = topic
    providers = {}
    for values in PROVIDERS:
        provider, _ = Provider.objects.get_or_create(name=values["name"], defaults=values)
        providers[provider.name] = provider

    admin = User.objects.filter(email=COURSE_ADMIN).first()
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    people = _people()
    qualifications = seed_qualifications()
    today = timezone.localdate()
    created = 0
    for spec in COURSES:
        if Course.objects.filter(slug=spec.slug).exists():
            continue
        _create_course(spec, today, topics, providers, admin, volunteer, people, qualifications)
        created += 1
    if created:
        command.stdout.write(f"  {created} courses")
    seed_activity(
        command,
        topics=topics,
        providers=providers,
        admin=admin,
        volunteer=volunteer,
        participants=people,
        qualifications=qualifications,
    )
    return []
