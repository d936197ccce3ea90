"""The report's median in days counts one day in the singular: "1,0 dag", "2,5 dage"."""

import pytest
from django.utils import translation

from insights.figures import Figure, Kind


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("da", 1, "1,0 dag"),
        ("da", 1.04, "1,0 dag"),
        ("da", 2.5, "2,5 dage"),
        ("en", 1, "1.0 day"),
        ("en", 3, "3.0 days"),
    ],
)
def test_the_median_days_count_one_day_in_the_singular(language, value, shown):
    with translation.override(language):
        assert str(Figure(value, people=5, kind=Kind.DAYS)) == shown
