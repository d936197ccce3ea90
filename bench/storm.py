"""Signup storm: many people press "Tilmeld mig" on one course in the same instant.

`python -m bench.storm --people 200 --seats 20 --port 8100 --port 8101` creates a fresh course
with `--seats` seats and a waiting list, logs `--people` new people in (sessions created
server-side, CSRF cookie + token set like a browser would), releases every request at once
from its own thread, spread over the given gunicorn servers (separate processes sharing one
PostgreSQL), and checks the outcome in the database: exactly `seats` confirmed, everyone else
on the waiting list with unique positions 1…n, no request answered with an error. Prints one
JSON line. Used by bench/run.py; needs DATABASE_URL of the benchmark database.
"""

import argparse
import http.client
import json
import secrets
import statistics
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock
from urllib.parse import urlencode

from bench.django_setup import setup

setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from courses.models import (  # noqa: E402
    Course,
    CourseStatus,
    Meeting,
    Signup,
    SignupStatus,
    WaitingListMode,
)


def make_course(seats: int) -> Course:
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    day = timezone.localdate() + timedelta(days=21)
    starts = timezone.make_aware(datetime.combine(day, clock(18)))
    course = Course.objects.create(
        title=f"Stormkursus {stamp}",
        slug=f"bench-storm-{stamp}-{secrets.token_hex(3)}",
        summary="Tilmeldingsstorm til benchmark.",
        status=CourseStatus.PUBLISHED,
        capacity=seats,
        waiting_list_mode=WaitingListMode.AUTOMATIC,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        signup_deadline=starts - timedelta(days=1),
    )
    Meeting.objects.create(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3))
    return course


def make_people(count: int, course: Course) -> list[dict[str, str]]:
    users = User.objects.bulk_create(
        User(email=f"storm-{course.pk}-{i}@bench.frivilligloeft.test", full_name=f"Storm {i}")
        for i in range(count)
    )
    people = []
    for user in users:
        client = Client()
        client.force_login(user)  # a real session in the configured session store
        people.append({"session": client.cookies["sessionid"].value, "csrf": secrets.token_hex(16)})
    return people


def press(host, port, path, person, barrier, results, lock):
    body = urlencode({"csrfmiddlewaretoken": person["csrf"], "association": "Stormforeningen"})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={person['session']}; csrftoken={person['csrf']}",
        "Host": f"{host}:{port}",
        "Origin": f"http://{host}:{port}",
        "Referer": f"http://{host}:{port}{path}",
    }
    conn = http.client.HTTPConnection(host, port, timeout=120)
    conn.connect()
    barrier.wait()
    started = time.perf_counter()
    try:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    except OSError as error:
        status = f"{type(error).__name__}"
    elapsed = time.perf_counter() - started
    with lock:
        results.append((status, elapsed))
    conn.close()


def storm(people_count: int, seats: int, host: str, ports: list[int]) -> dict:
    course = make_course(seats)
    people = make_people(people_count, course)
    connection.close()
    path = f"/kurser/{course.slug}/tilmeld/"
    barrier = threading.Barrier(len(people))
    results: list[tuple] = []
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=press,
            args=(host, ports[i % len(ports)], path, person, barrier, results, lock),
        )
        for i, person in enumerate(people)
    ]
    started, client_cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    # The client's own CPU (threads, HTTP): it shares the machine's cores with the servers.
    client_cpu = time.process_time() - client_cpu

    signups = Signup.objects.filter(course=course)
    confirmed = signups.filter(status=SignupStatus.CONFIRMED).count()
    positions = list(
        signups.filter(status=SignupStatus.WAITLISTED)
        .order_by("queue_number")
        .values_list("queue_number", flat=True)
    )
    latencies = sorted(elapsed for _, elapsed in results)
    errors = [status for status, _ in results if status != 302]
    expected_waiting = people_count - seats
    outcome = {
        "people": people_count,
        "seats": seats,
        "servers": len(ports),
        "confirmed": confirmed,
        "waitlisted": len(positions),
        "positions_unique_1_to_n": positions == list(range(1, expected_waiting + 1)),
        "errors": len(errors),
        "error_statuses": sorted({str(status) for status in errors}),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1),
        "wall_s": round(wall, 2),
        "client_cpu_s": round(client_cpu, 2),
    }
    outcome["ok"] = (
        confirmed == seats
        and len(positions) == expected_waiting
        and outcome["positions_unique_1_to_n"]
        and not errors
    )
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, action="append", required=True)
    args = parser.parse_args()
    print("STORM " + json.dumps(storm(args.people, args.seats, args.host, args.port)))


if __name__ == "__main__":
    main()
