"""Signup storm: many people press "Tilmeld mig" on one course in the same instant.

`python -m bench.storm --people 200 --seats 20 --port 8100 --port 8101` creates a fresh course
with `--seats` seats and a waiting list, logs `--people` new people in (sessions created
server-side, CSRF cookie + token set like a browser would), sends every request at once, each
on a connection of its own, spread over the given gunicorn servers (separate processes sharing
one PostgreSQL), and checks the outcome in the database: exactly `seats` confirmed, everyone else
on the waiting list with unique positions 1…n, no request answered with an error. Prints one
JSON line. Used by bench/run.py; needs DATABASE_URL of the benchmark database.
"""

import argparse
import json
import secrets
import selectors
import socket
import statistics
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


def request_bytes(host: str, port: int, path: str, person: dict[str, str]) -> bytes:
    body = urlencode({"csrfmiddlewaretoken": person["csrf"], "association": "Stormforeningen"})
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Cookie: sessionid={person['session']}; csrftoken={person['csrf']}\r\n"
        f"Origin: http://{host}:{port}\r\n"
        f"Referer: http://{host}:{port}{path}\r\n"
        "Connection: close\r\n\r\n"
    )
    return (head + body).encode()


def press_all(host: str, ports: list[int], path: str, people: list[dict]) -> list[tuple]:
    """Every person's POST on a connection of its own, all sent in one go, every answer read
    as it comes: (status, seconds from sending to the end of the answer) per person.

    One thread and a selector, so the client's own CPU (it shares the machine's cores with
    the servers) stays small: 200 threads with http.client cost ~1 ms of CPU a request and
    held the answers' reading back behind the GIL. The servers close each connection after
    the answer (Connection: close), so an answer ends when the socket does."""
    selector = selectors.DefaultSelector()
    pending = {}
    for i, person in enumerate(people):
        port = ports[i % len(ports)]
        sock = socket.create_connection((host, port), timeout=120)
        sock.setblocking(False)
        pending[sock] = [request_bytes(host, port, path, person), bytearray(), 0.0]
    for sock, state in pending.items():  # released together: ~10 µs a send
        state[2] = time.perf_counter()
        sent = sock.send(state[0])
        state[0] = state[0][sent:]
        selector.register(sock, selectors.EVENT_WRITE if state[0] else selectors.EVENT_READ, state)
    results = []
    deadline = time.monotonic() + 120
    while pending and time.monotonic() < deadline:
        for key, events in selector.select(timeout=1):
            sock, state = key.fileobj, key.data
            if events & selectors.EVENT_WRITE:
                sent = sock.send(state[0])
                state[0] = state[0][sent:]
                if not state[0]:
                    selector.modify(sock, selectors.EVENT_READ, state)
                continue
            try:
                chunk = sock.recv(65536)
            except ConnectionError as error:
                chunk, state[1] = b"", type(error).__name__
            if chunk:
                state[1] += chunk
                continue
            elapsed = time.perf_counter() - state[2]
            selector.unregister(sock)
            sock.close()
            del pending[sock]
            results.append((_status(state[1]), elapsed))
    for sock in pending:  # no answer within two minutes
        results.append(("timeout", 120.0))
        sock.close()
    return results


def _status(answer) -> int | str:
    if isinstance(answer, str):
        return answer
    try:
        return int(bytes(answer).split(b" ", 2)[1])
    except (IndexError, ValueError):
        return "no answer"


def storm(people_count: int, seats: int, host: str, ports: list[int]) -> dict:
    course = make_course(seats)
    people = make_people(people_count, course)
    connection.close()
    path = f"/kurser/{course.slug}/tilmeld/"
    started, client_cpu = time.perf_counter(), time.process_time()
    results = press_all(host, ports, path, people)
    wall = time.perf_counter() - started
    # The client's own CPU (connecting, sending, reading): it shares the machine's cores with
    # the servers.
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
