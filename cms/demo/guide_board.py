"""Demo guide: board work (bestyrelsesarbejde), in Danish and English."""

from cms.demo.blocks import callout, checklist, faq, h, p, quote, related, steps, template


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
