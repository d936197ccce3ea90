"""CSV export of a fair's stand list for the organisers."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _


def stands_csv(fair, stands) -> HttpResponse:
    """Semicolon-separated UTF-8 with a BOM, which Danish Excel opens correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{fair.slug}-stande.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Association"),
            _("Town or area"),
            _("What we offer"),
            _("Volunteers we seek"),
            _("Contact email"),
            _("Contact phone"),
            _("Registered by"),
            _("Registered"),
        ]
    )
    for stand in stands:
        association = stand.association
        writer.writerow(
            [
                _safe(association.name),
                _safe(association.town),
                _safe(stand.offer),
                _safe(stand.volunteers_sought),
                _safe(association.email),
                _safe(association.phone),
                _safe(stand.registered_by.get_full_name() if stand.registered_by else ""),
                timezone.localtime(stand.registered_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


def _safe(value: str) -> str:
    """Stop spreadsheet programs from running a cell as a formula (CSV injection)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
