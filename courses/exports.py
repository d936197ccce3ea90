"""Participant lists as CSV and XLSX for organisers.

Both files hold the same rows (`participant_rows`). The CSV uses semicolons and a byte
order mark, which is what Excel in Danish expects; cells that a spreadsheet would run as a
formula are prefixed with an apostrophe (CSV injection).
"""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from courses.models import Course, Signup

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Name"),
        _("Email"),
        _("Phone"),
        _("Status"),
        _("Waiting list position"),
        _("Association"),
        _("Needs"),
        _("Name shown to other participants"),
        _("Signed up"),
        _("Meetings attended"),
    ]


def participant_rows(
    course: Course, signups: Iterable[Signup], meetings_held: int
) -> list[list[str | int]]:
    rows = []
    for signup in signups:
        user = signup.user
        rows.append(
            [
                user.get_full_name(),
                user.email,
                user.phone,
                signup.get_status_display(),
                getattr(signup, "position", None) or "",
                signup.association,
                signup.needs,
                _("Yes") if signup.show_name_to_participants else _("No"),
                timezone.localtime(signup.created_at).strftime("%Y-%m-%d %H:%M"),
                f"{signup.attended}/{meetings_held}" if signup.status == "confirmed" else "",
            ]
        )
    return rows


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(course: Course, rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", (28, 32, 16, 20, 12, 28, 40, 14, 18, 12), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.properties.title = course.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
