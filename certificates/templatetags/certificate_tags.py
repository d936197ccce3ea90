"""Formatting for certificates: dates and hours from a snapshot (ISO strings and numbers)."""

from datetime import date
from urllib.parse import urlsplit

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


def _parse(value) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


@register.simple_tag
def date_span(start, end) -> str:
    """ "3. marts 2026" or "3.–24. marts 2026" style, from ISO dates."""
    start, end = _parse(start), _parse(end)
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start, "j. F Y")
    return f"{format_date(start, 'j. F Y')} – {format_date(end, 'j. F Y')}"


@register.filter
def hours(value) -> str:
    value = float(value or 0)
    return number_format(value, decimal_pos=0 if value.is_integer() else 1)


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
