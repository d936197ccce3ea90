"""Signups under real concurrency, on PostgreSQL.

Threads start together behind a barrier and each runs a service in its own database
connection. PostgreSQL's default max_connections is 100 and the server is shared, so at most
MAX_CONNECTIONS threads hold a connection at once; the rest queue on a semaphore and join the
race as soon as a connection is free. That is still far more contention than the course
lock ever sees in production.

Removing `select_for_update()` from courses.services.base.lock_course makes these tests fail
(more than 10 confirmed, duplicate queue numbers): see the report of the courses branch.
"""

import fcntl
import tempfile
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection, connections

from accounts.models import User
from courses import services
from courses.models import Signup, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist

MAX_CONNECTIONS = 40
# pytest-xdist runs a test per core, each worker with a database of its own but all on one
# PostgreSQL server (max_connections 100 by default): one race at a time, across processes.
RACE_LOCK = Path(tempfile.gettempdir()) / "frivilligloeft-test-races.lock"


@contextmanager
def one_race_at_a_time():
    with RACE_LOCK.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# Every test module that races threads on PostgreSQL is marked with these (pytestmark).
REAL_RACES = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks need PostgreSQL: SQLite serialises every write transaction anyway "
        "(run with DATABASE_URL=postgres://…; CI always does)",
    ),
]
pytestmark = REAL_RACES


def race(jobs: Iterable[Callable[[], object]]) -> tuple[list[object], list[BaseException]]:
    """Run every job in its own thread, all released at the same moment."""
    jobs = list(jobs)
    barrier = threading.Barrier(len(jobs))
    slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(job):
        try:
            barrier.wait()
            with slots:
                try:
                    result = job()
                finally:
                    connections.close_all()
            with lock:
                results.append(result)
        except BaseException as error:  # collected and reported by the test
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    with one_race_at_a_time():
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results, errors


def make_users(count: int, prefix: str) -> list[User]:
    return User.objects.bulk_create(
        User(email=f"{prefix}-{i}@example.org", full_name=f"Frivillig {i}", password="!")
        for i in range(count)
    )


@pytest.mark.parametrize("round_number", range(20), ids=lambda n: f"round-{n + 1}")
def test_100_people_racing_for_10_seats_get_10_seats_and_a_fifo_waiting_list(round_number):
    course = CourseFactory(capacity=10)
    users = make_users(100, f"r{round_number}")

    results, errors = race(lambda user=user: services.sign_up(course, user) for user in users)

    assert errors == []
    assert len(results) == 100
    signups = list(Signup.objects.filter(course=course).order_by("pk"))
    confirmed = [s for s in signups if s.status == SignupStatus.CONFIRMED]
    waiting = [s for s in signups if s.status == SignupStatus.WAITLISTED]
    assert (len(confirmed), len(waiting), len(signups)) == (10, 90, 100)
    # Unique positions 1..90, handed out in the order the signups were made: the first ten
    # through the lock got the seats, everyone after them queues in arrival order.
    assert sorted(s.queue_number for s in waiting) == list(range(1, 91))
    assert [s.queue_number for s in waiting] == list(range(1, 91))
    assert max(s.pk for s in confirmed) < min(s.pk for s in waiting)


@pytest.mark.parametrize("round_number", range(5), ids=lambda n: f"round-{n + 1}")
def test_concurrent_cancellations_and_signups_never_exceed_capacity(round_number):
    course = CourseFactory(capacity=10)
    holders = [SignupFactory(course=course, user=u) for u in make_users(10, f"h{round_number}")]
    queued = waitlist(course, make_users(20, f"w{round_number}"))
    newcomers = make_users(30, f"n{round_number}")

    jobs = [lambda s=s: services.cancel_signup(s, by=s.user) for s in holders]
    jobs += [lambda u=u: services.sign_up(course, u) for u in newcomers]
    results, errors = race(jobs)

    assert errors == []
    assert len(results) == 40
    confirmed = set(
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    # Every freed seat went to the next person who was already waiting, in order; no
    # newcomer jumped the queue and no seat was given twice.
    assert confirmed == {s.pk for s in queued[:10]}
    still_waiting = list(
        Signup.objects.filter(course=course, status=SignupStatus.WAITLISTED)
        .order_by("queue_number")
        .values_list("user_id", "queue_number")
    )
    assert [user_id for user_id, _ in still_waiting[:10]] == [s.user_id for s in queued[10:]]
    assert [number for _, number in still_waiting] == list(range(11, 51))


def test_20_concurrent_signups_by_one_person_create_one_signup():
    course = CourseFactory(capacity=10)
    (user,) = make_users(1, "same")

    results, errors = race(lambda: services.sign_up(course, user) for _ in range(20))

    assert errors == []
    assert len({signup.pk for signup in results}) == 1
    assert Signup.objects.filter(course=course, user=user).count() == 1
    assert Signup.objects.get(course=course, user=user).status == SignupStatus.CONFIRMED


def test_concurrent_capacity_raise_and_signups_promote_in_order():
    admin = User.objects.create_user("admin-race@example.org", is_superuser=True, is_staff=True)
    course = CourseFactory(capacity=5)
    for user in make_users(5, "cap-h"):
        SignupFactory(course=course, user=user)
    queued = waitlist(course, make_users(10, "cap-w"))
    newcomers = make_users(20, "cap-n")

    jobs = [lambda: services.change_capacity(course, 10, by=admin)]
    jobs += [lambda u=u: services.sign_up(course, u) for u in newcomers]
    results, errors = race(jobs)

    assert errors == []
    assert len(results) == 21
    confirmed = Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
    assert confirmed.count() == 10
    assert set(confirmed.exclude(queue_number=None).values_list("pk", flat=True)) == {
        s.pk for s in queued[:5]
    }


def test_a_signup_that_waits_too_long_for_the_lock_is_asked_to_try_again(monkeypatch):
    """The lock's settings, the lock and the counts go in one round trip
    (lock_course_and_count); the lock timeout still becomes a message, and nothing is saved."""
    course = CourseFactory(capacity=5)
    [person] = make_users(1, "waits")
    monkeypatch.setattr("courses.services.base.LOCK_TIMEOUT", "200ms")
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock():
        from django.db import transaction

        try:
            with transaction.atomic():
                services.lock_course(course.pk)
                holding.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert holding.wait(timeout=30)
        with pytest.raises(services.CourseError, match="Mange tilmelder sig lige nu"):
            services.sign_up(course, person)
    finally:
        release.set()
        holder.join(timeout=30)

    assert not Signup.objects.filter(course=course).exists()
    assert services.sign_up(course, person).status == SignupStatus.CONFIRMED


def test_ten_simultaneous_identical_wishes_make_one_wish():
    """A double click on "propose" sends the wish twice at once: one wish, supported once."""
    from courses.models import CourseWish, WishSupport
    from tests.courses.factories import TopicFactory

    [person] = make_users(1, "wishes")
    topic = TopicFactory()

    results, errors = race(
        lambda: (
            services.propose_wish(
                person, topic=topic, title="Regnskab for begyndere", expected_participants=8
            ).pk
        )
        for _ in range(10)
    )

    assert errors == []
    assert len(set(results)) == 1
    assert CourseWish.objects.count() == 1
    assert WishSupport.objects.count() == 1
