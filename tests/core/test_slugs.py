"""One slug helper (core/slugs.py): Danish letters spelled out, unique under concurrency."""

import pytest
from django.db import IntegrityError, connection

from associations import services as association_services
from associations.models import Association
from core.slugs import danish_slugify, save_with_unique_slug, slug_candidates
from courses.models import Course
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Førstehjælp for trænere i Gørlev", "foerstehjaelp-for-traenere-i-goerlev"),
        ("ÆBLER og Øl på Århus Å", "aebler-og-oel-paa-aarhus-aa"),
        ("Konflikthåndtering", "konflikthaandtering"),
        ("  !!  ", ""),
    ],
)
def test_danish_letters_are_spelled_out(text, slug):
    assert danish_slugify(text, max_length=80) == slug


def test_fallback_and_length():
    assert danish_slugify("???", fallback="kursus") == "kursus"
    assert danish_slugify("å" * 40, max_length=10) == "aaaaaaaaaa"
    assert danish_slugify("bestyrelse-og-kasserer", max_length=11) == "bestyrelse"


def test_candidates_stay_within_the_length():
    candidates = slug_candidates("a" * 10, 10)
    assert [next(candidates) for _ in range(3)] == ["a" * 10, "a" * 8 + "-2", "a" * 8 + "-3"]
    assert next(slug_candidates("kursus", 20, start=7)) == "kursus-7"


@pytest.mark.django_db
def test_a_course_gets_a_danish_slug_and_the_next_one_a_number():
    first = save_with_unique_slug(
        CourseFactory.build(title="Førstehjælp for trænere i Gørlev", slug=""),
        "Førstehjælp for trænere i Gørlev",
        fallback="kursus",
    )
    second = save_with_unique_slug(
        CourseFactory.build(slug=""), "Førstehjælp for trænere i Gørlev", fallback="kursus"
    )

    assert first.slug == "foerstehjaelp-for-traenere-i-goerlev"
    assert second.slug == "foerstehjaelp-for-traenere-i-goerlev-2"


@pytest.mark.django_db
def test_reserved_slugs_are_skipped_and_existing_slugs_stay():
    old = CourseFactory(slug="frstehjlp-for-trnere-i-grlev")  # made before the helper
    course = save_with_unique_slug(
        CourseFactory.build(slug=""), "Ønsker", fallback="kursus", reserved={"oensker"}
    )

    assert course.slug == "oensker-2"
    old.refresh_from_db()
    assert old.slug == "frstehjlp-for-trnere-i-grlev"


@pytest.mark.django_db
def test_another_integrity_error_is_raised_not_retried():
    """A row refused for another reason (here a taken email; full_name stands in for the
    slug field) is raised at once: no other row holds the candidate, so it was not the slug."""
    user = UserFactory()
    duplicate = type(user)(email=user.email)

    with pytest.raises(IntegrityError):
        save_with_unique_slug(duplicate, "Samme adresse", field="full_name", fallback="x")


@pytest.mark.django_db
def test_associations_use_the_same_helper():
    creator = UserFactory()
    first = association_services.create_association({"name": "Gørlev Idrætsforening"}, by=creator)
    second = association_services.create_association({"name": "Gørlev Idrætsforening"}, by=creator)

    assert first.slug == "goerlev-idraetsforening"
    assert second.slug == "goerlev-idraetsforening-2"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write transaction: no real race (CI runs PostgreSQL too)",
)
def test_50_concurrent_courses_with_one_title_all_get_unique_slugs():
    from tests.courses.test_concurrency import race

    title = "Førstehjælp for trænere i Gørlev"

    def create():
        return save_with_unique_slug(
            CourseFactory.build(title=title, slug=""), title, fallback="kursus"
        ).slug

    results, errors = race(create for _ in range(50))

    assert errors == []
    assert len(results) == 50
    assert len(set(results)) == 50
    assert Course.objects.filter(title=title).count() == 50
    assert all(slug.startswith("foerstehjaelp-for-traenere-i-goerlev") for slug in results)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write transaction: no real race (CI runs PostgreSQL too)",
)
def test_concurrent_associations_with_one_name_all_succeed():
    from tests.courses.test_concurrency import race

    creators = [UserFactory() for _ in range(20)]
    results, errors = race(
        lambda creator=creator: (
            association_services.create_association({"name": "Høng Spejderne"}, by=creator).slug
        )
        for creator in creators
    )

    assert errors == []
    assert len(set(results)) == 20
    assert Association.objects.filter(name="Høng Spejderne").count() == 20
