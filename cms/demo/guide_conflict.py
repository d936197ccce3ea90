"""Demo guide: conflict resolution (konflikthåndtering), in Danish."""

from cms.demo.blocks import callout, checklist, faq, h, p, related, steps, template


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
