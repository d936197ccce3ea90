"""In-process cost of the uncached pages, as a multiple of the bare view, with a profile.

    python -m bench.inprocess [--requests 30] [--only kurser,mine] [--profile] [--json]

Runs in one process against the configured database (DATABASE_URL: the PostgreSQL benchmark
database for recorded numbers; for a quick run any seeded database works, SQLite included:
`DATABASE_URL= ... manage.py seed_bench --courses 200` first). The anonymous page cache is
off (ANONYMOUS_PAGE_CACHE_SECONDS=0), so every request renders.

Each request goes through Django's whole handler and middleware stack (django.test.Client,
host 127.0.0.1, logged-in targets with a real session). For each target the bare view
(/bench/bare/: same middleware, no database) is timed right before and right after it, in
rounds that alternate bare and target, and the target's median is reported as a multiple of
the bare median — the same process, the same minute, so neighbours on a shared machine move
both. Besides wall time per request it reports the queries per request and the Python
function calls per request under cProfile (deterministic: the same code path makes the same
calls, whatever the machine's load), which is what before/after comparisons should use.

`--profile` adds, per target, where the time goes: the share in template rendering, in form
rendering and in SQL, and the top functions by cumulative time.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
os.environ["ANONYMOUS_PAGE_CACHE_SECONDS"] = "0"
# config.settings.bench is production's; a quick local run needs no real secrets.
os.environ.setdefault("SECRET_KEY", "bench-inprocess-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SITE_URL", "http://127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from bench.django_setup import setup

setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import uncached  # noqa: E402


def _collect_static_once() -> None:
    """Production settings serve hashed static files: a fresh checkout needs collectstatic."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command

    try:
        staticfiles_storage.stored_name("css/site.css")
    except ValueError:
        call_command("collectstatic", "--noinput", verbosity=0)


BUDGET = 60.0  # issue 17: every uncached page at most 60× the bare view in-process
BARE = "/bench/bare/"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _client(email: str | None) -> Client:
    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


class SignupPoster:
    """POSTs the signup form as a different person each time (everyone may sign up once).

    One client whose session cookie changes per request: a new Client per person would load
    the middleware again for its first request (WhiteNoise alone scans every static file),
    which a web worker does once at start, not per request."""

    def __init__(self, path: str, count: int):
        from accounts.models import User

        self.path = path
        self.client = Client(HTTP_HOST="127.0.0.1")
        # Logged in beforehand: the login is not part of what is measured.
        sessions = []
        for email in uncached.signup_people()[:count]:
            # A fresh session each (logging in over another person's session would end it).
            self.client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
            self.client.force_login(User.objects.get(email=email))
            sessions.append(self.client.cookies[settings.SESSION_COOKIE_NAME].value)
        self.sessions = iter(sessions)

    def __call__(self):
        self.client.cookies[settings.SESSION_COOKIE_NAME] = next(self.sessions)
        return self.client.post(self.path, {"association": "Bench forening", "needs": ""})


def _requester(target: uncached.Target, count: int):
    if target.method == "POST":
        return SignupPoster(target.path, count)
    client = _client(target.user)
    return lambda: client.get(target.path)


def _expect(response, target):
    wanted = 302 if target.method == "POST" else 200
    if response.status_code != wanted or "login" in response.get("Location", ""):
        raise SystemExit(f"{target.name}: {target.path} answered {response.status_code}")


def _timed(request, n: int) -> list[tuple[float, float]]:
    """(CPU seconds of this process, wall seconds) per request."""
    times = []
    for _ in range(n):
        cpu, wall = time.process_time(), time.perf_counter()
        request()
        times.append((time.process_time() - cpu, time.perf_counter() - wall))
    return times


def _calls(request, n: int) -> tuple[int, cProfile.Profile]:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(n):
        request()
    profile.disable()
    stats = pstats.Stats(profile)
    return stats.total_calls // n, profile


def _cumulative(stats: pstats.Stats, path_end: str, name: str) -> float:
    """Cumulative time of one function (cProfile counts a recursive function's time once)."""
    return sum(
        ct
        for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
        if filename.endswith(path_end) and function == name
    )


def _summary(profile: cProfile.Profile, n: int, top: int) -> str:
    stats = pstats.Stats(profile)
    total = stats.total_tt or 1e-9

    parts = [
        f"templates {_cumulative(stats, 'template/backends/django.py', 'render') / total:.0%}",
        f"forms {_cumulative(stats, 'forms/renderers.py', 'render') / total:.0%}",
        f"SQL {_cumulative(stats, 'db/backends/utils.py', '_execute') / total:.0%}",
    ]
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(top)
    lines = [
        line for line in out.getvalue().splitlines() if line.strip() and "{built-in" not in line
    ]
    head = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return f"    share of profiled time: {', '.join(parts)}\n" + "\n".join(
        "    " + line for line in lines[head:]
    )


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def measure(targets, requests: int, rounds: int, profile: bool, top: int) -> list[dict]:
    bare = _client(None)
    bare_get = lambda: bare.get(BARE)  # noqa: E731
    _timed(bare_get, 20)  # warm up
    rows = []
    for target in targets:
        request = _requester(target, requests + 3 * 2 + 10)
        _expect(request(), target)
        _timed(request, 2)  # warm up: template loader, caches, connection
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            request()
        queries = counter.count
        bare_times, target_times = [], []
        per_round = max(requests // rounds, 1)
        bare_times += _timed(bare_get, per_round * 2)
        for _ in range(rounds):
            target_times += _timed(request, per_round)
            bare_times += _timed(bare_get, per_round * 2)
        calls, prof = _calls(request, 3)
        bare_calls, _ = _calls(bare_get, 3)
        target_ms = statistics.median(cpu for cpu, _ in target_times) * 1000
        bare_ms = statistics.median(cpu for cpu, _ in bare_times) * 1000
        wall_ms = statistics.median(wall for _, wall in target_times) * 1000
        bare_wall_ms = statistics.median(wall for _, wall in bare_times) * 1000
        row = {
            "name": target.name,
            "path": target.path,
            "ms": target_ms,
            "bare_ms": bare_ms,
            "ratio": target_ms / bare_ms,
            "wall_ms": wall_ms,
            "wall_ratio": wall_ms / bare_wall_ms,
            "wall_p95_ms": _p95([wall for _, wall in target_times]) * 1000,
            "cpu_p95_ms": _p95([cpu for cpu, _ in target_times]) * 1000,
            "queries": queries,
            "calls": calls,
            "calls_ratio": calls / bare_calls,
        }
        if profile:
            row["profile"] = _summary(prof, 3, top)
        rows.append(row)
        print(
            f"{target.name}: {target_ms:.1f} ms CPU = {row['ratio']:.0f}× bare ({bare_ms:.2f} ms); "
            f"wall {wall_ms:.1f} ms = {row['wall_ratio']:.0f}×; {queries} queries, {calls} calls",
            flush=True,
        )
        if profile:
            print(row["profile"], flush=True)
    return rows


def table(rows) -> str:
    lines = [
        "| target | CPU ms | × bare | wall ms | × bare (wall) | queries | function calls "
        "| × bare (calls) | budget |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        verdict = "ok" if row["ratio"] <= BUDGET else "MISS"
        lines.append(
            f"| {row['name']} | {row['ms']:.1f} | {row['ratio']:.0f} | {row['wall_ms']:.1f} | "
            f"{row['wall_ratio']:.0f} | {row['queries']} | "
            f"{row['calls']:,} | {row['calls_ratio']:.0f} | {verdict} (≤ {BUDGET:.0f}×) |"
        )
    bare = statistics.median(row["bare_ms"] for row in rows) if rows else 0
    lines.append("")
    lines.append(
        f"Bare view: {bare:.2f} ms CPU median in this process ({connection.vendor}). The budget "
        "applies to the CPU-time multiple (this process's CPU time: on a shared machine wall "
        "time also counts the time other processes hold the CPU); call counts are "
        "deterministic."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per target")
    parser.add_argument("--rounds", type=int, default=3, help="bare/target alternations")
    parser.add_argument("--only", help="targets whose name contains one of these (comma-separated)")
    parser.add_argument("--profile", action="store_true", help="print a profile per target")
    parser.add_argument("--top", type=int, default=25, help="functions in each profile")
    parser.add_argument("--json", action="store_true", help="end with one INPROCESS {json} line")
    args = parser.parse_args()

    _collect_static_once()
    targets = uncached.targets()
    if args.only:
        wanted = [part.strip() for part in args.only.split(",")]
        targets = [t for t in targets if any(part in t.name for part in wanted)]
    rows = measure(targets, args.requests, args.rounds, args.profile, args.top)
    print()
    print(table(rows))
    if args.json:
        print(
            "INPROCESS "
            + json.dumps([{k: v for k, v in r.items() if k != "profile"} for r in rows])
        )


if __name__ == "__main__":
    main()
