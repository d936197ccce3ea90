"""Fixtures shared by the course tests."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def volunteer(client):
    """A volunteer logged in on the test client."""
    user = UserFactory()
    client.force_login(user)
    return user
