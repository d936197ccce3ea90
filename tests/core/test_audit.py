"""core.audit: services log their changes in Wagtail's history (issue 19)."""

import pytest
from django.db import transaction
from wagtail.models import ModelLogEntry

from core.audit import record, record_many
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_record_writes_a_model_log_entry_with_user_action_and_object():
    network, user = NetworkFactory(), UserFactory()
    entry = record(network, "wagtail.edit", by=user, data={"fields": ["name"]})
    assert entry.user_id == user.pk
    assert entry.action == "wagtail.edit"
    assert entry.object_id == str(network.pk)
    assert entry.label == str(network)
    assert entry.data == {"fields": ["name"]}


def test_the_site_itself_and_anonymous_visitors_log_without_a_user():
    from django.contrib.auth.models import AnonymousUser

    network = NetworkFactory()
    assert record(network, "wagtail.edit", by=None).user_id is None
    assert record(network, "wagtail.edit", by=AnonymousUser()).user_id is None


def test_a_rolled_back_change_leaves_no_entry():
    network = NetworkFactory()

    def change_that_fails():
        with transaction.atomic():
            record(network, "wagtail.edit", by=None)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert not ModelLogEntry.objects.filter(object_id=str(network.pk)).exists()


def test_record_many_writes_one_entry_per_object_in_one_query(django_assert_num_queries):
    networks = [NetworkFactory() for _ in range(3)]
    user = UserFactory()
    record(networks[0], "wagtail.edit", by=None)  # the content type is cached from here on
    with django_assert_num_queries(1):
        assert record_many(networks, "wagtail.edit", by=user, data={"n": 1}) == 3
    entries = ModelLogEntry.objects.filter(user=user)
    assert sorted(e.object_id for e in entries) == sorted(str(n.pk) for n in networks)
    assert record_many([], "wagtail.edit", by=user) == 0
