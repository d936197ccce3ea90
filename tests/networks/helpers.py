"""Helpers shared by the network view tests."""

from django.test import Client

ROLES = [
    "anonymous",
    "non_member",
    "pending",
    "member",
    "coordinator",
    "other_coordinator",
    "staff",
]


def client_for(world, role) -> Client:
    client = Client()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client
