"""Demo guidance: three guides (board work, conflicts, grant applications) written for this
platform, their downloadable templates, the topics and a few upcoming courses they point to.

The texts are original Danish written for volunteer boards in Kalundborg Kommune; the board
guide also exists in English. Used by cms.demo.guidance.
"""

from cms.demo.guide_board import board_guide_da, board_guide_en
from cms.demo.guide_conflict import conflict_guide_da
from cms.demo.guide_grants import grants_guide_da

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


GUIDES = [board_guide_da, conflict_guide_da, grants_guide_da]
ENGLISH_TRANSLATIONS = {"bestyrelsesarbejde": board_guide_en}
