"""core.demo_support: the one loader of the apps' demo data, its relative dates and the
mechanics the seeders share (people by email, rows by natural key, references)."""

from datetime import date, time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from associations.models import Association, Category
from core.demo_support import (
    demo_datetime,
    demo_user,
    ensure_people,
    ensure_row,
    ensure_rows,
    load_demo_data,
    local_datetime,
    resolve,
)


def test_load_demo_data_reads_the_apps_yaml_with_danish_text():
    data = load_demo_data("networks", "networks")
    assert {network["slug"] for network in data["networks"]} >= {"netvaerk-for-formaend"}
    assert data["topics"][1]["name"] == "Økonomi og regnskab"
    meeting = data["networks"][0]["meetings"][0]
    assert isinstance(meeting["days_from_today"], int)
    assert isinstance(meeting["at"], str)  # quoted, or YAML 1.1 would read 19:00 as 1140


def test_load_demo_data_of_an_unknown_file_fails_loudly():
    with pytest.raises(FileNotFoundError):
        load_demo_data("networks", "nothing-here")


@pytest.mark.parametrize(
    ("today", "days", "expected"),
    [
        (date(2026, 12, 1), 2, date(2026, 12, 3)),  # an ordinary Thursday
        (date(2026, 12, 20), 4, date(2026, 12, 27)),  # Christmas Eve → after Boxing Day
        (date(2027, 1, 5), -4, date(2026, 12, 30)),  # New Year's Day → back, past 31 December
    ],
)
def test_demo_datetime_is_relative_to_today_and_avoids_days_off(today, days, expected):
    with mock.patch("core.demo_support.timezone.localdate", return_value=today):
        moment = demo_datetime(days, "19:00")
    assert timezone.localtime(moment).date() == expected
    assert timezone.localtime(moment).time() == time(19, 0)
    assert demo_datetime(0, time(9, 30)).tzinfo is not None


def test_local_datetime_is_the_day_at_the_clock_in_the_site_time_zone():
    moment = local_datetime(date(2026, 7, 1), "19:30")
    local = timezone.localtime(moment)
    assert (local.date(), local.time()) == (date(2026, 7, 1), time(19, 30))
    assert local_datetime(date(2026, 7, 1), time(9, 0)) < moment


@pytest.mark.django_db
def test_ensure_rows_creates_what_is_missing_and_changes_nothing_that_exists():
    Category.objects.create(slug="idraet", name="Idræt (edited by staff)")
    rows = [
        {"slug": "idraet", "name": "Idræt og motion"},
        {"slug": "seniorer", "name": "Seniorer", "name_en": "Seniors"},
    ]

    found = ensure_rows(Category, rows)

    assert {slug: row.name for slug, row in found.items()} == {
        "idraet": "Idræt (edited by staff)",
        "seniorer": "Seniorer",
    }
    assert found["seniorer"].name_en == "Seniors"
    assert ensure_rows(Category, rows) == found
    assert resolve(found, ["seniorer", "idraet"]) == [found["seniorer"], found["idraet"]]
    with pytest.raises(KeyError):
        resolve(found, ["unknown"])


@pytest.mark.django_db
def test_ensure_row_prefers_its_first_lookup_and_sets_many_to_many_on_creation():
    association = Association.objects.create(slug="a", name="A", town="Høng")
    sports = Category.objects.create(slug="idraet", name="Idræt")

    other, created = ensure_row(
        Association, {"slug": "b"}, {"name": "B", "town": "Ubby"}, many={"categories": [sports]}
    )
    again, created_again = ensure_row(
        Association, {"slug": "c"}, {"name": "C"}, prefer={"name": "A"}
    )

    assert created
    assert list(other.categories.all()) == [sports]
    assert (again, created_again) == (association, False)
    assert not Association.objects.filter(slug="c").exists()


@pytest.mark.django_db
def test_ensure_people_creates_missing_people_once_with_their_group_and_address():
    Group.objects.get_or_create(name="Redaktør")
    people = [
        {"email": "ny@demo.test", "name": "Ny Person"},
        {"email": "red@demo.test", "name": "Red Aktør", "group": "Redaktør", "is_staff": True},
    ]

    first = ensure_people(people)
    logins = ensure_people(people[1:], "hemmelig-demo")

    assert logins == first[1:]
    assert [user.full_name for user in first] == ["Ny Person", "Red Aktør"]
    assert not first[0].has_usable_password()
    assert first[1].is_staff
    assert list(first[1].groups.values_list("name", flat=True)) == ["Redaktør"]
    assert not EmailAddress.objects.filter(email="ny@demo.test").exists()
    assert demo_user("red@demo.test") == first[1]
    assert demo_user("nobody@demo.test") is None
