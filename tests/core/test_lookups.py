"""core.lookups: an integer no column can hold matches nothing in `__in` lookups, on both
databases (SQLite's driver raised OverflowError)."""

import pytest

from associations.models import Association, Category
from tests.associations.factories import AssociationFactory, CategoryFactory

pytestmark = pytest.mark.django_db

HUGE = 10**30


def test_pk_in_drops_values_no_column_holds_and_keeps_the_rest():
    category = CategoryFactory()

    assert list(Category.objects.filter(pk__in=[HUGE, -HUGE, category.pk])) == [category]
    assert list(Category.objects.filter(pk__in=[HUGE])) == []


def test_relation_in_drops_values_no_column_holds():
    category = CategoryFactory()
    association = AssociationFactory(categories=[category])

    assert list(Association.objects.filter(categories__in=[HUGE, category.pk])) == [association]
    assert list(Association.objects.filter(categories__in=[2**63])) == []
    assert list(Category.objects.filter(associations__in=[-HUGE])) == []


def test_in_with_a_subquery_is_unchanged():
    category = CategoryFactory()

    assert list(Category.objects.filter(pk__in=Category.objects.values("pk"))) == [category]
