"""The downloadable templates of the demo guides, generated so they are real, usable files.

- An annual plan (årshjul) for the board and a tracking sheet for grant applications as XLSX,
  built with openpyxl, with headings, column widths, dropdown validation and frozen headers.
- An agenda for the annual general meeting as DOCX: Word's minimal Office Open XML package,
  written by hand because it is small and needs no extra dependency.
- A conversation guide for the difficult conversation as PDF, rendered by WeasyPrint.
"""

import io
import zipfile
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

BRAND = "0D5C63"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=BRAND)


def _sheet_with_header(sheet, title, headers, widths):
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"


def _xlsx_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.properties.creator = "Frivilligløft"
    workbook.save(buffer)
    return buffer.getvalue()


def grant_tracking_sheet() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    _sheet_with_header(
        sheet,
        "Ansøgninger",
        [
            "Fond eller pulje",
            "Formål der passer",
            "Beløb søgt (kr.)",
            "Frist",
            "Ansvarlig",
            "Status",
            "Svar forventet",
            "Beløb bevilget (kr.)",
            "Afrapportering senest",
            "Noter",
        ],
        [28, 32, 16, 14, 18, 16, 16, 18, 20, 40],
    )
    examples = [
        [
            "Kommunens frivilligpulje",
            "Materialer til ny ungdomsafdeling",
            15000,
            "1. marts",
            "Kasserer",
            "Under skrivning",
            "April",
            None,
            None,
            "Husk budget og vedtægter som bilag",
        ],
        [
            "Lokal sparekassefond",
            "Nyt telt til sommerlejr",
            40000,
            "15. april",
            "Formand",
            "Idé",
            "Juni",
            None,
            None,
            "Ring og hør, om vi passer i formålet",
        ],
    ]
    for row in examples:
        sheet.append(row)
    status = DataValidation(
        type="list",
        formula1='"Idé,Under skrivning,Sendt,Bevilget,Afslag,Afrapporteret"',
        allow_blank=True,
    )
    sheet.add_data_validation(status)
    status.add("F2:F200")
    for row in sheet.iter_rows(min_row=2, max_row=200, min_col=3, max_col=3):
        for cell in row:
            cell.number_format = "#,##0"
    for row in sheet.iter_rows(min_row=2, max_row=200, min_col=8, max_col=8):
        for cell in row:
            cell.number_format = "#,##0"

    budget = workbook.create_sheet()
    _sheet_with_header(
        budget,
        "Budget",
        ["Udgift", "Beløb (kr.)", "Finansieres af", "Bemærkning"],
        [32, 16, 28, 40],
    )
    for row in [
        ["Materialer", 9000, "Frivilligpuljen", "Tilbud vedlagt"],
        ["Transport", 2500, "Egenbetaling", ""],
        ["Forplejning", 3500, "Foreningens egne midler", "Medfinansiering"],
        ["I alt", "=SUM(B2:B4)", "", ""],
    ]:
        budget.append(row)
    budget["A5"].font = Font(bold=True)
    budget["B5"].font = Font(bold=True)
    return _xlsx_bytes(workbook)


def board_annual_plan() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    _sheet_with_header(
        sheet,
        "Årshjul",
        ["Måned", "Opgave", "Ansvarlig", "Frist", "Klar"],
        [14, 60, 20, 14, 10],
    )
    plan = [
        ("Januar", "Regnskabet afsluttes og sendes til revisorerne", "Kasserer"),
        ("Januar", "Indkaldelse til generalforsamling (se vedtægternes frist)", "Formand"),
        ("Februar", "Beretning og budgetforslag skrives", "Formand og kasserer"),
        ("Marts", "Ordinær generalforsamling", "Bestyrelsen"),
        ("Marts", "Konstituerende bestyrelsesmøde og ny forretningsorden", "Formand"),
        ("April", "Ansøgning til kommunens frivilligpulje", "Kasserer"),
        ("Maj", "Børneattester for nye trænere og ledere indhentes", "Sekretær"),
        ("Juni", "Sommerarrangement for frivillige", "Bestyrelsen"),
        ("August", "Sæsonstart: velkomst af nye frivillige", "Formand"),
        ("September", "Halvårsstatus på budget", "Kasserer"),
        ("Oktober", "Strategidag: hvad vil vi næste år?", "Bestyrelsen"),
        ("November", "Fondsansøgninger til næste sæson", "Kasserer"),
        ("December", "Tak til de frivillige", "Bestyrelsen"),
    ]
    for month, task, owner in plan:
        sheet.append([month, task, owner, "", ""])
    done = DataValidation(type="list", formula1='"Ja,Nej"', allow_blank=True)
    sheet.add_data_validation(done)
    done.add("E2:E100")
    return _xlsx_bytes(workbook)


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "application/vnd.openxmlformats"
_DOCX_CONTENT_TYPES = (
    f'{_XML_DECLARATION}<Types xmlns="{_PACKAGE}/content-types">'
    f'<Default Extension="rels" ContentType="{_OFFICE}-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    f'ContentType="{_OFFICE}-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    f'{_XML_DECLARATION}<Relationships xmlns="{_PACKAGE}/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _docx_paragraph(text: str, *, bold=False, size=None) -> str:
    run_properties = ""
    if bold or size:
        run_properties = "<w:rPr>{}{}</w:rPr>".format(
            "<w:b/>" if bold else "", f'<w:sz w:val="{size}"/>' if size else ""
        )
    return f'<w:p><w:r>{run_properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _docx_bytes(paragraphs: list[str]) -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>" + "".join(paragraphs) + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in (
            ("[Content_Types].xml", _DOCX_CONTENT_TYPES),
            ("_rels/.rels", _DOCX_RELS),
            ("word/document.xml", document),
        ):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, content)
    return buffer.getvalue()


def general_meeting_agenda() -> bytes:
    items = [
        "1. Valg af dirigent",
        "2. Valg af referent og stemmetællere",
        "3. Bestyrelsens beretning for det forløbne år",
        "4. Fremlæggelse af det reviderede regnskab til godkendelse",
        "5. Fremlæggelse af budget og fastsættelse af kontingent",
        "6. Behandling af indkomne forslag",
        "7. Valg af bestyrelsesmedlemmer (på valg i år: …)",
        "8. Valg af suppleanter",
        "9. Valg af revisor og revisorsuppleant",
        "10. Eventuelt",
    ]
    paragraphs = [
        _docx_paragraph("[Foreningens navn]", bold=True, size=32),
        _docx_paragraph("Indkaldelse til ordinær generalforsamling", bold=True, size=28),
        _docx_paragraph("Tid: [dag og dato], kl. [tidspunkt]"),
        _docx_paragraph("Sted: [adresse]"),
        _docx_paragraph(
            "Alle medlemmer er velkomne. Forslag, der skal behandles, skal være formanden i "
            "hænde senest [dato efter vedtægterne]. Stemmeret har medlemmer, der har betalt "
            "kontingent senest [dato]."
        ),
        _docx_paragraph("Dagsorden", bold=True, size=26),
        *[_docx_paragraph(item) for item in items],
        _docx_paragraph(""),
        _docx_paragraph(
            "Regnskab og budget kan ses hos kassereren fra [dato]. Efter generalforsamlingen "
            "er der kaffe og kage."
        ),
        _docx_paragraph("Med venlig hilsen bestyrelsen"),
    ]
    return _docx_bytes(paragraphs)


def difficult_conversation_guide() -> bytes:
    from weasyprint import HTML

    html = render_to_string("cms/demo/difficult_conversation_guide.html")
    return HTML(string=html).write_pdf()
