"""Demo page tree: the home page, about, privacy policy and accessibility statement, in Danish
with English translations, the site's contact details, and the guidance section: three guides
with their downloadable templates, three stories, and the topics and courses they point to.

Idempotent: pages are found by type and slug, documents by title, topics by name and courses
by slug; nothing that exists is changed.
"""

from wagtail.models import Locale, Page, Site

from cms.demo.pages import publish_page as _publish
from cms.demo.pages import translate_page as _translate
from cms.models import HomePage, SiteContactSettings, StandardPage


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(paragraphs)}


def h(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def cta(heading: str, text: str, link_text: str, url: str) -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "link": {"text": link_text, "page": None, "url": url},
        },
    }


HOME_DA = {
    "title": "Frivilligløft – kurser, netværk og vejledning for frivillige",
    "slug": "forside",
    "hero_text": (
        "Her finder frivilligledere og bestyrelser i Kalundborg Kommune kurser, netværk og "
        "vejledning, der gør det lettere at drive en forening – og at være frivillig."
    ),
    "intro": (
        "<p>Frivilligløft er kommunens fælles sted for kompetenceløft til frivillige. Vi "
        "samler kurser i bestyrelsesarbejde, konflikthåndtering, ledelse af frivillige, "
        "digitale værktøjer og fondsansøgninger, så du kan finde det, din forening har "
        "brug for, og tilmelde dig med det samme.</p>"
    ),
    "body": [
        h("Det skal være let at være frivillig"),
        p(
            "<p>Frivillige bruger deres fritid på fællesskabet. Derfor skal det være enkelt at "
            "finde et kursus, melde sig til og få et bevis for det, man har lært. Alle kurser på "
            "Frivilligløft er gratis for frivillige i foreninger i Kalundborg Kommune, med mindre "
            "andet står på kurset.</p>",
            "<ul><li>Tilmeld dig kurser og følg din plads på ventelisten</li>"
            "<li>Mød andre formænd, kasserere og frivilligkoordinatorer i netværk</li>"
            "<li>Få kursusbeviser, som du selv kan hente og dele</li></ul>",
        ),
        quote(
            "Frivillighed skaber frivillighed. At blive inviteret af en anden frivillig er ofte "
            "den mest effektive rekrutteringsmetode.",
            "Kalundborg Kommunes frivilligstrategi",
        ),
        cta(
            "Opret en profil",
            "Med en profil kan du tilmelde dig kurser, se dine tilmeldinger og hente dine beviser "
            "under Mine sider.",
            "Opret profil",
            "/konto/signup/",
        ),
    ],
}

HOME_EN = {
    "title": "Frivilligløft – courses, networks and guidance for volunteers",
    "hero_text": (
        "Volunteer leaders and boards in Kalundborg Municipality find courses, networks and "
        "guidance here that make it easier to run an association – and to volunteer."
    ),
    "intro": (
        "<p>Frivilligløft is the municipality's shared place for volunteer training. We bring "
        "together courses in board work, conflict resolution, leading volunteers, digital "
        "tools and grant applications, so you can find what your association needs and sign "
        "up straight away. Most courses are taught in Danish; the course page always says "
        "which language.</p>"
    ),
    "body": [
        h("Volunteering should be easy"),
        p(
            "<p>Volunteers give their spare time to the community. Finding a course, signing "
            "up and getting proof of what you learned should therefore be simple. All courses on "
            "Frivilligløft are free for volunteers in associations in Kalundborg Municipality "
            "unless the course says otherwise.</p>",
            "<ul><li>Sign up for courses and follow your place on the waiting list</li>"
            "<li>Meet other chairs, treasurers and volunteer coordinators in networks</li>"
            "<li>Get course certificates you can download and share yourself</li></ul>",
        ),
        quote(
            "Volunteering creates volunteering. Being invited by another volunteer is often the "
            "most effective way to recruit.",
            "Kalundborg Municipality's volunteer strategy",
        ),
        cta(
            "Create an account",
            "With an account you can sign up for courses, see your signups and download your "
            "certificates under My pages.",
            "Create account",
            "/konto/signup/",
        ),
    ],
}

ABOUT_DA = {
    "title": "Om Frivilligløft",
    "slug": "om",
    "intro": (
        "Frivilligløft er Kalundborg Kommunes platform for kurser, netværk og vejledning til "
        "frivillige, frivilligledere og bestyrelser."
    ),
    "body": [
        h("Hvorfor Frivilligløft?"),
        p(
            "<p>Kommunens frivilligstrategi lover at støtte frivillige med relevante "
            "kompetenceløft, udviklingsmuligheder og kurser i tæt dialog med de behov, de "
            "frivillige selv oplever. Frivilligløft er stedet, hvor det løfte bliver til noget "
            "konkret: et kursus i næste måned, et netværk af andre kasserere, en vejledning i "
            "at holde generalforsamling.</p>"
        ),
        h("Hvem står bag?"),
        p(
            "<p>Platformen drives af kommunens frivilligkonsulenter i samarbejde med "
            "Frivilligrådet og de foreninger, der holder kurser. Har du en idé til et kursus, "
            "eller mangler din forening hjælp til noget bestemt, så skriv til os – vi vil hellere "
            "høre fra dig én gang for meget end én gang for lidt.</p>"
        ),
        h("Hvad koster det?"),
        p(
            "<p>Langt de fleste kurser er gratis for frivillige i foreninger i Kalundborg "
            "Kommune. Har et kursus en pris, står den tydeligt på kurset, før du tilmelder dig.</p>"
        ),
    ],
}

ABOUT_EN = {
    "title": "About Frivilligløft",
    "intro": (
        "Frivilligløft is Kalundborg Municipality's platform for courses, networks and guidance "
        "for volunteers, volunteer leaders and boards."
    ),
    "body": [
        h("Why Frivilligløft?"),
        p(
            "<p>The municipality's volunteer strategy promises to support volunteers with relevant "
            "training, development and courses, in close dialogue with the needs volunteers "
            "themselves experience. Frivilligløft is where that promise becomes concrete: a course "
            "next month, a network of fellow treasurers, a guide to holding an annual general "
            "meeting.</p>"
        ),
        h("Who runs it?"),
        p(
            "<p>The platform is run by the municipality's volunteer consultants together with the "
            "Volunteer Council and the associations that teach courses. If you have an idea for a "
            "course, or your association needs help with something specific, write to us.</p>"
        ),
        h("What does it cost?"),
        p(
            "<p>Almost all courses are free for volunteers in associations in Kalundborg "
            "Municipality. If a course has a price, it is shown clearly before you sign up.</p>"
        ),
    ],
}

PRIVACY_DA = {
    "title": "Privatlivspolitik",
    "slug": "privatlivspolitik",
    "intro": (
        "Sådan behandler vi dine personoplysninger, når du bruger Frivilligløft. Vi indsamler så "
        "lidt som muligt og kun det, der skal til for at give dig en plads på et kursus."
    ),
    "body": [
        h("Dataansvarlig"),
        p(
            "<p>Kalundborg Kommune er dataansvarlig for oplysningerne på Frivilligløft. Du kan "
            "kontakte kommunens databeskyttelsesrådgiver via kommunens hovednummer eller den "
            "e-mailadresse, der står nederst på siden.</p>"
        ),
        h("Hvilke oplysninger gemmer vi?"),
        p(
            "<ul><li>Din profil: navn, e-mailadresse, foretrukket sprog og – hvis du selv "
            "skriver det – dit telefonnummer.</li>"
            "<li>Dine tilmeldinger: hvilke kurser og netværk du er tilmeldt, din plads på "
            "ventelister, dit fremmøde og de særlige hensyn, du selv oplyser (fx kost eller "
            "tilgængelighed).</li>"
            "<li>Dine beviser: de kursusbeviser, der er udstedt til dig.</li></ul>",
            "<p>Om elever i frivilligpraktik gemmer vi kun fornavn og klasse.</p>",
        ),
        h("Hvorfor og med hvilken hjemmel?"),
        p(
            "<p>Vi behandler oplysningerne for at kunne afvikle kurser og netværk, som kommunen "
            "tilbyder som led i frivilligstrategien (databeskyttelsesforordningens artikel 6, "
            "stk. 1, litra e). Dit navn vises kun på deltagerlister for andre deltagere, hvis du "
            "selv har givet samtykke til det, og du kan til enhver tid trække samtykket "
            "tilbage.</p>"
        ),
        h("Dine rettigheder"),
        p(
            "<p>Du kan altid se, rette og downloade dine oplysninger under <strong>Mine sider → "
            "Dine data</strong>, og du kan slette din profil samme sted. Sletter du profilen, "
            "afmeldes dine aktive tilmeldinger, så den næste på ventelisten får din plads. Du kan "
            "klage over vores behandling til Datatilsynet.</p>"
        ),
    ],
}

PRIVACY_EN = {
    "title": "Privacy policy",
    "intro": (
        "How we process your personal data when you use Frivilligløft. We collect as little as "
        "possible and only what is needed to give you a seat on a course."
    ),
    "body": [
        h("Data controller"),
        p(
            "<p>Kalundborg Municipality is the data controller for the data on Frivilligløft. You "
            "can contact the municipality's data protection officer through the main phone "
            "number or the email address at the bottom of the page.</p>"
        ),
        h("What do we store?"),
        p(
            "<ul><li>Your profile: name, email address, preferred language and – if you enter "
            "it – your phone number.</li>"
            "<li>Your signups: the courses and networks you have joined, your place on waiting "
            "lists, your attendance and any needs you tell us about (such as diet or "
            "accessibility).</li>"
            "<li>Your certificates: the course certificates issued to you.</li></ul>",
            "<p>For pupils in volunteer internships we store only first name and class.</p>",
        ),
        h("Why, and on what legal basis?"),
        p(
            "<p>We process the data to run the courses and networks the municipality offers as "
            "part of its volunteer strategy (GDPR Article 6(1)(e)). Your name is shown to other "
            "participants only if you have agreed to it, and you can withdraw that consent at "
            "any time.</p>"
        ),
        h("Your rights"),
        p(
            "<p>You can see, correct and download your data under <strong>My pages → Your "
            "data</strong> at any time, and delete your account there. When you delete your "
            "account, your active signups are cancelled so that the next person on the waiting "
            "list gets your seat. You can complain to the Danish Data Protection Agency "
            "(Datatilsynet).</p>"
        ),
    ],
}

ACCESSIBILITY_DA = {
    "title": "Tilgængelighedserklæring",
    "slug": "tilgaengelighedserklaering",
    "intro": (
        "Kalundborg Kommune ønsker, at alle kan bruge Frivilligløft – også med skærmlæser, "
        "tastatur, forstørrelse eller på en lille skærm."
    ),
    "body": [
        h("Overholdelse af kravene"),
        p(
            "<p>Frivilligløft er bygget til at overholde WCAG 2.1 på niveau AA, som loven om "
            "tilgængelighed af offentlige organers websteder kræver. Alle sider kan bruges uden "
            "JavaScript, med tastatur alene og ved 200 % forstørrelse.</p>"
        ),
        h("Sådan tester vi"),
        p(
            "<p>Hver gang platformen ændres, tester vi automatisk forsiden, tilmelding, login, "
            "Mine sider og indholdssider på dansk og engelsk med værktøjet axe. Automatiske test "
            "finder ikke alt, så vi tester også med tastatur og skærmlæser, når vi bygger nye "
            "funktioner.</p>"
        ),
        h("Fortæl os, hvis noget ikke virker"),
        p(
            "<p>Oplever du en side, du ikke kan bruge, så skriv til os på den e-mailadresse, der "
            "står nederst på siden. Skriv gerne, hvilken side det drejer sig om, og hvad du "
            "forsøgte at gøre. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn "
            "med offentlige websteders tilgængelighed.</p>"
        ),
    ],
}

ACCESSIBILITY_EN = {
    "title": "Accessibility statement",
    "intro": (
        "Kalundborg Municipality wants everyone to be able to use Frivilligløft – with a screen "
        "reader, a keyboard, magnification or on a small screen."
    ),
    "body": [
        h("Compliance status"),
        p(
            "<p>Frivilligløft is built to meet WCAG 2.1 level AA, as Danish law on the "
            "accessibility of public sector websites requires. Every page works without "
            "JavaScript, with a keyboard alone and at 200% zoom.</p>"
        ),
        h("How we test"),
        p(
            "<p>Every time the platform changes, we automatically test the front page, signup, "
            "login, My pages and content pages in Danish and English with the axe tool. Automated "
            "tests do not find everything, so we also test with a keyboard and a screen reader "
            "when we build new features.</p>"
        ),
        h("Tell us if something does not work"),
        p(
            "<p>If you find a page you cannot use, write to us at the email address at the bottom "
            "of the page. Tell us which page and what you were trying to do. You can also "
            "complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), "
            "which supervises the accessibility of public websites.</p>"
        ),
    ],
}


def _ensure_home(root: Page) -> HomePage:
    home = HomePage.objects.filter(locale__language_code="da").first()
    if home is not None:
        return home
    home = HomePage(**HOME_DA)
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=home
        )
    else:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Frivilligløft"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page is not ours; remove it.
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def _ensure_child(parent: Page, content: dict) -> StandardPage:
    page = StandardPage.objects.child_of(parent).filter(slug=content["slug"]).first()
    if page is None:
        page = StandardPage(**content)
        parent.add_child(instance=page)
        _publish(page)
    return page


def seed(command):
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")

    home = _ensure_home(root)
    _translate(home, english, HOME_EN)

    about = _ensure_child(home, ABOUT_DA)
    privacy = _ensure_child(home, PRIVACY_DA)
    accessibility = _ensure_child(home, ACCESSIBILITY_DA)
    for page, content in (
        (about, ABOUT_EN),
        (privacy, PRIVACY_EN),
        (accessibility, ACCESSIBILITY_EN),
    ):
        _translate(page, english, content)

    site = Site.objects.get(is_default_site=True)
    contact = SiteContactSettings.for_site(site)
    if not contact.organisation:
        contact.organisation = "Kalundborg Kommune"
        contact.department = "Frivillighed og Civilsamfund"
        contact.address = "Holbækvej 141 B\n4400 Kalundborg"
        contact.phone = "59 53 44 00"
        contact.opening_hours = "man.–fre. kl. 9–14"
        contact.email = "frivilligloeft@kalundborg.dk"
        contact.about_page = about
        contact.privacy_page = privacy
        contact.accessibility_page = accessibility
        contact.save()

    from cms.demo.guidance import seed_guidance

    seed_guidance(home, english)
    return []
