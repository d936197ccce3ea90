"""CSV export of a network's member list for its coordinators."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _


def members_csv(network, memberships) -> HttpResponse:
    """Semicolon-separated UTF-8 with a BOM, which Danish Excel opens correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{network.slug}-medlemmer-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Name"), _("Email"), _("Phone"), _("Association"), _("Role"), _("Member since")]
    )
    for membership in memberships:
        user = membership.user
        writer.writerow(
            [
                _safe(user.full_name),
                _safe(user.email),
                _safe(user.phone),
                _safe(membership.association),
                membership.get_role_display(),
                timezone.localtime(membership.joined_at).strftime("%Y-%m-%d")
                if membership.joined_at
                else "",
            ]
        )
    return response


def _safe(value: str) -> str:
    """Stop spreadsheet programs from running a cell as a formula (CSV injection)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
