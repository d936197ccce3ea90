"""CSV export of a network's member list for its coordinators (core.exports: Danish Excel's
CSV, formula cells escaped)."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import csv_response


def members_csv(network, memberships) -> HttpResponse:
    headers = [_("Name"), _("Email"), _("Phone"), _("Association"), _("Role"), _("Member since")]
    rows = (
        [
            membership.user.full_name,
            membership.user.email,
            membership.user.phone,
            membership.association,
            membership.get_role_display(),
            timezone.localtime(membership.joined_at).strftime("%Y-%m-%d")
            if membership.joined_at
            else "",
        ]
        for membership in memberships
    )
    filename = f"{network.slug}-medlemmer-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(filename, headers, rows)
