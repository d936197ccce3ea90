"""Demo guide: grants and funding (fondsansøgning og puljer), in Danish."""

from cms.demo.blocks import callout, checklist, faq, h, p, related, steps, template


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
