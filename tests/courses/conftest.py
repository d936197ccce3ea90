"""Fixtures shared by the course tests."""

import pytest
from django.core import mail

from accounts.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def volunteer(client):
    """A volunteer logged in on the test client."""
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def organiser():
    """The person who runs the course in the organiser tests."""
    return UserFactory(full_name="Olga Arrangør")


@pytest.fixture
def course_admin():
    return UserFactory(roles=[Role.COURSE_ADMINISTRATOR])


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """Run the on-commit email hooks of the block and hand back mail.outbox."""

    class Capture:
        def __enter__(self):
            self.ctx = django_capture_on_commit_callbacks(execute=True)
            self.ctx.__enter__()
            return mail.outbox

        def __exit__(self, *exc):
            return self.ctx.__exit__(*exc)

    return Capture


@pytest.fixture
def course_admin_client(client):
    """The test client, logged in as a course administrator."""
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))
    return client
