"""The report's period and filters, read from the query string (?from=…&to=…&topic=…)."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import Category
from courses.models import Provider
from insights.report import ReportParams
from taxonomy.models import Topic

# The report covers dates within these years (outside them a period makes no sense here, and
# quarters and time zones near year 1 or 9999 overflow).
FIRST_YEAR, LAST_YEAR = 2000, 2100
# Ten years: a longer period is no report anybody reads, and its quarters would not fit a chart.
MAX_PERIOD_DAYS = 10 * 366
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def this_year(today: date) -> tuple[date, date]:
    return date(today.year, 1, 1), today


def last_year(today: date) -> tuple[date, date]:
    return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)


def last_twelve_months(today: date) -> tuple[date, date]:
    return today - timedelta(days=364), today


class ReportForm(forms.Form):
    # "from" is a Python keyword: the field is added under that name in __init__.
    to = forms.DateField(label=_("To"), widget=DATE_INPUT)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Provider.objects.order_by("name"),
        required=False,
        empty_label=_("All providers"),
    )
    category = forms.ModelChoiceField(
        label=_("Association category"),
        queryset=Category.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("All categories"),
    )

    def __init__(self, data=None, *, today: date | None = None):
        self.today = today or timezone.localdate()
        start, end = this_year(self.today)
        data = data.copy() if data is not None else {}
        if not data.get("from"):
            data["from"] = start.isoformat()
        if not data.get("to"):
            data["to"] = end.isoformat()
        super().__init__(data)
        self.fields = {
            "from": forms.DateField(label=_("From"), widget=DATE_INPUT),
            **self.fields,
        }
        self.order_fields(["from", "to", "topic", "provider", "category"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        for name, value in (("from", start), ("to", end)):
            if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
                self.add_error(
                    name,
                    _("Choose a date between %(first)d and %(last)d.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR},
                )
                cleaned[name] = None
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("The period must end after it starts."))
        elif start and end and (end - start).days > MAX_PERIOD_DAYS:
            self.add_error("to", _("Choose a period of at most ten years."))
        return cleaned

    def params(self) -> ReportParams:
        """The chosen period and filters; this year when the form is not valid."""
        if not self.is_valid():
            start, end = this_year(self.today)
            return ReportParams(start=start, end=end)
        data = self.cleaned_data
        return ReportParams(
            start=data["from"],
            end=data["to"],
            topic=data.get("topic"),
            provider=data.get("provider"),
            category=data.get("category"),
        )

    def quick_periods(self) -> list[tuple[str, date, date]]:
        return [
            (str(_("This year")), *this_year(self.today)),
            (str(_("Last year")), *last_year(self.today)),
            (str(_("Last 12 months")), *last_twelve_months(self.today)),
        ]
