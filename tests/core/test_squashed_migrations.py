"""The squashed migrations (docs/operations.md): a database migrated by the release before the
squash has nothing to run, and a new one is built by the squashed migrations alone."""

from unittest import mock

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db

# Every migration of our apps in the last release before the squash (18b2b2d), as its
# databases record them.
RELEASED = {
    "accounts": [
        "0001_initial",
        "0002_roles",
        "0003_outbox_permissions",
        "0004_single_line_names",
        "0005_sso_assurance_and_provider_sessions",
        "0006_email_opt_outs",
    ],
    "associations": [
        "0001_initial",
        "0002_consultant_permissions",
        "0003_consultants_manage_people",
        "0004_single_line_names",
        "0005_several_roles_and_invitations",
        "0006_consultants_see_invitations",
        "0007_topic_moved_to_taxonomy",
    ],
    "calendars": [
        "0001_initial",
    ],
    "certificates": [
        "0001_initial",
        "0002_staff_permissions",
        "0003_computed_access_and_erased_holders",
        "0004_open_badges_credentials",
    ],
    "cms": [
        "0001_initial",
        "0002_locales_and_editorial_roles",
        "0003_guides_and_stories",
        "0004_single_line_names",
        "0005_search_title_body_index",
        "0006_topic_moved_to_taxonomy",
    ],
    "core": [
        "0001_email_outbox",
        "0002_outgoingemail_render_later",
    ],
    "courses": [
        "0001_initial",
        "0002_signup_history_and_messages",
        "0003_course_administrator_permissions",
        "0004_single_line_names",
        "0005_evaluations_and_wishes",
        "0006_wish_and_evaluation_permissions",
        "0007_payment_and_invoicing",
        "0008_qualifications",
        "0009_qualification_permissions",
        "0010_signup_checkin_code",
        "0011_signup_questions",
        "0012_signup_linked_association",
        "0013_catalogue_index",
        "0014_topic_moved_to_taxonomy",
        "0015_catalogue_index_filtered_count",
    ],
    "networks": [
        "0001_initial",
        "0002_consultant_permissions",
        "0003_single_line_names",
        "0004_linked_association",
        "0005_topic_moved_to_taxonomy",
    ],
    "schools": [
        "0001_initial",
        "0002_consultant_permissions",
        "0003_single_line_names",
    ],
    "taxonomy": [
        "0001_initial",
    ],
}


def _plan_for(recorded):
    """What `migrate` would run on a database that has recorded `recorded` of our apps'
    migrations (and every other app's, as this one has)."""
    ours = set(RELEASED)
    others = {
        key: row
        for key, row in MigrationRecorder(connection).applied_migrations().items()
        if key[0] not in ours
    }
    applied = others | dict.fromkeys(recorded)
    with mock.patch.object(MigrationRecorder, "applied_migrations", return_value=applied):
        loader = MigrationLoader(connection)
    executor = MigrationExecutor(connection)
    executor.loader = loader
    return executor.migration_plan(loader.graph.leaf_nodes())


def test_a_database_of_the_release_before_the_squash_has_nothing_to_migrate():
    recorded = [(app, name) for app, names in RELEASED.items() for name in names]

    assert _plan_for(recorded) == []


def test_every_released_migration_is_replaced_by_a_squashed_one():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced = {key for migration in loader.disk_migrations.values() for key in migration.replaces}
    on_disk = set(loader.disk_migrations)

    for app, names in RELEASED.items():
        for name in names:
            assert (app, name) in replaced or (app, name) in on_disk


def test_a_new_database_runs_the_squashed_migrations():
    plan = _plan_for([])

    assert {(m.app_label, m.name) for m, _backwards in plan} >= {
        (app, "0001_squashed") for app in RELEASED if app != "calendars"
    }
    assert all(not backwards for _m, backwards in plan)
