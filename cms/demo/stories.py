"""Demo stories about volunteers, written for this platform. The people are invented; each
story records the (invented) consent it is published under. Used by cms.demo.seed."""

import datetime

from cms.models import ConsentScope


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(paragraphs)}


def h(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def stories(today: datetime.date) -> list[dict]:
    return [
        {
            "title": "Fra tilskuer til kasserer på et år",
            "slug": "fra-tilskuer-til-kasserer",
            "association": "Gørlev Boldklub",
            "person_name": "Camilla Juhl",
            "lead": (
                "Camilla kom for at se sin søn spille fodbold. Et år senere sad hun med "
                "klubbens regnskab – og et kursus i bestyrelsesarbejde i bagagen."
            ),
            "quote": (
                "Jeg sagde ja, fordi nogen spurgte mig direkte. Og fordi jeg vidste, at jeg "
                "kunne få hjælp, hvis jeg gik i stå."
            ),
            "tags": ["bestyrelse", "nye frivillige"],
            "body": [
                p(
                    "<p>Camilla Juhl havde stået på sidelinjen i Gørlev hver lørdag i to sæsoner, "
                    "da formanden spurgte, om hun ikke var god til tal. Det var hun – hun arbejder "
                    "som bogholder – men en forenings regnskab var noget andet.</p>"
                ),
                h("Kurset gjorde forskellen"),
                p(
                    "<p>„Jeg var bange for at lave fejl med andres penge,“ siger Camilla. På "
                    "kurset om bestyrelsesarbejde lærte hun, hvad kassererens ansvar er, og hvad "
                    "det ikke er. Hun fik også et årshjul med hjem, som nu hænger på klubhusets "
                    "opslagstavle.</p>",
                    "<p>I dag er regnskabet afleveret til tiden to år i træk, og klubben har fået "
                    "penge fra kommunens frivilligpulje til nye mål til de yngste.</p>",
                ),
            ],
            "consent_given_by": "Camilla Juhl",
            "consent_given_on": today - datetime.timedelta(days=40),
            "consent_scope": ConsentScope.NAME,
            "consent_reference": "Samtykkeerklæring, sag 2026-114",
        },
        {
            "title": "Spillereglerne reddede vores bestyrelse",
            "slug": "spillereglerne-reddede-bestyrelsen",
            "association": "Svebølle Borgerforening",
            "person_name": "Henrik Mortensen",
            "lead": (
                "Da to fløje i borgerforeningen ikke længere talte sammen, var Henrik tæt på at "
                "give op. I stedet fik bestyrelsen skrevet spilleregler – og fandt tilbage til "
                "hinanden."
            ),
            "quote": "Det var ikke mig, der sagde stop. Det var reglerne, vi selv havde skrevet.",
            "tags": ["konflikter", "bestyrelse"],
            "body": [
                p(
                    "<p>Uenigheden handlede egentlig om byfesten: skulle den flyttes til "
                    "skolen eller blive på torvet? Men efter et halvt år handlede den om alt "
                    "muligt andet, og møderne endte i tavshed.</p>"
                ),
                h("En aften med konflikttrappen"),
                p(
                    "<p>Henrik Mortensen, der er formand, tog to kolleger fra bestyrelsen med "
                    "på et aftenkursus i konflikthåndtering. „Vi kunne se præcis, hvor på "
                    "trappen vi stod. Det var ubehageligt, men også en lettelse,“ fortæller "
                    "han.</p>",
                    "<p>Bagefter skrev bestyrelsen seks spilleregler, som nu står øverst på "
                    "hver dagsorden. Byfesten blev holdt på torvet – med skolens elever som "
                    "hjælpere.</p>",
                ),
            ],
            "consent_given_by": "Henrik Mortensen",
            "consent_given_on": today - datetime.timedelta(days=75),
            "consent_scope": ConsentScope.NAME,
            "consent_reference": "Samtykkeerklæring, sag 2026-097",
        },
        {
            "title": "40.000 kroner til et telt – og en sommerlejr for alle",
            "slug": "telt-og-sommerlejr",
            "association": "1. Kalundborg Spejdergruppe",
            "person_name": "Yasmin Haddad",
            "lead": (
                "Spejdergruppen manglede et stort telt, så alle børn kunne komme med på "
                "sommerlejr. Yasmin skrev sin første fondsansøgning – og fik ja."
            ),
            "quote": "Budgettet var det sværeste. Det var også det, fonden roste bagefter.",
            "tags": ["fondsansøgning", "børn og unge"],
            "body": [
                p(
                    "<p>Yasmin Haddad er leder for de mindste spejdere. Hun havde aldrig skrevet "
                    "en ansøgning, men sporingsarket fra Frivilligløft gav hende et overblik over "
                    "fonde, frister og hvad der manglede.</p>"
                ),
                h("Medfinansiering gjorde udslaget"),
                p(
                    "<p>Gruppen lagde selv 8.000 kroner fra loppemarkedet, og en lokal "
                    "virksomhed sponsorerede transporten. „Det viste fonden, at vi mente det "
                    "alvorligt,“ siger Yasmin.</p>",
                    "<p>Teltet har nu været med på to sommerlejre, og i år kom 14 børn med, "
                    "som ikke havde været afsted før.</p>",
                ),
            ],
            "consent_given_by": "Yasmin Haddad",
            "consent_given_on": today - datetime.timedelta(days=20),
            "consent_scope": ConsentScope.NAME,
            "consent_reference": "Samtykkeerklæring, sag 2026-131",
        },
    ]
