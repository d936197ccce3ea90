"""Spreadsheet files for staff and organisers: CSV that Danish Excel opens (semicolons, UTF-8
with a byte order mark, CRLF) and XLSX, from the same header and rows; and the response that
sends any file of personal data as a download (`private_download`).

Every text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
is prefixed with an apostrophe (CSV injection, OWASP); numbers and dates are left alone.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(str(h)) for h in headers])
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def private_download(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    """`content` as a download named `filename`, never kept by a cache (it holds personal
    data)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(filename: str, headers: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A download of the rows as `filename`."""
    return private_download(csv_bytes(headers, rows), "text/csv; charset=utf-8", filename)


def xlsx_bytes(
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet_title: str,
    title: str = "",
    widths: Sequence[int] = (),
) -> bytes:
    """One sheet with a bold, frozen header row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(sheet_title)[:31]  # Excel's limit
    sheet.append([str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    sheet.freeze_panes = "A2"
    for cell, width in zip(sheet[1], widths, strict=False):
        sheet.column_dimensions[cell.column_letter].width = width
    if title:
        workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
