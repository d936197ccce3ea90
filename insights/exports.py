"""The impact report as a spreadsheet (XLSX) and as a PDF for the city council.

Both hold exactly what the screen shows — aggregates only, small cells as "< 3" — and no
personal data: no names, emails, free text or anything about one person.
"""

import io

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from insights import presentation
from insights.figures import Figure
from insights.report import ImpactReport


def _cell(value):
    if isinstance(value, Figure):
        return value.export_value()
    return value


def to_xlsx(report: ImpactReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Figures")[:31]
    bold = Font(bold=True)
    sheet.append([_("Frivilligløft in figures")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([presentation.period_text(report.params)])
    for line in presentation.filter_lines(report.params):
        sheet.append([line])
    sheet.append([])
    for heading, rows in presentation.sections(report):
        sheet.append([heading])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for label, figure, note in rows:
            sheet.append([label, _cell(figure), note])
            _format_percent(sheet, figure)
        sheet.append([])
    sheet.column_dimensions["A"].width = 52
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 60

    for table in presentation.tables(report):
        tab = workbook.create_sheet(table.title[:31])
        tab.append(table.headings)
        for cell in tab[1]:
            cell.font = bold
        for row in table.rows:
            tab.append([_cell(value) for value in row])
            for column, value in enumerate(row, start=1):
                if isinstance(value, Figure) and value.kind == "percent" and not value.suppressed:
                    tab.cell(row=tab.max_row, column=column).number_format = "0%"
        tab.column_dimensions["A"].width = 36
        tab.freeze_panes = "A2"

    notes = workbook.create_sheet(_("About the figures")[:31])
    notes.column_dimensions["A"].width = 110
    for line in presentation.notes():
        notes.append([line])
    workbook.properties.title = _("Frivilligløft in figures")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _format_percent(sheet, figure) -> None:
    if isinstance(figure, Figure) and figure.kind == "percent" and not figure.suppressed:
        sheet.cell(row=sheet.max_row, column=2).number_format = "0%"


def to_pdf_html(report: ImpactReport) -> str:
    context = {**presentation.context(report), "language": get_language() or "da"}
    return render_to_string("insights/admin/report_pdf.html", context)


def to_pdf(report: ImpactReport) -> bytes:
    """Raises certificates.rendering.PdfUnavailable without WeasyPrint's native libraries."""
    from certificates.rendering import html_to_pdf

    return html_to_pdf(to_pdf_html(report))
