"""One number of the report, and the rule that keeps people from being recognised in it.

Every figure is an aggregate. A figure that counts people, or is computed from people (a rate,
an average, a median), carries how many people it rests on; when that is 1 or 2 the figure is
suppressed and shown as "< 3" everywhere — on the screen, in the charts, in the XLSX and the
PDF (docs/insights.md). Counts of things (courses, meetings, seats, associations) are shown
as they are.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Cells resting on fewer people than this (but more than none) are suppressed.
MIN_CELL = 3


class Kind:
    COUNT = "count"
    PERCENT = "percent"
    AVERAGE = "average"
    DAYS = "days"


@dataclass(frozen=True)
class Figure:
    value: float | int | None
    # How many people the figure rests on; None for counts of things.
    people: int | None = None
    kind: str = Kind.COUNT

    @classmethod
    def people_count(cls, value: int) -> "Figure":
        return cls(value, people=value)

    @classmethod
    def share(cls, part: int, whole: int, *, people: int | str | None = "whole") -> "Figure":
        """`part` of `whole` in percent (None when `whole` is 0). It rests on `whole` people
        unless told otherwise (`people=None`: a share of things, never suppressed)."""
        value = 100 * part / whole if whole else None
        return cls(value, people=whole if people == "whole" else people, kind=Kind.PERCENT)

    @property
    def suppressed(self) -> bool:
        return self.people is not None and 0 < self.people < MIN_CELL

    @property
    def shown_value(self) -> float | int | None:
        """The value where it may be shown, else None (charts and exports use this)."""
        return None if self.suppressed else self.value

    def __str__(self) -> str:
        if self.suppressed:
            return _("< %(min)d") % {"min": MIN_CELL}
        if self.value is None:
            return "–"
        if self.kind == Kind.PERCENT:
            return f"{number_format(round(self.value))} %"
        if self.kind == Kind.AVERAGE:
            return number_format(self.value, decimal_pos=1)
        if self.kind == Kind.DAYS:
            # "1,0 dag" is one day in Danish (and "1.0 day" reads so in English).
            count = 1 if round(self.value, 1) == 1 else 2
            return ngettext("%(days)s day", "%(days)s days", count) % {
                "days": number_format(self.value, decimal_pos=1)
            }
        return number_format(self.value, force_grouping=True)

    def export_value(self):
        """What a spreadsheet cell holds: the number, "< 3" when suppressed, empty for none."""
        if self.suppressed:
            return str(self)
        if self.value is None:
            return ""
        if self.kind == Kind.PERCENT:
            return round(self.value) / 100
        if self.kind in (Kind.AVERAGE, Kind.DAYS):
            return round(self.value, 1)
        return self.value
