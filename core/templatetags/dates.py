"""`{% load dates %}`: dates in the page's language and valid `<time datetime>` values.

    <time datetime="{{ meeting.starts_at|html_datetime }}">
        {{ meeting.starts_at|weekday:"DATETIME_FORMAT" }}
    </time>

Without a weekday, Django's own filter with a named format does it: `|date:"DATE_FORMAT"`,
`|date:"SHORT_DATE_FORMAT"`, `|date:"DATETIME_FORMAT"`, `|date:"MONTH_DAY_FORMAT"` (the
formats are in core/formats/). Never a literal format with month or day names in it.
"""

from django import template

from core import dates

register = template.Library()


@register.filter
def weekday(value, format_name="DATE_FORMAT"):
    """ "lørdag 5. december 2026" / "Saturday 5 December 2026" (the weekday, then the named
    format: "DATE_FORMAT", "DATETIME_FORMAT", "MONTH_DAY_FORMAT", …)."""
    return dates.local_date(value, format_name, weekday=True)


@register.filter
def html_datetime(value):
    """The value for a `datetime` attribute (see core.dates.html_datetime)."""
    return dates.html_datetime(value)
