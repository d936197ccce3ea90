"""Formatting for certificates: dates and hours from a snapshot (ISO strings and numbers)."""

from datetime import date
from urllib.parse import urlsplit

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import local_date

register = template.Library()


def _parse(value) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


@register.simple_tag
def date_span(start, end) -> str:
    """ "3. marts 2026" or "3. marts 2026 – 24. marts 2026" ("3 March 2026" in English), from
    ISO dates."""
    start, end = _parse(start), _parse(end)
    if start is None:
        return ""
    if end is None or end == start:
        return local_date(start)
    return f"{local_date(start)} – {local_date(end)}"


@register.filter
def iso_date(value) -> str:
    """An ISO date from a snapshot, printed in the active language ("14. januar 2027")."""
    day = _parse(value)
    return local_date(day) if day else ""


@register.filter
def hours(value) -> str:
    value = float(value or 0)
    return number_format(value, decimal_pos=0 if value.is_integer() else 1)


@register.filter
def hours_with_unit(value) -> str:
    """ "10 hours" / "10 timer", "1 hour" / "1 time", "7.5 hours" / "7,5 timer"."""
    amount = float(value or 0)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if amount == 1 else 2) % {
        "hours": hours(amount)
    }


@register.simple_tag
def price(value) -> str:
    amount = float(value or 0)
    if amount == 0:
        return _("Free")
    return _("DKK %(amount)s") % {"amount": number_format(amount, decimal_pos=2)}


@register.filter
def verification_host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path.rsplit('/', 2)[0]}/"
