"""Participant lists as CSV and XLSX for organisers.

Both files hold the same rows (`participant_rows`), written by core.exports: the CSV with
semicolons and a byte order mark, which is what Excel in Danish expects; cells that a
spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
"""

from collections.abc import Iterable

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.exports import csv_bytes, xlsx_bytes
from courses.models import Course, Signup


def headers(questions=()) -> list[str]:
    """The columns; one more per signup question of the course (its text)."""
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
        *(question.text for question in questions),
    ]


def participant_rows(
    course: Course, signups: Iterable[Signup], meetings_held: int, questions=()
) -> list[list[str | int]]:
    """One row per signup; `questions`: the course's signup questions, whose answers the
    signups carry prefetched (`signup.answer_list`, see
    courses.views.organiser.participants._participants)."""
    rows = []
    for signup in signups:
        user = signup.user
        answers = {answer.question_id: answer.display_value for answer in signup.answer_list}
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
                *(answers.get(question.pk, "") for question in questions),
            ]
        )
    return rows


def to_csv(rows: list[list], questions=()) -> bytes:
    return csv_bytes(headers(questions), rows)


def to_xlsx(course: Course, rows: list[list], questions=()) -> bytes:
    return xlsx_bytes(
        headers(questions),
        rows,
        sheet_title=_("Participants"),
        title=course.title,
        widths=(28, 32, 16, 20, 12, 28, 40, 14, 18, 12, *(30 for _question in questions)),
    )


def invoice_headers() -> list[str]:
    return [
        _("Association to invoice"),
        _("EAN number"),
        _("CVR number"),
        _("Reference"),
        _("Participant"),
        _("Email"),
        _("Status"),
        _("Price (DKK)"),
    ]


def invoice_rows(course: Course, signups: Iterable[Signup]) -> list[list[str]]:
    """One row per participant holding a seat, grouped by the association to invoice."""
    price = formats.number_format(course.price, decimal_pos=2)
    ordered = sorted(
        signups,
        key=lambda s: (s.invoice_association.casefold(), s.user.get_full_name().casefold()),
    )
    return [
        [
            signup.invoice_association,
            signup.invoice_ean,
            signup.invoice_cvr,
            signup.invoice_reference,
            signup.user.get_full_name(),
            signup.user.email,
            signup.get_status_display(),
            price,
        ]
        for signup in ordered
    ]


def invoices_csv(rows: list[list]) -> bytes:
    return csv_bytes(invoice_headers(), rows)


def invoices_xlsx(course: Course, rows: list[list]) -> bytes:
    return xlsx_bytes(
        invoice_headers(),
        rows,
        sheet_title=_("Invoicing"),
        title=course.title,
        widths=(32, 16, 12, 24, 28, 32, 14, 12),
    )
