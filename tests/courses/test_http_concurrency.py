"""Many people pressing "Tilmeld mig" at the same moment, through the whole HTTP stack.

On SQLite the database file is the lock (IMMEDIATE transactions with a busy timeout); on
PostgreSQL the course row is. Either way nobody may see a 500 and nobody may get a seat
that is not there. Runs on both databases.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from accounts.models import User
from courses.models import Signup, SignupStatus
from tests.courses.factories import CourseFactory
from tests.courses.test_concurrency import one_race_at_a_time

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_simultaneous_signups_over_http_never_give_a_500():
    course = CourseFactory(capacity=5)
    users = User.objects.bulk_create(
        User(email=f"http-{i}@example.org", full_name=f"Frivillig {i}", password="!")
        for i in range(20)
    )
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []
    lock = threading.Lock()

    def press(client):
        barrier.wait()
        try:
            response = client.post(f"/kurser/{course.slug}/tilmeld/", {})
            with lock:
                statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(client,)) for client in clients]
    with one_race_at_a_time():  # 20 connections; the other xdist worker's races wait
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    assert sorted(statuses) == [302] * 20
    signups = Signup.objects.filter(course=course)
    assert signups.filter(status=SignupStatus.CONFIRMED).count() == 5
    assert sorted(
        signups.filter(status=SignupStatus.WAITLISTED).values_list("queue_number", flat=True)
    ) == list(range(1, 16))
