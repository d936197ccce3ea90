import io
import os
from contextlib import nullcontext
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Page, Site

from accounts.roles import Role
from cms import sites
from cms.models import HomePage, StandardPage
from core import fragments, page_cache
from tests import database_template
from tests import demo_snapshot as snapshots
from tests.core.netfaults import smtp_port, start_smtp  # noqa: F401 - fixtures
from tests.factories import UserFactory
from tests.fast_exit import pytest_unconfigure  # noqa: F401 - a hook
from tests.indexing import _indexes_off_by_default, _indexes_where_read  # noqa: F401 - autouse
from tests.indexing import kept as indexes_kept
from tests.pdfs import _pdfs_only_where_needed, needs_pdf  # noqa: F401 - fixtures

# Playwright's sync API (started before the database, see django_db_setup below) runs an event
# loop in this thread; Django refuses ORM calls inside one unless told it is on purpose.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Deep and interoperability tests, run by `make test-slow` and CI but left out of `make test`
# (marked "slow" here, with why; so is every test that takes the seeded demo site, `demo_site`).
SLOW_MODULES = {
    "tests/core/test_fuzz.py": "every URL as every role with malformed input",
    "tests/api/test_schemathesis.py": "Schemathesis over the OpenAPI document",
    "tests/test_demo_dates.py": "runs seed_demo",
    "tests/calendars/test_parsers_agree.py": "ical.js under Node",
    "tests/certificates/test_credentials_independent.py": "Digital Bazaar's verifier under Node",
    "tests/accounts/test_sso_backchannel.py": "a real OpenID provider under Node",
    "tests/test_fast_exit.py": "starts pytest four times, with and without workers",
}
SLOW_TESTS = {
    "tests/certificates/test_demo.py::test_seed_demo_without_weasyprint_logs_and_skips_pdfs",
    "tests/core/test_every_email.py::test_every_emails_html_is_valid",  # the Nu HTML checker
    # Django started in a new interpreter: under the production settings (check --deploy,
    # and without a SECRET_KEY), and under the test settings to see every rules.py loaded.
    "tests/test_production_settings.py::test_production_settings_pass_the_deploy_checks",
    "tests/test_production_settings.py::test_production_settings_refuse_to_start_without_a_secret_key",
    "tests/core/test_permissions.py::test_every_apps_rules_are_registered_at_start_up_without_being_imported",
}


def _is_slow(item) -> bool:
    path = item.nodeid.partition("::")[0]
    return (
        "demo_site" in item.fixturenames
        or path in SLOW_MODULES
        or item.nodeid.partition("[")[0] in SLOW_TESTS
    )


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="leave out the tests that cannot reach the database (CI's second database run)",
    )


# Fixtures through which a test reaches the database; pytest-django refuses any query from a
# test without one of them (or the django_db marker), so such a test runs the same on SQLite
# and PostgreSQL.
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
# Tests without the database that still start a program under the environment, whose
# DATABASE_URL it reads (production settings): they run on both databases.
DATABASE_BY_ENVIRONMENT = {"tests/test_production_settings.py"}


def _reaches_database(item) -> bool:
    return (
        item.get_closest_marker("django_db") is not None
        or bool(DATABASE_FIXTURES & set(item.fixturenames))
        or item.nodeid.partition("::")[0] in DATABASE_BY_ENVIRONMENT
    )


def _only_database_tests(config, items):
    """--database-tests-only: deselect the tests that cannot depend on the database."""
    if not config.getoption("database_tests_only"):
        return
    kept, left_out = [], []
    for item in items:
        (kept if _reaches_database(item) else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def pytest_collection_modifyitems(config, items):
    """Every transactional test must use serialized_rollback; only browser tests use Playwright.

    A transactional test ends with a flush. Without serialized_rollback the flush re-creates the
    content types under new ids while ContentType's in-process cache keeps the old ones, and
    the migrations' data (Wagtail's root page, locales, groups) is gone; with it, the flush
    leaves the tables empty and the next transactional test gets the migrations' data back
    under the same ids. Mixing the two breaks whichever kind runs second.
    """
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)
        if "page" in item.fixturenames and item.get_closest_marker("browser") is None:
            # pytest-playwright parametrizes such a test per browser and pytest-django then
            # runs it among the browser tests, after their flushes: on an empty database.
            raise pytest.UsageError(
                f"{item.nodeid} uses a Playwright fixture (a parameter named 'page'?) but is "
                "not a browser test; rename it or mark the test 'browser'"
            )
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: use @pytest.mark.django_db(transaction=True, "
                "serialized_rollback=True); see tests/conftest.py"
            )
    _only_database_tests(config, items)


def forget_caches():
    """The shared cache emptied, and every per-process copy kept beside it: pages, fragments
    and sites. A database put back from a snapshot sends no signal and bumps no generation, so
    a copy kept under the same generation in an earlier test would still be served."""
    cache.clear()
    page_cache.clear_local()
    fragments.clear_local()
    sites.clear_local()


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits and the footer live in the cache; no test may see another's.
    forget_caches()
    yield
    forget_caches()


@pytest.fixture(autouse=True)
def _danish_to_begin_with():
    # A request (or a test) that activates English leaves it active in the thread; the next
    # test on the same worker must start in the site's language, as a new request does.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def fragments_on(settings):
    """The shared fragments (core.fragments) on, as in production; the per-process copies of
    the fragments and of the site are empty when the test starts and when it ends."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    fragments.clear_local()
    sites.clear_local()
    yield
    fragments.clear_local()
    sites.clear_local()


@pytest.fixture
def consultant_client(client, db):
    """The test client logged in as a volunteer consultant (`client.consultant`): staff who
    run the associations, networks and schools in the admin."""
    client.consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT], full_name="Karim Nielsen")
    client.force_login(client.consultant)
    return client


@pytest.fixture
def user(db):
    return UserFactory()


def make_home_page():
    """A published Danish home page as the default site's root, with an English translation."""
    root = Page.get_first_root_node()
    home = HomePage(title="Frivilligløft", slug="forside-test", hero_text="Kurser for frivillige.")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    english = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Frivilligløft in English"
    english.hero_text = "Courses for volunteers."
    english.save_revision().publish()
    return home


# --- Pages put back from a snapshot -----------------------------------------------------------
# A home page (and a guide index under it) is the start of most CMS tests. Building it is about
# a dozen page saves, each with its revision, search index and reference index rows (some 60 ms
# here); putting the database back from a snapshot taken once per worker is a few ms. That is
# only the same thing while the test has written nothing of its own yet (a restore would wipe
# it): `_page_baseline` follows every statement the test sends and the page fixtures build the
# pages as before once anything was written.

_NOT_WRITES = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "EXPLAIN", "SHOW")


class _Baseline:
    """Which snapshot the test database equals: "migrations" when a test begins, the name of
    the page snapshot put back since, or None once the test wrote anything itself."""

    state: str | None = None


def _note_writes(execute, sql, params, many, context):
    # Only the statement's first word is looked at (anything unknown counts as a write).
    if _Baseline.state is not None and not sql[:20].lstrip().upper().startswith(_NOT_WRITES):
        _Baseline.state = None
    return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def _page_baseline():
    _Baseline.state = "migrations"
    with connection.execute_wrapper(_note_writes):
        yield
    _Baseline.state = None


def put_back_pages(snapshot, name: str, *, after: str):
    """The pages of `snapshot` (a build_once result, taken by the fixture as a parameter so that
    it is built before the test's transaction: PostgreSQL would roll its copy back) put back and
    what build returned, if the database is still the `after` state; None if the test must
    build them itself."""
    if _Baseline.state != after:
        return None
    built, put_back = snapshot
    put_back()
    _Baseline.state = name
    return built


@pytest.fixture(scope="session")
def _home_page_snapshot(build_once):
    return build_once(lambda: make_home_page().pk, with_files=False)


@pytest.fixture
def home_page(_home_page_snapshot, db):
    """A published Danish home page as the default site's root, with an English translation."""
    pk = put_back_pages(_home_page_snapshot, "home_page", after="migrations")
    return make_home_page() if pk is None else HomePage.objects.get(pk=pk)


@pytest.fixture
def standard_page(home_page):
    page = StandardPage(title="Om Frivilligløft", slug="om", intro="Hvem vi er.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


MIGRATIONS_STATE = pytest.StashKey[snapshots.Snapshot]()
FLUSHED = pytest.StashKey[bool]()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return "transactional_db" in item.fixturenames or "live_server" in item.fixturenames


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if _is_transactional(item):
        # Its teardown flushed every table; the next transactional test reloads the
        # migrations' data itself (serialized_rollback), a plain one would find nothing.
        item.config.stash[FLUSHED] = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Put the migrations' data back before a plain database test that follows a flush.

    pytest-django runs plain tests before transactional ones, but pytest-xdist may hand a
    worker that already ran transactional tests some plain ones (worksteal)."""
    if not item.config.stash.get(FLUSHED, False) or _is_transactional(item):
        return
    if (
        item.get_closest_marker("django_db") is None
        and "db" not in item.fixturenames
        and not _is_django_test_case(item)
    ):
        return
    with item.config.stash[blocking_manager_key].unblock():
        snapshots.restore(item.config.stash[MIGRATIONS_STATE])
    item.config.stash[FLUSHED] = False


def _is_django_test_case(item) -> bool:
    # A django.test.TestCase class: its setUpTestData runs in the first test's setup, which
    # must find the migrations' data as much as a `db` test does.
    return isinstance(getattr(item, "cls", None), type) and issubclass(item.cls, TestCase)


def _flush_by_deleting(ops):
    """PostgreSQL's sql_flush with DELETE instead of TRUNCATE, for the flush that ends a
    transactional test. Every foreign key Django makes is DEFERRABLE INITIALLY DEFERRED: it is
    checked when the flush commits, with every table empty, so the order does not matter."""
    truncate = ops.sql_flush

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        # The names are the tables Django lists itself, quoted.
        return [f"DELETE FROM {ops.quote_name(table)}" for table in tables]  # noqa: S608

    return sql_flush


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's django_db_setup, with the database copied from a migrated template
    (tests/database_template.py), and the migrations' contents remembered.

    When browser tests are among the tests, Playwright starts first: its sync API switches
    the main thread into its own context, and Django keeps its database connections per
    context. Starting Playwright first means that DB setup, every test and the browser tests
    share one connection object, so transactional tests can restore the migrations' data
    (serialized_rollback) wherever they run. Without browser tests Playwright is not started.

    The migrations' data (Wagtail's root page, locales, groups, content types) is kept so that
    `demo_snapshot` can seed from it, and put back at the end: a database kept with
    --reuse-db starts the next run as migrate left it, even after a transactional test's flush.
    """
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("playwright")
    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        template = nullcontext({"keepdb": True}) if keepdb else database_template.from_template()
        with template as how:
            databases = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                **how,
            )
        migrated = snapshots.take()
    request.config.stash[MIGRATIONS_STATE] = migrated
    # serialized_rollback: a transactional test gets the migrations' data back from this
    # snapshot (about 10 ms) instead of Django deserializing them object by object from JSON
    # (about 150 ms); the same rows, and the sequences as migrate left them.
    creation = connection.creation
    creation.deserialize_db_from_string = lambda data: snapshots.restore(migrated)
    # A transactional test ends with a flush, on PostgreSQL one TRUNCATE of every table: about
    # 0.9 s here whatever the tables hold (each gets a new file). They hold a few rows, and
    # deleting them takes about 80 ms; some 200 tests end so.
    ops = connection.ops
    if connection.vendor == "postgresql":
        ops.sql_flush = _flush_by_deleting(ops)
    yield
    del creation.deserialize_db_from_string
    ops.__dict__.pop("sql_flush", None)
    with django_db_blocker.unblock():
        snapshots.restore(migrated)
        migrated.drop()
        if not keepdb:
            teardown_databases(databases, verbosity=verbosity)


@pytest.fixture(scope="session")
def demo_snapshot(request, django_db_setup, django_db_blocker):
    """`seed_demo` run once per session (per xdist worker) on the migrations' data.

    Its `output` is what the command printed. Tests take it through `demo_site`. The demo's
    certificates are issued without their PDFs, as on a machine without WeasyPrint: rendering
    about 130 PDFs was most of the seeding's half minute, and the site renders a missing PDF
    on its first download (tests/test_demo_dates.py still seeds with them).
    """
    with django_db_blocker.unblock(), mock.patch("certificates.demo.pdf_available") as pdf:
        pdf.return_value = False
        before = snapshots.take()
        snapshots.restore(request.config.stash[MIGRATIONS_STATE])
        output = io.StringIO()
        with indexes_kept():
            call_command("seed_demo", stdout=output)
        demo = snapshots.take(with_files=True)
        demo.output = output.getvalue()
        snapshots.restore(before)
        before.drop()
        forget_caches()
    yield demo
    with django_db_blocker.unblock():
        demo.drop()


@pytest.fixture(scope="session")
def build_once(request, django_db_setup, django_db_blocker):
    """build_once(build) runs build() once, on the migrations' data, keeps a snapshot of the
    database (and files, unless with_files=False) it left, and returns (what build returned,
    put_back).

    For data many tests read and none needs made afresh (tests/api's `world`): call it from a
    session-scoped fixture; the test's own fixture calls put_back(), which restores the
    snapshot inside the test's transaction and empties the cache, a fraction of building it
    again. The database is left as it was before build().
    """
    taken = []

    def once(build, *, with_files=True):
        with django_db_blocker.unblock():
            state, _Baseline.state = _Baseline.state, None
            before = snapshots.take()
            snapshots.restore(request.config.stash[MIGRATIONS_STATE])
            with transaction.atomic(), indexes_kept():
                result = build()
            snapshot = snapshots.take(with_files=with_files)
            taken.append(snapshot)
            snapshots.restore(before)
            before.drop()
            forget_caches()
            _Baseline.state = state

        def put_back():
            snapshots.restore(snapshot)
            forget_caches()

        return result, put_back

    yield once
    with django_db_blocker.unblock():
        for snapshot in taken:
            snapshot.drop()


@pytest.fixture
def demo_site(demo_snapshot, db):
    """The database and files as `seed_demo` leaves them on a fresh site (certificate PDFs
    made on first download, see demo_snapshot).

    Put back from the session's snapshot in well under a second instead of seeding again (half
    a minute). Works in plain and transactional tests (`db` follows the test's marker).
    """
    snapshots.restore(demo_snapshot)
    forget_caches()
    return demo_snapshot
