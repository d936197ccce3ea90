import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from accounts.permission_grants import grant_permissions

pytestmark = pytest.mark.django_db


def test_grant_and_revoke_exactly_what_is_named():
    group = Group.objects.create(name="Testrolle")
    other = group.permissions.model.objects.get(codename="view_fair")
    group.permissions.add(other)
    operation = grant_permissions("associations", {"Testrolle": {"category": ["view", "add"]}})

    operation.code(apps, None)
    granted = set(group.permissions.values_list("codename", flat=True))
    operation.reverse_code(apps, None)

    assert granted == {"view_fair", "view_category", "add_category"}
    assert set(group.permissions.values_list("codename", flat=True)) == {"view_fair"}


def test_a_misspelt_permission_stops_the_migration():
    Group.objects.create(name="Testrolle")
    operation = grant_permissions("associations", {"Testrolle": {"categroy": ["view"]}})

    with pytest.raises(LookupError, match="view_categroy"):
        operation.code(apps, None)


def test_granting_leaves_the_app_registry_as_it_was():
    models_module = apps.get_app_config("associations").models_module
    Group.objects.create(name="Testrolle")

    grant_permissions("associations", {"Testrolle": {"category": ["view"]}}).code(apps, None)

    assert apps.get_app_config("associations").models_module is models_module
