"""Dates follow the page's language (core/formats, core.dates, the `dates` template library)
and `<time datetime>` values are valid HTML."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from core.dates import html_datetime, local_date
from schools.models import Placement
from tests.factories import UserFactory
from tests.schools.factories import PlacementFactory, SchoolCoordinatorFactory

ROOT = Path(__file__).resolve().parent.parent.parent
UTC = datetime.UTC
# 16:00 UTC is 17:00 in Copenhagen in December; the microseconds are what Python's isoformat
# and Django's |date:"c" print for a timestamp from auto_now.
EVENING = datetime.datetime(2026, 12, 5, 16, 0, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "format_name", "weekday", "expected"),
    [
        ("da", "DATE_FORMAT", False, "5. december 2026"),
        ("da", "SHORT_DATE_FORMAT", False, "5. dec. 2026"),
        ("da", "DATETIME_FORMAT", False, "5. december 2026, 17:00"),
        ("da", "MONTH_DAY_FORMAT", True, "lørdag 5. december"),
        ("da", "DATE_FORMAT", True, "lørdag 5. december 2026"),
        ("en", "DATE_FORMAT", False, "5 December 2026"),
        ("en", "SHORT_DATE_FORMAT", False, "5 Dec 2026"),
        ("en", "DATETIME_FORMAT", False, "5 December 2026, 17:00"),
        ("en", "MONTH_DAY_FORMAT", True, "Saturday 5 December"),
        ("en", "DATE_FORMAT", True, "Saturday 5 December 2026"),
    ],
    ids=lambda value: str(value),
)
def test_local_date_follows_the_active_language(language, format_name, weekday, expected):
    with translation.override(language):
        assert local_date(EVENING, format_name, weekday=weekday) == expected


def test_local_date_of_a_date_and_of_nothing():
    with translation.override("da"):
        assert local_date(datetime.date(2027, 3, 2), "SHORT_DATE_FORMAT") == "2. marts 2027"
        assert local_date(None) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (EVENING, "2026-12-05T17:00:00+01:00"),
        (datetime.datetime(2026, 7, 1, 6, 30, tzinfo=UTC), "2026-07-01T08:30:00+02:00"),
        (datetime.date(2026, 12, 5), "2026-12-05"),
        (None, ""),
    ],
    ids=["microseconds-dropped", "summer-time", "date", "none"],
)
def test_html_datetime_is_a_valid_html_date_or_datetime(value, expected):
    assert html_datetime(value) == expected


def test_template_filters_in_both_languages():
    template = Template(
        '{% load dates %}<time datetime="{{ when|html_datetime }}">'
        '{{ when|weekday:"DATETIME_FORMAT" }}</time> {{ when|date:"SHORT_DATE_FORMAT" }}'
    )

    with translation.override("da"):
        danish = template.render(Context({"when": EVENING}))
    with translation.override("en"):
        english = template.render(Context({"when": EVENING}))

    assert danish == (
        '<time datetime="2026-12-05T17:00:00+01:00">lørdag 5. december 2026, 17:00</time>'
        " 5. dec. 2026"
    )
    assert english == (
        '<time datetime="2026-12-05T17:00:00+01:00">Saturday 5 December 2026, 17:00</time>'
        " 5 Dec 2026"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "expected", "wrong"),
    [("", "5. dec. 2026", "5. Dec 2026"), ("/en", "5 Dec 2026", "5. Dec 2026")],
    ids=["danish", "english"],
)
def test_mine_sider_schools_prints_the_request_date_in_the_page_language(
    client, prefix, expected, wrong
):
    coordinator = SchoolCoordinatorFactory(user=UserFactory())
    placement = PlacementFactory(school=coordinator.school)
    Placement.objects.filter(pk=placement.pk).update(requested_at=EVENING)
    client.force_login(coordinator.user)

    response = client.get(f"{prefix}/mine-sider/skoler/")

    assert response.status_code == 200
    assert f"<td>{expected}</td>" in response.text
    assert wrong not in response.text


# A literal format with names in it (month F/M/N/b/E, weekday D/l, am/pm a/A/P) prints the
# same words in every language's order; named formats (DATE_FORMAT, …) follow the language.
NAMED_PARTS = re.compile(r"[FMNbEDlaAP]")
LITERAL_FORMAT = re.compile(r"\|(?:date|time):(['\"])(?P<format>[^'\"]*)\1")


def test_templates_format_dates_only_through_named_formats():
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        for match in LITERAL_FORMAT.finditer(path.read_text(encoding="utf-8")):
            text = match.group("format")
            if not text.endswith("_FORMAT") and NAMED_PARTS.search(text):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
            if text in {"c", "Y-m-d"}:
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)} (use |html_datetime)")
    assert offenders == []


# strftime and f-string date formats with names or a fixed order of day and month.
PYTHON_DATE_FORMAT = re.compile(r"%[aAbBpc]|%d\.%m|%-d|:%d\.%m")


def test_python_code_formats_dates_for_people_through_core_dates():
    offenders = []
    # The apps' folders only: globbing from the root walked the whole .venv first.
    folders = [
        folder
        for folder in ROOT.iterdir()
        if folder.is_dir()
        and folder.name not in {".venv", ".git", "tests", "bench", "var", "node_modules"}
    ]
    paths = sorted(path for folder in folders for path in folder.rglob("*.py"))
    for path in paths:
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PYTHON_DATE_FORMAT.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
