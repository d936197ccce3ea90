"""EXPLAIN ANALYZE of every query the main lists run, against the benchmark database.

    python -m bench.explain [--slowest 3] [--plans] [--uncached]

Requests the catalogue (plain, filtered, searched), the site search, a personal calendar feed
(about 100 events), Mine sider and Mine kurser through the whole stack (Django's test client,
caches off so every query runs), records each SQL statement with its parameters, then runs
`EXPLAIN (ANALYZE, BUFFERS)` on each on PostgreSQL. Prints per page the number of queries, their
summed execution time, and the slowest statements with their plans (`--plans`). Used to compare
1× and 10× data (`seed_bench --scale 10`) and to find the indexes that are missing.
`--uncached` explains the GET pages of the uncached section instead (bench/uncached.py: the
course page, guide pages, Mine sider, the participant overview, networks, associations …).
"""

import argparse
import os
import re

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
os.environ["ANONYMOUS_PAGE_CACHE_SECONDS"] = "0"
os.environ["FRAGMENT_CACHE_SECONDS"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-explain-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SITE_URL", "http://127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from bench.django_setup import setup

setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import targets, uncached  # noqa: E402

EXECUTION = re.compile(r"Execution Time: ([0-9.]+) ms")


class Recorder:
    def __init__(self):
        self.statements: list[tuple[str, tuple]] = []

    def __call__(self, execute, sql, params, many, context):
        if not many and sql.lstrip().upper().startswith("SELECT"):
            self.statements.append((sql, params))
        return execute(sql, params, many, context)


def pages() -> list[tuple[str, str, str | None]]:
    from courses.queries import catalogue_courses
    from taxonomy.models import Topic

    person = uncached.prepare()["volunteer"]
    upcoming = catalogue_courses().filter(slug__startswith="bench-")
    topic = Topic.objects.filter(courses__in=upcoming).order_by("slug").first()
    feed = next(path for name, path in targets.feed_targets().items() if "personal" in name)
    return [
        ("catalogue", "/kurser/", None),
        ("catalogue, last page", "/kurser/?page=last", None),
        ("catalogue, topic + format", f"/kurser/?topic={topic.slug}&format=in_person", None),
        ("catalogue, text search", "/kurser/?q=førstehjælp", None),
        ("catalogue as volunteer", "/kurser/", person),
        ("site search", "/soeg/?q=frivillig", None),
        ("personal feed", feed, None),
        ("Mine sider", "/mine-sider/", person),
        ("Mine kurser", "/mine-sider/kurser/", person),
    ]


def uncached_pages() -> list[tuple[str, str, str | None]]:
    return [(t.name, t.path, t.user) for t in uncached.targets() if t.method == "GET"]


def explain(sql: str, params) -> tuple[float, str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    match = EXECUTION.search(plan)
    return (float(match.group(1)) if match else 0.0), plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slowest", type=int, default=2, help="statements shown per page")
    parser.add_argument("--plans", action="store_true", help="print their plans")
    parser.add_argument(
        "--uncached", action="store_true", help="the uncached section's GET pages instead"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench.explain needs PostgreSQL (DATABASE_URL)")
    from accounts.models import User

    print("| page | status | queries | summed execution ms | slowest statement ms |")
    print("|---|---:|---:|---:|---:|")
    details = []
    for name, path, email in uncached_pages() if args.uncached else pages():
        client = Client(HTTP_HOST="127.0.0.1")
        if email:
            client.force_login(User.objects.get(email=email))
        cache.clear()
        client.get(path)  # warm: connection, templates
        cache.clear()
        recorder = Recorder()
        with connection.execute_wrapper(recorder):
            response = client.get(path)
        timed = sorted(
            ((*explain(sql, params), sql) for sql, params in recorder.statements),
            key=lambda row: row[0],
            reverse=True,
        )
        total = sum(ms for ms, _plan, _sql in timed)
        slowest = timed[0][0] if timed else 0.0
        print(
            f"| {name} (`{path[:40]}`) | {response.status_code} | {len(recorder.statements)} | "
            f"{total:.2f} | {slowest:.2f} |",
            flush=True,
        )
        details.append((name, timed[: args.slowest]))
    if args.plans:
        for name, timed in details:
            for ms, plan, sql in timed:
                print(f"\n## {name}: {ms:.2f} ms\n{sql[:600]}\n{plan}")


if __name__ == "__main__":
    main()
