"""Demo guidance: three guides (board work, conflicts, grant applications) written for this
platform, their downloadable templates, the topics and a few upcoming courses they point to.

The texts are original Danish written for volunteer boards in Kalundborg Kommune; the board
guide also exists in English. Used by cms.demo.seed.
"""


def h(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(paragraphs)}


def checklist(title: str, items: list[str], intro: str = "") -> dict:
    return {"type": "checklist", "value": {"title": title, "intro": intro, "items": items}}


def steps(title: str, items: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {"title": title, "steps": [{"title": t, "text": text} for t, text in items]},
    }


def callout(kind: str, title: str, text: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": text}}


def faq(items: list[tuple[str, str]], title: str = "") -> dict:
    return {
        "type": "faq",
        "value": {"title": title, "questions": [{"question": q, "answer": a} for q, a in items]},
    }


def template(title: str, document_key: str, description: str) -> dict:
    return {
        "type": "template",
        "value": {"title": title, "document": document_key, "description": description},
    }


def quote(text: str, attribution: str) -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def related(title: str = "", limit: int = 3) -> dict:
    return {"type": "related_courses", "value": {"title": title, "courses": [], "limit": limit}}


TOPICS = [
    {
        "name": "Bestyrelsesarbejde",
        "name_en": "Board work",
        "slug": "bestyrelsesarbejde",
        "description": (
            "Roller og ansvar i bestyrelsen, årshjul, forretningsorden, generalforsamling og "
            "økonomi – alt det, der får en forening til at køre."
        ),
        "description_en": (
            "Roles and responsibilities on the board, the annual plan, rules of procedure, the "
            "annual general meeting and finances."
        ),
    },
    {
        "name": "Konflikthåndtering",
        "name_en": "Conflict resolution",
        "slug": "konflikthaandtering",
        "description": (
            "Når uenighed bliver til konflikt: sådan opdager I den tidligt, taler om den og "
            "finder en vej videre sammen."
        ),
        "description_en": (
            "When disagreement turns into conflict: spotting it early, talking about it and "
            "finding a way forward together."
        ),
    },
    {
        "name": "Fondsansøgning og puljer",
        "name_en": "Grants and funding",
        "slug": "fondsansoegning",
        "description": (
            "Find de rigtige fonde og puljer, skriv en ansøgning, der bliver læst, og hold styr "
            "på frister og afrapportering."
        ),
        "description_en": (
            "Find the right foundations and funds, write an application that gets read, and keep "
            "track of deadlines and reporting."
        ),
    },
]

# (title, file name, builder in cms.demo.files)
DOCUMENTS = {
    "annual_plan": (
        "Årshjul for bestyrelsen",
        "aarshjul-for-bestyrelsen.xlsx",
        "board_annual_plan",
    ),
    "agenda": (
        "Dagsorden til ordinær generalforsamling",
        "dagsorden-generalforsamling.docx",
        "general_meeting_agenda",
    ),
    "conversation": (
        "Samtaleguide: Den svære samtale",
        "samtaleguide-den-svaere-samtale.pdf",
        "difficult_conversation_guide",
    ),
    "tracking": (
        "Sporingsark til fondsansøgninger",
        "sporingsark-fondsansoegninger.xlsx",
        "grant_tracking_sheet",
    ),
}

# Upcoming courses created only when a topic has none (the courses app's own demo content
# normally provides them): (slug, title, summary, topic slug, days from today, venue).
FALLBACK_COURSES = [
    (
        "ny-i-bestyrelsen",
        "Ny i bestyrelsen",
        "En aften om roller, ansvar og årshjul for nye bestyrelsesmedlemmer.",
        "bestyrelsesarbejde",
        21,
        "Frivillighuset, Kalundborg",
    ),
    (
        "god-generalforsamling",
        "Den gode generalforsamling",
        "Fra indkaldelse til referat: sådan holder I en generalforsamling, som folk har lyst "
        "at komme til.",
        "bestyrelsesarbejde",
        45,
        "Høng Bibliotek",
    ),
    (
        "konflikter-i-foreningen",
        "Konflikter i foreningen – og hvad I gør ved dem",
        "Konflikttrappen i praksis og øvelser i den svære samtale.",
        "konflikthaandtering",
        30,
        "Frivillighuset, Kalundborg",
    ),
    (
        "fondsansoegning-fra-ide-til-bevilling",
        "Fondsansøgning: fra idé til bevilling",
        "Skriv en ansøgning med et klart formål, et realistisk budget og en plan for "
        "medfinansiering.",
        "fondsansoegning",
        35,
        "Kalundborg Rådhus, mødelokale 2",
    ),
]


def board_guide_da() -> dict:
    return {
        "title": "Bestyrelsesarbejde: roller, årshjul og generalforsamling",
        "slug": "bestyrelsesarbejde",
        "audience": "nye og erfarne bestyrelsesmedlemmer i foreninger",
        "lead": (
            "En bestyrelse, der ved, hvem der gør hvad og hvornår, bruger sin tid på foreningen "
            "i stedet for på misforståelser. Her får I det grundlæggende: rollerne, et årshjul, "
            "en forretningsorden og en generalforsamling, der kører."
        ),
        "topics": ["bestyrelsesarbejde"],
        "body": [
            h("Bestyrelsens opgave"),
            p(
                "<p>Bestyrelsen leder foreningen mellem generalforsamlingerne. Den skal sørge "
                "for, at foreningen arbejder efter sit formål og sine vedtægter, at økonomien er "
                "i orden, og at de frivillige har gode rammer. Bestyrelsen skal ikke selv lave "
                "alt – men den skal vide, hvem der gør det.</p>",
                "<p>Læs vedtægterne sammen på det første møde efter generalforsamlingen. De "
                "fortæller, hvor mange I skal være, hvem der tegner foreningen, og hvilke frister "
                "der gælder. Mange uenigheder i en bestyrelse handler i virkeligheden om "
                "vedtægter, som ingen har læst i flere år.</p>",
            ),
            h("Rollerne i bestyrelsen", "h3"),
            p(
                "<ul><li><b>Formanden</b> leder møderne, holder overblikket og er foreningens "
                "ansigt udadtil. En god formand uddelegerer og følger op.</li>"
                "<li><b>Næstformanden</b> træder til, når formanden er forhindret, og tager ofte "
                "ansvar for et område, fx frivillige eller samarbejde med skolen.</li>"
                "<li><b>Kassereren</b> fører regnskab, betaler regninger, holder øje med budgettet "
                "og sørger for, at regnskabet bliver revideret.</li>"
                "<li><b>Sekretæren</b> skriver referater, holder styr på medlemslisten og "
                "sørger for, at beslutninger bliver til handling.</li>"
                "<li><b>Menige medlemmer og suppleanter</b> har samme ansvar som de øvrige – "
                "giv dem en konkret opgave fra start.</li></ul>"
            ),
            callout(
                "tip",
                "Skriv rollerne ned",
                "<p>En halv side om hver rolle gør det meget lettere at tage over, når nogen "
                "går af. Gem beskrivelserne et sted, hvor hele bestyrelsen kan finde dem.</p>",
            ),
            h("Årshjulet"),
            p(
                "<p>Et årshjul samler de faste opgaver i én oversigt: regnskab, "
                "generalforsamling, ansøgningsfrister, børneattester, sæsonstart og tak til de "
                "frivillige. Når opgaverne står i årshjulet, skal ingen huske dem i hovedet, og "
                "nye bestyrelsesmedlemmer kan se, hvad der venter.</p>"
            ),
            steps(
                "Sådan laver I jeres årshjul",
                [
                    (
                        "Skriv alle faste opgaver ned",
                        "<p>Gå sidste års referater og kalender igennem. Tag også det med, "
                        "som kun én person plejer at huske.</p>",
                    ),
                    (
                        "Sæt en måned og en ansvarlig på",
                        "<p>Hver opgave får én ansvarlig – ikke „bestyrelsen“, hvis det kan "
                        "undgås.</p>",
                    ),
                    (
                        "Læg fristerne ind",
                        "<p>Vedtægternes frister for indkaldelse, kommunens puljefrister og "
                        "fondenes ansøgningsfrister.</p>",
                    ),
                    (
                        "Kig på årshjulet på hvert møde",
                        "<p>Fem minutter under punktet „næste måned“ er nok til at holde det "
                        "levende.</p>",
                    ),
                ],
            ),
            template(
                "Årshjul for bestyrelsen",
                "annual_plan",
                "Et regneark med månederne, de typiske opgaver og en kolonne til ansvarlig. "
                "Ret det til jeres forening.",
            ),
            h("Forretningsorden"),
            p(
                "<p>Forretningsordenen er bestyrelsens egne spilleregler: hvor tit I holder "
                "møde, hvem der indkalder, hvornår dagsordenen sendes ud, hvordan I træffer "
                "beslutninger, og hvem der må bruge foreningens penge. Den vedtages på det "
                "konstituerende møde efter generalforsamlingen.</p>"
            ),
            checklist(
                "Det skal forretningsordenen svare på",
                [
                    "Hvor ofte holder vi møde, og hvem indkalder?",
                    "Hvor mange dage før mødet sendes dagsorden og bilag?",
                    "Hvornår er bestyrelsen beslutningsdygtig?",
                    "Hvad gør vi ved stemmelighed?",
                    "Hvem må godkende udgifter, og op til hvilket beløb?",
                    "Hvem skriver referat, og hvornår sendes det ud?",
                    "Hvordan håndterer vi inhabilitet?",
                    "Hvad er fortroligt, og hvad må deles med medlemmerne?",
                ],
            ),
            h("Generalforsamlingen"),
            p(
                "<p>Generalforsamlingen er foreningens øverste myndighed. Her aflægger "
                "bestyrelsen beretning og regnskab, medlemmerne stemmer om forslag, og der "
                "vælges ny bestyrelse. En god generalforsamling er forberedt i god tid og holdt "
                "på en måde, så medlemmerne har lyst til at komme igen.</p>"
            ),
            checklist(
                "Før generalforsamlingen",
                [
                    "Tjek vedtægternes frist for indkaldelse og for indsendelse af forslag",
                    "Send indkaldelse med dagsorden til alle medlemmer",
                    "Få regnskabet revideret og underskrevet",
                    "Skriv beretningen og send den gerne ud på forhånd",
                    "Spørg en erfaren person, om vedkommende vil være dirigent",
                    "Find kandidater til de poster, der er på valg",
                    "Book lokale, og husk kaffe og stemmesedler",
                ],
            ),
            template(
                "Dagsorden til ordinær generalforsamling",
                "agenda",
                "En indkaldelse med en standarddagsorden, som passer til de fleste vedtægter. "
                "Tjek punkterne mod jeres egne vedtægter.",
            ),
            callout(
                "warning",
                "Overhold fristerne",
                "<p>Er generalforsamlingen ikke indkaldt rettidigt efter vedtægterne, kan "
                "beslutningerne blive anfægtet. Er I i tvivl, så indkald hellere en uge for "
                "tidligt end en dag for sent.</p>",
            ),
            faq(
                [
                    (
                        "Skal vi have en revisor?",
                        "<p>Det afhænger af vedtægterne. De fleste foreninger vælger en eller to "
                        "interne revisorer blandt medlemmerne. Modtager I tilskud fra kommunen "
                        "eller fonde, kan der være krav om revision.</p>",
                    ),
                    (
                        "Hvad gør vi, hvis ingen vil stille op?",
                        "<p>Start tidligt, og spørg personligt – de fleste siger ja, fordi nogen "
                        "har spurgt dem. Fortæl konkret, hvad opgaven er, og hvor meget tid den "
                        "tager. En kortere valgperiode eller en rolle som suppleant kan også gøre "
                        "det lettere at sige ja.</p>",
                    ),
                    (
                        "Må bestyrelsen selv ændre vedtægterne?",
                        "<p>Nej. Vedtægtsændringer besluttes af generalforsamlingen efter de "
                        "regler, vedtægterne selv fastsætter.</p>",
                    ),
                ]
            ),
            quote(
                "Frivillighed skaber frivillighed. At blive inviteret af en anden frivillig er "
                "ofte den mest effektive rekrutteringsmetode.",
                "Kalundborg Kommunes frivilligstrategi",
            ),
            related("Kurser i bestyrelsesarbejde"),
        ],
    }


def board_guide_en() -> dict:
    return {
        "title": "Board work: roles, the annual plan and the general meeting",
        "audience": "new and experienced board members of associations",
        "lead": (
            "A board that knows who does what, and when, spends its time on the association "
            "rather than on misunderstandings. This guide covers the basics: the roles, an "
            "annual plan, rules of procedure and a general meeting that runs smoothly."
        ),
        "body": [
            h("What the board does"),
            p(
                "<p>The board runs the association between general meetings. It makes sure the "
                "association works towards its purpose and by its statutes, that the finances "
                "are in order and that volunteers have good conditions. The board does not have "
                "to do everything itself – but it must know who does.</p>",
                "<p>Read the statutes together at the first meeting after the general meeting. "
                "They say how many board members you must be, who can sign for the association "
                "and which deadlines apply.</p>",
            ),
            h("The roles on the board", "h3"),
            p(
                "<ul><li><b>The chair</b> leads meetings, keeps the overview and represents the "
                "association. A good chair delegates and follows up.</li>"
                "<li><b>The vice-chair</b> steps in when the chair cannot and often takes charge "
                "of one area, such as volunteers.</li>"
                "<li><b>The treasurer</b> keeps the accounts, pays bills, watches the budget and "
                "makes sure the accounts are audited.</li>"
                "<li><b>The secretary</b> writes minutes, keeps the membership list and makes "
                "sure decisions are acted on.</li>"
                "<li><b>Ordinary members and substitutes</b> share the same responsibility – give "
                "them a concrete task from the start.</li></ul>"
            ),
            callout(
                "tip",
                "Write the roles down",
                "<p>Half a page on each role makes it much easier to take over when someone "
                "steps down.</p>",
            ),
            h("The annual plan"),
            p(
                "<p>An annual plan (årshjul) gathers the recurring tasks in one overview: "
                "accounts, the general meeting, funding deadlines, child protection certificates, "
                "the start of the season and thanking the volunteers.</p>"
            ),
            steps(
                "How to make your annual plan",
                [
                    ("List every recurring task", "<p>Go through last year's minutes.</p>"),
                    ("Give each task a month and an owner", "<p>One person per task.</p>"),
                    ("Add the deadlines", "<p>Statutes, municipal funds and foundations.</p>"),
                    ("Look at it at every meeting", "<p>Five minutes is enough.</p>"),
                ],
            ),
            template(
                "Annual plan for the board (in Danish)",
                "annual_plan",
                "A spreadsheet with the months, typical tasks and a column for who is responsible.",
            ),
            h("Rules of procedure"),
            p(
                "<p>The rules of procedure (forretningsorden) are the board's own rules: how "
                "often you meet, who sends the agenda, how decisions are made and who may spend "
                "the association's money. They are adopted at the first board meeting after the "
                "general meeting.</p>"
            ),
            checklist(
                "What the rules of procedure should answer",
                [
                    "How often do we meet, and who calls the meeting?",
                    "How many days before the meeting are the agenda and papers sent?",
                    "When is the board quorate?",
                    "What happens in a tied vote?",
                    "Who may approve expenses, and up to what amount?",
                    "Who writes the minutes, and when are they sent out?",
                ],
            ),
            h("The general meeting"),
            p(
                "<p>The general meeting is the association's highest authority. The board "
                "presents its report and the accounts, members vote on proposals and a new board "
                "is elected.</p>"
            ),
            checklist(
                "Before the general meeting",
                [
                    "Check the statutes' deadline for the notice and for proposals",
                    "Send the notice with the agenda to all members",
                    "Have the accounts audited and signed",
                    "Ask an experienced person to chair the meeting",
                    "Find candidates for the seats up for election",
                ],
            ),
            template(
                "Agenda for the annual general meeting (in Danish)",
                "agenda",
                "A notice with a standard agenda that fits most statutes.",
            ),
            faq(
                [
                    (
                        "May the board change the statutes itself?",
                        "<p>No. Changes to the statutes are decided by the general meeting, by "
                        "the rules the statutes themselves set.</p>",
                    ),
                ]
            ),
            related("Courses in board work"),
        ],
    }


def conflict_guide_da() -> dict:
    return {
        "title": "Konflikthåndtering i foreningen",
        "slug": "konflikthaandtering",
        "audience": "formænd, bestyrelser og frivilligledere, der står i en uenighed",
        "lead": (
            "Uenighed er sundt i en forening – det viser, at folk bekymrer sig. Men når "
            "uenigheden bliver personlig, mister I frivillige. Her er konflikttrappen, "
            "spilleregler, der forebygger, og en opskrift på den svære samtale."
        ),
        "topics": ["konflikthaandtering"],
        "body": [
            h("Konflikttrappen"),
            p(
                "<p>Konflikter udvikler sig ofte trin for trin. Jo tidligere I griber ind, jo "
                "lettere er det at finde en løsning. Konflikttrappen hjælper jer med at se, hvor "
                "I står.</p>"
            ),
            steps(
                "Trinene på konflikttrappen",
                [
                    (
                        "Uenighed",
                        "<p>Man er uenige om en sag, fx hvordan kontingentet skal bruges. Det "
                        "er normalt og kan løses ved at tale sammen.</p>",
                    ),
                    (
                        "Personificering",
                        "<p>Sagen bliver til et problem med en person: „Det er altid ham, der "
                        "…“. Nu skal I skille sag og person ad.</p>",
                    ),
                    (
                        "Problemet vokser",
                        "<p>Flere gamle sager kommer frem, og det bliver svært at huske, hvad "
                        "uenigheden egentlig handlede om.</p>",
                    ),
                    (
                        "Samtalen opgives",
                        "<p>Man taler om hinanden i stedet for med hinanden. Mails bliver "
                        "kortere og koldere.</p>",
                    ),
                    (
                        "Fjendebilleder og åben fjendtlighed",
                        "<p>Der dannes fløje, og nogen truer med at gå. Her er der brug for "
                        "hjælp udefra.</p>",
                    ),
                ],
            ),
            callout(
                "tip",
                "Grib ind på de nederste trin",
                "<p>En kop kaffe og et „hvordan har du det med det, der skete på mødet?“ "
                "kan stoppe en konflikt, før den vokser.</p>",
            ),
            h("Spilleregler, der forebygger"),
            p(
                "<p>Aftal spillereglerne, mens alle er gode venner. Så har I noget at henvise "
                "til, når det bliver svært – og det er reglerne, der siger stop, ikke en "
                "person.</p>"
            ),
            checklist(
                "Forslag til spilleregler i bestyrelsen",
                [
                    "Vi taler til hinanden – ikke om hinanden",
                    "Vi er uenige om sagen, ikke om personen",
                    "Vi tager svære emner op på møder, ikke på mail eller sociale medier",
                    "Når en beslutning er truffet, står vi alle ved den udadtil",
                    "Vi siger til, hvis vi bliver kede af noget – inden for en uge",
                    "Vi holder det fortroligt, der er sagt fortroligt",
                ],
                intro="Tilpas listen, og vedtag den på et bestyrelsesmøde.",
            ),
            h("Den svære samtale"),
            p(
                "<p>Nogle gange er en samtale på tomandshånd den eneste vej. Forbered dig, og "
                "hold fast i, at målet er en løsning – ikke at vinde.</p>"
            ),
            steps(
                "Sådan holder du samtalen",
                [
                    (
                        "Forbered dig",
                        "<p>Skriv ned, hvad der konkret er sket, og hvad du gerne vil opnå.</p>",
                    ),
                    (
                        "Åbn roligt",
                        "<p>Sig, hvorfor I mødes, og at du gerne vil finde en løsning sammen.</p>",
                    ),
                    (
                        "Lyt først",
                        "<p>Spørg til den andens oplevelse, og gentag det, du hører.</p>",
                    ),
                    (
                        "Fortæl din side",
                        "<p>Tal om handlinger og konsekvenser, ikke om personlighed.</p>",
                    ),
                    ("Aftal næste skridt", "<p>Hvem gør hvad – og hvornår følger I op?</p>"),
                ],
            ),
            template(
                "Samtaleguide: Den svære samtale",
                "conversation",
                "En PDF med spørgsmål og felter til dine noter før, under og efter samtalen.",
            ),
            callout(
                "warning",
                "Når det handler om krænkelser",
                "<p>Handler konflikten om krænkelser, trusler eller bekymring for et barn, er "
                "det ikke en sag for den svære samtale. Kontakt kommunen, og følg jeres "
                "procedure for børneattester og trivsel.</p>",
            ),
            faq(
                [
                    (
                        "Hvornår skal vi have hjælp udefra?",
                        "<p>Når samtalen er gået i stå, når der er dannet fløje, eller når "
                        "nogen truer med at forlade foreningen. Kommunens frivilligkonsulenter "
                        "kan hjælpe eller henvise til en mægler.</p>",
                    ),
                    (
                        "Skal formanden altid tage samtalen?",
                        "<p>Nej. Er formanden selv part i konflikten, så lad et andet "
                        "bestyrelsesmedlem eller en udefra tage den.</p>",
                    ),
                ]
            ),
            related("Kurser i konflikthåndtering"),
        ],
    }


def grants_guide_da() -> dict:
    return {
        "title": "Fondsansøgning og puljer: fra idé til bevilling",
        "slug": "fondsansoegning",
        "audience": "kasserere og frivillige, der skal skaffe penge til et projekt",
        "lead": (
            "Der findes mange fonde og puljer, der gerne vil støtte det frivillige arbejde. "
            "Her lærer I ansøgningens dele, hvordan I lægger et troværdigt budget med "
            "medfinansiering, og hvordan I holder styr på frister med et sporingsark."
        ),
        "topics": ["fondsansoegning"],
        "body": [
            h("Find den rigtige fond"),
            p(
                "<p>Den bedste ansøgning er den, der passer til fondens formål. Læs formålet og "
                "de seneste bevillinger, før I skriver et ord. Start lokalt: kommunens "
                "frivilligpulje, lokale sparekasser og virksomheder kender jeres område og "
                "støtter ofte mindre projekter.</p>"
            ),
            callout(
                "tip",
                "Ring, før I skriver",
                "<p>Mange fonde vil gerne tage en kort snak om, hvorvidt et projekt passer. "
                "Det sparer jer for en ansøgning, der aldrig kunne blive til noget.</p>",
            ),
            h("Ansøgningens dele"),
            steps(
                "En klassisk ansøgning",
                [
                    (
                        "Resumé",
                        "<p>Fem linjer om, hvad I vil, for hvem, og hvad det koster. Skriv det "
                        "til sidst.</p>",
                    ),
                    (
                        "Baggrund og behov",
                        "<p>Hvorfor er projektet nødvendigt? Brug tal og eksempler fra jeres "
                        "egen forening.</p>",
                    ),
                    (
                        "Formål og mål",
                        "<p>Hvad vil I opnå, og hvordan kan I se, at det er lykkedes?</p>",
                    ),
                    (
                        "Aktiviteter og tidsplan",
                        "<p>Hvad sker der hvornår, og hvem gør det?</p>",
                    ),
                    ("Budget", "<p>Udgifter, indtægter og medfinansiering – se nedenfor.</p>"),
                    (
                        "Forankring",
                        "<p>Hvad sker der, når pengene er brugt? Fonde støtter gerne noget, der "
                        "lever videre.</p>",
                    ),
                ],
            ),
            h("Budget og medfinansiering"),
            p(
                "<p>Budgettet er ofte det, fonden læser først. Det skal hænge sammen med "
                "aktiviteterne, være realistisk og vise, at I selv bidrager. Medfinansiering "
                "kan være egne midler, andre fonde, sponsorater eller frivillige timer, hvis "
                "fonden tillader det.</p>"
            ),
            checklist(
                "Tjek budgettet",
                [
                    "Alle aktiviteter i ansøgningen har en udgift i budgettet",
                    "Priserne bygger på tilbud eller sidste års regnskab",
                    "Medfinansieringen står tydeligt, med kilde og beløb",
                    "Det fremgår, hvad I søger denne fond om – og hvad I søger andre om",
                    "Moms er med, hvis foreningen ikke kan trække den fra",
                    "Summen stemmer",
                ],
            ),
            template(
                "Sporingsark til fondsansøgninger",
                "tracking",
                "Et regneark med fond, beløb, frist, ansvarlig, status og afrapportering – og "
                "et ark til budgettet med medfinansiering.",
            ),
            h("Frister og afrapportering"),
            p(
                "<p>Skriv alle frister ind i sporingsarket og i bestyrelsens årshjul. Regn "
                "baglæns: skal bestyrelsen godkende ansøgningen, skal den være klar til mødet før "
                "fristen. Husk også afrapporteringen – fonde husker, hvem der afleverede til "
                "tiden.</p>"
            ),
            checklist(
                "Inden I sender",
                [
                    "Ansøgningen svarer på fondens egne spørgsmål, i fondens rækkefølge",
                    "Bilag er vedlagt: vedtægter, seneste regnskab, budget",
                    "En, der ikke har skrevet den, har læst den",
                    "Fristen og forventet svardato står i sporingsarket",
                ],
            ),
            faq(
                [
                    (
                        "Må vi søge flere fonde til det samme projekt?",
                        "<p>Ja, og det er helt normalt. Skriv det i ansøgningen, og fortæl "
                        "fonden, hvis I får pengene et andet sted fra.</p>",
                    ),
                    (
                        "Hvad gør vi ved et afslag?",
                        "<p>Spørg, om fonden vil give en kort begrundelse, og søg igen, hvis "
                        "projektet passer. Mange bevillinger kommer i anden omgang.</p>",
                    ),
                ]
            ),
            related("Kurser i fondsansøgning"),
        ],
    }


GUIDES = [board_guide_da, conflict_guide_da, grants_guide_da]
ENGLISH_TRANSLATIONS = {"bestyrelsesarbejde": board_guide_en}
