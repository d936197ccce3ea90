import os

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, StandardPage
from core import page_cache
from tests.factories import UserFactory

# Playwright's sync API (started before the database, see django_db_setup below) runs an event
# loop in this thread; Django refuses ORM calls inside one unless told it is on purpose.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Every transactional test must use serialized_rollback; only browser tests use Playwright.

    A transactional test ends with a flush. Without serialized_rollback the flush re-creates the
    content types under new ids while ContentType's in-process cache keeps the old ones, and
    the migrations' data (Wagtail's root page, locales, groups) is gone; with it, the flush
    leaves the tables empty and the next transactional test gets the migrations' data back
    under the same ids. Mixing the two breaks whichever kind runs second.
    """
    for item in items:
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


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits and the footer live in the cache; no test may see another's.
    cache.clear()
    page_cache.clear_local()
    yield
    cache.clear()
    page_cache.clear_local()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def home_page(db):
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


@pytest.fixture
def standard_page(home_page):
    page = StandardPage(title="Om Frivilligløft", slug="om", intro="Hvem vi er.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(scope="session")
def django_db_setup(playwright, django_db_setup):
    """Create the test database after Playwright has started.

    Playwright's sync API switches the main thread into its own context, and Django keeps its
    database connections per context. Starting Playwright first means that DB setup, every
    test and the browser tests share one connection object, so transactional tests can
    restore the migrations' data (serialized_rollback) wherever they run.
    """
    return django_db_setup
