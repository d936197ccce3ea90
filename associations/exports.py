"""CSV export of a fair's stand list for the organisers (core.exports: Danish Excel's CSV,
formula cells escaped)."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import csv_response


def stands_csv(fair, stands) -> HttpResponse:
    headers = [
        _("Association"),
        _("Town or area"),
        _("What we offer"),
        _("Volunteers we seek"),
        _("Contact email"),
        _("Contact phone"),
        _("Registered by"),
        _("Registered"),
    ]
    rows = (
        [
            stand.association.name,
            stand.association.town,
            stand.offer,
            stand.volunteers_sought,
            stand.association.email,
            stand.association.phone,
            stand.registered_by.get_full_name() if stand.registered_by else "",
            timezone.localtime(stand.registered_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for stand in stands
    )
    return csv_response(f"{fair.slug}-stande.csv", headers, rows)
